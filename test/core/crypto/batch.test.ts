import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { batchAad, encodeJoined, openBatch, sealBatch, type BatchScope } from '../../../src/crypto/batch.ts';
import { fromUtf8, utf8 } from '../../../src/crypto/bytes.ts';
import { encodeValue } from '../../../src/crypto/codec.ts';
import { IV_LENGTH, TAG_LENGTH, additionalData, open, seal, type RecordKey } from '../../../src/crypto/envelope.ts';
import { CryptoError } from '../../../src/errors.ts';
import { flipBit } from '../../fixtures/store/raw-idb.ts';

const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
const scope: BatchScope = { db: 'confidant', table: 'messages', field: 'body' };
const isAuth = (e: unknown) => e instanceof CryptoError && e.code === 'auth';
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('batch envelope', () => {
  it('builds exactly the AAD bytes of the single-record envelope', () => {
    const scopes: BatchScope[] = [
      scope,
      { db: 'd "quoted" \\ ✓', table: 'skillData', field: 'value' },
      { db: '', table: 't\u0000', field: 'f\ud800' },
    ];
    const records: { id: RecordKey; bound?: (string | number)[] }[] = [
      { id: 'm1', bound: ['c1', 1700000000000] },
      { id: 42 },
      { id: ['skill', 'k"ey'], bound: [] },
      { id: 'ünï\ud83d\ude00', bound: [-0, 1e21, 0.1] },
    ];
    for (const s of scopes) {
      const aad = batchAad(s);
      const texts = records.flatMap((r) => [1, 2, 255].map((version) => aad(r, version)));
      const bytes = encodeJoined(texts, 0, false);
      records.forEach((r, i) => {
        [1, 2, 255].forEach((version, j) => {
          const ctx = {
            db: s.db,
            table: s.table,
            id: r.id,
            field: s.field,
            ...(r.bound === undefined ? {} : { bound: r.bound }),
          };
          assert.equal(
            hex(bytes[i * 3 + j] as Uint8Array),
            hex(additionalData(ctx, version)),
            JSON.stringify([s, r, version]),
          );
        });
      });
    }
  });

  it('encodes many JSON texts in one call and splits them exactly, or refuses a text holding the separator', () => {
    const texts = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({ i, s: `${'é✓\u0000\n'.repeat(i % 7)}\ud83d\ude00\ud800` }),
    );
    texts.push(JSON.stringify('x'.repeat(200_000)), '""', '0');
    for (const [sep, keep] of [
      [1, true],
      [0, false],
    ] as const) {
      const views = encodeJoined(texts, sep, keep);
      assert.equal(views.length, texts.length);
      views.forEach((v, i) => {
        if (keep) assert.equal(v[0], sep);
        assert.equal(fromUtf8(keep ? v.subarray(1) : v), texts[i]);
      });
    }
    assert.deepEqual(encodeJoined([], 1, true), []);
    assert.deepEqual([...(encodeJoined(['{}'], 1, true)[0] as Uint8Array)], [1, 123, 125]);
    assert.throws(() => encodeJoined(['"a"', 'x\u0001y', '"b"'], 1, true), /separator/);
    assert.throws(() => encodeJoined(['"a"', '"b"\u0001'], 1, true), /separator/);
  });

  it('seals in the single-record format, each record with its own fresh IV, and opens both ways', async () => {
    const records = Array.from({ length: 300 }, (_, i) => ({
      id: `m${i}`,
      bound: ['c1', 1000 + i],
      value:
        i % 3 === 0
          ? { r: 'user', t: `text ${i}` }
          : i % 3 === 1
            ? `s${i}`
            : { at: new Date(i), m: new Map([[i, -0]]) },
    }));
    const sealed = await sealBatch(key, scope, records, 2);
    assert.equal(new Set(sealed.map((s) => hex(s.subarray(1, 1 + IV_LENGTH)))).size, records.length);
    for (const [i, s] of sealed.entries()) {
      const r = records[i] as (typeof records)[number];
      assert.equal(s[0], 2);
      assert.equal(s.length, 1 + IV_LENGTH + encodeValue(r.value).length + TAG_LENGTH);
      assert.equal(s.buffer.byteLength, s.length, 'each record owns its buffer');
      assert.deepEqual(await open(key, { ...scope, id: r.id, bound: r.bound }, s, 2), r.value);
    }
    const single = await Promise.all(records.map((r) => seal(key, { ...scope, id: r.id, bound: r.bound }, r.value, 1)));
    assert.deepEqual(
      await openBatch(
        key,
        scope,
        records.map((r, i) => ({ ...r, sealed: single[i] as Uint8Array })),
        2,
      ),
      records.map((r) => r.value),
    );
    assert.deepEqual(
      await openBatch(
        key,
        scope,
        records.map((r, i) => ({ ...r, sealed: sealed[i] as Uint8Array })),
        2,
      ),
      records.map((r) => r.value),
    );
  });

  it('reports each bad record on its own: flipped bits, swapped ciphertexts, moved bindings, unknown versions', async () => {
    const records = Array.from({ length: 6 }, (_, i) => ({
      id: `m${i}`,
      bound: ['c1', i],
      value: { r: 'user', t: `t${i}` },
    }));
    const sealed = await sealBatch(key, scope, records, 2);
    const future = (sealed[5] as Uint8Array).slice();
    future[0] = 3;
    const items = [
      { ...records[0], sealed: flipBit(sealed[0] as Uint8Array, 77) },
      { ...records[1], sealed: sealed[2] },
      { ...records[2], sealed: sealed[2] },
      { ...records[3], bound: ['c2', 3], sealed: sealed[3] },
      { id: 'm4', sealed: (sealed[4] as Uint8Array).subarray(0, 20) },
      { ...records[5], sealed: future },
    ] as { id: string; bound?: (string | number)[]; sealed: Uint8Array }[];
    const out = await openBatch(key, scope, items, 2);
    assert.deepEqual(out[2], { r: 'user', t: 't2' });
    for (const i of [0, 1, 3, 4, 5]) assert.ok(isAuth(out[i]), `record ${i}`);
    const moved = { id: 'm2', bound: ['c1', 2], sealed: sealed[2] as Uint8Array };
    assert.ok(isAuth((await openBatch(key, { ...scope, field: 'title' }, [moved], 2))[0]));
    assert.ok(isAuth((await openBatch(key, { ...scope, table: 'settings' }, [moved], 2))[0]));
    assert.ok(isAuth((await openBatch(key, { ...scope, db: 'other' }, [moved], 2))[0]));
    assert.deepEqual(await openBatch(key, scope, [moved], 2), [{ r: 'user', t: 't2' }]);
  });

  it('detects every single-bit flip of a short record', async () => {
    const [sealed] = await sealBatch(key, scope, [{ id: 'm1', bound: ['c1', 1], value: { r: 'user', t: 'hi' } }], 2);
    const s = sealed as Uint8Array;
    const flips = Array.from({ length: s.length * 8 }, (_, bit) => ({
      id: 'm1',
      bound: ['c1', 1],
      sealed: flipBit(s, bit),
    }));
    const out = await openBatch(key, scope, flips, 2);
    assert.equal(out.length, s.length * 8);
    assert.ok(out.every(isAuth));
  });

  it('refuses bad values before sealing anything, and bad versions', async () => {
    await assert.rejects(
      sealBatch(
        key,
        scope,
        [
          { id: 'a', value: 'ok' },
          { id: 'b', value: () => 1 },
        ],
        2,
      ),
      TypeError,
    );
    await assert.rejects(sealBatch(key, scope, [{ id: 'a', value: 'ok' }], 256), RangeError);
    assert.deepEqual(await sealBatch(key, scope, [], 2), []);
    assert.deepEqual(await openBatch(key, scope, [], 2), []);
    assert.equal(fromUtf8(encodeValue({ r: 'user', t: 'hi' }).subarray(1)), '{"r":"user","t":"hi"}');
    assert.deepEqual(encodeValue('hi'), Uint8Array.of(4, ...utf8('hi')));
  });
});
