// The kept Intl objects format and compare exactly as fresh ones, and are made once per locale and options.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collator, dateTimeFormat, keepBounded, numberFormat } from '../../../src/intl-cache.ts';
import { formatClock, formatDay, formatMeasure, formatNumber, formatZone } from '../../../src/lang/format.ts';

describe('intl-cache', () => {
  it('keeps one formatter per locale and options', () => {
    const a = numberFormat('en', { maximumFractionDigits: 4, useGrouping: true });
    assert.equal(numberFormat('en', { maximumFractionDigits: 4, useGrouping: true }), a);
    assert.notEqual(numberFormat('en', { maximumFractionDigits: 6, useGrouping: true }), a);
    assert.notEqual(numberFormat('zh-CN', { maximumFractionDigits: 4, useGrouping: true }), a);
    const d = dateTimeFormat('en-US', { timeZone: 'Asia/Kolkata', hour: 'numeric' });
    assert.equal(dateTimeFormat('en-US', { timeZone: 'Asia/Kolkata', hour: 'numeric' }), d);
    assert.notEqual(dateTimeFormat('en-US', { timeZone: 'America/Denver', hour: 'numeric' }), d);
  });

  it('formats as a fresh Intl object does', () => {
    const at = new Date(Date.UTC(2027, 2, 28, 0, 59, 30));
    for (const locale of ['en', 'zh-CN', 'de-DE'])
      for (const n of [0, -0, 1234.56789, 0.000123456, 8760, -42.5])
        assert.equal(
          numberFormat(locale, { maximumFractionDigits: 4 }).format(n),
          new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(n),
        );
    for (const timeZone of ['Europe/London', 'Pacific/Chatham', 'UTC'])
      assert.equal(
        dateTimeFormat('en', { timeZone, hour: 'numeric', minute: '2-digit', timeZoneName: 'long' }).format(at),
        new Intl.DateTimeFormat('en', { timeZone, hour: 'numeric', minute: '2-digit', timeZoneName: 'long' }).format(
          at,
        ),
      );
    for (const [a, b] of [
      ['Milk', 'milk'],
      ['café', 'cafe'],
      ['eggs', 'egg'],
      ['豆浆', '豆浆'],
    ] as const)
      assert.equal(
        collator(undefined, { sensitivity: 'base' }).compare(a, b),
        a.localeCompare(b, undefined, { sensitivity: 'base' }),
      );
  });

  it('gives the format helpers the same text on repeated calls, across zones and locales', () => {
    const at = new Date(Date.UTC(2026, 9, 25, 1, 30));
    const once = [formatClock(at, 'Europe/London', 'en'), formatClock(at, 'Asia/Shanghai', 'zh-CN')];
    assert.deepEqual([formatClock(at, 'Europe/London', 'en'), formatClock(at, 'Asia/Shanghai', 'zh-CN')], once);
    assert.notEqual(once[0], once[1]);
    assert.equal(formatNumber(1234.5, 'en'), '1,234.5');
    assert.equal(formatNumber(1234.5, 'zh-CN'), '1234.5');
    assert.equal(formatNumber(1234.5, 'en'), '1,234.5');
    assert.equal(formatMeasure(4535.9237, 'en'), '4,535.92');
    assert.equal(formatDay('2026-12-25', 'en', 2026), 'Friday, December 25');
    assert.equal(formatDay('2027-12-25', 'en', 2026), 'Saturday, December 25, 2027');
    assert.equal(formatZone(at, 'Asia/Kolkata', 'en').offset, 'GMT+5:30');
  });

  it('refuses an unknown zone or option as Intl does, every time; the locale still works after', () => {
    assert.throws(() => dateTimeFormat('en', { timeZone: 'Mars/Olympus' }), RangeError);
    assert.throws(() => dateTimeFormat('en', { timeZone: 'Mars/Olympus' }), RangeError);
    assert.equal(dateTimeFormat('en', { timeZone: 'UTC', hour: 'numeric' }).format(0), '12 AM');
    assert.throws(() => numberFormat('en', { maximumFractionDigits: 500 }), RangeError);
    assert.equal(numberFormat('en', { maximumFractionDigits: 2 }).format(1.005), '1.01');
  });

  it('keeps at most 64 entries in a cache: the next one empties it first (the bound of every formatter cache)', () => {
    const kept = new Map<number, string>();
    for (let i = 0; i < 64; i++) assert.equal(keepBounded(kept, i, `f${i}`), `f${i}`);
    assert.equal(kept.size, 64);
    assert.equal(kept.get(0), 'f0');
    keepBounded(kept, 64, 'f64');
    assert.deepEqual([...kept], [[64, 'f64']]);
  });

  it("no locale (the platform's) and the empty locale are told apart: '' is refused as Intl refuses it", () => {
    const options = { maximumFractionDigits: 3 };
    assert.equal(numberFormat(undefined, options).format(2.5), new Intl.NumberFormat(undefined, options).format(2.5));
    assert.throws(() => new Intl.NumberFormat('', options), RangeError);
    assert.throws(() => numberFormat('', options), RangeError);
    assert.throws(() => collator('', {}), RangeError);
    assert.ok(collator(undefined, {}));
    assert.throws(() => dateTimeFormat('', { timeZone: 'UTC' }), RangeError);
  });
});
