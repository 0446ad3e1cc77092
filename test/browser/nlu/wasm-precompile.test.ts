// ONNX Runtime's wasm compiled while it downloads (src/engine/wasm-precompile.ts), in Chromium: the
// streaming compile takes the chunks without spoiling them for the digest, a short or long feed is
// never used, and ONNX Runtime's one instantiation of the verified bytes gets the precompiled module.
import { expect } from '@esm-bundle/chai';
import { sha256Hex } from '../../../src/engine/asset-cache.ts';
import { loadEngineModel } from '../../../src/engine/model-loader.ts';
import { instantiateWith, startStreamingCompile } from '../../../src/engine/wasm-precompile.ts';

const WASM = new URL('/node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm', location.href).href;
const MODEL = new URL('/models/assistant-en.onnx', location.href).href;
// (module (func (export "answer") (result i32) i32.const 42))
const ANSWER = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 127, 3, 2, 1, 0, 7, 10, 1, 6, 97, 110, 115, 119, 101, 114, 0, 0, 10,
  6, 1, 4, 0, 65, 42, 11,
]);

const chunksOf = (bytes: Uint8Array, size: number) =>
  Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.slice(i * size, (i + 1) * size));

describe('ONNX Runtime wasm compiled while it downloads', () => {
  it('compiles the fed chunks and leaves them intact for the digest', async () => {
    const bytes = new Uint8Array(await (await fetch(WASM)).arrayBuffer());
    const before = await sha256Hex(bytes);
    const chunks = chunksOf(bytes, 64 * 1024);
    const compile = startStreamingCompile()!;
    for (const chunk of chunks) compile.push(chunk);
    const module = await compile.finish(bytes.length);
    expect(module).to.be.instanceOf(WebAssembly.Module);
    const joined = new Uint8Array(bytes.length);
    let at = 0;
    for (const chunk of chunks) {
      expect(chunk.byteLength, 'a chunk was detached').to.be.greaterThan(0);
      joined.set(chunk, at);
      at += chunk.length;
    }
    expect(await sha256Hex(joined)).to.equal(before);
  });

  it('is not used when the bytes fed differ in count from the verified ones, or do not compile', async () => {
    const short = startStreamingCompile()!;
    short.push(ANSWER);
    expect(await short.finish(ANSWER.length + 1)).to.equal(undefined);
    const broken = startStreamingCompile()!;
    broken.push(ANSWER.slice(0, 20));
    expect(await broken.finish(20)).to.equal(undefined);
    const aborted = startStreamingCompile()!;
    aborted.push(ANSWER);
    aborted.abort();
    expect(await aborted.finish(ANSWER.length)).to.equal(undefined);
  });

  it('answers the one instantiation of the handed bytes with the module, then steps aside', async () => {
    const original = WebAssembly.instantiate;
    const handed = ANSWER.slice().buffer;
    const module = await WebAssembly.compile(ANSWER);
    const unhook = instantiateWith(handed, Promise.resolve(module));
    try {
      const other = await WebAssembly.instantiate(ANSWER.slice(), {});
      expect(other.module, 'other bytes compile as before').to.not.equal(module);
      const ours = await WebAssembly.instantiate(new Uint8Array(handed), {});
      expect(ours.module).to.equal(module);
      expect((ours.instance.exports['answer'] as () => number)()).to.equal(42);
      expect(WebAssembly.instantiate, 'the hook removed itself').to.equal(original);
    } finally {
      unhook();
    }
    const unused = instantiateWith(handed, Promise.resolve(undefined));
    const fallback = await WebAssembly.instantiate(new Uint8Array(handed), {});
    expect(fallback.module, 'no module: the bytes are compiled').to.not.equal(module);
    unused();
    expect(WebAssembly.instantiate).to.equal(original);
  });

  it('hands ONNX Runtime the module compiled from the verified download', async () => {
    const original = WebAssembly.instantiate;
    const sources: string[] = [];
    WebAssembly.instantiate = function (...args: unknown[]) {
      sources.push(args[0] instanceof WebAssembly.Module ? 'module' : 'bytes');
      return Reflect.apply(original, WebAssembly, args);
    } as typeof WebAssembly.instantiate;
    try {
      const wasmSha256 = await sha256Hex(new Uint8Array(await (await fetch(WASM)).arrayBuffer()));
      const model = await loadEngineModel(MODEL, { wasmUrl: WASM, wasmSha256 });
      expect((await model.classify('what time is it')).intent).to.equal('time');
      expect(sources, 'ORT instantiated the precompiled module').to.deep.equal(['module']);
      await model.dispose();
    } finally {
      WebAssembly.instantiate = original;
    }
  });
});
