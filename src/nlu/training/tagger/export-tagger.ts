/**
 * Exports a trained slot tagger as one self-describing `.onnx` file (opset 17) through the
 * hand-written ONNX writer, with the embedding table optionally in uint8 (the intent exporter's
 * quantization: Gather the uint8 rows, then DequantizeLinear only them).
 *
 * Graph: ids → remap → embedding rows → sum per token → Conv over the token window + the
 * sentence's mean projected → ReLU → MatMul → `emissions`; the CRF table is a constant output.
 *
 * @module
 */
import { CHECKSUM_KEY } from '../../onnx/model-format.ts';
import { encodeOnnxModel, f32Tensor, i64Tensor } from '../../onnx/onnx-writer.ts';
import type { OnnxNode, OnnxTensor } from '../../onnx/onnx-model.ts';
import { dequantizeUint8, quantizeUint8 } from '../../onnx/quantize.ts';
import {
  encodeTaggerMetadata,
  TAGGER_EMISSIONS,
  TAGGER_FORMAT_VERSION,
  TAGGER_INPUT,
  TAGGER_TRANSITIONS,
} from '../../tagger/tagger-format.ts';
import type { TaggerWeights } from './tagger-network.ts';
import type { TrainedTagger } from './train-tagger.ts';

/** Options of {@link exportTagger}. */
export interface ExportTaggerOptions {
  /** Store the embedding table as uint8: about 4× smaller. @default true */
  quantize?: boolean;
}

/**
 * The weights as the exported graph computes with them (the table through uint8 and back when
 * quantized): the in-memory tagger uses these to match the ONNX model.
 * @param model the trained tagger
 * @param quantize whether the export is quantized
 */
export function effectiveTaggerWeights(model: TrainedTagger, quantize: boolean): TaggerWeights {
  if (!quantize) return model.weights;
  return { ...model.weights, embedding: dequantizeUint8(quantizeUint8(model.weights.embedding)) };
}

/** `[window, dim, hidden]` → ONNX Conv's `[hidden, dim, window]`. */
function convKernel(w: TaggerWeights): Float32Array {
  const { window: W, dim: D, hidden: H } = w;
  const out = new Float32Array(W * D * H);
  for (let j = 0; j < W; j++)
    for (let d = 0; d < D; d++)
      for (let h = 0; h < H; h++) out[(h * D + d) * W + j] = w.conv[(j * D + d) * H + h] as number;
  return out;
}

/**
 * Writes `model` as ONNX bytes.
 * @param model the trained tagger
 * @param options export options
 * @returns the `.onnx` file's bytes
 * @example
 * ```ts
 * const bytes = exportTagger(await trainSlotTagger(corpus.train), { quantize: true });
 * ```
 */
export function exportTagger(model: TrainedTagger, options: ExportTaggerOptions = {}): Uint8Array {
  const quantize = options.quantize ?? true;
  const w = model.weights;
  const { dim: D, hidden: H, labels: L, window: W, features: K } = w;
  const rows = w.embedding.length / D;
  const r = (W - 1) >> 1;
  const f32 = f32Tensor;
  const i64 = i64Tensor;
  const crf = new Float32Array((L + 2) * L);
  crf.set(w.crf.trans, 0);
  crf.set(w.crf.start, L * L);
  crf.set(w.crf.end, (L + 1) * L);
  const initializers: OnnxTensor[] = [
    { name: 'remap', type: 'int32', dims: [w.remap.length], data: w.remap },
    f32('conv_w', [H, D, W], convKernel(w)),
    f32('sentence_w', [D, H], w.sentence),
    f32('conv_b', [H], w.convBias),
    f32('out_w', [H, L], w.out),
    f32('out_b', [L], w.outBias),
    f32('crf', [L + 2, L], crf),
    i64('axis0', [0]),
    i64('axis1', [1]),
  ];
  const gather = (data: string, idx: string, out: string): OnnxNode => ({
    op: 'Gather',
    inputs: [data, idx],
    outputs: [out],
    attributes: [{ name: 'axis', int: 0 }],
  });
  const nodes: OnnxNode[] = [gather('remap', TAGGER_INPUT, 'rows')];
  if (quantize) {
    const q = quantizeUint8(w.embedding);
    initializers.push(
      { name: 'embedding_q', type: 'uint8', dims: [rows, D], data: q.data },
      f32('embedding_scale', [], Float32Array.of(q.scale)),
      { name: 'embedding_zero_point', type: 'uint8', dims: [], data: Uint8Array.of(q.zeroPoint) },
    );
    nodes.push(gather('embedding_q', 'rows', 'vectors_q'), {
      op: 'DequantizeLinear',
      inputs: ['vectors_q', 'embedding_scale', 'embedding_zero_point'],
      outputs: ['vectors'],
    });
  } else {
    initializers.push(f32('embedding', [rows, D], w.embedding));
    nodes.push(gather('embedding', 'rows', 'vectors'));
  }
  nodes.push(
    // [T, K, D] → [T, D]: each token is the sum of its features' rows (padding rows are zero).
    { op: 'ReduceSum', inputs: ['vectors', 'axis1'], outputs: ['x'], attributes: [{ name: 'keepdims', int: 0 }] },
    {
      op: 'ReduceMean',
      inputs: ['x'],
      outputs: ['mean'],
      attributes: [
        { name: 'axes', ints: [0] },
        { name: 'keepdims', int: 1 },
      ],
    },
    { op: 'MatMul', inputs: ['mean', 'sentence_w'], outputs: ['sent_pre'] },
    { op: 'Add', inputs: ['sent_pre', 'conv_b'], outputs: ['sent'] },
    { op: 'Transpose', inputs: ['sent'], outputs: ['sent_t'], attributes: [{ name: 'perm', ints: [1, 0] }] },
    { op: 'Unsqueeze', inputs: ['sent_t', 'axis0'], outputs: ['sent_3d'] },
    { op: 'Transpose', inputs: ['x'], outputs: ['x_t'], attributes: [{ name: 'perm', ints: [1, 0] }] },
    { op: 'Unsqueeze', inputs: ['x_t', 'axis0'], outputs: ['x_3d'] },
    {
      op: 'Conv',
      inputs: ['x_3d', 'conv_w'],
      outputs: ['conv'],
      attributes: [
        { name: 'kernel_shape', ints: [W] },
        { name: 'pads', ints: [r, r] },
      ],
    },
    { op: 'Add', inputs: ['conv', 'sent_3d'], outputs: ['pre'] },
    { op: 'Relu', inputs: ['pre'], outputs: ['act'] },
    { op: 'Squeeze', inputs: ['act', 'axis0'], outputs: ['act_2d'] },
    { op: 'Transpose', inputs: ['act_2d'], outputs: ['hidden'], attributes: [{ name: 'perm', ints: [1, 0] }] },
    { op: 'MatMul', inputs: ['hidden', 'out_w'], outputs: ['em_pre'] },
    { op: 'Add', inputs: ['em_pre', 'out_b'], outputs: [TAGGER_EMISSIONS] },
    { op: 'Identity', inputs: ['crf'], outputs: [TAGGER_TRANSITIONS] },
  );
  return encodeOnnxModel({
    producerName: 'confidant',
    producerVersion: '0.1.0',
    graphName: `${model.name}-slots`,
    docString: 'Confidant slot tagger: token feature ids -> conv over tokens -> BIO emissions; CRF transitions.',
    nodes,
    initializers,
    inputs: [{ name: TAGGER_INPUT, type: 'int64', shape: ['tokens', K] }],
    outputs: [
      { name: TAGGER_EMISSIONS, type: 'float32', shape: ['tokens', L] },
      { name: TAGGER_TRANSITIONS, type: 'float32', shape: [L + 2, L] },
    ],
    metadata: encodeTaggerMetadata({
      format: TAGGER_FORMAT_VERSION,
      name: model.name,
      version: model.version,
      language: model.language,
      labels: model.labels,
      featurizer: model.featurizer,
      weights: quantize ? 'uint8' : 'float32',
      metrics: { ...model.metrics },
    }),
    checksumKey: CHECKSUM_KEY,
  });
}
