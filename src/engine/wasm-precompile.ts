/**
 * Compiling ONNX Runtime's `.wasm` while it downloads, and handing ONNX Runtime the compiled module.
 *
 * Compiling 14 MB after the last byte arrived (decoding and validating them) is ~0.1 s of the cold
 * start under load; `WebAssembly.compileStreaming` does it on V8's background threads as the bytes
 * come in. The bytes are compiled before they are verified, which runs nothing (compiling only
 * decodes and validates): the module is used only once the SHA-256 of the very bytes it was compiled
 * from has matched (`asset-cache.ts` delivers exactly the returned bytes, and the count of what was
 * fed is checked against them).
 *
 * ONNX Runtime 1.30 takes no compiled module: `env.wasm` has `wasmBinary` and `wasmPaths` only, and
 * the Emscripten config it builds inside has no `instantiateWasm` hook a caller could reach. Given
 * `wasmBinary`, its Emscripten glue calls `WebAssembly.instantiate(new Uint8Array(wasmBinary), imports)`
 * once; {@link instantiateWith} answers that one call, recognised by its buffer, with the module
 * compiled from those bytes, and puts `WebAssembly.instantiate` back at once. Any other call, or a
 * compile that failed, goes to the original, so the worst case is the old path (ORT compiles the bytes).
 *
 * @module
 */

/** A compile fed chunk by chunk. @internal */
export interface StreamingCompile {
  /** Feeds the next chunk (ignored once finished). */
  push(chunk: Uint8Array): void;
  /**
   * Ends the input. Resolves with the module when exactly `length` bytes were fed and they compiled,
   * else `undefined` (never rejects).
   */
  finish(length: number): Promise<WebAssembly.Module | undefined>;
  /** Drops the compile: the input failed. */
  abort(): void;
}

/** Starts a streaming compile, or `undefined` where `WebAssembly.compileStreaming` is missing. @internal */
export function startStreamingCompile(): StreamingCompile | undefined {
  const wasm = (globalThis as { WebAssembly?: typeof WebAssembly }).WebAssembly;
  if (typeof wasm?.compileStreaming !== 'function' || typeof ReadableStream !== 'function') return undefined;
  let input!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (controller) => void (input = controller) });
  let fed = 0;
  let open = true;
  // compileStreaming wants the wasm MIME type; a constructed Response carries it in its headers.
  const compiled = wasm
    .compileStreaming(new Response(body, { headers: { 'content-type': 'application/wasm' } }))
    .catch(() => undefined);
  const close = (error?: Error) => {
    if (!open) return;
    open = false;
    if (error === undefined) input.close();
    else input.error(error);
  };
  return {
    push(chunk) {
      if (!open) return;
      fed += chunk.length;
      input.enqueue(chunk);
    },
    async finish(length) {
      close();
      const module = await compiled;
      return fed === length ? module : undefined;
    },
    abort() {
      close(new Error('The input of the compile failed'));
    },
  };
}

/**
 * Makes the next `WebAssembly.instantiate` of a view on `bytes` (ONNX Runtime's, given `bytes` as
 * `wasmBinary`) use `module` when it resolves to one, instead of compiling the bytes again.
 * @returns a function that removes the hook (it also removes itself on its one call)
 * @internal
 */
export function instantiateWith(bytes: ArrayBuffer, module: Promise<WebAssembly.Module | undefined>): () => void {
  const wasm = WebAssembly;
  const original = wasm.instantiate;
  const restore = () => {
    if (wasm.instantiate === hooked) wasm.instantiate = original;
  };
  const hooked = function (this: unknown, ...args: unknown[]): Promise<unknown> {
    const [source, imports] = args as [unknown, WebAssembly.Imports | undefined];
    if (!(ArrayBuffer.isView(source) && source.buffer === bytes)) return Reflect.apply(original, wasm, args);
    restore();
    return module.then(async (compiled) => {
      if (compiled === undefined) return Reflect.apply(original, wasm, args);
      return { module: compiled, instance: await wasm.instantiate(compiled, imports) };
    });
  } as typeof WebAssembly.instantiate;
  wasm.instantiate = hooked;
  return restore;
}
