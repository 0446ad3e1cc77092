/**
 * Round 11's Chinese classes, from voice input: no punctuation, fillers, values taken back in the
 * middle of a sentence ("十分钟不对十五分钟", "七点 不是 八点", "乘以六不对是乘以九"). Our own sentences.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toSymbolsZh } from '../../../src/lang/zh/zh-arithmetic.ts';
import { extractEntities } from '../../../src/nlu/entities/index.ts';
import { createHarness, NOW, ZONE } from '../dialogue/harness.ts';

const entities = (text: string) => extractEntities(text, { now: NOW, timeZone: ZONE });

describe('a value taken back in the middle of a sentence', () => {
  it('keeps the duration, time or count said after the take-back', () => {
    const cases: [string, string, unknown][] = [
      ['计时器八分钟不对十二分钟', 'duration', 12 * 60_000],
      ['烤箱定个二十分钟 说错了 二十五分钟', 'duration', 25 * 60_000],
      ['帮我定明天早上六点不对六点半的闹钟', 'datetime', '2026-11-27T06:30:00+01:00'],
      // A bare clock time after a time with its day keeps the day.
      ['后天晚上七点 不是 八点提醒我', 'datetime', '2026-11-28T20:00:00+01:00'],
      ['要三个 哦不 四个', 'number', 4],
    ];
    for (const [said, kind, value] of cases) {
      const found = entities(said);
      assert.equal(found.length, 1, said);
      assert.equal(found[0]!.kind, kind, said);
      assert.deepEqual(found[0]!.value, value, said);
    }
  });

  it('keeps two values that no take-back parts', () => {
    assert.deepEqual(
      entities('七点和八点各一个闹钟').map((e) => e.text),
      ['七点', '八点', '一'],
    );
    assert.deepEqual(
      entities('先定五分钟 再定十分钟').map((e) => e.value),
      [5 * 60_000, 10 * 60_000],
    );
  });

  it('sets the timer, the alarm and the reminder the user meant', async () => {
    const h = await createHarness();
    const timer = await h.say('计时器八分钟不对十二分钟', 'timer');
    assert.equal(timer.understanding.slots['duration'], 12 * 60_000);
    const reminder = await h.say('提醒我晚上七点 不是 八点给妈妈打电话', 'reminder_update');
    assert.match(reminder.reply.text, /给妈妈打电话/u);
    assert.doesNotMatch(reminder.reply.text, /不是/u);
    assert.match(reminder.reply.text, /20:00/u);
  });

  it('works out the sum with the step, number or percentage said after the take-back', () => {
    const cases: [string, string][] = [
      ['九十五乘以四不对是乘以五', '95 * 5'],
      ['一百除以四 哦不 除以五', '100 / 5'],
      ['二十五加十七 说错了 十八', '25 + 18'],
      ['三加五 不对 四加六', '4 + 6'],
      ['五十的百分之二十不对百分之三十', '30% * 50'],
      ['一百二打八折不对打九折', '120 * 90%'],
    ];
    for (const [said, sum] of cases) assert.equal(toSymbolsZh(said), sum, said);
  });
});
