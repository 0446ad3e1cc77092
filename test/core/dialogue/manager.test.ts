import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDialogueManager, type DialoguePolicy } from '../../../src/dialogue/index.ts';
import type { DialogueAction } from '../../../src/dialogue/types.ts';
import type { SkillDefinition, SkillRuntime } from '../../../src/skills/types.ts';
import { openStore } from '../../../src/store/index.ts';
import { createHarness, nluOf } from './harness.ts';

describe('createDialogueManager', () => {
  it('rejects bad options synchronously with standard errors', async () => {
    const store = await openStore({ storage: 'memory' });
    const runtime: SkillRuntime = { invoke: async () => ({ text: 'x' }) };
    assert.throws(() => createDialogueManager({ store: undefined as never, skills: [], runtime }), TypeError);
    assert.throws(() => createDialogueManager({ store, skills: [], runtime: {} as never }), TypeError);
    assert.throws(() => createDialogueManager({ store, skills: 'x' as never, runtime }), TypeError);
    assert.throws(() => createDialogueManager({ store, skills: [], runtime, maxAsks: 0 }), RangeError);
    assert.throws(() => createDialogueManager({ store, skills: [], runtime, contextTurns: 1.5 }), RangeError);
  });

  it('returns what it understood with every reply', async () => {
    const h = await createHarness();
    const r = await h.say('set a timer for 10 minutes', 'timer', 0.93);
    assert.equal(r.understanding.intent, 'timer');
    assert.ok(r.understanding.confidence > 0 && r.understanding.confidence <= 1);
    assert.equal(r.understanding.action, 'new-intent');
    assert.equal(r.understanding.skill, 'builtin.timer');
    assert.deepEqual(r.understanding.slots, { duration: 600_000 });
    assert.equal(r.understanding.nlu.text, 'set a timer for 10 minutes');
    assert.equal(r.understanding.entities[0]?.kind, 'duration');
    assert.ok(!('$action' in r.understanding.slots));
  });

  it('follows up, corrects and cancels', async () => {
    const h = await createHarness();
    const first = await h.say("what's 15% of 80", 'calculator');
    assert.match(first.reply.text, /\b12\b/);
    const follow = await h.say('and of 120?', 'oos');
    assert.equal(follow.understanding.action, 'follow-up');
    assert.equal(follow.understanding.intent, 'calculator');
    assert.match(follow.reply.text, /\b18\b/);

    await h.say('set an alarm for 6pm', 'alarm');
    const fix = await h.say('no, I meant 7pm', 'no');
    assert.equal(fix.understanding.action, 'correction');
    assert.equal(fix.understanding.intent, 'alarm');
    assert.match(fix.reply.text, /moved your alarm\. It will now go off at 7:00 PM/);

    await h.say('remind me to water the plants', 'reminder_update');
    const cancel = await h.say('never mind', 'cancel');
    assert.equal(cancel.understanding.intent, 'cancel');
    assert.equal(cancel.understanding.action, 'cancel');
    assert.match(cancel.reply.text, /cancel|dropped|forget/i);
    const after = await h.say('tomorrow', null);
    assert.notEqual(after.understanding.action, 'fill-slot');
  });

  it('asks for confirmation and acts only on yes', async () => {
    const h = await createHarness();
    await h.say('add milk to my shopping list', 'shopping_list_update');
    const ask = await h.say('clear my shopping list', 'shopping_list_update');
    assert.equal(ask.reply.expectsAnswer, true);
    const no = await h.say('no', 'no');
    assert.equal(no.understanding.intent, 'no');
    assert.match((await h.say("what's on my shopping list", 'shopping_list')).reply.text, /milk/);
    await h.say('empty my shopping list', 'shopping_list_update');
    const yes = await h.say('yes please', 'yes');
    assert.equal(yes.understanding.intent, 'yes');
    assert.equal(yes.understanding.action, 'confirm');
    assert.match((await h.say("what's on my shopping list", 'shopping_list')).reply.text, /empty|nothing/);
  });

  it('repeats its last reply', async () => {
    const h = await createHarness();
    const joke = await h.say('tell me a joke', 'tell_joke');
    const again = await h.say('say that again', 'repeat');
    assert.equal(again.reply.text, joke.reply.text);
  });

  it('answers an intent without a skill honestly, with suggestions', async () => {
    const h = await createHarness();
    const r = await h.say("what's my bank balance", 'balance');
    assert.equal(r.understanding.action, 'unsupported');
    assert.equal(r.understanding.intent, 'balance');
    assert.match(r.reply.text, /can't check your account balance here yet/);
    assert.match(r.reply.text, /I can /);
    const oos = await h.say('purple monkey dishwasher', null);
    assert.equal(oos.understanding.intent, null);
    assert.equal(oos.understanding.action, 'out-of-scope');
  });

  it('uses a swapped-in policy, synchronous or asynchronous, on a copy of the state', async () => {
    const always: DialoguePolicy = () => ({ type: 'out-of-scope', confidence: 0 });
    const h = await createHarness({ policy: always });
    assert.equal((await h.say('set a timer for 5 minutes', 'timer')).understanding.action, 'out-of-scope');
    const seen: number[] = [];
    const later: DialoguePolicy = async ({ state }) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(state.turn);
      state.turn = 999; // a policy cannot change the conversation's state
      return { type: 'new-intent', intent: 'greeting', skillId: 'builtin.small-talk', confidence: 0.5 };
    };
    const a = await createHarness({ policy: later });
    assert.equal((await a.say('hello', null)).understanding.intent, 'greeting');
    assert.equal((await a.say('hello again', null)).understanding.confidence, 0.5);
    assert.deepEqual(seen, [1, 2]);
  });

  it('asks an interrupted question again once the interruption is answered', async () => {
    // A scripted policy: what the context model would decide for each turn.
    const script: DialogueAction[] = [
      { type: 'new-intent', intent: 'timer', skillId: 'builtin.timer', confidence: 1 },
      { type: 'new-intent', intent: 'calculator', skillId: 'builtin.calculator', confidence: 1 },
      { type: 'fill-slot', intent: 'timer', slot: 'duration', confidence: 1 },
    ];
    const h = await createHarness({ policy: () => script.shift()! });
    const ask = await h.say('can you start a timer', 'timer');
    assert.equal(ask.reply.expectsAnswer, true);
    const sum = await h.say('wait whats 9 times 8', 'calculator');
    assert.match(sum.reply.text, /72/);
    assert.match(sum.reply.text, /how long|for how long/i);
    assert.equal(sum.reply.expectsAnswer, true);
    const answer = await h.say('ok 4 minutes', null);
    assert.equal(answer.understanding.intent, 'timer');
    assert.deepEqual(answer.understanding.slots, { duration: 240_000 });
  });

  it('leaves the state untouched when the turn is aborted', async () => {
    const store = await openStore({ storage: 'memory' });
    const slow: SkillDefinition = {
      id: 'slow',
      version: '1.0.0',
      intents: ['slow'],
      slots: [{ name: 'x', kind: 'text', prompt: 'x?', required: false }],
      execute: () => 'done',
    };
    const controller = new AbortController();
    const runtime: SkillRuntime = {
      invoke: async () => {
        controller.abort(new Error('stop'));
        return { text: 'late' };
      },
    };
    const manager = createDialogueManager({ store, skills: [slow], runtime });
    await assert.rejects(
      manager.handle({ conversationId: 'c', text: 'go', nlu: nluOf('go', 'slow'), signal: controller.signal }),
      /stop/,
    );
    assert.equal(await store.getDialogueState('c'), undefined);
  });

  it('runs turns of one conversation one after another', async () => {
    const h = await createHarness();
    const [a, b] = await Promise.all([h.say('set a timer', 'timer'), h.say('five minutes', null)]);
    assert.equal(a.reply.expectsAnswer, true);
    assert.equal(b.understanding.action, 'fill-slot');
  });

  it('lets a skill settle which of its intents a request means', async () => {
    const h = await createHarness();
    const add = await h.say('please empty my shopping list', 'shopping_list');
    assert.equal(add.understanding.intent, 'shopping_list_update');
    await h.say('no', 'no');
    const name = await h.say('my name is Priya', 'user_name');
    assert.equal(name.understanding.intent, 'change_user_name');
    assert.match(name.reply.text, /Priya/);
  });
});
