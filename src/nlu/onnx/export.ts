/**
 * Exports a trained model as one self-describing `.onnx` file (opset 17) that ONNX Runtime Web
 * runs: ids → remap → embedding bag → hidden layer + skip head → temperature → softmax.
 *
 * @module
 */
import {
  CHECKSUM_KEY,
  encodeMetadata,
  INPUT_NAME,
  MODEL_FORMAT_VERSION,
  OUTPUT_NAME,
  type ModelMetadata,
} from './model-format.ts';
import { encodeOnnxModel } from './onnx-writer.ts';
import type { OnnxNode, OnnxTensor } from './onnx-model.ts';
import type { NetworkWeights } from '../training/network.ts';
import { dequantizeUint8, quantizeUint8, type QuantizedTensor } from './quantize.ts';
import { OOS_LABEL } from '../types.ts';
import type { TrainedModel } from '../training/trainer.ts';

/** Options of {@link exportOnnx}. */
export interface ExportOptions {
  /** Store the embedding table as uint8 (Gather → DequantizeLinear): about 4× smaller. @default false */
  quantize?: boolean;
  /**
   * The uint8 scale and zero point to use instead of the table's own range: an extended model keeps
   * its base model's, so the base rows stay byte for byte what they were. @default the table's range
   */
  quantization?: Omit<QuantizedTensor, 'data'>;
}

/**
 * The initializers of an intent graph, by their names in the graph: `embedding` (float32) or
 * `embedding_q` with `embedding_scale` and `embedding_zero_point` (uint8); `w1`, `b1` and `w2`
 * only with a hidden layer.
 */
export type IntentTensors = Map<string, OnnxTensor>;

/** The version of Confidant written as the producer. */
const PRODUCER_VERSION = '0.1.0';

/**
 * The metadata a trained model is exported with.
 * @param model the trained model
 * @param quantize whether the table is stored as uint8
 * @returns the metadata
 */
export function metadataOf(model: TrainedModel, quantize: boolean): ModelMetadata {
  return {
    format: MODEL_FORMAT_VERSION,
    name: model.name,
    version: model.version,
    language: model.language,
    labels: model.labels,
    oosLabel: model.oosClass ? OOS_LABEL : null,
    featurizer: model.featurizer,
    threshold: model.threshold,
    temperature: model.temperature,
    entities: model.entities,
    weights: quantize ? 'uint8' : 'float32',
    metrics: { ...model.metrics },
    ...(model.fewShot === undefined ? {} : { fewShot: model.fewShot }),
  };
}

/**
 * The weights exactly as the exported graph computes with them: with `quantize`, the table
 * goes through uint8 and back. The in-memory predictor uses these to match the ONNX model.
 * @param model the trained model
 * @param quantize whether the export is quantized
 * @returns the effective weights
 */
export function effectiveWeights(
  model: TrainedModel,
  quantize: boolean,
  quantization?: ExportOptions['quantization'],
): NetworkWeights {
  if (!quantize) return model.weights;
  return { ...model.weights, embedding: dequantizeUint8(quantizeTable(model.weights.embedding, quantization)) };
}

/** The table quantized over its own range, or with the given scale and zero point (values clamped to it). */
export function quantizeTable(values: Float32Array, quantization?: ExportOptions['quantization']): QuantizedTensor {
  if (quantization === undefined) return quantizeUint8(values);
  const { scale, zeroPoint } = quantization;
  const data = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++)
    data[i] = Math.min(255, Math.max(0, Math.round((values[i] as number) / scale) + zeroPoint));
  return { data, scale, zeroPoint };
}

/**
 * Writes `model` as ONNX bytes. Input `ids`: int64 `[1, n]` feature bucket ids from the
 * featurizer; output `probs`: float32 `[1, classes]` calibrated probabilities.
 *
 * @param model the trained model
 * @param options export options
 * @returns the `.onnx` file's bytes
 * @example
 * ```ts
 * const bytes = exportOnnx(await trainIntentModel(corpus), { quantize: true });
 * ```
 */
export function exportOnnx(model: TrainedModel, options: ExportOptions = {}): Uint8Array {
  const quantize = options.quantize ?? false;
  return encodeIntentGraph(tensorsOf(model, quantize, options.quantization), metadataOf(model, quantize));
}

/**
 * The initializers `exportOnnx` writes for `model`.
 * @param model the trained model
 * @param quantize whether the table is stored as uint8
 * @param quantization the scale and zero point to quantize with @default the table's range
 * @returns the tensors by name
 */
export function tensorsOf(
  model: TrainedModel,
  quantize: boolean,
  quantization?: ExportOptions['quantization'],
): IntentTensors {
  const w = model.weights;
  const rows = w.embedding.length / w.dim;
  const tensors: OnnxTensor[] = [
    { name: 'remap', type: 'int32', dims: [w.remap.length], data: w.remap },
    f32('skip', [w.dim, w.classes], w.skip),
    f32('b2', [w.classes], w.b2),
    f32('temperature', [], Float32Array.of(model.temperature)),
  ];
  if (quantize) {
    const q = quantizeTable(w.embedding, quantization);
    tensors.push(
      { name: 'embedding_q', type: 'uint8', dims: [rows, w.dim], data: q.data },
      f32('embedding_scale', [], Float32Array.of(q.scale)),
      { name: 'embedding_zero_point', type: 'uint8', dims: [], data: Uint8Array.of(q.zeroPoint) },
    );
  } else tensors.push(f32('embedding', [rows, w.dim], w.embedding));
  if (w.hidden > 0)
    tensors.push(
      f32('w1', [w.dim, w.hidden], w.w1),
      f32('b1', [w.hidden], w.b1),
      f32('w2', [w.hidden, w.classes], w.w2),
    );
  return new Map(tensors.map((t) => [t.name, t]));
}

function f32(name: string, dims: number[], data: Float32Array): OnnxTensor {
  return { name, type: 'float32', dims, data };
}

/**
 * Writes an intent graph over `tensors` with `meta` as its metadata: the one graph every
 * Confidant intent model has (see the module comment), quantized when `embedding_q` is given.
 * @param tensors the initializers ({@link tensorsOf})
 * @param meta the model's metadata
 * @returns the `.onnx` file's bytes
 * @throws {RangeError} when a tensor's dims do not match its data
 */
export function encodeIntentGraph(tensors: IntentTensors, meta: ModelMetadata): Uint8Array {
  const quantize = tensors.has('embedding_q');
  const hidden = tensors.has('w1');
  const classes = meta.labels.length;
  const order = [
    'remap',
    'skip',
    'b2',
    'temperature',
    'embedding_q',
    'embedding_scale',
    'embedding_zero_point',
    'embedding',
    'w1',
    'b1',
    'w2',
  ];
  const initializers = order.flatMap((name) => {
    const t = tensors.get(name);
    return t === undefined ? [] : [t];
  });
  const nodes: OnnxNode[] = [
    { op: 'Gather', inputs: ['remap', INPUT_NAME], outputs: ['rows'], attributes: [{ name: 'axis', int: 0 }] },
  ];
  if (quantize) {
    // Gather the uint8 rows first, then dequantize only them: DequantizeLinear before Gather
    // would dequantize the whole table on every run (see TOOLCHAIN.md).
    nodes.push(
      { op: 'Gather', inputs: ['embedding_q', 'rows'], outputs: ['vectors_q'], attributes: [{ name: 'axis', int: 0 }] },
      {
        op: 'DequantizeLinear',
        inputs: ['vectors_q', 'embedding_scale', 'embedding_zero_point'],
        outputs: ['vectors'],
      },
    );
  } else {
    nodes.push({
      op: 'Gather',
      inputs: ['embedding', 'rows'],
      outputs: ['vectors'],
      attributes: [{ name: 'axis', int: 0 }],
    });
  }
  nodes.push(
    {
      op: 'ReduceMean',
      inputs: ['vectors'],
      outputs: ['bag'],
      attributes: [
        { name: 'axes', ints: [1] },
        { name: 'keepdims', int: 0 },
      ],
    },
    { op: 'MatMul', inputs: ['bag', 'skip'], outputs: ['skip_logits'] },
  );
  let sum = 'skip_logits';
  if (hidden) {
    nodes.push(
      { op: 'MatMul', inputs: ['bag', 'w1'], outputs: ['hidden_pre'] },
      { op: 'Add', inputs: ['hidden_pre', 'b1'], outputs: ['hidden_biased'] },
      { op: 'Relu', inputs: ['hidden_biased'], outputs: ['hidden'] },
      { op: 'MatMul', inputs: ['hidden', 'w2'], outputs: ['hidden_logits'] },
      { op: 'Add', inputs: ['hidden_logits', 'skip_logits'], outputs: ['sum_logits'] },
    );
    sum = 'sum_logits';
  }
  nodes.push(
    { op: 'Add', inputs: [sum, 'b2'], outputs: ['logits'] },
    { op: 'Div', inputs: ['logits', 'temperature'], outputs: ['scaled_logits'] },
    { op: 'Softmax', inputs: ['scaled_logits'], outputs: [OUTPUT_NAME], attributes: [{ name: 'axis', int: -1 }] },
  );
  return encodeOnnxModel({
    producerName: 'confidant',
    producerVersion: PRODUCER_VERSION,
    graphName: `${meta.name}-intents`,
    docString: 'Confidant intent classifier: feature ids -> embedding bag -> MLP -> calibrated softmax.',
    nodes,
    initializers,
    inputs: [{ name: INPUT_NAME, type: 'int64', shape: [1, 'n'] }],
    outputs: [{ name: OUTPUT_NAME, type: 'float32', shape: [1, classes] }],
    metadata: encodeMetadata(meta),
    checksumKey: CHECKSUM_KEY,
  });
}
