/**
 * The browser half of `npm run bench:dialogue`: the assistant as a site embeds it — engine in its
 * Worker, history in real IndexedDB (AES-256-GCM), the default model — started cold, warmed up,
 * then timed over the turn mix (see ./run-mix.ts for what each figure includes). The result lands
 * on `window.__dialogueBench` for bench/dialogue/browser-turns.ts to collect.
 *
 * Query parameters: `turns` (timed, default 200), `warmup` (default 30).
 */
import { createAssistant } from '../../src/index.ts';
import { runMix } from './run-mix.ts';

/** What the page reports. */
export interface PageResult {
  /** The engine's own per-turn time, taken inside the Worker (ms). */
  engineMs: number[];
  /** The context model's per-turn time (featurize and run), taken inside the Worker (ms). */
  contextMs: number[];
  /** `await assistant.send()` seen from the page (ms). */
  roundTripMs: number[];
  /** Timed turns the turn histogram counted in its <= 5 ms bucket. */
  histogramAtMost5Ms: number;
  mismatches: string[];
  /** `createAssistant()` until ready: Worker start, wasm compile, model, IndexedDB and keys (ms). */
  coldStartMs: number;
  /** The first `send()` after start (ms). */
  firstTurnMs: number;
  /** The browser anchor: one IndexedDB readwrite transaction putting 300 bytes, in this page (ms). */
  idbWriteMs: number[];
  warmup: number;
  crossOriginIsolated: boolean;
  userAgent: string;
}

const params = new URLSearchParams(location.search);
const turns = Number(params.get('turns') ?? 200);
const warmup = Number(params.get('warmup') ?? 30);
const log = (s: string) => ((document.getElementById('log') as HTMLElement).textContent += `${s}\n`);

/** Completes when an IndexedDB request or transaction does. */
function settled(target: IDBRequest | IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    if (target instanceof IDBTransaction) target.oncomplete = () => resolve();
    else target.onsuccess = () => resolve();
    target.onerror = () => reject(target.error);
  });
}

/**
 * The anchor, in the same browser and run: one raw readwrite transaction writing one 300-byte
 * value (about one encrypted record), the unit a turn's IndexedDB cost is made of.
 */
async function timeIdbWrites(databaseName: string, n: number): Promise<number[]> {
  const open = indexedDB.open(databaseName, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('records');
  await settled(open);
  const db = open.result;
  const value = crypto.getRandomValues(new Uint8Array(300));
  const samples: number[] = [];
  for (let i = 0; i < n + 30; i++) {
    const t0 = performance.now();
    const tx = db.transaction('records', 'readwrite');
    tx.objectStore('records').put(value, i);
    await settled(tx);
    if (i >= 30) samples.push(performance.now() - t0); // the first ones warm the connection up
  }
  db.close();
  return samples;
}

async function deleteDatabase(name: string): Promise<void> {
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

async function main(): Promise<PageResult> {
  // A database of its own: an earlier run's history or dialogue state must not change this one.
  const databaseName = `bench-dialogue-${crypto.randomUUID()}`;
  const t0 = performance.now();
  const assistant = await createAssistant({ storage: 'indexeddb', databaseName });
  const coldStartMs = performance.now() - t0;
  try {
    log(`started in ${coldStartMs.toFixed(1)} ms (${assistant.model.version})`);
    const t1 = performance.now();
    await assistant.send('hi');
    const firstTurnMs = performance.now() - t1;
    const mix = await runMix(assistant, { warmup, turns });
    log(`${mix.engineMs.length} timed turns, ${mix.mismatches.length} mismatches`);
    const idbWriteMs = await timeIdbWrites(`${databaseName}-anchor`, 200);
    return {
      ...mix,
      coldStartMs,
      firstTurnMs,
      idbWriteMs,
      warmup,
      crossOriginIsolated,
      userAgent: navigator.userAgent,
    };
  } finally {
    await assistant.dispose();
    await Promise.all([deleteDatabase(databaseName), deleteDatabase(`${databaseName}-anchor`)]);
  }
}

(window as unknown as { __dialogueBench: Promise<PageResult> }).__dialogueBench = main();
