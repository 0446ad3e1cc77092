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
 * Compresses a body, cached under `key` when given (it should name the file and its version).
 * Brotli quality 5: within 6% of quality 9 on the wasm, at a seventh of the time (on the fly, once).
 * @param {Buffer} body
 * @param {'br' | 'gzip'} encoding
 * @param {string} [key]
 * @returns {Promise<Buffer>}
 */
export function compress(body, encoding, key) {
  const id = key === undefined ? undefined : `${encoding}:${key}`;
  let done = id === undefined ? undefined : cache.get(id);
  if (done === undefined) {
    done =
      encoding === 'br'
        ? brotli(body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
          })
        : gz(body, { level: 6 });
    if (id !== undefined) cache.set(id, done);
  }
  return done;
}

/**
 * A Koa middleware (for @web/dev-server) that compresses what the rest of the server answered.
 * @returns {(ctx: any, next: () => Promise<void>) => Promise<void>}
 */
export function compressionMiddleware() {
  return async (ctx, next) => {
    await next();
    const encoding = pickEncoding(ctx.get('accept-encoding'));
    if (encoding === undefined || ctx.body == null || ctx.response.get('Content-Encoding')) return;
    if (!COMPRESSIBLE.test(ctx.response.get('Content-Type') ?? '')) return;
    const body = await toBuffer(ctx.body);
    ctx.vary('Accept-Encoding');
    if (body.length <= 1024) {
      ctx.body = body;
      return;
    }
    const etag = ctx.response.get('ETag');
    ctx.body = await compress(body, encoding, etag ? `${ctx.path}:${etag}` : undefined);
    ctx.set('Content-Encoding', encoding);
  };
}

/** @param {unknown} body a string, Buffer or readable stream @returns {Promise<Buffer>} */
async function toBuffer(body) {
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  const chunks = [];
  for await (const chunk of /** @type {AsyncIterable<Buffer>} */ (body)) chunks.push(chunk);
  return Buffer.concat(chunks);
}
