/**
 * Round 12's Chinese number and time classes (from zh-train-10's failures, our own sentences): loose
 * counts and lengths (十来分钟, 个把小时, 三四分钟, 俩, 仨, 半打), 点一个 as a clock time and a count, a verb
 * said twice around 一, Shanghainese 明朝 / 下半天, Cantonese 听日 / 下昼, and a shift said with 个钟.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { saysTimeShiftZh } from '../../../src/lang/zh/zh-time-shift.ts';
import { extractEntities } from '../../../src/nlu/entities/index.ts';
import { NOW, ZONE } from '../dialogue/harness.ts';

const entities = (text: string) =>
  extractEntities(text, { now: NOW, timeZone: ZONE }).map((e) => [e.kind, e.text, e.value] as const);

describe('loose counts and lengths', () => {
  it('read about-X, X-or-so and a range of two neighbours as one value', () => {
    const cases: [string, string, unknown][] = [
      ['面条再煮个十来分钟', 'duration', 10 * 60_000],
      ['大概二十来分钟吧', 'duration', 20 * 60_000],
      ['泡两三分钟就行', 'duration', 3 * 60_000],
      ['腌个七八分钟', 'duration', 8 * 60_000],
      ['估计要个把钟头', 'duration', 60 * 60_000],
      ['半个钟就好', 'duration', 30 * 60_000],
      ['俩小时以后叫我', 'datetime', '2026-11-26T12:00:00+01:00'],
      ['个把小时后提醒我收衣服', 'datetime', '2026-11-26T11:00:00+01:00'],
    ];
    for (const [said, kind, value] of cases) {
      const found = entities(said).filter(([k]) => k === kind);
      assert.equal(found.length, 1, said);
      assert.deepEqual(found[0]![2], value, said);
    }
  });

  it('count with 仨, 俩, 半打 and a rough range before a measure word', () => {
    assert.deepEqual(
      entities('帮我扔仨骰子').map(([, , v]) => v),
      [3],
    );
    assert.deepEqual(
      entities('再来半打啤酒').map(([, , v]) => v),
      [6],
    );
    assert.deepEqual(
      entities('来了二十七八个人').map(([, , v]) => v),
      [28],
    );
  });

  it('leave words that only look like counts alone', () => {
    for (const said of ['屋里乱七八糟的', '你先看一看', '让我想一想']) assert.deepEqual(entities(said), [], said);
    // A measure word said twice is no verb: the second 一 counts ("一个一个半小时" is one and a half hours).
    assert.deepEqual(entities('开一个一个半小时的').find(([k]) => k === 'duration')?.[2], 90 * 60_000);
  });
});

describe('clock times', () => {
  it('read 点一个 as the hour and one of them, not a minute past', () => {
    assert.deepEqual(
      entities('七点一个，八点一个').map(([k, t]) => [k, t]),
      [
        ['time', '七点'],
        ['time', '八点'],
      ],
    );
    assert.deepEqual(entities('后天早上五点一个闹钟')[0]?.[2], '2026-11-28T05:00:00+01:00');
    // A minute said with 分 or 十 is still a minute.
    assert.deepEqual(entities('早上五点十分')[0]?.[2], '2026-11-27T05:10:00+01:00');
  });

  it('read Shanghainese 明朝 / 今朝 before a time and 上半天 / 下半天 as the day and its part', () => {
    assert.deepEqual(entities('明朝上半天十点去医院')[0]?.[2], '2026-11-27T10:00:00+01:00');
    assert.deepEqual(entities('今朝下半天四点')[0]?.[2], '2026-11-26T16:00:00+01:00');
    assert.deepEqual(entities('明朝的皇帝是谁'), []);
  });

  it('read Cantonese days and day parts: 听日, 听朝, 听晚, 后日, 琴日, 下昼, 晏昼, 朝早, 夜晚', () => {
    assert.deepEqual(entities('听日下昼五点提我交表')[0]?.[2], '2026-11-27T17:00:00+01:00');
    assert.deepEqual(entities('听朝六点半叫醒我')[0]?.[2], '2026-11-27T06:30:00+01:00');
    assert.deepEqual(entities('听晚七点')[0]?.[2], '2026-11-27T19:00:00+01:00');
    assert.deepEqual(entities('后日晏昼一点')[0]?.[2], '2026-11-28T13:00:00+01:00');
    assert.deepEqual(entities('琴日')[0]?.[2], '2026-11-25');
    assert.deepEqual(entities('夜晚十点')[0]?.[2], '2026-11-26T22:00:00+01:00');
    assert.deepEqual(entities('以后日子还长'), []);
  });

  it('hear a shift of the time said in 个钟', () => {
    assert.equal(saysTimeShiftZh('往后挪两个钟'), true);
    assert.equal(saysTimeShiftZh('提前半个钟吧'), true);
    assert.equal(saysTimeShiftZh('两个钟以后'), false);
  });
});
