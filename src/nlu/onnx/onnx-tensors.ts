/**
 * Reads a graph's initializer tensors back out of an `.onnx` file: what extending a model needs
 * (its trained weights, to start from) and what the loader never does (it hands the bytes to ONNX
 * Runtime). Only the form `onnx-writer.ts` writes is read — `raw_data`, little-endian, of the
 * element types in `OnnxDataType` — which is every Confidant model.
 *
 * @module
 */
import { OnnxDataType, type OnnxElementType, type OnnxTensor } from './onnx-model.ts';
import { readFields, utf8, WireType } from './protobuf.ts';

const typeNames = new Map<number, OnnxElementType>(
  Object.entries(OnnxDataType).map(([k, v]) => [v, k as OnnxElementType]),
);

/** Reads packed varints (a `repeated int64` written packed by other producers). */
function packedVarints(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const b of bytes) {
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if ((b & 0x80) === 0) {
      out.push(value);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** A copy of `raw` as the typed array of `type` (a copy: `raw` may be unaligned, or a Node `Buffer` view). */
function typedData(type: OnnxElementType, raw: Uint8Array): OnnxTensor['data'] {
  const bytes = new Uint8Array(raw.length);
  bytes.set(raw);
  const copy = bytes.buffer;
  switch (type) {
    case 'float32':
      return new Float32Array(copy);
    case 'uint8':
      return new Uint8Array(copy);
    case 'int8':
      return new Int8Array(copy);
    case 'uint16':
      return new Uint16Array(copy);
    case 'int32':
      return new Int32Array(copy);
    case 'int64':
      return new BigInt64Array(copy);
  }
}

const width: Record<OnnxElementType, number> = { float32: 4, uint8: 1, int8: 1, uint16: 2, int32: 4, int64: 8 };

function readTensor(bytes: Uint8Array): OnnxTensor {
  const dims: number[] = [];
  let type: OnnxElementType | undefined;
  let name = '';
  let raw: Uint8Array | undefined;
  for (const f of readFields(bytes)) {
    if (f.field === 1) {
      if (f.wire === WireType.bytes) dims.push(...packedVarints(f.bytes));
      else dims.push(Number(f.int));
    } else if (f.field === 2) type = typeNames.get(Number(f.int));
    else if (f.field === 8) name = utf8(f.bytes);
    else if (f.field === 9) raw = f.bytes;
  }
  if (type === undefined) throw new RangeError(`tensor ${name} has an unsupported element type`);
  if (raw === undefined) throw new RangeError(`tensor ${name} has no raw_data`);
  const count = dims.reduce((a, b) => a * b, 1);
  if (raw.length !== count * width[type])
    throw new RangeError(`tensor ${name}: ${raw.length} bytes for dims ${dims.join('x') || 'scalar'}`);
  return { name, type, dims, data: typedData(type, raw) };
}

/**
 * The initializers of an ONNX model's graph, by name.
 * @param bytes the `.onnx` file
 * @returns every initializer, decoded
 * @throws {RangeError} when the file is not a well-formed model or a tensor is not stored as `raw_data`
 */
export function readInitializers(bytes: Uint8Array): Map<string, OnnxTensor> {
  const graph = readFields(bytes).find((f) => f.field === 7);
  if (graph === undefined) throw new RangeError('no graph');
  const tensors = new Map<string, OnnxTensor>();
  for (const f of readFields(graph.bytes)) {
    if (f.field !== 5) continue;
    const t = readTensor(f.bytes);
    tensors.set(t.name, t);
  }
  return tensors;
}
