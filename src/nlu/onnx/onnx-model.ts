/**
 * The shapes of an ONNX model as Confidant writes it (`onnx-writer.ts`, at training time) and reads
 * it back (`onnx-reader.ts`, at run time): kept apart so the Worker's loader does not carry the writer.
 * Field meanings are those of onnx/onnx.proto: https://github.com/onnx/onnx/blob/main/onnx/onnx.proto
 *
 * @module
 */

/** ONNX `TensorProto.DataType` codes of the element types used here. */
export const OnnxDataType = { float32: 1, uint8: 2, int8: 3, uint16: 4, int32: 6, int64: 7 } as const;

/** An element type name. */
export type OnnxElementType = keyof typeof OnnxDataType;

/** A constant tensor stored in the graph. */
export interface OnnxTensor {
  name: string;
  type: OnnxElementType;
  dims: number[];
  data: Float32Array | Uint8Array | Int8Array | Uint16Array | Int32Array | BigInt64Array;
}

/** One node attribute; exactly one of the value fields is set. */
export interface OnnxAttribute {
  name: string;
  int?: number;
  ints?: number[];
  float?: number;
  string?: string;
}

/** One operator application. */
export interface OnnxNode {
  op: string;
  inputs: string[];
  outputs: string[];
  name?: string;
  attributes?: OnnxAttribute[];
}

/** A graph input or output: name, element type and shape (a string is a symbolic dimension). */
export interface OnnxValueInfo {
  name: string;
  type: OnnxElementType;
  shape: (number | string)[];
}

/** A whole model. */
export interface OnnxModel {
  /** @default 8 */
  irVersion?: number;
  /** Default-domain opset. @default 17 */
  opset?: number;
  producerName: string;
  producerVersion: string;
  graphName: string;
  docString?: string;
  nodes: OnnxNode[];
  initializers: OnnxTensor[];
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  /** Written to `ModelProto.metadata_props`, in key order. */
  metadata: Record<string, string>;
  /** When set, the checksum of the encoded graph (`checksumOf` in `../runtime/hash.ts`) is added to the metadata under this key. */
  checksumKey?: string;
}
