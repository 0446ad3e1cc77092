/**
 * `npm run bench:store -- --profile [--mode phases|writes|reads]`: where the encrypted store's time
 * goes, next to plain Dexie in the same page. Each mode interleaves its variants round by round
 * (alternating the order) and reports medians, and for `writes`/`reads` the median of each
 * variant's time against plain Dexie's in the same round (the machine is shared: pairs, not absolutes).
 *
 * - `phases`: the pieces of a 10,000-message write and read, one by one: ids, encode, AAD, bare
 *   AES-GCM calls, the batch seal and open, IndexedDB put and get of plain and of sealed rows.
 * - `writes`: plain rows, the same rows with random bytes for a body (what storing ciphertext costs
 *   IndexedDB), sealing then writing, sealing alone, and the store's `addMessages`.
 * - `reads`: plain Dexie against the store's pager under several read schedules (`?schedules=`).
 *
 * Results land on `window.__storeBench` like the main bench page; nothing is written to BENCHMARKS.md.
 */
import Dexie from 'dexie';
import { batchAad, openBatch, sealBatch } from '../../src/crypto/batch.ts';
import { decodeValue, encodeValue } from '../../src/crypto/codec.ts';
import { generateDataKey } from '../../src/crypto/keyring.ts';
import { newMessageIds } from '../../src/store/context.ts';
import { openDexieBackend } from '../../src/store/dexie-backend.ts';
import { createHistory } from '../../src/store/history.ts';
import { createKeyManager } from '../../src/store/key-manager.ts';
import { readPage } from '../../src/store/pager.ts';
import { createSealer } from '../../src/store/sealer.ts';
import { openStore } from '../../src/store/index.ts';

type Timings = Record<string, number>;
type Variant = [name: string, run: () => Promise<unknown>];

const params = new URLSearchParams(location.search);
const N = Number(params.get('n') ?? 10_000);
const ROUNDS = Number(params.get('rounds') ?? 7);
const WORDS =
  'remind me to call mum at six tomorrow about the dentist appointment and buy milk eggs bread coffee tea for the weekend trip to the lake with friends please thanks'.split(
    ' ',
  );
const INDEXES = { messages: 'id, createdAt, [conversationId+createdAt]' };
const log = (s: string) => ((document.getElementById('log') as HTMLElement).textContent += `${s}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const round1 = (x: number) => Math.round(x * 10) / 10;

let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const text = () =>
  Array.from({ length: 6 + Math.floor(rand() * 15) }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');

async function time(f: () => unknown): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

const opened: Dexie[] = [];
async function freshTable(name: string): Promise<Dexie.Table> {
  await Dexie.delete(name);
  const db = new Dexie(name);
  db.version(1).stores(INDEXES);
  await db.open();
  opened.push(db);
  return db.table('messages');
}
async function closeTables(): Promise<void> {
  const names = opened.map((db) => db.name);
  for (const db of opened.splice(0)) db.close();
  await Promise.all(names.map((n) => Dexie.delete(n)));
}

/** Runs each round's variants in alternating order; returns median times and median ratios to `plain`. */
async function interleave(makeRound: (r: number) => Promise<Variant[]>, perRound = false): Promise<Timings> {
  const times = new Map<string, number[]>();
  const ratios = new Map<string, number[]>();
  for (let r = 0; r < ROUNDS; r++) {
    const variants = await makeRound(r);
    const t = new Map<string, number>();
    for (const [name, run] of r % 2 === 0 ? variants : [...variants].reverse()) t.set(name, await time(run));
    for (const [name, ms] of t) {
      (times.get(name) ?? times.set(name, []).get(name) ?? []).push(ms);
      if (t.has('plain'))
        (ratios.get(name) ?? ratios.set(name, []).get(name) ?? []).push((t.get('plain') as number) / ms);
    }
    log(`round ${r}: ${JSON.stringify(Object.fromEntries([...t].map(([k, v]) => [k, round1(v)])))}`);
    if (perRound) await closeTables();
  }
  await closeTables();
  const out: Timings = {};
  for (const [name, xs] of times) out[`${name} ms`] = round1(median(xs));
  for (const [name, xs] of ratios) if (name !== 'plain') out[`plain/${name}`] = Math.round(median(xs) * 1000) / 1000;
  return out;
}

/** The pieces of a bulk write and read, each timed alone. */
async function phases(): Promise<Timings> {
  const key = await generateDataKey();
  const scope = { db: 'profile', table: 'messages', field: 'body' };
  const conv = crypto.randomUUID();
  return interleave(async (r) => {
    const ids = newMessageIds(N);
    const msgs = ids.map((id, i) => ({
      id,
      conversationId: conv,
      role: i % 2 ? 'assistant' : 'user',
      text: text(),
      createdAt: 1e6 + i,
    }));
    const records = msgs.map((m) => ({
      id: m.id,
      bound: [m.conversationId, m.createdAt],
      value: { r: m.role, t: m.text },
    }));
    const encoded = records.map((x) => encodeValue(x.value));
    const aad = batchAad(scope);
    const sealed = await sealBatch(key, scope, records, 2);
    const opening = records.map((x, i) => ({ ...x, sealed: sealed[i] as Uint8Array }));
    const [plain, bytes, plainR, bytesR] = (await Promise.all(
      ['plain', 'bytes', 'plain-r', 'bytes-r'].map((t) => freshTable(`p-${t}-${r}`)),
    )) as Dexie.Table[] as [Dexie.Table, Dexie.Table, Dexie.Table, Dexie.Table];
    const sealedRows = msgs.map((m, i) => ({
      id: m.id,
      conversationId: m.conversationId,
      createdAt: m.createdAt,
      body: sealed[i],
    }));
    // The read side reads tables filled beforehand, whichever order the round runs in.
    await Promise.all([plainR.bulkAdd(msgs), bytesR.bulkAdd(sealedRows)]);
    const range = (t: Dexie.Table) =>
      t.where('[conversationId+createdAt]').between([conv, -Infinity], [conv, Infinity]).reverse().limit(N).toArray();
    const iv = new Uint8Array(12);
    return [
      ['ids', async () => newMessageIds(N)],
      ['encode (one by one)', async () => records.map((x) => encodeValue(x.value))],
      ['AAD text', async () => records.map((x) => aad(x, 2))],
      [
        'bare encrypt calls',
        () => Promise.all(encoded.map((p) => crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, p))),
      ],
      ['sealBatch', () => sealBatch(key, scope, records, 2)],
      ['openBatch', () => openBatch(key, scope, opening, 2)],
      ['decode (one by one)', async () => encoded.map((p) => decodeValue(p))],
      ['plain', () => plain.bulkAdd(msgs)],
      ['put sealed rows', () => bytes.bulkAdd(sealedRows)],
      ['get plain rows', () => range(plainR)],
      ['get sealed rows', () => range(bytesR)],
    ];
  }, true);
}

/** What a bulk write of sealed rows costs beyond plain Dexie, piece by piece. */
async function writes(): Promise<Timings> {
  const key = await generateDataKey();
  const scope = { db: 'w-sealed', table: 'messages', field: 'body' };
  const [plain, bytes, sealedT, sealedP] = (await Promise.all(
    ['w-plain', 'w-bytes', 'w-sealed', 'w-sealed-put'].map(freshTable),
  )) as Dexie.Table[] as [Dexie.Table, Dexie.Table, Dexie.Table, Dexie.Table];
  await Dexie.delete('w-store');
  const store = await openStore({ name: 'w-store' });
  const c = await store.createConversation('x');
  const out = await interleave(async (r) => {
    const input = Array.from({ length: N }, (_, i) => ({
      conversationId: c.id,
      role: 'user' as const,
      text: text(),
      createdAt: 1e6 + r * N + i,
    }));
    const records = (ids: string[]) =>
      input.map((m, i) => ({
        id: ids[i] as string,
        bound: [m.conversationId, m.createdAt],
        value: { r: m.role, t: m.text },
      }));
    const row = (m: (typeof input)[number], id: string, body: Uint8Array) => ({
      id,
      conversationId: m.conversationId,
      createdAt: m.createdAt,
      body,
    });
    return [
      [
        'plain',
        () => {
          const ids = newMessageIds(N);
          return plain.bulkAdd(input.map((m, i) => ({ id: ids[i], ...m })));
        },
      ],
      [
        'random-byte bodies',
        () => {
          const ids = newMessageIds(N);
          return bytes.bulkAdd(
            input.map((m, i) => row(m, ids[i] as string, crypto.getRandomValues(new Uint8Array(45 + m.text.length)))),
          );
        },
      ],
      [
        'seal, then put',
        async () => {
          const ids = newMessageIds(N);
          const bodies = await sealBatch(key, scope, records(ids), 2);
          return sealedT.bulkAdd(input.map((m, i) => row(m, ids[i] as string, bodies[i] as Uint8Array)));
        },
      ],
      [
        'seal, then bulkPut',
        async () => {
          const ids = newMessageIds(N);
          const bodies = await sealBatch(key, scope, records(ids), 2);
          return sealedP.bulkPut(input.map((m, i) => row(m, ids[i] as string, bodies[i] as Uint8Array)));
        },
      ],
      ['seal alone', () => sealBatch(key, scope, records(newMessageIds(N)), 2)],
      ['store.addMessages', () => store.addMessages(input)],
    ];
  });
  await store.close();
  await Dexie.delete('w-store');
  return out;
}

/** Plain Dexie against the store's pager under several read schedules, on the same 10,000 messages. */
async function reads(): Promise<Timings> {
  const name = 'reads-enc';
  await Dexie.delete(name);
  const backend = await openDexieBackend({ name });
  const keys = createKeyManager(backend, { mode: 'device' });
  await keys.unlock();
  const ctx = { db: name, backend, keys, sealer: createSealer(name, keys, undefined), audit: undefined as never };
  const history = createHistory(ctx);
  const c = await history.createConversation('x');
  const stored = await history.addMessages(
    Array.from({ length: N }, (_, i) => ({
      conversationId: c.id,
      role: 'user' as const,
      text: text(),
      createdAt: 1e6 + i,
    })),
  );
  const plain = await freshTable('reads-plain');
  await plain.bulkAdd(stored);
  const schedules = JSON.parse(params.get('schedules') ?? '[[500,1],[1000,4],[500,2],[1000000,1]]') as [
    number,
    number,
  ][];
  const out = await interleave(async () => [
    [
      'plain',
      () =>
        plain
          .where('[conversationId+createdAt]')
          .between([c.id, -Infinity], [c.id, Infinity])
          .reverse()
          .limit(N)
          .toArray(),
    ],
    ...schedules.map(([first, growth]): Variant => [
      `pager ${first}×${growth}`,
      () => readPage(ctx, c.id, N, undefined, first, growth),
    ]),
  ]);
  await backend.close();
  await Dexie.delete(name);
  return out;
}

async function main(): Promise<Timings> {
  const mode = params.get('mode') ?? 'phases';
  const out = await (mode === 'writes' ? writes() : mode === 'reads' ? reads() : phases());
  log(`medians: ${JSON.stringify(out)}`);
  return out;
}

(window as unknown as { __storeBench: Promise<Timings> }).__storeBench = main();
