import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IV_LENGTH, TAG_LENGTH, open, openBytes, seal, type SealContext } from '../../../src/crypto/envelope.ts';
import { utf8 } from '../../../src/crypto/bytes.ts';
import { CryptoError } from '../../../src/errors.ts';
import { flipBit } from '../../fixtures/store/raw-idb.ts';

const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
const ctx: SealContext = { db: 'confidant', table: 'messages', id: 'm1', field: 'body', bound: ['c1', 1700000000000] };
const isAuth = (e: unknown) => e instanceof CryptoError && e.code === 'auth';

describe('crypto envelope', () => {
  it('round-trips values and uses a fresh IV every time', async () => {
    const a = await seal(key, ctx, { t: 'hello', at: new Date(5) }, 2);
    const b = await seal(key, ctx, { t: 'hello', at: new Date(5) }, 2);
    assert.equal(a.length, 1 + IV_LENGTH + b.length - 1 - IV_LENGTH);
    assert.notDeepEqual(a.slice(1, 1 + IV_LENGTH), b.slice(1, 1 + IV_LENGTH));
    assert.notDeepEqual(a, b);
    assert.deepEqual(await open(key, ctx, a, 2), { t: 'hello', at: new Date(5) });
    assert.equal(a[0], 2);
  });

  it('binds the ciphertext to database, table, record id, field, bound fields and version', async () => {
    const sealed = await seal(key, ctx, 'secret', 2);
    const others: SealContext[] = [
      { ...ctx, db: 'other' },
      { ...ctx, table: 'settings' },
      { ...ctx, id: 'm2' },
      { ...ctx, field: 'title' },
      { ...ctx, bound: ['c2', 1700000000000] },
      { ...ctx, bound: ['c1', 1700000000001] },
      { db: ctx.db, table: ctx.table, id: ctx.id, field: ctx.field },
    ];
    for (const other of others) await assert.rejects(open(key, other, sealed, 2), isAuth, JSON.stringify(other));
    const relabelled = sealed.slice();
    relabelled[0] = 1;
    await assert.rejects(open(key, ctx, relabelled, 2), isAuth);
  });

  it('detects every single-bit flip in header, IV, ciphertext and tag', async () => {
    const sealed = await seal(key, ctx, 'hi', 2);
    assert.equal(sealed.length, 1 + IV_LENGTH + 3 + TAG_LENGTH);
    const results = await Promise.allSettled(
      Array.from({ length: sealed.length * 8 }, (_, bit) => openBytes(key, ctx, flipBit(sealed, bit), 2)),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 0);
    assert.ok(results.every((r) => r.status === 'rejected' && isAuth(r.reason)));
  });

  it('refuses truncated input, versions from the future, and the wrong key', async () => {
    const sealed = await seal(key, ctx, 'x', 2);
    await assert.rejects(open(key, ctx, sealed.slice(0, 20), 2), isAuth);
    await assert.rejects(open(key, ctx, sealed, 1), isAuth);
    await assert.rejects(open(key, ctx, 'not bytes' as unknown as Uint8Array, 2), isAuth);
    const other = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    await assert.rejects(open(other, ctx, sealed, 2), isAuth);
    await assert.rejects(seal(key, ctx, 'x', 0), RangeError);
  });

  it('never contains the plaintext', async () => {
    const text = 'canary-4f1e2d3c-plaintext';
    const sealed = await seal(key, ctx, text, 2);
    assert.equal(Buffer.from(sealed).includes(Buffer.from(utf8(text))), false);
  });
});
