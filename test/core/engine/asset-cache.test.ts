// The verified asset cache (src/engine/asset-cache.ts) in Node: a real HTTP server on 127.0.0.1 and,
// since Node 20 has no Cache Storage, an in-memory one with the same match/put/delete semantics
// (the real one is exercised in Chromium by test/browser/offline/). Counts the requests the server
// sees, so "served from the cache" means the network was not asked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  loadVerifiedAsset,
  DIGEST_HEADER,
  type AssetCache,
  type AssetCacheStorage,
} from '../../../src/engine/asset-cache.ts';
import { ModelLoadError } from '../../../src/errors.ts';
import type { ProgressEvent } from '../../../src/engine/types.ts';

const hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const asset = (seed: number, length = 70_000) => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);

/** An in-memory `CacheStorage`: entries keep their body and headers; `raw` lets a test tamper with them. */
function memoryCaches() {
  const raw = new Map<string, { body: Uint8Array; headers: [string, string][] }>();
  const cache: AssetCache = {
    async match(key) {
      const entry = raw.get(key);
      return entry === undefined ? undefined : new Response(entry.body.slice(), { headers: entry.headers });
    },
    async put(key, response) {
      raw.set(key, { body: new Uint8Array(await response.arrayBuffer()), headers: [...response.headers] });
    },
    async delete(key) {
      return raw.delete(key);
    },
  };
  const storage: AssetCacheStorage = { open: async () => cache };
  return { storage, raw };
}

let server: Server;
let base: string;
const files = new Map<string, Uint8Array>();
const hits: string[] = [];
before(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const body = files.get(req.url ?? '');
    if (body === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));
const requestsFor = (path: string) => hits.filter((h) => h === path).length;

test('with a digest: the first load downloads and records it, the next is served from the cache without the network', async () => {
  const bytes = asset(1);
  files.set('/a.bin', bytes);
  const { storage, raw } = memoryCaches();
  const events: ProgressEvent[] = [];
  const first = await loadVerifiedAsset(`${base}/a.bin`, {
    sha256: hex(bytes),
    cacheStorage: storage,
    onProgress: (e) => events.push(e),
  });
  assert.deepEqual(first, bytes);
  assert.equal(requestsFor('/a.bin'), 1);
  assert.equal(new Headers(raw.get(`${base}/a.bin`)!.headers).get(DIGEST_HEADER), hex(bytes));
  assert.deepEqual([events[0]!.status, events.at(-1)!.status], ['initiate', 'done']);

  events.length = 0;
  const second = await loadVerifiedAsset(`${base}/a.bin`, {
    sha256: hex(bytes).toUpperCase(),
    cacheStorage: storage,
    onProgress: (e) => events.push(e),
  });
  assert.deepEqual(second, bytes);
  assert.equal(requestsFor('/a.bin'), 1, 'no second request');
  assert.deepEqual(events, [
    { status: 'initiate', file: `${base}/a.bin` },
    { status: 'progress', file: `${base}/a.bin`, loaded: bytes.length, total: bytes.length },
    { status: 'done', file: `${base}/a.bin` },
  ]);
});

test('a corrupted cache entry is evicted and refetched; an entry of an older version is replaced', async () => {
  const bytes = asset(2);
  files.set('/b.bin', bytes);
  const { storage, raw } = memoryCaches();
  const url = `${base}/b.bin`;
  await loadVerifiedAsset(url, { sha256: hex(bytes), cacheStorage: storage });
  const kept = raw.get(url)!;
  kept.body[1000] = kept.body[1000]! ^ 0xff; // one flipped byte on disk, digest header unchanged
  assert.deepEqual(await loadVerifiedAsset(url, { sha256: hex(bytes), cacheStorage: storage }), bytes);
  assert.equal(requestsFor('/b.bin'), 2, 'refetched');
  assert.equal(hex(raw.get(url)!.body), hex(bytes), 'the good bytes are cached again');

  const next = asset(3);
  files.set('/b.bin', next); // a new release at the same URL, with its new baked digest
  assert.deepEqual(await loadVerifiedAsset(url, { sha256: hex(next), cacheStorage: storage }), next);
  assert.equal(requestsFor('/b.bin'), 3);
  assert.equal(new Headers(raw.get(url)!.headers).get(DIGEST_HEADER), hex(next));
});

test('a download that does not match its digest is a ModelLoadError naming the URL, and is not cached', async () => {
  files.set('/c.bin', asset(4));
  const { storage, raw } = memoryCaches();
  const url = `${base}/c.bin`;
  await assert.rejects(loadVerifiedAsset(url, { sha256: hex(asset(5)), cacheStorage: storage }), (e) => {
    assert.ok(e instanceof ModelLoadError);
    assert.equal(e.code, 'integrity');
    assert.equal(e.source, url);
    return true;
  });
  assert.equal(raw.size, 0);
  // Without Cache Storage (plain Node) the check is the same.
  await assert.rejects(
    loadVerifiedAsset(url, { sha256: hex(asset(5)) }),
    (e) => e instanceof ModelLoadError && e.code === 'integrity',
  );
  assert.deepEqual(await loadVerifiedAsset(url, { sha256: hex(asset(4)) }), asset(4));
});

test('without a digest: network first, the recorded copy when the network fails, never a corrupted copy', async () => {
  const { storage, raw } = memoryCaches();
  const url = `${base}/d.bin`;
  files.set('/d.bin', asset(6));
  await loadVerifiedAsset(url, { cacheStorage: storage });
  files.set('/d.bin', asset(7)); // the source changed (retrained in development)
  assert.deepEqual(await loadVerifiedAsset(url, { cacheStorage: storage }), asset(7), 'the network wins');
  assert.equal(requestsFor('/d.bin'), 2);
  assert.equal(
    new Headers(raw.get(url)!.headers).get(DIGEST_HEADER),
    hex(asset(7)),
    'the digest of the new download is recorded',
  );

  files.delete('/d.bin'); // HTTP 404 from a broken deploy
  assert.deepEqual(await loadVerifiedAsset(url, { cacheStorage: storage }), asset(7));

  const offline = 'http://127.0.0.1:9/d.bin'; // the discard port: nothing listens, the connection is refused
  await storage
    .open('x')
    .then((c) => c.put(offline, new Response(asset(7), { headers: { [DIGEST_HEADER]: hex(asset(7)) } })));
  assert.deepEqual(await loadVerifiedAsset(offline, { cacheStorage: storage }), asset(7), 'offline: from the cache');
  const stored = raw.get(offline)!;
  stored.body[0] = stored.body[0]! ^ 1;
  await assert.rejects(
    loadVerifiedAsset(offline, { cacheStorage: storage }),
    (e) => e instanceof ModelLoadError && e.source === offline && e.code === 'model-load',
  );
  assert.equal(raw.has(offline), false, 'the corrupted copy was evicted');
});

test('a cache that cannot be opened or written is skipped, not fatal', async () => {
  files.set('/e.bin', asset(8));
  const broken: AssetCacheStorage = { open: () => Promise.reject(new DOMException('no storage', 'SecurityError')) };
  assert.deepEqual(await loadVerifiedAsset(`${base}/e.bin`, { sha256: hex(asset(8)), cacheStorage: broken }), asset(8));
  const full: AssetCacheStorage = {
    open: async () => ({
      match: async () => undefined,
      delete: async () => false,
      put: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
    }),
  };
  assert.deepEqual(await loadVerifiedAsset(`${base}/e.bin`, { cacheStorage: full }), asset(8));
});

test('bad digests throw TypeError synchronously; an aborted load rejects with the reason', async () => {
  assert.throws(() => loadVerifiedAsset(`${base}/a.bin`, { sha256: 'abc' }), TypeError);
  assert.throws(() => loadVerifiedAsset(`${base}/a.bin`, { sha256: 'g'.repeat(64) }), TypeError);
  const controller = new AbortController();
  controller.abort(new Error('stop'));
  await assert.rejects(loadVerifiedAsset(`${base}/a.bin`, { signal: controller.signal }), /stop/);
});

test('in Node a file: URL or a path is read from disk and verified', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'asset-cache-'));
  try {
    const path = join(dir, 'm.onnx');
    await writeFile(path, asset(9));
    assert.deepEqual(await loadVerifiedAsset(pathToFileURL(path), { sha256: hex(asset(9)) }), asset(9));
    assert.deepEqual(await loadVerifiedAsset(path), asset(9));
    await assert.rejects(
      loadVerifiedAsset(path, { sha256: hex(asset(10)) }),
      (e) => e instanceof ModelLoadError && e.source === path,
    );
    await assert.rejects(loadVerifiedAsset(join(dir, 'missing.onnx')), ModelLoadError);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
