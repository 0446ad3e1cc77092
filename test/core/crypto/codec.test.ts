import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeValue, encodeValue } from '../../../src/crypto/codec.ts';

describe('value codec', () => {
  it('round-trips what structured clone keeps', () => {
    const values: unknown[] = [
      'plain text ✓',
      '',
      0,
      -0,
      42.5,
      NaN,
      Infinity,
      -Infinity,
      true,
      null,
      undefined,
      12345678901234567890n,
      new Date(1700000000000),
      /ab+c/gi,
      new Uint8Array([0, 1, 255]),
      new Uint8Array([9, 8]).buffer,
      new Float32Array([1.5, -2]),
      new Int16Array([-3, 4]),
      new Map<unknown, unknown>([
        ['a', 1],
        [2, { b: [new Date(0)] }],
      ]),
      new Set(['x', 1]),
      { nested: { list: [1, 'two', undefined, null, { deep: new Map([['k', new Set([1])]]) }] }, undef: undefined },
      { '\u0000': 'looks like a tag', v: 1 },
      [[], {}, [[]]],
    ];
    for (const v of values) assert.deepEqual(decodeValue(encodeValue(v)), v, String(v));
    assert.ok(Object.is(decodeValue(encodeValue(-0)), -0));
    // (node's deepEqual finds two invalid dates unequal: NaN !== NaN)
    assert.ok(Number.isNaN((decodeValue(encodeValue(new Date(NaN))) as Date).getTime()));
  });

  it('encodes plain JSON as JSON and still tags what JSON would lose, at any depth', () => {
    assert.equal(
      new TextDecoder().decode(encodeValue({ r: 'user', t: 'hi', m: [1, { a: null, b: true }] }).subarray(1)),
      '{"r":"user","t":"hi","m":[1,{"a":null,"b":true}]}',
    );
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { x: 1 });
    class Point {
      x = 1;
    }
    let deep: unknown = { d: new Date(3) };
    for (let i = 0; i < 40; i++) deep = { i, next: deep };
    const tricky: [unknown, unknown][] = [
      [{ a: -0 }, { a: -0 }],
      [
        { a: NaN, b: [Infinity] },
        { a: NaN, b: [Infinity] },
      ],
      [
        [1, , 3],
        [1, undefined, 3],
      ],
      [{ a: undefined }, { a: undefined }],
      [bare, { x: 1 }],
      [new Point(), { x: 1 }],
      [{ '\u0000': 'x' }, { '\u0000': 'x' }],
      [{ s: 'a\u0000b' }, { s: 'a\u0000b' }],
      [deep, deep],
      [{ list: [{ when: new Date(5) }] }, { list: [{ when: new Date(5) }] }],
    ];
    for (const [value, back] of tricky) assert.deepEqual(decodeValue(encodeValue(value)), back, JSON.stringify(value));
    assert.ok(Object.is((decodeValue(encodeValue({ a: -0 })) as { a: number }).a, -0));
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
