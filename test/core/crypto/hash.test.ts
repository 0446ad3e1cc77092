import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { GENESIS_HASH, canonicalJson, chainHash, sha256 } from '../../../src/crypto/hash.ts';
import { toHex, utf8 } from '../../../src/crypto/bytes.ts';

describe('hash chain primitives', () => {
  it('sha256 matches node:crypto', async () => {
    assert.equal(toHex(await sha256(utf8('abc'))), createHash('sha256').update('abc').digest('hex'));
  });

  it('canonical JSON sorts keys at every level and refuses non-JSON values', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } }), '{"a":{"c":"x","d":[true,null]},"b":1}');
    assert.equal(canonicalJson({ a: 1, b: 2 }), canonicalJson({ b: 2, a: 1 }));
    for (const bad of [undefined, NaN, new Date(0), () => 1, { x: undefined }])
      assert.throws(() => canonicalJson(bad), TypeError);
  });

  it('chainHash commits to the previous hash and the entry', async () => {
    const entry = { seq: 1, type: 'export', detail: { n: 2 } };
    const h = await chainHash(GENESIS_HASH, entry);
    const expected = createHash('sha256').update(Buffer.alloc(32)).update(canonicalJson(entry)).digest('hex');
    assert.equal(h, expected);
    assert.notEqual(await chainHash(h, entry), h);
    assert.notEqual(await chainHash(GENESIS_HASH, { ...entry, seq: 2 }), h);
    await assert.rejects(chainHash('zz', entry), TypeError);
  });
});
