import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readOnnxSummary } from '../../../src/nlu/onnx/onnx-reader.ts';
import { encodeOnnxModel } from '../../../src/nlu/onnx/onnx-writer.ts';
import { ProtoWriter, readFields } from '../../../src/nlu/onnx/protobuf.ts';
import { dequantizeUint8, quantizeUint8 } from '../../../src/nlu/onnx/quantize.ts';

test('protobuf varints, strings and nested messages round-trip', () => {
  const bytes = new ProtoWriter()
    .int(1, 300)
    .int(2, -1)
    .int(3, 2n ** 60n)
    .string(4, 'héllo')
    .message(5, (m) => m.int(1, 7))
    .finish();
  // 300 is the textbook example: 0xAC 0x02.
  assert.deepEqual(Array.from(bytes.slice(0, 3)), [0x08, 0xac, 0x02]);
  const fields = readFields(bytes);
  assert.equal(fields[0]!.int, 300);
  assert.equal(fields[1]!.int, 2n ** 64n - 1n, 'negative int64 is two’s complement');
  assert.equal(fields[2]!.int, 2n ** 60n);
  assert.equal(new TextDecoder().decode(fields[3]!.bytes), 'héllo');
  assert.equal(readFields(fields[4]!.bytes)[0]!.int, 7);
  assert.throws(() => readFields(bytes.slice(0, bytes.length - 1)), RangeError);
  assert.throws(() => readFields(Uint8Array.of(0x0b)), RangeError, 'wire type 3 (groups) is refused');
});

test('the ONNX writer produces what the reader reads back, with a graph checksum', () => {
  const bytes = encodeOnnxModel({
    producerName: 'test',
    producerVersion: '1',
    graphName: 'g',
    nodes: [{ op: 'Identity', inputs: ['x'], outputs: ['y'] }],
    initializers: [{ name: 'w', type: 'float32', dims: [2], data: Float32Array.of(1, 2) }],
    inputs: [{ name: 'x', type: 'int64', shape: [1, 'n'] }],
    outputs: [{ name: 'y', type: 'int64', shape: [1, 'n'] }],
    metadata: { b: '2', a: 'ü' },
    checksumKey: 'sum',
  });
  const s = readOnnxSummary(bytes);
  assert.equal(s.irVersion, 8);
  assert.equal(s.opset, 17);
  assert.deepEqual(s.inputs, [{ name: 'x', type: 'int64', shape: [1, 'n'] }]);
  assert.deepEqual(s.initializers, ['w']);
  assert.equal(s.metadata.get('a'), 'ü');
  assert.equal(s.metadata.get('sum'), s.graphChecksum);
  assert.throws(
    () =>
      encodeOnnxModel({
        producerName: '',
        producerVersion: '',
        graphName: '',
        nodes: [],
        initializers: [{ name: 'w', type: 'float32', dims: [3], data: new Float32Array(2) }],
        inputs: [],
        outputs: [],
        metadata: {},
      }),
    RangeError,
  );
});

test('uint8 quantization keeps zero exact and errors within half a step', () => {
  const values = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i) * (i % 7 === 0 ? 0 : 0.8));
  const q = quantizeUint8(values);
  const back = dequantizeUint8(q);
  values.forEach((v, i) => {
    if (v === 0) assert.equal(back[i], 0);
    assert.ok(Math.abs(back[i]! - v) <= q.scale / 2 + 1e-7);
  });
});
