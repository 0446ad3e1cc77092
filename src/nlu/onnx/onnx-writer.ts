/**
 * Encodes the subset of ONNX's `ModelProto` the exporter needs: a graph of nodes, initializer
 * tensors (as `raw_data`), typed inputs and outputs, opset imports and `metadata_props`.
 *
 * Hand-written on top of `protobuf.ts` rather than with `onnx-proto`/protobufjs: the subset is a
 * page of code, and the exporter runs in the browser (in-browser training) where a protobuf
 * runtime would cost tens of kilobytes. Field numbers are from onnx/onnx.proto (IR version 8):
 * https://github.com/onnx/onnx/blob/main/onnx/onnx.proto
 *
 * @module
 */
import { checksumOf } from '../runtime/hash.ts';
import { ProtoWriter } from './protobuf.ts';
import {
  OnnxDataType,
  type OnnxAttribute,
  type OnnxModel,
  type OnnxNode,
  type OnnxTensor,
  type OnnxValueInfo,
} from './onnx-model.ts';

// AttributeProto.AttributeType codes.
const ATTR_FLOAT = 1;
const ATTR_INT = 2;
const ATTR_STRING = 3;
const ATTR_INTS = 7;

function tensorBytes(t: OnnxTensor): Uint8Array {
  // raw_data is little-endian; typed arrays use the platform's order, which is little-endian on
  // every platform JavaScript engines ship on (x86, ARM, WebAssembly).
  return new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
}

function writeTensor(w: ProtoWriter, t: OnnxTensor): void {
  const expected = t.dims.reduce((a, b) => a * b, 1);
  if (expected !== t.data.length)
    throw new RangeError(`ONNX tensor ${t.name}: dims ${t.dims.join('x')} do not match ${t.data.length} values`);
  for (const d of t.dims) w.int(1, d);
  w.int(2, OnnxDataType[t.type]);
  w.string(8, t.name);
  w.bytes(9, tensorBytes(t));
}

function writeValueInfo(w: ProtoWriter, v: OnnxValueInfo): void {
  w.string(1, v.name);
  w.message(2, (type) =>
    type.message(1, (tensor) => {
      tensor.int(1, OnnxDataType[v.type]);
      tensor.message(2, (shape) => {
        for (const d of v.shape) shape.message(1, (dim) => (typeof d === 'number' ? dim.int(1, d) : dim.string(2, d)));
      });
    }),
  );
}

function writeAttribute(w: ProtoWriter, a: OnnxAttribute): void {
  w.string(1, a.name);
  if (a.float !== undefined) w.float(2, a.float).int(20, ATTR_FLOAT);
  else if (a.int !== undefined) w.int(3, a.int).int(20, ATTR_INT);
  else if (a.string !== undefined) w.string(4, a.string).int(20, ATTR_STRING);
  else if (a.ints !== undefined) {
    for (const i of a.ints) w.int(8, i);
    w.int(20, ATTR_INTS);
  } else throw new RangeError(`ONNX attribute ${a.name} has no value`);
}

function writeNode(w: ProtoWriter, n: OnnxNode, index: number): void {
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, n.name ?? `${n.op}_${index}`);
  w.string(4, n.op);
  for (const a of n.attributes ?? []) w.message(5, (m) => writeAttribute(m, a));
}

/**
 * Encodes `model` as an ONNX protobuf file.
 * @param model the graph, tensors and metadata
 * @returns the bytes of the `.onnx` file
 * @throws {RangeError} when a tensor's dims do not match its data
 */
export function encodeOnnxModel(model: OnnxModel): Uint8Array {
  const g = new ProtoWriter();
  model.nodes.forEach((n, i) => g.message(1, (m) => writeNode(m, n, i)));
  g.string(2, model.graphName);
  for (const t of model.initializers) g.message(5, (m) => writeTensor(m, t));
  for (const v of model.inputs) g.message(11, (m) => writeValueInfo(m, v));
  for (const v of model.outputs) g.message(12, (m) => writeValueInfo(m, v));
  const graph = g.finish();
  const metadata = { ...model.metadata };
  if (model.checksumKey !== undefined) metadata[model.checksumKey] = checksumOf(graph);

  const w = new ProtoWriter();
  w.int(1, model.irVersion ?? 8);
  w.string(2, model.producerName);
  w.string(3, model.producerVersion);
  if (model.docString !== undefined) w.string(6, model.docString);
  w.bytes(7, graph);
  w.message(8, (op) => op.string(1, '').int(2, model.opset ?? 17));
  for (const key of Object.keys(metadata).sort()) {
    w.message(14, (m) => m.string(1, key).string(2, metadata[key] as string));
  }
  return w.finish();
}

/**
 * A float32 constant tensor.
 * @param name the initializer's name
 * @param dims its shape
 * @param data its values (length = product of `dims`)
 */
export const f32Tensor = (name: string, dims: number[], data: Float32Array): OnnxTensor => ({
  name,
  type: 'float32',
  dims,
  data,
});

/**
 * A 1-D int64 constant tensor (axes, shapes, split sizes).
 * @param name the initializer's name
 * @param values its values
 */
export const i64Tensor = (name: string, values: number[]): OnnxTensor => ({
  name,
  type: 'int64',
  dims: [values.length],
  data: BigInt64Array.from(values.map(BigInt)),
});
