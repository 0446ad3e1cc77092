/**
 * The context model's ONNX graph (format 3) around weights named as the exporter names them:
 * written by `context-export.ts` for a trained model and by `context-convert.ts` around an older
 * file's weights, so both give the same graph. What it computes is `context-network.ts`'s forward
 * pass; how its two input tensors and one output tensor are laid out is `context-format.ts`'s.
 *
 * Every node here runs on every turn (ONNX Runtime Web has a fixed cost per node and per tensor, and
 * the arithmetic is small next to it), except the constant ones ONNX Runtime folds at load: the
 * dequantized, remapped embedding table is one of those, so a turn gathers float rows directly. The
 * arithmetic on a turn's values is format 2's, operation for operation, so the outputs are the same
 * floats (merging a head's five products into one Gemm was tried: no faster in Chromium, and not
 * the same floats).
 *
 * @module
 */
import type { OnnxNode, OnnxTensor } from '../../nlu/onnx/onnx-model.ts';
import { encodeOnnxModel, f32Tensor, i64Tensor } from '../../nlu/onnx/onnx-writer.ts';
import { quantizeUint8 } from '../../nlu/onnx/quantize.ts';
import { CHECKSUM_KEY } from '../../nlu/onnx/model-format.ts';
import { CONTEXT_HEADER } from '../context-format.ts';
import type { ContextShape } from './context-network.ts';

/** The version of Confidant written as the producer. */
const PRODUCER_VERSION = '0.1.0';

/**
 * Above this many floats the remapped table is not folded into a constant (a model with many more
 * feature ids than table rows would hold one float row per id): the remap is gathered per turn instead.
 */
const MAX_FOLDED_TABLE = 1 << 21;

const f32 = f32Tensor;
const i64 = i64Tensor;

/** Collects initializers, and the DequantizeLinear nodes of quantized matrices (which must come first). */
export class GraphParts {
  readonly initializers: OnnxTensor[] = [];
  readonly prelude: OnnxNode[] = [];
  readonly #quantizeDense: boolean;

  constructor(quantizeDense: boolean) {
    this.#quantizeDense = quantizeDense;
  }

  /** Adds a tensor as it is. */
  constant(t: OnnxTensor): void {
    this.initializers.push(t);
  }

  /** The DequantizeLinear node of a matrix whose `<name>_q`, `_scale` and `_zero_point` are already constants. */
  dequantized(name: string): void {
    this.prelude.push({
      op: 'DequantizeLinear',
      inputs: [`${name}_q`, `${name}_scale`, `${name}_zero_point`],
      outputs: [name],
    });
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
    this.dequantized(name);
  }
}

/** The graph's own constants (not weights): written by {@link encodeContextGraph}, dropped by a conversion. */
export const GRAPH_CONSTANTS = new Set([
  // formats 1 and 2
  'zero_id',
  'axis_1',
  'axis_2',
  'one',
  'pad_penalty',
  'row_0',
  'row_1',
  // format 3
  'header_end_start',
  'header_end_end',
  'header_parts',
  'shape_known',
  'shape_cand',
  'shape_slot',
  'shape_column',
  'shape_flat',
]);

const gather = (inputs: string[], o: string): OnnxNode => ({
  op: 'Gather',
  inputs,
  outputs: [o],
  attributes: [{ name: 'axis', int: 0 }],
});
const cast = (input: string, o: string, to: number): OnnxNode => ({
  op: 'Cast',
  inputs: [input],
  outputs: [o],
  attributes: [{ name: 'to', int: to }],
});
const slice = (input: string, range: string, o: string): OnnxNode => ({
  op: 'Slice',
  inputs: [input, `${range}_start`, `${range}_end`],
  outputs: [o],
});

/**
 * Nodes of the table a turn gathers from, `table` `[ids, dim]` float: row i is the dequantized
 * embedding of feature id i (the remap applied). Built from constants only, so ONNX Runtime folds it
 * into one constant when the session is created. The dequantization is written as Cast, Sub, Mul
 * (what DequantizeLinear computes, `(q - zeroPoint) * scale`, the same float operations) because
 * ONNX Runtime keeps DequantizeLinear nodes out of constant folding.
 * @returns the nodes, and whether the remap is still to be gathered per turn (`rows` → `table`)
 */
function tableNodes(parts: GraphParts, dim: number): { nodes: OnnxNode[]; remapPerTurn: boolean } {
  const remap = parts.initializers.find((t) => t.name === 'remap');
  const quantized = parts.initializers.some((t) => t.name === 'embedding_q');
  const remapPerTurn = remap === undefined || remap.dims[0]! * dim > MAX_FOLDED_TABLE;
  const nodes: OnnxNode[] = [];
  const source = quantized ? 'embedding_q' : 'embedding';
  if (!remapPerTurn) {
    nodes.push(
      remap.type === 'int32'
        ? { op: 'Identity', inputs: ['remap'], outputs: ['remap_i'] }
        : cast('remap', 'remap_i', 6),
    );
    nodes.push(gather([source, 'remap_i'], quantized ? 'table_q' : 'table'));
  } else if (quantized) {
    nodes.push({ op: 'Identity', inputs: ['embedding_q'], outputs: ['table_q'] });
  } else {
    nodes.push({ op: 'Identity', inputs: ['embedding'], outputs: ['table'] });
  }
  if (quantized) {
    nodes.push(
      cast('table_q', 'table_qf', 1),
      cast('embedding_zero_point', 'embedding_zero_f', 1),
      { op: 'Sub', inputs: ['table_qf', 'embedding_zero_f'], outputs: ['table_centered'] },
      { op: 'Mul', inputs: ['table_centered', 'embedding_scale'], outputs: ['table'] },
    );
  }
  return { nodes, remapPerTurn };
}

/**
 * Nodes that cut the two flat inputs into the tensors the network reads (`context-format.ts`): the
 * header's sizes say where each part ends; the fixed widths come from the spec.
 */
function unpackNodes(): OnnxNode[] {
  const reshape = (input: string, shape: string, o: string): OnnxNode => ({
    op: 'Reshape',
    inputs: [input, shape],
    outputs: [o],
  });
  return [
    slice('ids', 'header_end', 'header'),
    cast('header', 'header64', 7),
    {
      op: 'Split',
      inputs: ['header64', 'header_parts'],
      outputs: ['ids_sizes', 'x_sizes', 'tokens_shape'],
      attributes: [{ name: 'axis', int: 0 }],
    },
    { op: 'Split', inputs: ['ids', 'ids_sizes'], outputs: ['ids_header', 'tokens_flat', 'cand_rows', 'slot_rows'] },
    reshape('tokens_flat', 'tokens_shape', 'tokens'),
    {
      op: 'Split',
      inputs: ['x', 'x_sizes'],
      outputs: ['known_flat', 'state', 'cand_flat', 'cand_pad', 'slot_flat', 'slot_pad', 'counts'],
    },
    reshape('known_flat', 'shape_known', 'known'),
    reshape('cand_flat', 'shape_cand', 'cand_feats'),
    reshape('slot_flat', 'shape_slot', 'slot_feats'),
    reshape('counts', 'shape_column', 'count'),
  ];
}

/**
 * Nodes of the mean embedding of each row of `tokens` → `bags` `[T, dim]`: the rows of the table,
 * their sum over the row divided by the row's number of non-zero ids (given, at least 1), so padding
 * never matters; then the utterance's and the context's (`u`, `c`) and each candidate's and slot's.
 */
function bagNodes(remapPerTurn: boolean): OnnxNode[] {
  return [
    ...(remapPerTurn ? [gather(['remap', 'tokens'], 'rows_any'), cast('rows_any', 'rows', 6)] : []),
    gather(['table', remapPerTurn ? 'rows' : 'tokens'], 'vectors'),
    { op: 'ReduceSum', inputs: ['vectors', 'axis_1'], outputs: ['sum'], attributes: [{ name: 'keepdims', int: 0 }] },
    { op: 'Div', inputs: ['sum', 'count'], outputs: ['bags'] },
    gather(['bags', 'row_0'], 'u'),
    gather(['bags', 'row_1'], 'c'),
    { op: 'Concat', inputs: ['bags', 'known'], outputs: ['all_bags'], attributes: [{ name: 'axis', int: 0 }] },
    gather(['all_bags', 'cand_rows'], 'cand_bags'),
    gather(['all_bags', 'slot_rows'], 'slot_bags'),
  ];
}

/**
 * The nodes of one candidate head: bags, features, padding scores → probabilities `out` (1-D). The
 * same operations in the same order as format 2 (so the same floats): only the padding and the
 * output's shape changed.
 */
function headNodes(prefix: string, inputs: { bags: string; feats: string; pad: string }, out: string): OnnxNode[] {
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
    { op: 'MatMul', inputs: [n('h'), n('v')], outputs: [n('score2')] },
    { op: 'Reshape', inputs: [n('score2'), 'shape_flat'], outputs: [n('score')] },
    // The pad scores are 0 or -1e9: what format 2 computed from its 0/1 mask as (mask - 1) * 1e9.
    { op: 'Add', inputs: [n('score'), inputs.pad], outputs: [n('logits')] },
    { op: 'Softmax', inputs: [n('logits')], outputs: [out], attributes: [{ name: 'axis', int: -1 }] },
  ];
}

/**
 * Writes the format-3 graph around weights already named as the exporter names them.
 * @param name the model's name (the graph is `<name>-context`)
 * @param parts the weights (initializers, and the DequantizeLinear nodes of quantized matrices)
 * @param shape the network's sizes
 * @param metadata the `metadata_props` (the checksum is added)
 * @returns the `.onnx` file's bytes
 */
export function encodeContextGraph(
  name: string,
  parts: GraphParts,
  shape: Pick<ContextShape, 'dim' | 'state' | 'commands' | 'candFeatures' | 'slotFeatures'>,
  metadata: Record<string, string>,
): Uint8Array {
  const { dim, candFeatures, slotFeatures } = shape;
  const table = tableNodes(parts, dim);
  const range = (prefix: string, start: number, end: number) => {
    parts.constant(i64(`${prefix}_start`, [start]));
    parts.constant(i64(`${prefix}_end`, [end]));
  };
  range('header_end', 0, CONTEXT_HEADER);
  parts.constant(i64('header_parts', [4, 7, 2]));
  parts.constant(i64('shape_known', [-1, dim]));
  parts.constant(i64('shape_cand', [-1, candFeatures]));
  parts.constant(i64('shape_slot', [-1, slotFeatures]));
  parts.constant(i64('shape_column', [-1, 1]));
  parts.constant(i64('shape_flat', [-1]));
  parts.constant(i64('axis_1', [1]));
  // Scalar indices: u and c are 1-D, and so are the state, g and the command scores.
  parts.constant({ name: 'row_0', type: 'int64', dims: [], data: BigInt64Array.of(0n) });
  parts.constant({ name: 'row_1', type: 'int64', dims: [], data: BigInt64Array.of(1n) });
  const flat = (input: string): OnnxNode => ({
    op: 'Reshape',
    inputs: [input, 'shape_flat'],
    outputs: [`${input}_flat`],
  });
  const nodes: OnnxNode[] = [
    ...table.nodes,
    ...unpackNodes(),
    ...bagNodes(table.remapPerTurn),
    { op: 'Concat', inputs: ['u', 'c', 'state'], outputs: ['x_global'], attributes: [{ name: 'axis', int: 0 }] },
    { op: 'MatMul', inputs: ['x_global', 'wg'], outputs: ['g_mm'] },
    { op: 'Add', inputs: ['g_mm', 'bg'], outputs: ['g_pre'] },
    { op: 'Relu', inputs: ['g_pre'], outputs: ['g'] },
    { op: 'MatMul', inputs: ['g', 'wc'], outputs: ['command_mm'] },
    { op: 'Add', inputs: ['command_mm', 'bc'], outputs: ['command_logits'] },
    { op: 'Softmax', inputs: ['command_logits'], outputs: ['command'], attributes: [{ name: 'axis', int: -1 }] },
    { op: 'MatMul', inputs: ['g', 'ws'], outputs: ['switch_mm'] },
    { op: 'Add', inputs: ['switch_mm', 'bs'], outputs: ['switch_logit'] },
    { op: 'Sigmoid', inputs: ['switch_logit'], outputs: ['switch'] },
    ...headNodes('cand', { bags: 'cand_bags', feats: 'cand_feats', pad: 'cand_pad' }, 'intent'),
    ...headNodes('slot', { bags: 'slot_bags', feats: 'slot_feats', pad: 'slot_pad' }, 'slot'),
    flat('bags'),
    {
      op: 'Concat',
      inputs: ['command', 'switch', 'intent', 'slot', 'bags_flat'],
      outputs: ['out'],
      attributes: [{ name: 'axis', int: 0 }],
    },
  ];
  return encodeOnnxModel({
    producerName: 'confidant',
    producerVersion: PRODUCER_VERSION,
    graphName: `${name}-context`,
    docString: 'Confidant context model: turn, context, state and candidates -> command, switch, intent, slot.',
    nodes: [...parts.prelude, ...nodes],
    initializers: parts.initializers,
    inputs: [
      { name: 'ids', type: 'int32', shape: ['I'] },
      { name: 'x', type: 'float32', shape: ['X'] },
    ],
    outputs: [{ name: 'out', type: 'float32', shape: ['O'] }],
    metadata,
    checksumKey: CHECKSUM_KEY,
  });
}
