import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractEntities } from '../../../src/nlu/entities/index.ts';
import { holidayDay } from '../../../src/nlu/entities/zh-holidays.ts';
import { withSlotEntities } from '../../../src/nlu/tagger/slot-entities.ts';
import type { NluResult } from '../../../src/nlu/types.ts';

/** Thursday 26 November 2026, 10:00 in Paris. */
const NOW = new Date('2026-11-26T09:00:00Z');
const ZONE = 'Europe/Paris';
const days = (text: string) =>
  extractEntities(text, { now: NOW, timeZone: ZONE })
    .filter((e) => e.kind === 'date' || e.kind === 'datetime' || e.kind === 'time')
    .map((e) => e.value);

describe('Chinese holidays as dates', () => {
  it('reads fixed-day holidays as their next day (today included)', () => {
    assert.deepEqual(days('圣诞节是星期几'), ['2026-12-25']);
    assert.deepEqual(days('平安夜有什么安排'), ['2026-12-24']);
    assert.deepEqual(days('元旦是哪天'), ['2027-01-01']);
    assert.deepEqual(days('五一是星期几'), ['2027-05-01']);
    assert.deepEqual(days('国庆节放几天'), ['2027-10-01']);
    assert.deepEqual(days('情人节是周几'), ['2027-02-14']);
    assert.deepEqual(days('万圣节是哪天'), ['2027-10-31']);
  });

  it('reads 今年 / 明年 / 去年 before a holiday as that year', () => {
    assert.deepEqual(days('今年国庆节是星期几'), ['2026-10-01']);
    assert.deepEqual(days('明年圣诞节是周几'), ['2027-12-25']);
  });

  it('reads lunar festivals from the official table (ICU puts 2027 春节 a day late)', () => {
    assert.deepEqual(days('距离春节还有几天'), ['2027-02-06']);
    assert.deepEqual(days('除夕是哪天'), ['2027-02-05']);
    assert.deepEqual(days('明年中秋是哪天'), ['2027-09-15']);
    assert.deepEqual(days('端午节是几号'), ['2027-06-09']);
    // Past the table a lunar name is no date at all.
    assert.equal(holidayDay('春节', { year: 2031, month: 3, day: 1 }), undefined);
    assert.deepEqual(holidayDay('圣诞节', { year: 2031, month: 3, day: 1 }), { year: 2031, month: 12, day: 25 });
  });

  it('joins a holiday with its clock time, and leaves nouns and numbers alone', () => {
    assert.deepEqual(days('圣诞节早上八点提醒我买礼物'), ['2026-12-25T08:00:00+01:00']);
    assert.deepEqual(days('把圣诞树加到购物清单'), []);
    assert.deepEqual(days('买两盒中秋月饼'), []);
    assert.deepEqual(days('十一点提醒我'), ['2026-11-26T11:00:00+01:00']);
    assert.deepEqual(days('十一假期第一天是周几'), ['2027-10-01']);
  });

  it('reads a clock read off a screen as shown ("明天6:20" is 6:20, "明天三点" the afternoon)', () => {
    assert.deepEqual(days('明天6:20的闹钟'), ['2026-11-27T06:20:00+01:00']);
    assert.deepEqual(days('明天三点'), ['2026-11-27T15:00:00+01:00']);
  });

  it('drops a tagged place inside a date and a tagged question word', () => {
    const nluOf = (text: string): NluResult => ({
      text,
      intent: 'date',
      confidence: 0.9,
      outOfScope: false,
      intents: [{ intent: 'date', score: 0.9 }],
      entities: extractEntities(text, { now: NOW, timeZone: ZONE }),
      modelVersion: 'test',
    });
    const tagged = withSlotEntities(nluOf('圣诞节是星期几'), [
      { entity: 'place', start: 2, end: 3, text: '节', confidence: 0.99 },
      { entity: 'name', start: 4, end: 6, text: '啥你', confidence: 0.99 },
    ]);
    assert.deepEqual(
      tagged.entities.filter((e) => e.kind === 'slot'),
      [],
    );
    const kept = withSlotEntities(nluOf('东京现在几点'), [
      { entity: 'place', start: 0, end: 2, text: '东京', confidence: 0.99 },
    ]);
    assert.equal(kept.entities.filter((e) => e.kind === 'slot').length, 1);
  });
});
