/**
 * Exports a trained context network as one self-describing `.onnx` file (opset 17) with the
 * inputs and outputs of `context-format.ts`, computing what `context-network.ts` computes: names
 * the weights as `context-graph.ts` reads them and lets it write the graph.
 * Written with the repository's own ONNX writer (`src/nlu/onnx/onnx-writer.ts`), so export also
 * runs in a browser Worker.
 *
 * @module
 */
import { dequantizeUint8, quantizeUint8 } from '../../nlu/onnx/quantize.ts';
import {
  CONTEXT_FORMAT_VERSION,
  CONTEXT_LAYOUT,
  encodeContextMetadata,
  type ContextModelMetadata,
} from '../context-format.ts';
import { encodeContextGraph, GraphParts } from './context-graph.ts';
import { mapDenseTensors, type ContextWeights, type HeadWeights } from './context-network.ts';
import type { TrainedContextModel } from './context-trainer.ts';

/** Options of {@link exportContextOnnx}. */
export interface ContextExportOptions {
  /** Store the embedding table as uint8 (Gather → DequantizeLinear): about 4× smaller. @default true */
  quantize?: boolean;
  /**
   * Also store every weight matrix (not the biases) as uint8 with its own scale, dequantized in
   * the graph: the matrices shrink 4× (what keeps a shipped model within its size budget) for a
   * small change in the outputs (the in-memory predictor given the same option matches it). @default false
   */
  quantizeDense?: boolean;
}

/**
 * The metadata a trained model is exported with.
 * @param model the trained model
 * @param quantize whether the table is stored as uint8
 * @param dim the embedding width
 * @returns the metadata
 */
export function contextMetadataOf(model: TrainedContextModel, quantize: boolean, dim: number): ContextModelMetadata {
  return {
    format: CONTEXT_FORMAT_VERSION,
    name: model.name,
    version: model.version,
    language: model.language,
    featurizer: model.featurizer,
    spec: model.spec,
    weights: quantize ? 'uint8' : 'float32',
    metrics: { ...model.metrics },
    layout: { ...CONTEXT_LAYOUT, dim },
  };
}

/**
 * The weights exactly as the exported graph computes with them: with `quantize`, the table goes
 * through uint8 and back. The in-memory predictor uses these to match the ONNX model.
 * @param model the trained model
 * @param quantize whether the export is quantized
 * @returns the effective weights
 */
export function effectiveContextWeights(
  model: TrainedContextModel,
  quantize: boolean,
  quantizeDense = false,
): ContextWeights {
  const w = model.weights;
  const roundTrip = (a: Float32Array) => dequantizeUint8(quantizeUint8(a));
  return {
    ...(quantizeDense ? mapDenseTensors(w, (name, a) => (isMatrix(name) ? roundTrip(a) : a)) : w),
    embedding: quantize ? roundTrip(w.embedding) : w.embedding,
  };
}

/** Whether `quantizeDense` stores this dense tensor as uint8: the matrices, not the biases or score vectors. */
function isMatrix(name: string): boolean {
  return /(^|\.)w[a-z]$/.test(name);
}

/** The weights of one candidate head, named `<prefix>_<tensor>`. */
function headWeights(
  parts: GraphParts,
  prefix: string,
  h: HeadWeights,
  dims: { dim: number; hidden: number; features: number; width: number },
): void {
  const { dim, hidden, features, width } = dims;
  const n = (s: string) => `${prefix}_${s}`;
  parts.weight(n('wa'), [dim, width], h.wa, true);
  parts.weight(n('wb'), [dim, width], h.wb, true);
  parts.weight(n('wd'), [dim, width], h.wd, true);
  parts.weight(n('wf'), [features, width], h.wf, true);
  parts.weight(n('wg'), [hidden, width], h.wg, true);
  parts.weight(n('b'), [width], h.b, false);
  parts.weight(n('v'), [width, 1], h.v, false);
}

/**
 * Writes `model` as ONNX bytes of the current format: the inputs `ids` and `x` and the output
 * `out`, laid out as `context-format.ts` says (graph: `context-graph.ts`).
 *
 * @param model the trained model
 * @param options export options
 * @returns the `.onnx` file's bytes
 * @example
 * ```ts
 * const bytes = exportContextOnnx(await trainContextModel(turns, { spec }));
 * ```
 */
export function exportContextOnnx(model: TrainedContextModel, options: ContextExportOptions = {}): Uint8Array {
  const quantize = options.quantize ?? true;
  const w = model.weights;
  const { dim, hidden, state, commands, candFeatures, slotFeatures, candHidden, slotHidden } = w.shape;
  const rows = w.embedding.length / dim;
  const parts = new GraphParts(options.quantizeDense ?? false);
  // Row indices fit in 16 bits in any model small enough to ship: half the size of the remap.
  parts.constant(
    rows <= 0xffff
      ? { name: 'remap', type: 'uint16', dims: [w.remap.length], data: Uint16Array.from(w.remap) }
      : { name: 'remap', type: 'int32', dims: [w.remap.length], data: w.remap },
  );
  parts.weight('wg', [2 * dim + state, hidden], w.wg, true);
  parts.weight('bg', [hidden], w.bg, false);
  parts.weight('wc', [hidden, commands], w.wc, true);
  parts.weight('bc', [commands], w.bc, false);
  parts.weight('ws', [hidden, 1], w.ws, true);
  parts.weight('bs', [1], w.bs, false);
  if (quantize) {
    const q = quantizeUint8(w.embedding);
    parts.constant({ name: 'embedding_q', type: 'uint8', dims: [rows, dim], data: q.data });
    parts.constant({ name: 'embedding_scale', type: 'float32', dims: [], data: Float32Array.of(q.scale) });
    parts.constant({ name: 'embedding_zero_point', type: 'uint8', dims: [], data: Uint8Array.of(q.zeroPoint) });
  } else {
    parts.constant({ name: 'embedding', type: 'float32', dims: [rows, dim], data: w.embedding });
  }
  headWeights(parts, 'cand', w.cand, { dim, hidden, features: candFeatures, width: candHidden });
  headWeights(parts, 'slot', w.slot, { dim, hidden, features: slotFeatures, width: slotHidden });
  return encodeContextGraph(model.name, parts, w.shape, encodeContextMetadata(contextMetadataOf(model, quantize, dim)));
}
