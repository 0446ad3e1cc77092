/**
 * A cancel taken back right after it ("no, keep it", "别取消") puts back what was stopped (review-r12-use
 * should-fix 5, use-r12 finding 13): the models read such a turn as a cancel or a no with nothing asked
 * ("Alright.", nothing put back), so the decision's guard makes it a correction of the timer or alarm
 * task. Played through the shipped models, as a user meets them.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { saysKeepIt, saysStop } from '../../../src/lang/en/en-turn-words.ts';
import { keepsItZh } from '../../../src/lang/zh/zh-turn-words.ts';
import { shippedPlayer } from './shipped-play.ts';

let play: Awaited<ReturnType<typeof shippedPlayer>>;
before(async () => {
  play = await shippedPlayer();
});

describe('the words of a cancel taken back', () => {
  it('reads keep-it turns in both languages, and not requests that keep on about something else', () => {
    for (const text of ['no, keep it', 'leave that one running', 'wait dont stop it', 'no no do not delete it'])
      assert.ok(saysKeepIt(text), text);
    for (const text of ['keep going', 'can you stop talking about it', 'I want to keep fit'])
      assert.ok(!saysKeepIt(text), text);
    for (const text of ['先别删', '不用关了，留着吧', '还是保留吧']) assert.ok(keepsItZh(text), text);
    assert.ok(!keepsItZh('把它关了'));
    assert.ok(saysStop('get rid of the timer') && !saysStop('set a timer'));
  });
});

describe('a cancel taken back on the next turn', () => {
  it('puts the only timer back (English)', async () => {
    const turns = await play(
      'start a 15 minute timer',
      'stop the timer',
      'oh wait, leave it running',
      'how long is left',
    );
    assert.match(turns[2]!.text, /back on/);
    assert.match(turns[3]!.text, /one timer|1 timer/);
  });

  it('puts back the one of two a cancel chose, and nothing else stops (English)', async () => {
    const turns = await play(
      'set a timer for 20 minutes',
      'set a timer for 6 minutes',
      'cancel the timer',
      "no no, don't cancel it",
      'how many timers are running',
    );
    assert.match(turns[3]!.text, /back on/);
    assert.match(turns[4]!.text, /2 timers/);
  });

  it('puts an alarm back (English)', async () => {
    const turns = await play(
      'set an alarm for 6:30am tomorrow',
      'delete the alarm',
      'no keep that',
      'which alarms do I have',
    );
    assert.match(turns[2]!.text, /back on/);
    assert.match(turns[3]!.text, /6:30/);
  });

  it('puts a timer and an alarm back (Chinese)', async () => {
    const timer = await play('帮我定个二十分钟的计时器', '把计时器取消', '等等，先别取消', '还剩多久');
    assert.match(timer[2]!.text, /恢复/);
    assert.match(timer[3]!.text, /一个计时器|1个计时器/);
    const alarm = await play('明天早上六点半叫我', '闹钟删掉', '不要删，保留', '我有几个闹钟');
    assert.match(alarm[2]!.text, /恢复/);
    assert.match(alarm[3]!.text, /6:30/);
  });

  it('keeps nothing back after a set, nor when a turn came between', async () => {
    const set = await play('set a timer for 9 minutes', 'no, keep it', 'how many timers are running');
    assert.doesNotMatch(set[1]!.text, /changed|back on/i);
    assert.match(set[2]!.text, /one timer|1 timer/);
    const later = await play('set a timer for 9 minutes', 'cancel the timer', 'tell me a joke', "don't cancel it");
    assert.doesNotMatch(later[3]!.text, /back on/);
  });

  it('puts nothing back when the turn keeps another one or another thing (review r13-house)', async () => {
    for (const said of ['leave the other one running', 'and leave the rest', "thanks, don't turn off the lights"]) {
      assert.ok(!saysKeepIt(said), said);
      const turns = await play(
        'set a timer for 5 minutes',
        'set a timer for 10 minutes',
        'cancel the 5 minute timer',
        said,
      );
      assert.doesNotMatch(turns[3]!.text, /back on/, said);
    }
    for (const said of ['别的都留着', '另一个不要停', '不要取消购物清单']) {
      assert.ok(!keepsItZh(said), said);
      const turns = await play('设一个五分钟的计时器', '设一个十分钟的计时器', '取消五分钟的计时器', said);
      assert.doesNotMatch(turns[3]!.text, /恢复/, said);
    }
  });
});
