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
/** The `.wasm` ONNX Runtime was pointed at last (see `loadOrt`), named when it is what fails. */
let wasmInUse: string | undefined;
/**
 * ONNX Runtime's words when its WebAssembly does not compile or start ("no available backend found.
 * ERR: [wasm] RuntimeError: Aborted(CompileError: WebAssembly.instantiate(): expected magic word …)").
 */
const WASM_FAILED = /CompileError|WebAssembly\.|no available backend/;

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
  if (wasmUrl !== undefined) {
    ort.env.wasm.wasmPaths = { wasm: wasmUrl };
    wasmInUse = wasmUrl;
  }
  return ort;
}

// The realm's one lane for inference runs (see runAlone).
let lane: Promise<unknown> = Promise.resolve();

/**
 * Runs `job` (one `session.run`) once every run queued before it in this realm, of any session, has
 * settled. ONNX Runtime Web's wasm backend keeps a run's input and output pointers on the one wasm
 * stack across its `await`s and restores the stack pointer it saw on entry when it ends: two runs that
 * overlap, even of different sessions, free each other's stack frames and read what was written over
 * them. It showed as the slot tagger's load probe failing now and then while the intent and context
 * models loaded beside it in the Worker, and could garble a turn's scores, where the intent model and
 * the tagger run side by side. One thread runs the wasm anyway: chaining costs no parallelism.
 * @param job the run
 * @returns what the run returns
 */
export function runAlone<T>(job: () => Promise<T>): Promise<T> {
  const result = lane.then(job);
  lane = result.catch(() => undefined);
  return result;
}

/** An ONNX Runtime inference session. */
export type OrtSession = Awaited<ReturnType<OrtModule['InferenceSession']['create']>>;

/**
 * Creates a session on the CPU (wasm) backend with every graph optimization.
 * @param what how the error names the file (`model`, `tagger`)
 * @throws {ModelLoadError} naming `source` when ONNX Runtime refuses the graph, or naming the `.wasm`
 *   when it is ONNX Runtime's WebAssembly that does not start (a corrupt or wrong file there)
 */
export async function createOrtSession(
  ort: OrtModule,
  bytes: Uint8Array,
  source: string,
  what: string,
): Promise<OrtSession> {
  try {
    return await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  } catch (cause) {
    if (WASM_FAILED.test(String((cause as { message?: unknown } | null)?.message ?? cause)))
      throw new ModelLoadError(
        `ONNX Runtime's WebAssembly does not start (the .wasm file is corrupt or not ONNX Runtime's; the ${what} was not loaded)`,
        wasmInUse ?? 'ort-wasm-simd-threaded.wasm',
        { cause },
      );
    throw new ModelLoadError(`ONNX Runtime cannot load the ${what}`, source, { cause });
  }
}

/**
 * Feature ids as an int64 tensor without a BigInt per id: the low 32-bit word of each is written
 * (ids are small and non-negative; every platform ONNX Runtime Web runs on is little-endian).
 * @param ids the ids
 * @param dims the tensor's shape (its product is `ids.length`)
 */
export function int64Ids(ort: OrtModule, ids: Int32Array, dims: readonly number[]): InstanceType<OrtModule['Tensor']> {
  const wide = new BigInt64Array(ids.length);
  const words = new Int32Array(wide.buffer);
  for (let i = 0; i < ids.length; i++) words[2 * i] = ids[i] as number;
  return new ort.Tensor('int64', wide, dims);
}
