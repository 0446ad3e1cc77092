/**
 * The browser half of `npm run bench:store`: plain Dexie against the encrypted store, in the same
 * page, the same run, alternating which goes first each round (the machine is shared and noisy).
 * Results land on `window.__storeBench` for bench/store.ts to collect.
 */
import Dexie from 'dexie';
import { newMessageIds } from '../../src/store/context.ts';
import { openStore } from '../../src/store/index.ts';
import type { NewMessage, Store } from '../../src/store/types.ts';

/** What the page measures, collected by bench/store.ts. */
export interface BenchResult {
  plainWritePerSec: number;
  encryptedWritePerSec: number;
  plainReadPerSec: number;
  encryptedReadPerSec: number;
  /** Median over rounds (read pairs) of encrypted / plain throughput within each: robust when the machine's load drifts. */
  writeRatioPaired: number;
  readRatioPaired: number;
  page50Ms: number;
  page50P95Ms: number;
  search100kMs: number;
  search100kColdMs: number;
  searchMatches: number;
  crossOriginIsolated: boolean;
  userAgent: string;
  rounds: number;
  readPairs: number;
}

const params = new URLSearchParams(location.search);
const N = Number(params.get('n') ?? 10_000);
const BIG = Number(params.get('big') ?? 100_000);
const ROUNDS = Number(params.get('rounds') ?? 7);
const WORDS =
  'remind me to call mum at six tomorrow about the dentist appointment and buy milk eggs bread coffee tea for the weekend trip to the lake with friends please thanks'.split(
    ' ',
  );
const log = (s: string) => ((document.getElementById('log') as HTMLElement).textContent += `${s}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] as number;

let seed = 42;
function rand(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
/** A chat-like message of 6–20 words; one in 100 contains the rare search word. */
function text(i: number): string {
  const n = 6 + Math.floor(rand() * 15);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]);
  if (i % 100 === 37) words.splice(2, 0, 'zanzibar');
  return words.join(' ');
}
function messages(conversationId: string, n: number, start: number): NewMessage[] {
  return Array.from({ length: n }, (_, i) => ({
    conversationId,
    role: i % 2 ? 'assistant' : 'user',
    text: text(start + i),
    createdAt: start + i,
  }));
}

async function fresh(name: string): Promise<void> {
  await Dexie.delete(name);
}

/** Reads compared per round: a read is short (~0.1 s), so a few pairs per round give steadier medians. */
const READ_PAIRS = 3;

async function round(r: number): Promise<{ pw: number; ew: number; pr: number[]; er: number[] }> {
  const plainName = `bench-plain-${r}`;
  const encName = `bench-enc-${r}`;
  await Promise.all([fresh(plainName), fresh(encName)]);
  const plain = new Dexie(plainName);
  // The same indexes as the encrypted store's messages table, so only the encryption differs.
  plain.version(1).stores({ messages: 'id, createdAt, [conversationId+createdAt]' });
  await plain.open();
  const store = await openStore({ name: encName });
  const conv = await store.createConversation('bench');
  const input = messages(conv.id, N, 1_000_000);
  // The same shape as the store's rows: UUIDv7 ids made the same way, the same conversation id.
  const ids = newMessageIds(N);
  const plainRows = input.map((m, i) => ({
    id: ids[i],
    conversationId: conv.id,
    role: m.role,
    text: m.text,
    createdAt: m.createdAt,
  }));
  const time = async (f: () => Promise<unknown>) => {
    const t0 = performance.now();
    await f();
    return performance.now() - t0;
  };
  const plainWrite = () => time(() => plain.table('messages').bulkAdd(plainRows));
  const encWrite = () => time(() => store.addMessages(input));
  // Alternate which side goes first, so warm-up and background noise do not favour one.
  const both = async (a: () => Promise<number>, b: () => Promise<number>, k = r) =>
    (k % 2 === 0 ? [await a(), await b()] : [await b(), await a()].reverse()) as [number, number];
  const [pw, ew] = await both(plainWrite, encWrite);
  const plainRead = () =>
    time(async () => {
      const rows = await plain
        .table('messages')
        .where('[conversationId+createdAt]')
        .between([conv.id, -Infinity], [conv.id, Infinity])
        .reverse()
        .limit(N)
        .toArray();
      if (rows.length !== N) throw new Error(`plain read ${rows.length}`);
    });
  const encRead = () =>
    time(async () => {
      const rows = await store.listMessages(conv.id, { limit: N });
      if (rows.length !== N) throw new Error(`encrypted read ${rows.length}`);
    });
  const pr: number[] = [];
  const er: number[] = [];
  for (let k = 0; k < READ_PAIRS; k++) {
    const [p, e] = await both(plainRead, encRead, r + k);
    pr.push(p);
    er.push(e);
  }
  plain.close();
  await store.close();
  await Promise.all([fresh(plainName), fresh(encName)]);
  return { pw, ew, pr, er };
}

async function big(): Promise<{ page: number[]; cold: number; search: number[]; matches: number }> {
  const name = 'bench-big';
  await fresh(name);
  const store: Store = await openStore({ name });
  const conv = await store.createConversation('big');
  for (let at = 0; at < BIG; at += 10_000)
    await store.addMessages(messages(conv.id, Math.min(10_000, BIG - at), 2_000_000 + at));
  log(`filled ${await store.countMessages()} messages`);
  const page: number[] = [];
  for (let i = 0; i < 40; i++) {
    // Newest page, then pages at cursors spread through the history.
    const before = i === 0 ? undefined : 2_000_000 + Math.floor(rand() * BIG);
    const t0 = performance.now();
    const rows = await store.listMessages(conv.id, before === undefined ? { limit: 50 } : { limit: 50, before });
    page.push(performance.now() - t0);
    if (rows.length === 0) throw new Error('empty page');
  }
  // The first search decrypts message by message and builds the search packs; later ones read the packs.
  const search: number[] = [];
  let matches = 0;
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    matches = (await store.searchMessages('zanzibar')).length;
    search.push(performance.now() - t0);
    if (matches !== BIG / 100) throw new Error(`search found ${matches}`);
  }
  await store.close();
  await fresh(name);
  return { page, cold: search[0] as number, search: search.slice(1), matches };
}

async function main(): Promise<BenchResult> {
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) {
    rounds.push(await round(r));
    log(
      `round ${r}: ${JSON.stringify(rounds[r], (_, v: unknown) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v))}`,
    );
  }
  const { page, cold, search, matches } = await big();
  const perSec = (ms: number) => Math.round((N / ms) * 1000);
  return {
    plainWritePerSec: perSec(median(rounds.map((x) => x.pw))),
    encryptedWritePerSec: perSec(median(rounds.map((x) => x.ew))),
    plainReadPerSec: perSec(median(rounds.flatMap((x) => x.pr))),
    encryptedReadPerSec: perSec(median(rounds.flatMap((x) => x.er))),
    writeRatioPaired: Number(median(rounds.map((x) => x.pw / x.ew)).toFixed(3)),
    readRatioPaired: Number(median(rounds.flatMap((x) => x.pr.map((p, k) => p / (x.er[k] as number)))).toFixed(3)),
    page50Ms: Number(median(page).toFixed(2)),
    page50P95Ms: Number(p95(page).toFixed(2)),
    search100kMs: Math.round(median(search)),
    search100kColdMs: Math.round(cold),
    searchMatches: matches,
    crossOriginIsolated,
    userAgent: navigator.userAgent,
    rounds: ROUNDS,
    readPairs: ROUNDS * READ_PAIRS,
  };
}

(window as unknown as { __storeBench: Promise<BenchResult> }).__storeBench = main();
