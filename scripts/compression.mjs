// Compression as a host should serve Confidant's files (README, "Serving it"): brotli where the browser
// accepts it, else gzip, for text and for the .wasm and .onnx files (ONNX Runtime's 14 MB wasm travels as
// 2.8 MB; the model as half its size). Shared by `npm start`, the packaged-app tests and the benchmarks.
// Compressed bodies are kept in memory per file version: compressing the wasm takes ~2 s, once.
import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Content types worth compressing: text, JSON, JavaScript, WebAssembly and the ONNX models. */
export const COMPRESSIBLE = /^(text\/|application\/(javascript|json|wasm|octet-stream|manifest\+json)|image\/svg)/;

/**
 * The encoding to answer with for an `Accept-Encoding` header: `br`, `gzip` or none.
 * @param {string | undefined} acceptEncoding
 * @returns {'br' | 'gzip' | undefined}
 */
export function pickEncoding(acceptEncoding) {
  const accepted = (acceptEncoding ?? '').split(',').map((e) => e.trim().split(';')[0]);
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return undefined;
}

/** @type {Map<string, Promise<Buffer>>} */
const cache = new Map();

/**
 * Compresses a body (cached under `key`, which should name the file and its version).
 * Brotli quality 5: within 6% of quality 9 on the wasm, at a seventh of the time (on the fly, once).
 * @param {Buffer} body
 * @param {'br' | 'gzip'} encoding
 * @param {string} key
 * @returns {Promise<Buffer>}
 */
export function compress(body, encoding, key) {
  const id = `${encoding}:${key}`;
  let done = cache.get(id);
  if (done === undefined) {
    done =
      encoding === 'br'
        ? brotli(body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
          })
        : gz(body, { level: 6 });
    cache.set(id, done);
  }
  return done;
}
