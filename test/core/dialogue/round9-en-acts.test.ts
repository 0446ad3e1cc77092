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
import { asksAgain, pausesOrResumes, readsBack, saysThanks, simplifyTurn } from '../../../src/lang/en/en-turn-acts.ts';

const read = (f: (s: string) => unknown) => (text: string) => f(simplifyTurn(text));

describe('round 9 English acts: the grammars', () => {
  it('reads a question about what was set or done as a read-back, and not a new request', () => {
    const back = read(readsBack);
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
});
