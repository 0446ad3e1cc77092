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
import { dequantizeUint8, quantizeUint8 } from './quantize.ts';
import { OOS_LABEL } from '../types.ts';
import type { TrainedModel } from '../training/trainer.ts';

/** Options of {@link exportOnnx}. */
export interface ExportOptions {
  /** Store the embedding table as uint8 (Gather → DequantizeLinear): about 4× smaller. @default false */
  quantize?: boolean;
}

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
  };
}

/**
 * The weights exactly as the exported graph computes with them: with `quantize`, the table
 * goes through uint8 and back. The in-memory predictor uses these to match the ONNX model.
 * @param model the trained model
 * @param quantize whether the export is quantized
 * @returns the effective weights
 */
export function effectiveWeights(model: TrainedModel, quantize: boolean): NetworkWeights {
  if (!quantize) return model.weights;
  return { ...model.weights, embedding: dequantizeUint8(quantizeUint8(model.weights.embedding)) };
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
  const w = model.weights;
  const rows = w.embedding.length / w.dim;
  const f32 = (name: string, dims: number[], data: Float32Array): OnnxTensor => ({ name, type: 'float32', dims, data });
  const initializers: OnnxTensor[] = [
    { name: 'remap', type: 'int32', dims: [w.remap.length], data: w.remap },
    f32('skip', [w.dim, w.classes], w.skip),
    f32('b2', [w.classes], w.b2),
    f32('temperature', [], Float32Array.of(model.temperature)),
  ];
  const nodes: OnnxNode[] = [
    { op: 'Gather', inputs: ['remap', INPUT_NAME], outputs: ['rows'], attributes: [{ name: 'axis', int: 0 }] },
  ];
  if (quantize) {
    // Gather the uint8 rows first, then dequantize only them: DequantizeLinear before Gather
    // would dequantize the whole table on every run (see TOOLCHAIN.md).
    const q = quantizeUint8(w.embedding);
    initializers.push(
      { name: 'embedding_q', type: 'uint8', dims: [rows, w.dim], data: q.data },
      f32('embedding_scale', [], Float32Array.of(q.scale)),
      { name: 'embedding_zero_point', type: 'uint8', dims: [], data: Uint8Array.of(q.zeroPoint) },
    );
    nodes.push(
      { op: 'Gather', inputs: ['embedding_q', 'rows'], outputs: ['vectors_q'], attributes: [{ name: 'axis', int: 0 }] },
      {
        op: 'DequantizeLinear',
        inputs: ['vectors_q', 'embedding_scale', 'embedding_zero_point'],
        outputs: ['vectors'],
      },
    );
  } else {
    initializers.push(f32('embedding', [rows, w.dim], w.embedding));
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
  if (w.hidden > 0) {
    initializers.push(
      f32('w1', [w.dim, w.hidden], w.w1),
      f32('b1', [w.hidden], w.b1),
      f32('w2', [w.hidden, w.classes], w.w2),
    );
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
    graphName: `${model.name}-intents`,
    docString: 'Confidant intent classifier: feature ids -> embedding bag -> MLP -> calibrated softmax.',
    nodes,
    initializers,
    inputs: [{ name: INPUT_NAME, type: 'int64', shape: [1, 'n'] }],
    outputs: [{ name: OUTPUT_NAME, type: 'float32', shape: [1, w.classes] }],
    metadata: encodeMetadata(metadataOf(model, quantize)),
    checksumKey: CHECKSUM_KEY,
  });
}
