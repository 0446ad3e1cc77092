/**
 * Loads ONNX Runtime Web's CPU (WebAssembly) build once and configures it for Confidant: one
 * thread, no proxy worker (we already run in a Worker), and the `.wasm` from our own origin.
 * `onnxruntime-web/wasm` works unchanged in browsers and in Node 20 (see TOOLCHAIN.md).
 *
 * @module
 */
import type * as Ort from 'onnxruntime-web/wasm';
import { ModelLoadError } from '../../errors.ts';

/** The ONNX Runtime module. */
export type OrtModule = typeof Ort;

let loading: Promise<OrtModule> | undefined;

/**
 * Imports ONNX Runtime Web (once) and applies the settings.
 * @param wasmUrl absolute URL of `ort-wasm-simd-threaded.wasm`; when omitted ORT finds it next to its own script
 * @param source the model being loaded, named in the error if ORT cannot load
 * @returns the configured module
 * @throws {ModelLoadError} when the runtime cannot be imported
 */
export async function loadOrt(wasmUrl: string | undefined, source: string): Promise<OrtModule> {
  loading ??= import('onnxruntime-web/wasm');
  let ort: OrtModule;
  try {
    ort = await loading;
  } catch (cause) {
    loading = undefined;
    throw new ModelLoadError('Cannot load ONNX Runtime Web', source, { cause });
  }
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  // The object form: the string-prefix form makes ORT import a separate .mjs glue file that
  // breaks under test servers and for cross-origin scripts (TOOLCHAIN.md).
  if (wasmUrl !== undefined) ort.env.wasm.wasmPaths = { wasm: wasmUrl };
  return ort;
}
