/**
 * A trained model read back from its `.onnx` file: metadata, weights and quantization, the
 * starting point of an extension. The exporter (`../../onnx/export.ts`) writes exactly these
 * tensors; a file that lacks one, or whose shapes disagree with its metadata, is refused.
 *
 * @module
 */
import { ModelLoadError } from '../../../errors.ts';
import { CHECKSUM_KEY, readModelFile, readSummary, type ModelMetadata } from '../../onnx/model-format.ts';
import { readInitializers } from '../../onnx/onnx-tensors.ts';
import type { OnnxTensor } from '../../onnx/onnx-model.ts';
import { dequantizeUint8, type QuantizedTensor } from '../../onnx/quantize.ts';
import type { NetworkWeights } from '../network.ts';

/** A model as its file describes it, with its weights as floats. */
export interface BaseModel {
  meta: ModelMetadata;
  weights: NetworkWeights;
  /** The uint8 quantization of the embedding table, when the file stores it so. */
  quantization: Omit<QuantizedTensor, 'data'> | undefined;
  /** The size of the file. */
  bytes: number;
  /** The file's graph checksum (`confidant.checksum`), which an extension file refers to. */
  checksum: string | undefined;
}

/**
 * Reads a Confidant intent model's weights.
 * @param bytes the `.onnx` file
 * @param source how errors name the file @default 'base model'
 * @returns the model
 * @throws {ModelLoadError} naming `source` when the file is not a Confidant model or misses a tensor
 */
export function readBaseModel(bytes: Uint8Array, source = 'base model'): BaseModel {
  const meta = readModelFile(bytes, source);
  let tensors: Map<string, OnnxTensor>;
  try {
    tensors = readInitializers(bytes);
  } catch (cause) {
    throw new ModelLoadError('The model file is corrupt or truncated', source, { cause });
  }
  const fail = (why: string): never => {
    throw new ModelLoadError(`Cannot extend this model: ${why}`, source);
  };
  const get = <T extends OnnxTensor['data']>(name: string, kind: new (n: number) => T): T => {
    const t = tensors.get(name);
    if (t === undefined || !(t.data instanceof kind)) return fail(`tensor ${name} is missing or of the wrong type`);
    return t.data as T;
  };
  const classes = meta.labels.length;
  const remap = get('remap', Int32Array);
  const skip = get('skip', Float32Array);
  const b2 = get('b2', Float32Array);
  const dim = skip.length / classes;
  let embedding: Float32Array;
  let quantization: BaseModel['quantization'];
  if (tensors.has('embedding_q')) {
    const q = get('embedding_q', Uint8Array);
    const scale = get('embedding_scale', Float32Array)[0] ?? fail('no embedding scale');
    const zeroPoint = get('embedding_zero_point', Uint8Array)[0] ?? fail('no embedding zero point');
    quantization = { scale, zeroPoint };
    embedding = dequantizeUint8({ data: q, scale, zeroPoint });
  } else embedding = get('embedding', Float32Array);
  const w1 = tensors.has('w1') ? get('w1', Float32Array) : new Float32Array(0);
  const hidden = w1.length / dim;
  const weights: NetworkWeights = {
    dim,
    hidden,
    classes,
    remap,
    embedding,
    w1,
    b1: hidden > 0 ? get('b1', Float32Array) : new Float32Array(0),
    w2: hidden > 0 ? get('w2', Float32Array) : new Float32Array(0),
    skip,
    b2,
  };
  if (
    !Number.isInteger(dim) ||
    !Number.isInteger(hidden) ||
    b2.length !== classes ||
    embedding.length % dim !== 0 ||
    weights.b1.length !== hidden ||
    weights.w2.length !== hidden * classes ||
    remap.length !== meta.featurizer.buckets
  )
    fail('its tensors do not have the shapes its metadata describes');
  const rows = embedding.length / dim;
  for (const r of remap) if (r < 0 || r >= rows) fail('its remap points outside the embedding table');
  const checksum = readSummary(bytes, source, 'model').metadata.get(CHECKSUM_KEY);
  return { meta, weights, quantization, bytes: bytes.length, checksum };
}
