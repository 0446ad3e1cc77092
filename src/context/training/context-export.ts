/**
 * Exports a trained context network as one self-describing `.onnx` file (opset 17) with the
 * inputs and outputs of `context-format.ts`, computing what `context-network.ts` computes.
 * Written with the repository's own ONNX writer (`src/nlu/onnx/onnx-writer.ts`), so export also
 * runs in a browser Worker.
 *
 * @module
 */
import type { OnnxNode, OnnxTensor } from '../../nlu/onnx/onnx-model.ts';
import { encodeOnnxModel } from '../../nlu/onnx/onnx-writer.ts';
import { dequantizeUint8, quantizeUint8 } from '../../nlu/onnx/quantize.ts';
import { CHECKSUM_KEY } from '../../nlu/onnx/model-format.ts';
import { CONTEXT_FORMAT_VERSION, encodeContextMetadata, type ContextModelMetadata } from '../context-format.ts';
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

/** The version of Confidant written as the producer. */
const PRODUCER_VERSION = '0.1.0';

/** The score added to padded candidates before the softmax (they get probability 0). */
const PAD_PENALTY = 1e9;

/**
 * The metadata a trained model is exported with.
 * @param model the trained model
 * @param quantize whether the table is stored as uint8
 * @returns the metadata
 */
export function contextMetadataOf(model: TrainedContextModel, quantize: boolean): ContextModelMetadata {
  return {
    format: CONTEXT_FORMAT_VERSION,
    name: model.name,
    version: model.version,
    language: model.language,
    featurizer: model.featurizer,
    spec: model.spec,
    weights: quantize ? 'uint8' : 'float32',
    metrics: { ...model.metrics },
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

const f32 = (name: string, dims: number[], data: Float32Array): OnnxTensor => ({ name, type: 'float32', dims, data });

/** Collects initializers, and the DequantizeLinear nodes of quantized matrices (which must come first). */
class GraphParts {
  readonly initializers: OnnxTensor[] = [];
  readonly prelude: OnnxNode[] = [];
  readonly #quantizeDense: boolean;

  constructor(quantizeDense: boolean) {
    this.#quantizeDense = quantizeDense;
  }

  constant(t: OnnxTensor): void {
    this.initializers.push(t);
  }

  /** A float tensor of the network, stored as uint8 + DequantizeLinear when it is a quantized matrix. */
  weight(name: string, dims: number[], data: Float32Array, matrix: boolean): void {
    if (!(matrix && this.#quantizeDense)) {
      this.initializers.push(f32(name, dims, data));
      return;
    }
    const q = quantizeUint8(data);
    this.initializers.push(
      { name: `${name}_q`, type: 'uint8', dims, data: q.data },
      f32(`${name}_scale`, [], Float32Array.of(q.scale)),
      { name: `${name}_zero_point`, type: 'uint8', dims: [], data: Uint8Array.of(q.zeroPoint) },
    );
    this.prelude.push({
      op: 'DequantizeLinear',
      inputs: [`${name}_q`, `${name}_scale`, `${name}_zero_point`],
      outputs: [name],
    });
  }
}

/** Nodes of the mean embedding of `input` (int64 `[N, L]`, 0 = padding) → `out` `[N, dim]`. */
function bagNodes(input: string, out: string, quantized: boolean, remap16: boolean): OnnxNode[] {
  const p = `${input}_`;
  const gather = (inputs: string[], o: string): OnnxNode => ({
    op: 'Gather',
    inputs,
    outputs: [o],
    attributes: [{ name: 'axis', int: 0 }],
  });
  return [
    ...(remap16
      ? [
          gather(['remap', input], `${p}rows16`),
          { op: 'Cast', inputs: [`${p}rows16`], outputs: [`${p}rows`], attributes: [{ name: 'to', int: 6 }] },
        ]
      : [gather(['remap', input], `${p}rows`)]),
    // Gather the uint8 rows, then dequantize only them (dequantizing first would convert the
    // whole table on every run, see TOOLCHAIN.md).
    ...(quantized
      ? [
          gather(['embedding_q', `${p}rows`], `${p}vectors_q`),
          {
            op: 'DequantizeLinear',
            inputs: [`${p}vectors_q`, 'embedding_scale', 'embedding_zero_point'],
            outputs: [`${p}vectors`],
          },
        ]
      : [gather(['embedding', `${p}rows`], `${p}vectors`)]),
    {
      op: 'ReduceSum',
      inputs: [`${p}vectors`, 'axis_1'],
      outputs: [`${p}sum`],
      attributes: [{ name: 'keepdims', int: 0 }],
    },
    { op: 'Greater', inputs: [input, 'zero_id'], outputs: [`${p}real`] },
    { op: 'Cast', inputs: [`${p}real`], outputs: [`${p}real_f`], attributes: [{ name: 'to', int: 1 }] },
    {
      op: 'ReduceSum',
      inputs: [`${p}real_f`, 'axis_1'],
      outputs: [`${p}count`],
      attributes: [{ name: 'keepdims', int: 1 }],
    },
    { op: 'Max', inputs: [`${p}count`, 'one'], outputs: [`${p}denominator`] },
    { op: 'Div', inputs: [`${p}sum`, `${p}denominator`], outputs: [out] },
  ];
}

/** The weights and nodes of one candidate head: bags, features, mask → probabilities `out`. */
function headNodes(
  parts: GraphParts,
  prefix: string,
  h: HeadWeights,
  dims: { dim: number; hidden: number; features: number; width: number },
  inputs: { bags: string; feats: string; mask: string },
  out: string,
): OnnxNode[] {
  const { dim, hidden, features, width } = dims;
  const n = (s: string) => `${prefix}_${s}`;
  parts.weight(n('wa'), [dim, width], h.wa, true);
  parts.weight(n('wb'), [dim, width], h.wb, true);
  parts.weight(n('wd'), [dim, width], h.wd, true);
  parts.weight(n('wf'), [features, width], h.wf, true);
  parts.weight(n('wg'), [hidden, width], h.wg, true);
  parts.weight(n('b'), [width], h.b, false);
  parts.weight(n('v'), [width, 1], h.v, false);
  return [
    { op: 'Mul', inputs: [inputs.bags, 'u'], outputs: [n('du')] },
    { op: 'Mul', inputs: [inputs.bags, 'c'], outputs: [n('dc')] },
    { op: 'MatMul', inputs: [n('du'), n('wa')], outputs: [n('a')] },
    { op: 'MatMul', inputs: [n('dc'), n('wb')], outputs: [n('bc')] },
    { op: 'MatMul', inputs: [inputs.bags, n('wd')], outputs: [n('d')] },
    { op: 'MatMul', inputs: [inputs.feats, n('wf')], outputs: [n('f')] },
    { op: 'MatMul', inputs: ['g', n('wg')], outputs: [n('gp')] },
    { op: 'Add', inputs: [n('a'), n('bc')], outputs: [n('s1')] },
    { op: 'Add', inputs: [n('s1'), n('d')], outputs: [n('s2')] },
    { op: 'Add', inputs: [n('f'), n('s2')], outputs: [n('s3')] },
    { op: 'Add', inputs: [n('s3'), n('gp')], outputs: [n('s4')] },
    { op: 'Add', inputs: [n('s4'), n('b')], outputs: [n('pre')] },
    { op: 'Relu', inputs: [n('pre')], outputs: [n('h')] },
    { op: 'MatMul', inputs: [n('h'), n('v')], outputs: [n('score3')] },
    { op: 'Squeeze', inputs: [n('score3'), 'axis_2'], outputs: [n('score')] },
    { op: 'Sub', inputs: [inputs.mask, 'one'], outputs: [n('pad')] },
    { op: 'Mul', inputs: [n('pad'), 'pad_penalty'], outputs: [n('penalty')] },
    { op: 'Add', inputs: [n('score'), n('penalty')], outputs: [n('logits')] },
    { op: 'Softmax', inputs: [n('logits')], outputs: [out], attributes: [{ name: 'axis', int: -1 }] },
  ];
}

/**
 * Writes `model` as ONNX bytes with the inputs `utterance`, `context`, `state`, `cand_tokens`,
 * `cand_feats`, `cand_mask`, `slot_tokens`, `slot_feats`, `slot_mask` and the outputs
 * `command`, `switch`, `intent`, `slot` (see `context-format.ts`).
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
  const remap16 = rows <= 0xffff;
  parts.constant(
    remap16
      ? { name: 'remap', type: 'uint16', dims: [w.remap.length], data: Uint16Array.from(w.remap) }
      : { name: 'remap', type: 'int32', dims: [w.remap.length], data: w.remap },
  );
  parts.constant({ name: 'zero_id', type: 'int64', dims: [], data: BigInt64Array.of(0n) });
  parts.constant({ name: 'axis_1', type: 'int64', dims: [1], data: BigInt64Array.of(1n) });
  parts.constant({ name: 'axis_2', type: 'int64', dims: [1], data: BigInt64Array.of(2n) });
  parts.constant(f32('one', [], Float32Array.of(1)));
  parts.constant(f32('pad_penalty', [], Float32Array.of(PAD_PENALTY)));
  parts.weight('wg', [2 * dim + state, hidden], w.wg, true);
  parts.weight('bg', [hidden], w.bg, false);
  parts.weight('wc', [hidden, commands], w.wc, true);
  parts.weight('bc', [commands], w.bc, false);
  parts.weight('ws', [hidden, 1], w.ws, true);
  parts.weight('bs', [1], w.bs, false);
  if (quantize) {
    const q = quantizeUint8(w.embedding);
    parts.constant({ name: 'embedding_q', type: 'uint8', dims: [rows, dim], data: q.data });
    parts.constant(f32('embedding_scale', [], Float32Array.of(q.scale)));
    parts.constant({ name: 'embedding_zero_point', type: 'uint8', dims: [], data: Uint8Array.of(q.zeroPoint) });
  } else {
    parts.constant(f32('embedding', [rows, dim], w.embedding));
  }
  const nodes: OnnxNode[] = [
    ...bagNodes('utterance', 'u', quantize, remap16),
    ...bagNodes('context', 'c', quantize, remap16),
    ...bagNodes('cand_tokens', 'cand_bags', quantize, remap16),
    ...bagNodes('slot_tokens', 'slot_bags', quantize, remap16),
    { op: 'Concat', inputs: ['u', 'c', 'state'], outputs: ['x'], attributes: [{ name: 'axis', int: 1 }] },
    { op: 'MatMul', inputs: ['x', 'wg'], outputs: ['g_mm'] },
    { op: 'Add', inputs: ['g_mm', 'bg'], outputs: ['g_pre'] },
    { op: 'Relu', inputs: ['g_pre'], outputs: ['g'] },
    { op: 'MatMul', inputs: ['g', 'wc'], outputs: ['command_mm'] },
    { op: 'Add', inputs: ['command_mm', 'bc'], outputs: ['command_logits'] },
    { op: 'Softmax', inputs: ['command_logits'], outputs: ['command'], attributes: [{ name: 'axis', int: -1 }] },
    { op: 'MatMul', inputs: ['g', 'ws'], outputs: ['switch_mm'] },
    { op: 'Add', inputs: ['switch_mm', 'bs'], outputs: ['switch_logit'] },
    { op: 'Sigmoid', inputs: ['switch_logit'], outputs: ['switch'] },
    ...headNodes(
      parts,
      'cand',
      w.cand,
      { dim, hidden, features: candFeatures, width: candHidden },
      { bags: 'cand_bags', feats: 'cand_feats', mask: 'cand_mask' },
      'intent',
    ),
    ...headNodes(
      parts,
      'slot',
      w.slot,
      { dim, hidden, features: slotFeatures, width: slotHidden },
      { bags: 'slot_bags', feats: 'slot_feats', mask: 'slot_mask' },
      'slot',
    ),
  ];
  return encodeOnnxModel({
    producerName: 'confidant',
    producerVersion: PRODUCER_VERSION,
    graphName: `${model.name}-context`,
    docString: 'Confidant context model: turn, context, state and candidates -> command, switch, intent, slot.',
    nodes: [...parts.prelude, ...nodes],
    initializers: parts.initializers,
    inputs: [
      { name: 'utterance', type: 'int64', shape: [1, 'L'] },
      { name: 'context', type: 'int64', shape: [1, 'L2'] },
      { name: 'state', type: 'float32', shape: [1, state] },
      { name: 'cand_tokens', type: 'int64', shape: ['K', 'M'] },
      { name: 'cand_feats', type: 'float32', shape: [1, 'K', candFeatures] },
      { name: 'cand_mask', type: 'float32', shape: [1, 'K'] },
      { name: 'slot_tokens', type: 'int64', shape: ['J', 'M2'] },
      { name: 'slot_feats', type: 'float32', shape: [1, 'J', slotFeatures] },
      { name: 'slot_mask', type: 'float32', shape: [1, 'J'] },
    ],
    outputs: [
      { name: 'command', type: 'float32', shape: [1, commands] },
      { name: 'switch', type: 'float32', shape: [1, 1] },
      { name: 'intent', type: 'float32', shape: [1, 'K'] },
      { name: 'slot', type: 'float32', shape: [1, 'J'] },
    ],
    metadata: encodeContextMetadata(contextMetadataOf(model, quantize)),
    checksumKey: CHECKSUM_KEY,
  });
}
