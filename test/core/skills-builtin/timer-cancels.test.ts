/**
 * Stopping timers and alarms as people say it (found using the packed app). The dialogue decisions
 * are scripted where a test is about what the skill does with them; the skills, the store and the
 * scheduler are the real ones. "No, not that one" right after a cancel that chose one of several: the
 * one cancelled comes back and the one meant stops (both were gone).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DialogueAction } from '../../../src/dialogue/types.ts';
import { rejectsIt } from '../../../src/skills/builtin/cancel-undo.ts';
import { scheduleOp } from '../../../src/skills/builtin/timers.ts';
import { createHarness, scripted } from '../dialogue/harness.ts';

const ask = (intent: string): DialogueAction => ({
  type: 'new-intent',
  intent,
  skillId: `builtin.${intent}`,
  confidence: 0.9,
});

describe('a stop with the timer or alarm between "turn" and "off"', () => {
  it('reads "turn the timer off", "switch that alarm off", "turn them both off" as stops', () => {
    for (const text of [
      'turn the timer off',
      'switch that alarm off please',
      'turn them both off',
      'shut it off',
      'turn my alarms off',
    ])
      assert.equal(scheduleOp(text), 'cancel', text);
  });

  it('keeps a timer set to turn something else off a timer to set', () => {
    for (const text of [
      'a timer to turn the oven off',
      'remind me to switch the heating off',
      'timer for turning the hob off',
    ])
      assert.equal(scheduleOp(text), 'set', text);
  });

  it('stops the running timer instead of asking how long', async () => {
    const h = await createHarness({
      policy: scripted({ 'timer for 8 minutes': ask('timer'), 'ok turn the timer off': ask('timer') }),
    });
    await h.say('timer for 8 minutes', 'timer');
    const stop = await h.say('ok turn the timer off', 'timer');
    assert.doesNotMatch(stop.reply.text, /how long/i);
    assert.match(stop.reply.text, /cancelled your timer|timer is off/);
  });
});

const correct = (intent: string, slots: string[] = []): DialogueAction => ({
  type: 'correction',
  intent,
  slots,
  confidence: 0.9,
});

describe('a correction right after a cancel', () => {
  it('puts the cancelled timer back and cancels the other one', async () => {
    const h = await createHarness({
      policy: scripted({
        'start a 4 minute timer': ask('timer'),
        'and a 12 minute one for the rice': ask('timer'),
        'stop the timer': ask('timer'),
        'no no, the other timer': correct('timer'),
        'what timers are running': ask('timer'),
      }),
    });
    await h.say('start a 4 minute timer', 'timer');
    await h.say('and a 12 minute one for the rice', 'timer');
    assert.match((await h.say('stop the timer', 'timer')).reply.text, /cancelled the timer \(12 minutes left\)/);
    const fixed = await h.say('no no, the other timer', 'timer');
    assert.match(fixed.reply.text, /timer \(12 minutes left\) is back on.*cancelled the other one \(4 minutes left\)/);
    assert.match((await h.say('what timers are running', 'timer')).reply.text, /one timer: 12 minutes left/);
  });

  it('works for alarms named by their time, in Chinese', async () => {
    const h = await createHarness({
      policy: scripted({
        明天早上六点半叫我: ask('alarm'),
        再定一个明天早上八点的闹钟: ask('alarm'),
        把闹钟关了: ask('alarm'),
        '不是这个，我说的是六点半那个': correct('alarm', ['time']),
        我定了哪些闹钟: ask('alarm'),
      }),
    });
    await h.say('明天早上六点半叫我', 'alarm');
    await h.say('再定一个明天早上八点的闹钟', 'alarm');
    assert.match((await h.say('把闹钟关了', 'alarm')).reply.text, /8:00.*取消了/);
    const fixed = await h.say('不是这个，我说的是六点半那个', 'alarm');
    assert.match(fixed.reply.text, /闹钟（明天8:00）恢复了，取消的是另一个（明天6:30）/);
    const left = (await h.say('我定了哪些闹钟', 'alarm')).reply.text;
    assert.match(left, /一个闹钟：明天8:00/);
  });

  it('only takes the cancel back when told to keep it', async () => {
    const h = await createHarness({
      policy: scripted({
        'timer 5 minutes': ask('timer'),
        'timer 20 minutes': ask('timer'),
        'turn the timer off': ask('timer'),
        "wait no, don't stop it": correct('timer'),
        'how many timers have i got': ask('timer'),
      }),
    });
    await h.say('timer 5 minutes', 'timer');
    await h.say('timer 20 minutes', 'timer');
    await h.say('turn the timer off', 'timer');
    assert.match(
      (await h.say("wait no, don't stop it", 'timer')).reply.text,
      /^Okay, the timer is back on \(20 minutes left\)\.$/,
    );
    assert.match((await h.say('how many timers have i got', 'timer')).reply.text, /2 timers/);
  });

  it('asks which one by listing them when several others are left, and cancels none of them', async () => {
    const h = await createHarness({
      policy: scripted({
        'set a timer for 2 minutes': ask('timer'),
        'set a timer for 6 minutes': ask('timer'),
        'set a timer for 9 minutes': ask('timer'),
        'cancel that timer': ask('timer'),
        'not that one': correct('timer'),
      }),
    });
    for (const t of ['set a timer for 2 minutes', 'set a timer for 6 minutes', 'set a timer for 9 minutes'])
      await h.say(t, 'timer');
    await h.say('cancel that timer', 'timer');
    const fixed = (await h.say('not that one', 'timer')).reply.text;
    assert.match(fixed, /timer is back on \(9 minutes left\)/);
    assert.match(fixed, /You have 3 timers/);
  });

  it('puts nothing back once another request of the skill came between', async () => {
    const h = await createHarness({
      policy: scripted({
        'set a timer for 3 minutes': ask('timer'),
        'set a timer for 10 minutes': ask('timer'),
        'cancel the timer': ask('timer'),
        'set a timer for 5 minutes': ask('timer'),
        'no, make it 6 minutes': correct('timer', ['duration']),
        'how long is left on my timers': ask('timer'),
      }),
    });
    for (const t of [
      'set a timer for 3 minutes',
      'set a timer for 10 minutes',
      'cancel the timer',
      'set a timer for 5 minutes',
    ])
      await h.say(t, 'timer');
    assert.match((await h.say('no, make it 6 minutes', 'timer')).reply.text, /changed the timer to 6 minutes/);
    const left = (await h.say('how long is left on my timers', 'timer')).reply.text;
    assert.match(left, /2 timers: 3 minutes left; 6 minutes left/);
  });
});

describe('a timer or alarm asked for, with "turn … off" as its purpose', () => {
  it('reads a turn with a length or a clock time, or "to turn … off", as a set', () => {
    for (const text of [
      '20 minute timer so I remember to turn them off',
      'timer 45 minutes then switch it off',
      'I need a timer for 10 minutes to turn it off',
      'give me a half hour timer and shut them off after',
      'alarm at 6am to turn the alarm off',
      'wake me at seven o clock and switch that alarm off',
      'a timer so i can turn the lights off',
    ])
      assert.equal(scheduleOp(text), 'set', text);
    for (const text of ['ok then turn the timer off', 'i want you to switch that alarm off'])
      assert.equal(scheduleOp(text), 'cancel', text);
  });

  it('sets the timer asked for instead of saying none is running', async () => {
    const text = 'timer for 25 minutes so i remember to turn them off';
    const h = await createHarness({ policy: scripted({ [text]: ask('timer') }) });
    const reply = await h.say(text, 'timer');
    assert.doesNotMatch(reply.reply.text, /don't have any/i);
    assert.match(reply.reply.text, /25 minutes/);
  });
});

describe('a bare "no" after a cancel of one of two', () => {
  for (const [no, list] of [
    ['no wait', /2 timers/],
    ['不对', /2个计时器|两个计时器|2 个/],
    ["no, that's all", /2 timers/],
  ] as const)
    it(`puts the one cancelled back and cancels no other one: "${no}"`, async () => {
      const zh = no === '不对';
      const turns = zh
        ? ['定一个三分钟的计时器', '再来一个十五分钟的计时器', '把计时器关了', '现在有几个计时器']
        : ['timer for 3 minutes', 'timer for 15 minutes', 'cancel the timer', 'how many timers are running'];
      const h = await createHarness({
        policy: scripted({
          [turns[0]!]: ask('timer'),
          [turns[1]!]: ask('timer'),
          [turns[2]!]: ask('timer'),
          [no]: correct('timer'),
          [turns[3]!]: ask('timer'),
        }),
      });
      for (const t of turns.slice(0, 3)) await h.say(t, 'timer');
      const reply = (await h.say(no, 'timer')).reply.text;
      assert.doesNotMatch(reply, /cancelled the other|取消的是另一个/);
      // Chinese sentences run on with no space between them ("…恢复了（还剩3分钟）。你有2个计时器…").
      if (zh) assert.doesNotMatch(reply, /。 /);
      assert.match((await h.say(turns[3]!, 'timer')).reply.text, list);
    });

  it('reads "how many timers", "how many alarms are set" as questions, not requests for one', () => {
    for (const text of ['how many timers', 'how many alarms are set', 'how many timers left'])
      assert.equal(scheduleOp(text), 'list', text);
  });

  it('reads "wrong one", "不是这个" as rejecting the one cancelled, a bare no as not', async () => {
    for (const text of ['no, wrong one', 'not this one', 'the other one', '不是这个', '取消错了，是另外那个'])
      assert.equal(rejectsIt(text), true, text);
    for (const text of ['no wait', 'no', '不对', 'hmm no']) assert.equal(rejectsIt(text), false, text);
  });
});
