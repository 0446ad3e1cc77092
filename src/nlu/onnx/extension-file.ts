/**
 * The extension file: an extended model written as what differs from its base model — the new
 * embedding rows and where the featurizer's buckets point to them, the output layer, the hidden
 * layer when it changed, the calibration and the metadata of the whole — in an ONNX container
 * (a graph of initializers and no nodes). With the base model frozen below the output layer it is
 * a few hundred kilobytes instead of the base's megabytes: small enough to commit next to a demo,
 * or to ship with a site, while the package ships the base.
 *
 * Applying it to its base (the very file: the base's graph checksum is recorded) gives the bytes
 * `exportOnnx` writes for the extended model, byte for byte.
 *
 * @module
 */
import { ModelLoadError } from '../../errors.ts';
import type { NetworkWeights } from '../training/network.ts';
import type { TrainedModel } from '../training/trainer.ts';
import { encodeIntentGraph, metadataOf, tensorsOf, type IntentTensors } from './export.ts';
import { CHECKSUM_KEY, decodeMetadata, encodeMetadata, EXTENDS_KEY, type ModelMetadata } from './model-format.ts';
import type { OnnxTensor } from './onnx-model.ts';
import { readInitializers } from './onnx-tensors.ts';
import { encodeOnnxModel } from './onnx-writer.ts';
import { readSummary } from './model-format.ts';

/** What an extension says of its base. */
export interface ExtensionBase {
  name: string;
  version: string;
  /** The base file's graph checksum (its `confidant.checksum`). */
  checksum: string;
  /** Rows of the base's embedding table: the extension's rows follow them. */
  rows: number;
}

/** The base an extension is written against: its metadata, weights, quantization and graph checksum. */
export interface ExtensionBaseModel {
  meta: ModelMetadata;
  weights: NetworkWeights;
  quantization: { scale: number; zeroPoint: number } | undefined;
  checksum: string | undefined;
}

/**
 * The base a file extends, or `undefined` when it is a whole model.
 * @param metadata the file's `metadata_props`
 * @param source how errors name the file
 * @throws {ModelLoadError} when the key is there but malformed
 */
export function extensionBaseOf(metadata: Map<string, string>, source: string): ExtensionBase | undefined {
  const raw = metadata.get(EXTENDS_KEY);
  if (raw === undefined) return undefined;
  let base: Partial<ExtensionBase>;
  try {
    base = JSON.parse(raw) as Partial<ExtensionBase>;
  } catch {
    throw new ModelLoadError(`Not a Confidant extension: metadata ${EXTENDS_KEY} is not valid JSON`, source);
  }
  if (
    typeof base.name !== 'string' ||
    typeof base.version !== 'string' ||
    typeof base.checksum !== 'string' ||
    !Number.isInteger(base.rows)
  )
    throw new ModelLoadError(`Not a Confidant extension: metadata ${EXTENDS_KEY} is incomplete`, source);
  return base as ExtensionBase;
}

const sameValues = (a: Float32Array, b: Float32Array) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Writes `model`, an extension of `base`, as an extension file.
 * @param model the extended model (its rows before the base's row count are the base's, unchanged)
 * @param base the base model it extends
 * @returns the file's bytes
 * @throws {RangeError} when the base has no checksum or the model does not extend it
 */
export function encodeExtension(model: TrainedModel, base: ExtensionBaseModel): Uint8Array {
  const w = model.weights;
  const b = base.weights;
  const baseRows = b.embedding.length / b.dim;
  if (base.checksum === undefined) throw new RangeError('the base model has no graph checksum to refer to');
  if (w.dim !== b.dim || w.hidden !== b.hidden || w.remap.length !== b.remap.length)
    throw new RangeError('the model does not extend this base (its shapes differ)');
  const quantize = base.quantization !== undefined;
  const whole = tensorsOf(model, quantize, base.quantization);
  const pairs: number[] = [];
  w.remap.forEach((row, bucket) => {
    if (row !== b.remap[bucket]) {
      if (row < baseRows) throw new RangeError('the model moved a base feature to another base row');
      pairs.push(bucket, row);
    }
  });
  const tensors: OnnxTensor[] = [
    { name: 'remap_add', type: 'int32', dims: [pairs.length / 2, 2], data: Int32Array.from(pairs) },
  ];
  const table = whole.get(quantize ? 'embedding_q' : 'embedding') as OnnxTensor;
  const rows = w.embedding.length / w.dim;
  tensors.push({
    name: quantize ? 'embedding_add_q' : 'embedding_add',
    type: table.type,
    dims: [rows - baseRows, w.dim],
    data: table.data.slice(baseRows * w.dim),
  } as OnnxTensor);
  const changed = (name: 'w1' | 'b1') => !sameValues(w[name], b[name]);
  for (const name of ['skip', 'b2', 'temperature', 'w1', 'b1', 'w2'] as const) {
    const t = whole.get(name);
    if (
      t !== undefined &&
      (name === 'w2' || name === 'skip' || name === 'b2' || name === 'temperature' || changed(name))
    )
      tensors.push(t);
  }
  const meta = metadataOf(model, quantize);
  const extendsBase: ExtensionBase = {
    name: base.meta.name,
    version: base.meta.version,
    checksum: base.checksum,
    rows: baseRows,
  };
  return encodeOnnxModel({
    producerName: 'confidant',
    producerVersion: '0.1.0',
    graphName: `${model.name}-extension`,
    docString: `Confidant intent model extension of ${base.meta.name} ${base.meta.version}: apply it to that model.`,
    nodes: [],
    initializers: tensors,
    inputs: [],
    outputs: [],
    metadata: { ...encodeMetadata(meta), [EXTENDS_KEY]: JSON.stringify(extendsBase) },
  });
}

/**
 * Applies an extension file to its base model.
 * @param baseBytes the base model's `.onnx` file
 * @param extension the extension file
 * @param source how errors name the extension
 * @returns the extended model's `.onnx` bytes
 * @throws {ModelLoadError} naming `source` when the extension is malformed or was made for another base
 */
export function applyExtension(baseBytes: Uint8Array, extension: Uint8Array, source: string): Uint8Array {
  const summary = readSummary(extension, source, 'extension');
  const wanted = extensionBaseOf(summary.metadata, source);
  if (wanted === undefined) throw new ModelLoadError('Not a Confidant extension file', source);
  const meta = decodeMetadata(summary.metadata, source);
  const baseSummary = readSummary(baseBytes, `${wanted.name} (base)`, 'model');
  const checksum = baseSummary.metadata.get(CHECKSUM_KEY);
  if (checksum !== wanted.checksum) {
    throw new ModelLoadError(
      `This extension was made for ${wanted.name} ${wanted.version}, not for the model it is applied to ` +
        `(${baseSummary.metadata.get('confidant.name') ?? '?'} ${baseSummary.metadata.get('confidant.version') ?? '?'}): ` +
        'extend the model again',
      source,
      { code: 'extension-base' },
    );
  }
  let base: Map<string, OnnxTensor>;
  let delta: Map<string, OnnxTensor>;
  try {
    base = readInitializers(baseBytes);
    delta = readInitializers(extension);
  } catch (cause) {
    throw new ModelLoadError('The extension or its base is corrupt', source, { cause });
  }
  const fail = (why: string): never => {
    throw new ModelLoadError(`The extension is malformed: ${why}`, source);
  };
  const quantize = base.has('embedding_q');
  const tableName = quantize ? 'embedding_q' : 'embedding';
  const table = base.get(tableName) ?? fail('its base has no embedding table');
  const added = delta.get(quantize ? 'embedding_add_q' : 'embedding_add') ?? fail('no new embedding rows');
  const [baseRows, dim] = table.dims as [number, number];
  if (baseRows !== wanted.rows || added.dims[1] !== dim || added.type !== table.type)
    fail('its rows do not fit the base');
  const newRows = added.dims[0] as number;
  const remap = (base.get('remap')?.data as Int32Array | undefined)?.slice() ?? fail('its base has no remap');
  const pairs = delta.get('remap_add')?.data ?? fail('no remap_add');
  if (!(pairs instanceof Int32Array) || pairs.length % 2 !== 0) fail('remap_add must be int32 pairs');
  for (let i = 0; i < pairs.length; i += 2) {
    const bucket = pairs[i] as number;
    const row = pairs[i + 1] as number;
    if (bucket < 0 || bucket >= remap.length || row < baseRows || row >= baseRows + newRows)
      fail('remap_add points outside the table');
    remap[bucket] = row;
  }
  const data = new (table.data.constructor as Uint8ArrayConstructor)(table.data.length + added.data.length);
  data.set(table.data as Uint8Array);
  data.set(added.data as Uint8Array, table.data.length);
  const tensors: IntentTensors = new Map(base);
  tensors.set('remap', { ...(base.get('remap') as OnnxTensor), data: remap });
  tensors.set(tableName, { ...table, dims: [baseRows + newRows, dim], data });
  for (const name of ['skip', 'b2', 'temperature', 'w1', 'b1', 'w2']) {
    const t = delta.get(name);
    if (t !== undefined) tensors.set(name, t);
  }
  const classes = meta.labels.length;
  if ((tensors.get('b2')?.data.length ?? 0) !== classes) fail(`its output layer does not have ${classes} classes`);
  return encodeIntentGraph(tensors, meta);
}
