import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { shippedPlayer } from './shipped-play.ts';
import {
  asksAgain,
  asksToCall,
  asksWhatYouDo,
  countsDownTo,
  notFunny,
  dropsIt,
  readsBack,
  saysThanks,
  simplifyTurn,
} from '../../../src/lang/en/en-turn-acts.ts';

const read = (f: (s: string) => unknown) => (text: string) => f(simplifyTurn(text));

describe('English whole-turn acts: the grammars', () => {
  it('reads thanks with praise or a farewell, and nothing that asks for more', () => {
    const thanks = read(saysThanks);
    for (const t of ['thanks!', 'cheers mate', 'lovely, ta', 'ty ur a star', 'many thanks for your help', 'nice one'])
      assert.equal(thanks(t), 'thanks', t);
    for (const t of ['thanks, see you tomorrow', 'ok thank you and goodbye', 'thx bye'])
      assert.equal(thanks(t), 'bye', t);
    for (const t of ['thanks, now set a timer', 'thanks for nothing you broke it?', 'tell me a joke', 'youre the best'])
      assert.equal(thanks(t), undefined, t);
  });

  it('reads a read-back by pronoun, and not a list named or a change', () => {
    const back = read(readsBack);
    for (const t of [
      'so whats in it now',
      'what else is on there',
      'is bread still on it',
      'read it all back to me',
      'whats left',
      'how much longer on it',
      'is it still running',
    ])
      assert.equal(back(t), true, t);
    for (const t of ['add bread to it', 'whats on my shopping list', 'whats the time', 'is the shop still open'])
      assert.equal(back(t), false, t);
  });

  it('reads a loose drop with a reason, and not a drop that asks for something else', () => {
    const drop = read(dropsIt);
    for (const t of [
      'nah forget it, ill sort it myself',
      'on second thought leave it',
      'never mind i found it',
      'actually dont bother with that',
    ])
      assert.equal(drop(t), true, t);
    for (const t of ['nvm, set an alarm instead', 'forget it what time is it', 'leave the milk on', 'i dont mind'])
      assert.equal(drop(t), false, t);
  });

  it('reads the same again, and not another request', () => {
    const again = read(asksAgain);
    for (const t of ['again!', 'one more time pls', 'roll them again', 'best of three?', 'go again lol'])
      assert.equal(again(t), true, t);
    for (const t of ['set another timer for 5 minutes', 'again what was that', 'say that again please'])
      assert.equal(again(t), false, t);
  });

  it('reads a request to phone someone, and not a name or an alarm', () => {
    const call = read(asksToCall);
    for (const t of [
      'ring my sister',
      'can you phone my dad',
      'Would you be so good as to telephone my son for me?',
      'call mum',
    ])
      assert.equal(call(t), true, t);
    for (const t of ['call me bob', 'ring the alarm', 'call my alarm', 'call it a day', 'remind me to ring my sister'])
      assert.equal(call(t), false, t);
  });

  it('reads a joke that did not land as a reaction, and "what you can do" as a question about the assistant', () => {
    const flop = read(notFunny);
    for (const t of ['walao not funny at all', 'that was not funny', 'thats so lame lol', 'that wasnt funny'])
      assert.equal(flop(t), true, t);
    for (const t of ['its funny', 'tell me a funny joke', 'not now']) assert.equal(flop(t), false, t);
    const what = read(asksWhatYouDo);
    for (const t of ['remind me what you can do', 'tell me again what u can do']) assert.equal(what(t), true, t);
    for (const t of ['remind me to do it', 'remind me what i have to do']) assert.equal(what(t), false, t);
  });

  it('reads a countdown to a day', () => {
    const count = read(countsDownTo);
    for (const t of ['how many days till halloween', 'how long until new years eve', 'days left until friday?'])
      assert.equal(count(t), true, t);
    for (const t of ['how long should i boil an egg', 'what day is christmas', 'how many days in a year'])
      assert.equal(count(t), false, t);
  });
});

// The shipped intent, context and tagger models, played as `eval-dialogues` plays them.
let play: Awaited<ReturnType<typeof shippedPlayer>>;
before(async () => {
  play = await shippedPlayer();
});

describe('English whole-turn acts in dialogues (shipped models)', () => {
  it('takes thanks as thanks after a task, and thanks with a farewell as goodbye', async () => {
    const [, thanks] = await play('remind me to water the plants in an hour', 'lovely, ta very much');
    assert.equal(thanks!.intent, 'thank_you');
    const [, bye] = await play('set a timer for 3 minutes', 'thanks so much, bye now');
    assert.equal(bye!.intent, 'goodbye');
  });

  it('reads back the list the conversation is about when the turn names it only by a pronoun', async () => {
    const turns = await play('put apples and yoghurt on my shopping list', 'so what else is on there now');
    assert.equal(turns[1]!.intent, 'shopping_list');
    assert.match(turns[1]!.text, /apples/);
    const todo = await play('add renew my passport to my to-do list', 'read it all back to me');
    assert.equal(todo[1]!.intent, 'todo_list');
    assert.match(todo[1]!.text, /passport/);
  });

  it('drops an open question on a loose drop with a reason, then takes a new request', async () => {
    const turns = await play('set an alarm', 'nah forget it, ill sort it myself', 'what time is it');
    assert.equal(turns[1]!.intent, 'cancel');
    assert.equal(turns[2]!.intent, 'time');
  });

  it('does the last game again on "again"', async () => {
    const turns = await play('roll a die', 'roll it again', 'one more time');
    assert.deepEqual(
      turns.map((t) => t.intent),
      ['roll_dice', 'roll_dice', 'roll_dice'],
    );
  });

  it('says honestly it cannot phone anyone, and takes "not funny" after a joke as no request', async () => {
    const [call] = await play('ring my sister');
    assert.equal(call!.intent, 'make_call');
    const [, task] = await play('set a reminder', 'call the dentist');
    assert.equal(task!.intent, 'reminder_update');
    const [, flop] = await play('tell me a joke', 'that was not funny');
    assert.equal(flop!.intent, null);
    const [what] = await play('remind me what you can do');
    assert.equal(what!.intent, 'what_can_i_ask_you');
  });

  it('answers a countdown to a holiday with the date skill and the number of days', async () => {
    const [turn] = await play('how many sleeps till christmas');
    assert.equal(turn!.intent, 'date');
    assert.match(turn!.text, /29/);
  });

  it('asks again after a vague answer to a length, and takes a length said like an aside', async () => {
    const turns = await play('start a timer', 'dunno, however long pasta takes', 'ok ten minutes then');
    assert.equal(turns[1]!.intent, 'timer');
    assert.match(turns[1]!.text, /how long/i);
    assert.equal(turns[2]!.intent, 'timer');
    assert.match(turns[2]!.text, /10/);
  });

  it('takes "wat about X" as a follow-up and "nah ..., make it N" as a correction', async () => {
    const spell = await play('how do you spell rhythm', 'wat about receive');
    assert.equal(spell[1]!.intent, 'spelling');
    assert.match(spell[1]!.text, /R-E-C/);
    const timer = await play('set a timer for 40 minutes', 'nah too long make it 25 minutes');
    assert.equal(timer[1]!.intent, 'timer');
    assert.match(timer[1]!.text, /25/);
  });

  it("starts nothing on a statement about a skill's thing that names no number, and still on one that does", async () => {
    for (const text of [
      'my alarm didnt go off yesterday and i missed the bus',
      'the timer on my oven keeps beeping at night',
      'my shopping list is a mess',
    ]) {
      const [turn] = await play(text);
      assert.equal(turn!.intent, null, text);
    }
    const [request] = await play('my alarm didnt go off, set one for 7 tomorrow');
    assert.equal(request!.intent, 'alarm');
  });

  it('asks the time again after a vague one ("in a bit", "early"), then takes the real one', async () => {
    const turns = await play('remind me to call the vet', 'in a bit', 'at 5pm');
    assert.deepEqual(
      turns.map((t) => t.intent),
      ['reminder_update', 'reminder_update', 'reminder_update'],
    );
    assert.match(turns[2]!.text, /5:00/);
  });

  it('reads back a reminder asked for by when it is ("when is my X reminder")', async () => {
    const turns = await play('remind me to pick up the dry cleaning at 4pm', 'um when is my dry cleaning reminder');
    assert.equal(turns[1]!.intent, 'reminder');
    assert.match(turns[1]!.text, /4:00/);
  });
});
