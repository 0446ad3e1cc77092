import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPlace } from '../../../src/skills/builtin/places.ts';
import { scheduleOp } from '../../../src/skills/builtin/timers.ts';
import { createScheduler } from '../../../src/skills/index.ts';
import { createHarness } from '../dialogue/harness.ts';
import type { DialogueSlot } from '../../../src/dialogue/types.ts';

describe('places', () => {
  it('finds the longest place name on word boundaries', () => {
    assert.equal(findPlace('what time is it in New York City?')?.name, 'New York City');
    assert.equal(findPlace('and in paris?')?.zone, 'Europe/Paris');
    assert.equal(findPlace('time in the central timezone')?.zone, 'America/Chicago');
    assert.equal(findPlace('what is the time zone of france')?.name, 'France');
    assert.equal(findPlace('comparison'), undefined, 'no match inside a word');
    assert.equal(findPlace('let us go'), undefined, '"us" needs "in" before it');
  });
});

describe('time and date skills', () => {
  it('tells the time here and in a named place (fixed clock: 10:00 in Paris)', async () => {
    const h = await createHarness();
    assert.match((await h.say('what time is it', 'time')).reply.text, /10:00 AM/);
    assert.match(
      (await h.say('what time is it in Tokyo', 'time')).reply.text,
      /6:00 PM in Tokyo|In Tokyo it's 6:00 PM/,
    );
    assert.match((await h.say('and in Los Angeles?', null)).reply.text, /1:00 AM/);
    assert.match(
      (await h.say('what time is it in Reykjavik', 'time')).reply.text,
      /don't know the time zone of Reykjavik/,
    );
  });

  it('names time zones, with offsets', async () => {
    const h = await createHarness();
    assert.match((await h.say('what is my time zone', 'timezone')).reply.text, /Europe\/Paris.*GMT\+1/);
    assert.match(
      (await h.say('which timezone is japan in', 'timezone')).reply.text,
      /Japan is on Japan Standard Time, GMT\+9/,
    );
    assert.match((await h.say('what timezone is the usa in', 'timezone')).reply.text, /several time zones/);
  });

  it('tells dates: today, tomorrow, in N days, and follow-ups', async () => {
    const h = await createHarness();
    assert.match((await h.say("what's today's date", 'date')).reply.text, /Thursday, November 26/);
    assert.match((await h.say('what about tomorrow?', null)).reply.text, /Tomorrow is Friday, November 27/);
    assert.match(
      (await h.say('what day will it be in 6 days', 'date')).reply.text,
      /In 6 days it will be Wednesday, December 2/,
    );
  });
});

describe('timers and alarms', () => {
  it('reads the operation from the request', () => {
    assert.equal(scheduleOp('cancel my timer'), 'cancel');
    assert.equal(scheduleOp('how much time is left on my timer'), 'list');
    assert.equal(scheduleOp('set a timer'), 'set');
    assert.equal(scheduleOp('wat alarms r set for me'), 'list');
    assert.equal(scheduleOp('Which alarms have I got now?'), 'list');
    assert.equal(scheduleOp('add 5 more minutes'), 'extend');
    assert.equal(scheduleOp('put 2 minutes on my timer'), 'extend');
    assert.equal(scheduleOp('pause the timer'), 'pause');
    assert.equal(scheduleOp('add a timer for 5 minutes'), 'set');
    assert.equal(scheduleOp('再加五分钟'), 'extend');
    assert.equal(scheduleOp('计时器延长十分钟'), 'extend');
    assert.equal(scheduleOp('多加半个小时'), 'extend');
    assert.equal(scheduleOp('再加一个五分钟的计时器'), 'set');
    assert.equal(scheduleOp('暂停计时器'), 'pause');
  });

  it('sets, lists and cancels timers through ctx.schedule', async () => {
    const h = await createHarness();
    assert.match((await h.say('set a timer for 10 minutes', 'timer')).reply.text, /10 minutes/);
    const scheduler = createScheduler({ store: h.store, onFire: () => undefined });
    const entries = await scheduler.list();
    assert.equal(entries.length, 1);
    assert.equal(entries[0]!.at, h.now().getTime() + 600_000);
    assert.match(entries[0]!.text, /timer/i);
    h.advance(4 * 60_000);
    assert.match((await h.say('how much time is left on my timer', 'timer')).reply.text, /6 minutes left/);
    assert.match((await h.say('cancel my timer', 'timer')).reply.text, /cancelled|off/);
    assert.equal((await scheduler.list()).length, 0);
    assert.match((await h.say('cancel my timer', 'timer')).reply.text, /don't have any timers/);
  });

  it('replaces the alarm it just set on a correction instead of adding one', async () => {
    const h = await createHarness();
    assert.match((await h.say('wake me up at 6am tomorrow', 'alarm')).reply.text, /tomorrow at 6:00 AM/);
    const fixed = await h.say('no, I meant 7am', 'no');
    assert.match(fixed.reply.text, /tomorrow at 7:00 AM/);
    const scheduler = createScheduler({ store: h.store, onFire: () => undefined });
    const entries = await scheduler.list();
    assert.equal(entries.length, 1);
    assert.equal(new Date(entries[0]!.at).toISOString(), '2026-11-27T06:00:00.000Z');
    assert.match((await h.say('what alarms do i have', 'alarm')).reply.text, /one alarm: tomorrow at 7:00 AM/);
  });

  it('stops the one a request names by its length or time, "that one" of several, or all; never sets one', async () => {
    const h = await createHarness();
    await h.say('set a timer for 5 minutes', 'timer');
    await h.say('set a timer for 10 minutes', 'timer');
    const named = await h.say('cancel the 10 minute timer', 'timer');
    assert.match(named.reply.text, /cancelled the timer \(10 minutes left\)\. You still have 1 timer/);
    assert.match((await h.say('how long is left', 'timer')).reply.text, /one timer: 5 minutes left/);
    await h.say('set a timer for 3 minutes', 'timer');
    assert.match((await h.say('cancel that timer', 'timer')).reply.text, /\(3 minutes left\)/, 'the one set last');
    assert.match((await h.say('set a timer for 1 minute to turn off the oven', 'timer')).reply.text, /1 minute/);
    assert.match((await h.say('cancel all timers', 'timer')).reply.text, /cancelled all 2 timers/);

    await h.say('set an alarm for 6am', 'alarm');
    await h.say('set an alarm for 7am', 'alarm');
    assert.match(
      (await h.say('turn off the 6am one', 'alarm')).reply.text,
      /cancelled the alarm \(tomorrow at 6:00 AM\)/,
    );
    assert.match(
      (await h.say('turn off the 9am alarm', 'alarm')).reply.text,
      /couldn't find that alarm\. You have one alarm: tomorrow at 7:00 AM/,
    );
    assert.match((await h.say('把七点的闹钟关了', 'alarm')).reply.text, /闹钟.*(?:取消|关掉)/u);
    assert.match((await h.say('what alarms do i have', 'alarm')).reply.text, /don't have any alarms/);

    await h.say('定个五分钟的计时器', 'timer');
    await h.say('定个十分钟的计时器', 'timer');
    assert.match((await h.say('取消十分钟的那个计时器', 'timer')).reply.text, /还剩10分钟）取消了，还有1个计时器/u);
  });
});

describe('reminders', () => {
  it('sets a reminder with task and time, lists and deletes them', async () => {
    const h = await createHarness();
    const set = await h.say('remind me to call mum tomorrow at 6pm', 'reminder_update');
    assert.equal(set.understanding.slots['task'], 'call mum');
    assert.match(set.reply.text, /call mum/);
    assert.match(set.reply.text, /6:00 PM/);
    assert.match(
      (await h.say('what are my reminders', 'reminder')).reply.text,
      /1 reminder: call mum tomorrow at 6:00 PM/,
    );
    assert.match(
      (await h.say('delete all my reminders', 'reminder_update')).reply.text,
      /deleted your reminder to call mum/,
    );
    assert.match((await h.say('read my reminders', 'reminder')).reply.text, /no reminders/);
  });

  it('asks the time of a bare date, and sets the answer on that day', async () => {
    const h = await createHarness();
    assert.match(
      (await h.say('remind me to pay rent on friday', 'reminder_update')).reply.text,
      /(?:When|What time) should I remind you to pay rent/,
    );
    assert.match((await h.say('at 9 in the morning', 'reminder_update')).reply.text, /tomorrow at 9:00 AM/);
  });
});

describe('timer lengths said without a unit', () => {
  it('reads "another one for 5" and "a timer for 15" as minutes, not "a table for 4"', async () => {
    const h = await createHarness();
    assert.match((await h.say('set a timer for 10 minutes', 'timer')).reply.text, /10 minutes/);
    const another = await h.say('another one for 5', 'timer');
    assert.equal(another.understanding.slots['duration'], 300_000);
    const plain = await h.say('set a timer for 15', 'timer');
    assert.equal(plain.understanding.slots['duration'], 900_000);
    const timer = h.skills.find((s) => s.id === 'builtin.timer')!;
    const slot = (timer.slots ?? [])[0] as DialogueSlot;
    assert.equal(slot.extract!({ text: 'a table for 4', entities: [], slots: {}, answer: false }), undefined);
  });
});

describe('a time asked for and answered bare', () => {
  it('keeps the day of "set an alarm for saturday" and reads "7" or "630" as a clock time, not a sum', async () => {
    const h = await createHarness();
    const asked = await h.say('set an alarm for saturday', 'alarm');
    assert.equal(asked.understanding.slots['time'], '2026-11-28');
    assert.match(asked.reply.text, /time/i);
    const set = await h.say('7', 'calculator');
    assert.equal(set.understanding.slots['time'], '2026-11-28T07:00:00+01:00');
    assert.match(set.reply.text, /Saturday, November 28 at 7:00 AM/);

    const h2 = await createHarness();
    await h2.say('can u set an alarm', 'alarm');
    // A part of the day is no time to wake at: the day is kept and the time asked.
    assert.equal((await h2.say('for tmrw morning', 'alarm')).understanding.slots['time'], '2026-11-27');
    assert.equal((await h2.say('quarter to 7', 'calculator')).understanding.slots['time'], '2026-11-27T06:45:00+01:00');

    const h3 = await createHarness();
    await h3.say('set an alarm', 'alarm');
    // 10:00 in Paris: 6:30 is next tomorrow.
    assert.equal((await h3.say('630 pls', 'calculator')).understanding.slots['time'], '2026-11-27T06:30:00+01:00');
    // "what alarms do i have tomorrow" still lists them (the day is no alarm to set).
    assert.match((await h3.say('what alarms do i have tomorrow', 'alarm')).reply.text, /6:30 AM/);
  });
});

describe('timers: again, more time, pause', () => {
  it('repeats the last length on "another one" / "same again", never reading "one" as 1 minute', async () => {
    const h = await createHarness();
    await h.say('3 minute timer', 'timer');
    assert.equal((await h.say('ok thats done. same again pls', 'timer')).understanding.slots['duration'], 180_000);
    assert.equal((await h.say('do one more of those', 'timer')).understanding.slots['duration'], 180_000);
    const timer = h.skills.find((s) => s.id === 'builtin.timer')!;
    const slot = (timer.slots ?? [])[0] as DialogueSlot;
    const read = (text: string, duration?: number) =>
      slot.extract!({ text, entities: [], slots: duration === undefined ? {} : { duration }, answer: false });
    assert.equal(read('another one', 600_000), 600_000);
    assert.equal(read('again pls same one', 20_000), 20_000);
    // Nothing to repeat, or more than a repeat: not this rule.
    assert.equal(read('another one'), undefined);
    assert.equal(read('another one for the rice please and a reminder', 600_000), undefined);
  });

  it('adds time to the running timer ("add 5 more minutes") and says honestly it cannot pause', async () => {
    const h = await createHarness();
    await h.say('set a timer for 10 minutes', 'timer');
    const more = await h.say('add 5 more minutes', 'timer');
    assert.match(more.reply.text, /added 5 minutes.*15 minutes left/);
    const scheduler = createScheduler({ store: h.store, onFire: () => undefined });
    assert.equal((await scheduler.list()).length, 1, 'the timer is moved, not doubled');
    assert.match((await h.say('how long is left', 'timer')).reply.text, /15 minutes left/);
    assert.match((await h.say('pause the timer', 'timer')).reply.text, /can't pause/);
    assert.equal((await scheduler.list()).length, 1, 'pausing cancels nothing');
  });
});

describe('repeating reminders', () => {
  it('sets "every day at 8" once, keeps the repeat words out of the task and says it does not repeat', async () => {
    const h = await createHarness();
    const daily = await h.say('remind me to take my pills every day at 8', 'reminder_update');
    assert.equal(daily.understanding.slots['task'], 'take my pills');
    assert.match(daily.reply.text, /take your pills,? tomorrow at 8:00 AM/);
    assert.match(daily.reply.text, /can't repeat alarms or reminders/);
    const weekly = await h.say('remind me every monday at 9am to put the bins out', 'reminder_update');
    assert.equal(weekly.understanding.slots['task'], 'put the bins out');
    assert.match(weekly.reply.text, /Monday, November 30 at 9:00 AM.*can't repeat/);
    // A reminder said once is not told about repeats.
    assert.doesNotMatch((await h.say('remind me to call mum at 6pm', 'reminder_update')).reply.text, /repeat/);
  });
});
