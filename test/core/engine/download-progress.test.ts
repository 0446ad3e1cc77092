// Download progress when the host compresses (src/nlu/runtime/model-source.ts `fetchWithProgress`, through
// src/engine/asset-cache.ts): a real HTTP server on 127.0.0.1 that sends gzip or brotli with the Content-Length
// of the compressed bytes, as hosts do; `fetch` hands the body over decoded. No event may claim a file is all
// in before it is, nor a total that the bytes then outgrow.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { loadVerifiedAsset } from '../../../src/engine/asset-cache.ts';
import { fetchWithProgress } from '../../../src/nlu/runtime/model-source.ts';
import type { ProgressEvent } from '../../../src/engine/types.ts';
import { compress } from '../../../scripts/compression.mjs';
import { checkHonestProgress as checkHonest } from '../../fixtures/engine/progress-checks.ts';

/** Bytes that compress about 4:1, like ONNX Runtime's wasm: a short alphabet, no long repeats. */
const body = Uint8Array.from({ length: 600_000 }, (_, i) => 'abcdefgh'.charCodeAt(((i * 7919) ^ (i >> 5)) % 8));
/** The body as a host compresses it (scripts/compression.mjs, `npm start`'s). */
const compressed: Record<'gzip' | 'br', Buffer> = { gzip: Buffer.alloc(0), br: Buffer.alloc(0) };

let server: Server;
let base: string;
before(async () => {
  for (const encoding of ['gzip', 'br'] as const) compressed[encoding] = await compress(Buffer.from(body), encoding);
  server = createServer((req, res) => {
    const encoding = new URL(req.url ?? '/', 'http://x').searchParams.get('encoding');
    const sent = encoding === 'gzip' || encoding === 'br' ? compressed[encoding] : body;
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': sent.length,
      ...(encoding === null ? {} : { 'content-encoding': encoding }),
    });
    // In slices, as a network delivers it: many chunks reach the reader.
    let at = 0;
    const next = () => {
      if (at >= sent.length) return void res.end();
      res.write(sent.subarray(at, (at += 16_384)));
      setImmediate(next);
    };
    next();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

for (const encoding of ['gzip', 'br'] as const) {
  test(`${encoding}: without a known size the total is 0 (unknown) until the last event, which is complete`, async () => {
    const wire = compressed[encoding].length;
    assert.ok(wire < body.length / 2, 'the test body compresses');
    const events: ProgressEvent[] = [];
    const bytes = await loadVerifiedAsset(`${base}/wasm?encoding=${encoding}`, {
      cacheStorage: null,
      onProgress: (e) => events.push(e),
    });
    assert.deepEqual(bytes, body);
    const progress = checkHonest(events, body.length);
    assert.ok(
      progress.slice(0, -1).every((e) => e.total === 0),
      `the compressed length (${wire}) is never taken for the total`,
    );
  });

  test(`${encoding}: a known size (the build's) is the total of every event`, async () => {
    const events: ProgressEvent[] = [];
    await loadVerifiedAsset(`${base}/wasm?encoding=${encoding}`, {
      cacheStorage: null,
      size: body.length,
      onProgress: (e) => events.push(e),
    });
    const progress = checkHonest(events, body.length);
    assert.ok(progress.every((e) => e.total === body.length));
    assert.ok(
      progress.every((e, i) => i === 0 || e.loaded > progress[i - 1]!.loaded),
      'loaded only grows',
    );
  });
}

test('an uncompressed response: its Content-Length is the total, as before', async () => {
  const events: ProgressEvent[] = [];
  await loadVerifiedAsset(`${base}/wasm`, { cacheStorage: null, onProgress: (e) => events.push(e) });
  assert.ok(checkHonest(events, body.length).every((e) => e.total === body.length));
});

test('a total the body outgrows (compressed bytes counted, Content-Encoding not exposed) turns to unknown', async () => {
  const realFetch = globalThis.fetch;
  // What a page sees from a host on another origin that compresses without exposing Content-Encoding:
  // the compressed length, and more bytes than that.
  const slices = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < body.length; at += 50_000) controller.enqueue(body.slice(at, at + 50_000));
      controller.close();
    },
  });
  globalThis.fetch = async () =>
    new Response(slices, { headers: { 'content-length': String(Math.floor(body.length / 4)) } });
  try {
    const events: ProgressEvent[] = [];
    const chunked = new Uint8Array(await fetchWithProgress(`${base}/x`, { onProgress: (e) => events.push(e) }));
    assert.equal(chunked.length, body.length);
    const progress = checkHonest(events, body.length);
    assert.equal(progress[0]!.total, Math.floor(body.length / 4), 'believed while the bytes fit');
    assert.ok(progress.at(-2)!.total === 0, 'unknown once outgrown');
  } finally {
    globalThis.fetch = realFetch;
  }
});
