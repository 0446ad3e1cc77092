// A `.wasm` that is not ONNX Runtime's (corrupt, or another file at its URL) made the first session fail
// with "ONNX Runtime cannot load the model (model: …/assistant-en.onnx)": a developer then checks a model
// that is fine (use-r13 finding 7). The error names the wasm; a graph ONNX Runtime refuses still names the model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createOrtSession, loadOrt, type OrtModule } from '../../../src/nlu/runtime/ort-runtime.ts';
import { ModelLoadError } from '../../../src/errors.ts';

const failingWith = (message: string, ort: OrtModule) =>
  ({
    ...ort,
    InferenceSession: {
      create: async () => {
        throw new Error(message);
      },
    },
  }) as unknown as OrtModule;

test('a wasm that does not compile is named as the wasm, not as the model', async () => {
  const wasm = 'https://cdn.example/confidant/ort-wasm-simd-threaded.wasm';
  const ort = await loadOrt(wasm, 'https://cdn.example/confidant/models/assistant-en.onnx');
  const broken = failingWith(
    'no available backend found. ERR: [wasm] RuntimeError: Aborted(CompileError: WebAssembly.instantiate(): expected magic word 00 61 73 6d, found eb b2 c9 bd @+0)',
    ort,
  );
  await assert.rejects(
    createOrtSession(broken, new Uint8Array(8), 'https://cdn.example/confidant/models/assistant-en.onnx', 'model'),
    (error) =>
      error instanceof ModelLoadError &&
      error.source === wasm &&
      /WebAssembly does not start/.test(error.message) &&
      error.message.includes(wasm),
  );
  const refused = failingWith('Load model from buffer failed: protobuf parsing failed', ort);
  await assert.rejects(
    createOrtSession(refused, new Uint8Array(8), '/models/mine.onnx', 'model'),
    (error) =>
      error instanceof ModelLoadError &&
      error.source === '/models/mine.onnx' &&
      /cannot load the model/.test(error.message),
  );
});
