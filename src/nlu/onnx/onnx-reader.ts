/**
 * Reads what the model loader must check before handing bytes to ONNX Runtime: the
 * `metadata_props`, the opset, and the graph's input and output names, types and shapes.
 * ONNX Runtime Web does not expose custom metadata, hence this small reader (hand-written for
 * the reason given in `protobuf.ts`).
 *
 * @module
 */
import { checksumOf } from '../runtime/hash.ts';
import { OnnxDataType, type OnnxElementType, type OnnxTensor, type OnnxValueInfo } from './onnx-model.ts';
import { readFields, utf8, type ProtoField } from './protobuf.ts';

/** The parts of a `ModelProto` the loader validates. */
export interface OnnxSummary {
  irVersion: number;
  /** The default-domain opset version, 0 when absent. */
  opset: number;
  metadata: Map<string, string>;
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  /** Names of the graph's initializers. */
  initializers: string[];
  /** The checksum of the encoded graph ({@link checksumOf}), to compare with the one in the metadata. */
  graphChecksum: string;
}

const typeNames = new Map<number, OnnxElementType>(
  Object.entries(OnnxDataType).map(([k, v]) => [v, k as OnnxElementType]),
);

const num = (f: ProtoField): number => Number(f.int);

function readValueInfo(bytes: Uint8Array): OnnxValueInfo {
  const info: OnnxValueInfo = { name: '', type: 'float32', shape: [] };
  let typed = false;
  for (const f of readFields(bytes)) {
    if (f.field === 1) info.name = utf8(f.bytes);
    if (f.field !== 2) continue;
    for (const t of readFields(f.bytes)) {
      if (t.field !== 1) continue; // only tensor types
      for (const tt of readFields(t.bytes)) {
        if (tt.field === 1) {
          const name = typeNames.get(num(tt));
          if (name === undefined) throw new RangeError(`value ${info.name} has unsupported element type ${num(tt)}`);
          info.type = name;
          typed = true;
        } else if (tt.field === 2) {
          for (const d of readFields(tt.bytes)) {
            if (d.field !== 1) continue;
            let dim: number | string = '?';
            for (const v of readFields(d.bytes)) dim = v.field === 1 ? num(v) : v.field === 2 ? utf8(v.bytes) : dim;
            info.shape.push(dim);
          }
        }
      }
    }
  }
  if (!typed) throw new RangeError(`value ${info.name} is not a tensor`);
  return info;
}

/**
 * Parses the summary of an ONNX model file.
 * @param bytes the `.onnx` file
 * @returns its summary
 * @throws {RangeError} when the bytes are not a well-formed `ModelProto` with a graph
 */
export function readOnnxSummary(bytes: Uint8Array): OnnxSummary {
  const summary: OnnxSummary = {
    irVersion: 0,
    opset: 0,
    metadata: new Map(),
    inputs: [],
    outputs: [],
    initializers: [],
    graphChecksum: '',
  };
  let graph: Uint8Array | null = null;
  for (const f of readFields(bytes)) {
    if (f.field === 1) summary.irVersion = num(f);
    else if (f.field === 7) graph = f.bytes;
    else if (f.field === 8) {
      let domain = '';
      let version = 0;
      for (const o of readFields(f.bytes)) {
        if (o.field === 1) domain = utf8(o.bytes);
        if (o.field === 2) version = num(o);
      }
      if (domain === '' || domain === 'ai.onnx') summary.opset = version;
    } else if (f.field === 14) {
      let key = '';
      let value = '';
      for (const e of readFields(f.bytes)) {
        if (e.field === 1) key = utf8(e.bytes);
        if (e.field === 2) value = utf8(e.bytes);
      }
      summary.metadata.set(key, value);
    }
  }
  if (graph === null) throw new RangeError('no graph');
  summary.graphChecksum = checksumOf(graph);
  for (const f of readFields(graph)) {
    if (f.field === 11) summary.inputs.push(readValueInfo(f.bytes));
    else if (f.field === 12) summary.outputs.push(readValueInfo(f.bytes));
    else if (f.field === 5) {
      for (const t of readFields(f.bytes)) if (t.field === 8) summary.initializers.push(utf8(t.bytes));
    }
  }
  return summary;
}

/**
 * Reads only a model file's `metadata_props` (the top level of the `ModelProto`, without decoding
 * the graph): enough to tell what kind of file it is before loading it.
 * @param bytes the `.onnx` file
 * @returns key → value
 * @throws {RangeError} when the bytes are not a well-formed protobuf message
 */
export function readMetadataProps(bytes: Uint8Array): Map<string, string> {
  const metadata = new Map<string, string>();
  for (const f of readFields(bytes)) {
    if (f.field !== 14) continue;
    let key = '';
    let value = '';
    for (const e of readFields(f.bytes)) {
      if (e.field === 1) key = utf8(e.bytes);
      if (e.field === 2) value = utf8(e.bytes);
    }
    metadata.set(key, value);
  }
  return metadata;
}

const ARRAYS = {
  float32: Float32Array,
  uint8: Uint8Array,
  int8: Int8Array,
  uint16: Uint16Array,
  int32: Int32Array,
  int64: BigInt64Array,
} as const;

/**
 * Reads every initializer of a model as the exporter writes them (`raw_data`, little-endian): for
 * tools that rewrite a graph around the same weights (a format conversion).
 * @param bytes the `.onnx` file
 * @returns copies of the initializers, in the file's order
 * @throws {RangeError} when the bytes are not a well-formed `ModelProto`, or an initializer has no
 *   `raw_data` or an element type other than those of {@link OnnxDataType}
 */
export function readInitializers(bytes: Uint8Array): OnnxTensor[] {
  const out: OnnxTensor[] = [];
  for (const f of readFields(bytes)) {
    if (f.field !== 7) continue;
    for (const g of readFields(f.bytes)) {
      if (g.field !== 5) continue;
      let name = '';
      let code = 0;
      const dims: number[] = [];
      let raw: Uint8Array | null = null;
      for (const t of readFields(g.bytes)) {
        if (t.field === 1) dims.push(num(t));
        else if (t.field === 8) name = utf8(t.bytes);
        else if (t.field === 2) code = num(t);
        else if (t.field === 9) raw = t.bytes;
      }
      const type = typeNames.get(code);
      if (type === undefined || raw === null)
        throw new RangeError(`initializer ${name} is not stored as raw data of a known type`);
      const Array_ = ARRAYS[type];
      if (raw.length % Array_.BYTES_PER_ELEMENT !== 0)
        throw new RangeError(`initializer ${name} has a partial element`);
      // A copy: the view may be unaligned, and the caller may keep it after the file is dropped.
      const data = new Array_(raw.length / Array_.BYTES_PER_ELEMENT);
      new Uint8Array(data.buffer).set(raw);
      out.push({ name, type, dims, data });
    }
  }
  return out;
}

/**
 * Reads one int32 initializer of a model (as the exporter writes it: `raw_data`, little-endian),
 * e.g. the feature remap, which tells which features have their own embedding row.
 * @param bytes the `.onnx` file
 * @param name the initializer's name
 * @returns a copy of its values, or null when the graph has no int32 initializer of that name
 * @throws {RangeError} when the bytes are not a well-formed `ModelProto`
 */
export function readInt32Initializer(bytes: Uint8Array, name: string): Int32Array | null {
  for (const f of readFields(bytes)) {
    if (f.field !== 7) continue;
    for (const g of readFields(f.bytes)) {
      if (g.field !== 5) continue;
      let tensorName = '';
      let type = 0;
      let raw: Uint8Array | null = null;
      for (const t of readFields(g.bytes)) {
        if (t.field === 8) tensorName = utf8(t.bytes);
        else if (t.field === 2) type = num(t);
        else if (t.field === 9) raw = t.bytes;
      }
      if (tensorName !== name) continue;
      if (type !== OnnxDataType.int32 || raw === null || raw.length % 4 !== 0) return null;
      // A copy: the view may be unaligned, and the caller may keep it after the file is dropped.
      const out = new Int32Array(raw.length / 4);
      new Uint8Array(out.buffer).set(raw);
      return out;
    }
  }
  return null;
}
