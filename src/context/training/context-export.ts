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
import { CHECKSUM_KEY, checkGraphChecksum, readSummary } from '../../nlu/onnx/model-format.ts';
import { readInitializers } from '../../nlu/onnx/onnx-reader.ts';
import { ModelLoadError } from '../../errors.ts';
import {
  CONTEXT_FORMAT_VERSION,
  decodeContextMetadata,
  encodeContextMetadata,
  type ContextModelMetadata,
} from '../context-format.ts';
import { mapDenseTensors, type ContextShape, type ContextWeights, type HeadWeights } from './context-network.ts';
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
  /** The DequantizeLinear node of a matrix whose `<name>_q`, `_scale` and `_zero_point` are already constants. */
  dequantized(name: string): void {
    this.prelude.push({
      op: 'DequantizeLinear',
      inputs: [`${name}_q`, `${name}_scale`, `${name}_zero_point`],
      outputs: [name],
    });
  }

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
    this.dequantized(name);
  }
}

/**
 * Nodes of the mean embedding of each row of `tokens` (int32 `[T, L]`, 0 = padding) → `bags`
 * `[T, dim]`: the remap, the rows of the (uint8) table, their sum over the row divided by the
 * number of non-zero ids (at least 1), so padding never matters.
 */
function bagNodes(quantized: boolean, remap16: boolean): OnnxNode[] {
  const gather = (inputs: string[], o: string): OnnxNode => ({
    op: 'Gather',
    inputs,
    outputs: [o],
    attributes: [{ name: 'axis', int: 0 }],
  });
  return [
    ...(remap16
      ? [
          gather(['remap', 'tokens'], 'rows16'),
          { op: 'Cast', inputs: ['rows16'], outputs: ['rows'], attributes: [{ name: 'to', int: 6 }] },
        ]
      : [gather(['remap', 'tokens'], 'rows')]),
    // Gather the uint8 rows, then dequantize only them (dequantizing first would convert the
    // whole table on every run, see TOOLCHAIN.md).
    ...(quantized
      ? [
          gather(['embedding_q', 'rows'], 'vectors_q'),
          {
            op: 'DequantizeLinear',
            inputs: ['vectors_q', 'embedding_scale', 'embedding_zero_point'],
            outputs: ['vectors'],
          },
        ]
      : [gather(['embedding', 'rows'], 'vectors')]),
    { op: 'ReduceSum', inputs: ['vectors', 'axis_1'], outputs: ['sum'], attributes: [{ name: 'keepdims', int: 0 }] },
    { op: 'Greater', inputs: ['tokens', 'zero_id'], outputs: ['real'] },
    { op: 'Cast', inputs: ['real'], outputs: ['real_f'], attributes: [{ name: 'to', int: 1 }] },
    { op: 'ReduceSum', inputs: ['real_f', 'axis_1'], outputs: ['count'], attributes: [{ name: 'keepdims', int: 1 }] },
    { op: 'Max', inputs: ['count', 'one'], outputs: ['denominator'] },
    { op: 'Div', inputs: ['sum', 'denominator'], outputs: ['bags'] },
    // u and c are rows 0 and 1; candidates and slots pick theirs from bags followed by known.
    gather(['bags', 'row_0'], 'u'),
    gather(['bags', 'row_1'], 'c'),
    { op: 'Concat', inputs: ['bags', 'known'], outputs: ['all_bags'], attributes: [{ name: 'axis', int: 0 }] },
    gather(['all_bags', 'cand_rows'], 'cand_bags'),
    gather(['all_bags', 'slot_rows'], 'slot_bags'),
  ];
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

/** The nodes of one candidate head: bags, features, mask → probabilities `out`. */
function headNodes(prefix: string, inputs: { bags: string; feats: string; mask: string }, out: string): OnnxNode[] {
  const n = (s: string) => `${prefix}_${s}`;
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
    parts.constant(f32('embedding_scale', [], Float32Array.of(q.scale)));
    parts.constant({ name: 'embedding_zero_point', type: 'uint8', dims: [], data: Uint8Array.of(q.zeroPoint) });
  } else {
    parts.constant(f32('embedding', [rows, dim], w.embedding));
  }
  headWeights(parts, 'cand', w.cand, { dim, hidden, features: candFeatures, width: candHidden });
  headWeights(parts, 'slot', w.slot, { dim, hidden, features: slotFeatures, width: slotHidden });
  return encodeContextGraph(model.name, parts, w.shape, encodeContextMetadata(contextMetadataOf(model, quantize)));
}

/** The graph's own constants (not weights): written by {@link encodeContextGraph}, dropped by a conversion. */
const GRAPH_CONSTANTS = ['zero_id', 'axis_1', 'axis_2', 'one', 'pad_penalty', 'row_0', 'row_1'];

/**
 * Writes the graph of the current format around weights already named as the exporter names them.
 * @param name the model's name (the graph is `<name>-context`)
 * @param parts the weights (initializers, and the DequantizeLinear nodes of quantized matrices)
 * @param shape the network's sizes
 * @param metadata the `metadata_props` (the checksum is added)
 */
function encodeContextGraph(
  name: string,
  parts: GraphParts,
  shape: Pick<ContextShape, 'dim' | 'state' | 'commands' | 'candFeatures' | 'slotFeatures'>,
  metadata: Record<string, string>,
): Uint8Array {
  const { dim, state, commands, candFeatures, slotFeatures } = shape;
  const quantized = parts.initializers.some((t) => t.name === 'embedding_q');
  const remap16 = parts.initializers.some((t) => t.name === 'remap' && t.type === 'uint16');
  parts.constant({ name: 'zero_id', type: 'int32', dims: [], data: Int32Array.of(0) });
  parts.constant({ name: 'axis_1', type: 'int64', dims: [1], data: BigInt64Array.of(1n) });
  parts.constant({ name: 'axis_2', type: 'int64', dims: [1], data: BigInt64Array.of(2n) });
  parts.constant({ name: 'row_0', type: 'int64', dims: [1], data: BigInt64Array.of(0n) });
  parts.constant({ name: 'row_1', type: 'int64', dims: [1], data: BigInt64Array.of(1n) });
  parts.constant(f32('one', [], Float32Array.of(1)));
  parts.constant(f32('pad_penalty', [], Float32Array.of(PAD_PENALTY)));
  const nodes: OnnxNode[] = [
    ...bagNodes(quantized, remap16),
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
    ...headNodes('cand', { bags: 'cand_bags', feats: 'cand_feats', mask: 'cand_mask' }, 'intent'),
    ...headNodes('slot', { bags: 'slot_bags', feats: 'slot_feats', mask: 'slot_mask' }, 'slot'),
  ];
  return encodeOnnxModel({
    producerName: 'confidant',
    producerVersion: PRODUCER_VERSION,
    graphName: `${name}-context`,
    docString: 'Confidant context model: turn, context, state and candidates -> command, switch, intent, slot.',
    nodes: [...parts.prelude, ...nodes],
    initializers: parts.initializers,
    inputs: [
      { name: 'tokens', type: 'int32', shape: ['T', 'L'] },
      { name: 'known', type: 'float32', shape: ['U', dim] },
      { name: 'cand_rows', type: 'int32', shape: ['K'] },
      { name: 'slot_rows', type: 'int32', shape: ['J'] },
      { name: 'state', type: 'float32', shape: [1, state] },
      { name: 'cand_feats', type: 'float32', shape: [1, 'K', candFeatures] },
      { name: 'cand_mask', type: 'float32', shape: [1, 'K'] },
      { name: 'slot_feats', type: 'float32', shape: [1, 'J', slotFeatures] },
      { name: 'slot_mask', type: 'float32', shape: [1, 'J'] },
    ],
    outputs: [
      { name: 'command', type: 'float32', shape: [1, commands] },
      { name: 'switch', type: 'float32', shape: [1, 1] },
      { name: 'intent', type: 'float32', shape: [1, 'K'] },
      { name: 'slot', type: 'float32', shape: [1, 'J'] },
      { name: 'bags', type: 'float32', shape: ['T', dim] },
    ],
    metadata,
    checksumKey: CHECKSUM_KEY,
  });
}

/**
 * Converts a context model of an older format into the current one with the very same weights
 * (every initializer copied byte for byte) and metadata (but the format number): the outputs are
 * those of the old graph, and no retraining is needed.
 * @param bytes the `.onnx` file of an older format
 * @param source where it came from, for errors
 * @returns the converted file's bytes
 * @throws {ModelLoadError} naming `source` when it is not a context model this code can convert
 */
export function convertContextOnnx(bytes: Uint8Array, source: string): Uint8Array {
  const summary = readSummary(bytes, source, 'model');
  const meta = decodeContextMetadata(summary.metadata, source);
  checkGraphChecksum(summary, source, 'model', true);
  if (meta.format >= CONTEXT_FORMAT_VERSION)
    throw new ModelLoadError(`The context model is already of format ${meta.format}`, source);
  const tensors = readInitializers(bytes).filter((t) => !GRAPH_CONSTANTS.includes(t.name));
  const parts = new GraphParts(false);
  for (const t of tensors) {
    parts.constant(t);
    // A quantized matrix (not the table, which is dequantized after its Gather) needs its DequantizeLinear back.
    const matrix = /^(.*)_q$/.exec(t.name)?.[1];
    if (matrix !== undefined && matrix !== 'embedding') parts.dequantized(matrix);
  }
  const table = tensors.find((t) => t.name === 'embedding_q' || t.name === 'embedding');
  const dim = table?.dims[1];
  if (dim === undefined) throw new ModelLoadError('The context model has no embedding table', source);
  const { spec } = meta;
  return encodeContextGraph(
    meta.name,
    parts,
    {
      dim,
      state: spec.state.length,
      commands: spec.commands.length,
      candFeatures: spec.candFeatures.length,
      slotFeatures: spec.slotFeatures.length,
    },
    encodeContextMetadata({ ...meta, format: CONTEXT_FORMAT_VERSION }),
  );
}
