import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newMessageId, newMessageIds } from '../../../src/store/context.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('message ids', () => {
  it('are RFC 9562 UUIDv7s carrying the time in their first 48 bits', () => {
    const now = 0x0123456789ab;
    const ids = newMessageIds(70_000, now);
    assert.equal(ids.length, 70_000);
    assert.ok(ids.every((id) => UUID_V7.test(id) && id.startsWith('01234567-89ab-7')));
    assert.equal(new Set(ids).size, ids.length);
    assert.match(newMessageId(), UUID_V7);
    assert.deepEqual(newMessageIds(0), []);
  });

  it('sort by time, and spread their random bits', () => {
    assert.ok(newMessageId(1_700_000_000_000) < newMessageId(1_700_000_000_001));
    assert.ok(newMessageId(0xff_ffff_ffff) < newMessageId(0x100_0000_0000));
    // Random bits of rand_b (0–61) and rand_a (64–75) are each set in roughly half of the ids.
    const ids = newMessageIds(4000).map((id) => BigInt(`0x${id.replaceAll('-', '')}`));
    for (const bit of [0, 31, 61, 64 + 11]) {
      const ones = ids.filter((x) => ((x >> BigInt(bit)) & 1n) === 1n).length;
      assert.ok(ones > 1700 && ones < 2300, `bit ${bit}: ${ones}`);
    }
  });
});
