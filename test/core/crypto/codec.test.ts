import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeValue, encodeValue } from '../../../src/crypto/codec.ts';

describe('value codec', () => {
  it('round-trips what structured clone keeps', () => {
    const values: unknown[] = [
      'plain text ✓', '', 0, -0, 42.5, NaN, Infinity, -Infinity, true, null, undefined, 12345678901234567890n,
      new Date(1700000000000), /ab+c/gi, new Uint8Array([0, 1, 255]), new Uint8Array([9, 8]).buffer,
      new Float32Array([1.5, -2]), new Int16Array([-3, 4]),
      new Map<unknown, unknown>([['a', 1], [2, { b: [new Date(0)] }]]), new Set(['x', 1]),
      { nested: { list: [1, 'two', undefined, null, { deep: new Map([['k', new Set([1])]]) }] }, undef: undefined },
      { '\u0000': 'looks like a tag', v: 1 }, [[], {}, [[]]],
    ];
    for (const v of values) assert.deepEqual(decodeValue(encodeValue(v)), v, String(v));
    assert.ok(Object.is(decodeValue(encodeValue(-0)), -0));
    // (node's deepEqual finds two invalid dates unequal: NaN !== NaN)
    assert.ok(Number.isNaN((decodeValue(encodeValue(new Date(NaN))) as Date).getTime()));
  });

  it('takes fast paths for strings and bytes', () => {
    assert.equal(encodeValue('abc').length, 4);
    const bytes = new Uint8Array(1000).fill(7);
    assert.equal(encodeValue(bytes).length, 1001);
  });

  it('refuses what cannot be stored, with TypeError', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    for (const bad of [() => 1, Symbol('s'), cyclic, { f: () => 1 }, new DataView(new ArrayBuffer(2))]) {
      assert.throws(() => encodeValue(bad), TypeError);
    }
    assert.throws(() => decodeValue(Uint8Array.of(99, 1)), TypeError);
  });
});
