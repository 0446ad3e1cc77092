/**
 * Whole-turn acts of round 9 (issue 15), from the failed turns of people's English dialogues (en-train-6):
 * asking about what was set instead of setting it again ("did it go through?", "what time is it set for",
 * "did you put them all on", "is the X one still there"), thanks with a remark after it, the same again
 * "best of 5", and pausing or resuming a timer. Sentences are our own; the dialogues play through the
 * shipped models as `eval-dialogues` does.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { shippedPlayer } from './shipped-play.ts';
import {
  asksAgain,
  asksIfDone,
  pausesOrResumes,
  readsBack,
  saysThanks,
  simplifyTurn,
} from '../../../src/lang/en/en-turn-acts.ts';
import { enCues } from '../../../src/lang/en/en-cues.ts';

const read = (f: (s: string) => unknown) => (text: string) => f(simplifyTurn(text));

describe('round 9 English acts: the grammars', () => {
  it('reads a question about what was set or done as a read-back, and not a new request', () => {
    const back = read((t) => readsBack(t) || asksIfDone(t));
    for (const t of [
      'did that go through?',
      'is it set then',
      'its set? and for what time',
      'so what time did you set it to',
      'what time is that one for',
      'did you put all of them in',
      'is the passport one still there?',
      'how many items are on it now',
    ])
      assert.equal(back(t), true, t);
    for (const t of [
      'set it for 7',
      'what time is it in tokyo',
      'did you watch the game',
      'is the shop still there',
      'how many days in june',
    ])
      assert.equal(back(t), false, t);
  });

  it('reads thanks with a short remark after it, and not thanks followed by a request or a sneer', () => {
    const thanks = read(saysThanks);
    for (const t of [
      'ty so much, you saved my bacon',
      'kk thanks, thats early there',
      'cheers, i never remember that one',
    ])
      assert.equal(thanks(t), 'thanks', t);
    for (const t of [
      'thanks, what about paris',
      'thx, can you add eggs',
      'thanks a lot for nothing',
      'thanks but thats wrong, its not right',
    ])
      assert.equal(thanks(t), undefined, t);
  });

  it('reads "again, best of 5" as the same again', () => {
    const again = read(asksAgain);
    for (const t of ['again, best of 5', 'go again best out of three wins']) assert.equal(again(t), true, t);
    assert.equal(again('again, what was the best film of 2020'), false);
  });

  it('reads pausing or resuming a timer, and not stopping it or carrying on with something else', () => {
    const pause = read(pausesOrResumes);
    for (const t of [
      'hold it a sec, someone at the door',
      'pause the timer pls',
      'ok you can continue now',
      'resume it',
    ])
      assert.equal(pause(t), true, t);
    for (const t of ['stop it', 'carry on with the story', 'pause the music']) assert.equal(pause(t), false, t);
  });
});

describe('round 9 English acts: where they must not fire (review of round 9)', () => {
  it('a take-back is a correction only at the end of the turn or opening with the value that was fine', () => {
    const correction = read((t) => enCues.correction.test(t));
    for (const t of ['erm 25 was better, change it back', 'switch it back to 7 please', 'ok go back to 20 minutes'])
      assert.equal(correction(t), true, t);
    for (const t of [
      'oh actually, remind me to ring the bank at 9 as well',
      'uh wait, start a second one for 3 minutes',
      'remind me to set it back on the shelf at 9',
      'ok actually, what is the time in london',
      'um sorry, thank you',
      'i want to go back to sleep',
    ])
      assert.equal(correction(t), false, t);
  });

  it('"did it go through?" is its own act, and "did you get that?" is no read-back of a list', () => {
    assert.equal(read(asksIfDone)('did that go through?'), true);
    assert.equal(read(readsBack)('did that go through?'), false);
    assert.equal(read(pausesOrResumes)('start it again'), false);
    assert.equal(read(pausesOrResumes)('restart the timer'), false);
  });

  it('thanks with a farewell closes; thanks with a change or a complaint is not thanks', () => {
    const thanks = read(saysThanks);
    for (const t of [
      'thanks, have a lovely evening',
      'thx, got to dash',
      'ty, talk soon',
      'thanks, catch you tomorrow',
    ])
      assert.equal(thanks(t), 'bye', t);
    for (const t of [
      'thanks, change it to 9',
      'ty, i meant 9 tho',
      'thanks, that is wrong',
      'thanks, awful joke',
      'thx you suck',
      'thank you, move that to friday',
    ])
      assert.equal(thanks(t), undefined, t);
    assert.equal(thanks('thanks, that was quick'), 'thanks');
    assert.equal(thanks('ty, i never get that one right'), 'thanks');
    assert.equal(thanks('thanks, its all wrong though'), undefined);
  });
});

let play: Awaited<ReturnType<typeof shippedPlayer>>;
before(async () => {
  play = await shippedPlayer();
});

describe('round 9 English acts in dialogues (shipped models)', () => {
  it('tells what an alarm or a timer was set for instead of asking again', async () => {
    const alarm = await play('wake me up at 6:15 tomorrow', 'so what time did you set it to');
    assert.equal(alarm[1]!.intent, 'alarm');
    assert.match(alarm[1]!.text, /6:15/);
    const timer = await play('timer for 25 minutes please', 'did that go through?');
    assert.equal(timer[1]!.intent, 'timer');
    assert.match(timer[1]!.text, /2[45] min/);
  });

  it('reads the reminders back when asked what time one was for', async () => {
    const turns = await play('remind me at 4pm to collect the dry cleaning', 'what time is that one for');
    assert.equal(turns[1]!.intent, 'reminder');
    assert.match(turns[1]!.text, /4:00/);
  });

  it('reads the list when asked whether items were added or are still there', async () => {
    const shop = await play('add rice, lentils and 4 onions to the shopping list', 'did you put all of them in');
    assert.equal(shop[1]!.intent, 'shopping_list');
    assert.match(shop[1]!.text, /onions/);
    const todo = await play('put renew the passport on my to do list', 'is the passport one still there?');
    assert.equal(todo[1]!.intent, 'todo_list');
    assert.match(todo[1]!.text, /passport/);
  });

  it('takes thanks with a remark as thanks, and a pause of the running timer as the timer', async () => {
    const turns = await play(
      'set a 12 minute timer',
      'hold it a sec, someone at the door',
      'ok you can continue now',
      'ty so much, you saved my bacon',
    );
    assert.deepEqual(
      turns.map((t) => t.intent),
      ['timer', 'timer', 'timer', 'thank_you'],
    );
  });

  it('puts back an earlier length when a take-back says it was fine ("oh 15 was right actually, put it back")', async () => {
    const a = await play('start a 15 minute timer', 'nah make it 18 mins', 'oh 15 was right actually, put it back');
    assert.equal(a[2]!.intent, 'timer');
    assert.match(a[2]!.text, /\b15 min/);
    const b = await play('set a timer for 30 minutes', 'no make it 40', 'um sorry, 30 is fine, change it back');
    assert.equal(b[2]!.intent, 'timer');
    assert.match(b[2]!.text, /\b30 min/);
  });

  it('reads a bare number answering "How long should the timer run?" as minutes, and no other words', async () => {
    const a = await play('could you start a timer for me', 'erm 35 please');
    assert.match(a[1]!.text, /\b35 minutes\b/);
    const b = await play('could you start a timer for me', '35 people');
    assert.doesNotMatch(b[1]!.text, /\b35 minutes\b/);
  });

  it('spells the word alone when a tie word follows it ("how would you spell rhythm then")', async () => {
    const [spelled] = await play('how would you spell rhythm then');
    assert.equal(spelled!.intent, 'spelling');
    assert.match(spelled!.text, /R-H-Y-T-H-M \(6 letters\)/);
  });

  it('a new request after "oh actually" / "uh wait" is new, not a correction of the last one', async () => {
    const rem = await play(
      'remind me to water the plants at 5',
      'oh actually, remind me to ring the bank at 9 as well',
    );
    assert.doesNotMatch(rem[1]!.text, /\b(?:moved|changed|updated)\b/i);
    const timer = await play('start a timer for 20 minutes', 'uh wait, start a second one for 3 minutes');
    assert.doesNotMatch(timer[1]!.text, /\bchanged\b/i);
    const task = await play('remind me to take the bins out at 7', 'remind me to set it back on the shelf at 9');
    assert.doesNotMatch(task[1]!.text, /\b(?:moved|changed|updated)\b/i);
    const clock = await play('set an alarm for 6:30', 'ok actually, what is the time in london');
    assert.notEqual(clock[1]!.intent, 'alarm');
    const ta = await play('set an alarm for 6:30', 'um sorry, thank you');
    assert.equal(ta[1]!.intent, 'thank_you');
  });

  it('"did you get that?" after a skill that keeps nothing does not run it again', async () => {
    const spell = await play('spell necessary', 'did you get that?');
    assert.doesNotMatch(spell[1]!.text, /which word/i);
    const units = await play('convert 5 km to miles', 'did you get that?');
    assert.doesNotMatch(units[1]!.text, /which units|what should i convert/i);
    const joke = await play('set a timer for 8 minutes', 'tell me a joke', 'did you get it?');
    assert.doesNotMatch(joke[2]!.text, /\b8 min|timer/i);
  });

  it('thanks with a farewell says goodbye; thanks with a change is the change', async () => {
    const bye = await play('set an alarm for 7', 'thanks, have a lovely evening');
    assert.equal(bye[1]!.intent, 'goodbye');
    const fix = await play('set an alarm for 7', 'thanks, change it to 9');
    assert.notEqual(fix[1]!.intent, 'thank_you');
  });

  it('restarting a cancelled timer is not a pause', async () => {
    const turns = await play('set a timer for 6 minutes', 'cancel it', 'restart it');
    assert.doesNotMatch(turns[2]!.text, /pause/i);
  });
});
