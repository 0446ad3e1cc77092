import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyState, expireState, restoreState } from '../../../src/dialogue/state.ts';
import type { DialogueState } from '../../../src/dialogue/types.ts';
import { createHarness, scripted } from './harness.ts';

const limits = { contextTurns: 6, contextMinutes: 10 };

describe('dialogue state', () => {
  it('starts over from a damaged or foreign record instead of failing', () => {
    for (const bad of [null, 42, 'x', [], { version: 2, turn: 1 }, { version: 1, turn: -1 }])
      assert.deepEqual(restoreState(bad), emptyState());
    const odd = restoreState({
      version: 1,
      turn: 4,
      at: 5,
      recent: [{ role: 'robot', text: 'x', turn: 1 }],
      task: { intent: 7 },
      pending: { type: 'slot', slot: 's', question: 'q', asks: 1 },
    });
    assert.equal(odd.turn, 4);
    assert.deepEqual(odd.recent, []);
    assert.equal(odd.task, undefined);
    assert.equal(odd.pending, undefined, 'a question without its task is dropped');
  });

  it('expires the task after N turns or M minutes, and trims the recent turns', () => {
    const base = (): DialogueState => ({
      version: 1,
      turn: 3,
      at: 0,
      task: { intent: 'time', skillId: 'builtin.time', text: 't', slots: {}, turn: 3, at: 0 },
      recent: Array.from({ length: 30 }, (_, i) => ({ role: 'user' as const, text: String(i), turn: i })),
    });
    const fresh = base();
    assert.equal(expireState(fresh, 60_000, limits), false);
    assert.ok(fresh.task);
    assert.equal(fresh.recent.length, 12);
    const byTurns = base();
    byTurns.turn = 9;
    assert.equal(expireState(byTurns, 0, limits), true);
    assert.equal(byTurns.task, undefined);
    const byTime = base();
    assert.equal(expireState(byTime, 10 * 60_000 + 1, limits), true);
  });
});

describe('state in the store', () => {
  it('is saved before handle() resolves, encrypted in the store', async () => {
    const h = await createHarness();
    await h.say('set a timer', 'timer');
    const stored = await h.store.getDialogueState<DialogueState>('c1');
    assert.equal(stored?.pending?.type, 'slot');
    assert.equal(stored?.task?.intent, 'timer');
    assert.equal(stored?.recent.length, 2);
  });

  it('lets a fresh manager on the same store resume the pending question (a reload)', async () => {
    const h = await createHarness({
      policy: scripted({
        'set an alarm': { type: 'new-intent', intent: 'alarm', skillId: 'builtin.alarm', confidence: 1 },
        '7am': { type: 'fill-slot', intent: 'alarm', slot: 'time', confidence: 1 },
      }),
    });
    await h.say('set an alarm', 'alarm');
    h.reload();
    const r = await h.say('7am', null);
    assert.equal(r.understanding.action, 'fill-slot');
    assert.equal(r.understanding.intent, 'alarm');
    assert.match(r.reply.text, /7:00 AM/);
  });

  // What the policy is shown of the conversation; the actions are scripted, since the decisions are not tested here.
  const script = scripted({
    'set a timer': { type: 'new-intent', intent: 'timer', skillId: 'builtin.timer', confidence: 1 },
    'five minutes': { type: 'fill-slot', intent: 'timer', slot: 'duration', confidence: 1 },
    'what time is it': { type: 'new-intent', intent: 'time', skillId: 'builtin.time', confidence: 1 },
    thanks: { type: 'new-intent', intent: 'thank_you', skillId: 'builtin.small-talk', confidence: 1 },
    hi: { type: 'new-intent', intent: 'greeting', skillId: 'builtin.small-talk', confidence: 1 },
  });

  it('keeps conversations apart', async () => {
    const a = await createHarness({ policy: script });
    const b = await createHarness({ store: a.store, conversationId: 'c2', policy: script });
    await a.say('set a timer', 'timer');
    await b.say('five minutes', null);
    assert.equal(b.seen()?.pending, undefined, "another conversation does not see this one's question");
    const same = await a.say('five minutes', null);
    assert.equal(a.seen()?.pending?.type, 'slot');
    assert.deepEqual(same.understanding.slots, { duration: 300_000 });
  });

  it('forgets the context after the time limit', async () => {
    const h = await createHarness({ contextMinutes: 10, policy: script });
    await h.say('what time is it', 'time');
    await h.say('and in Tokyo?', null);
    assert.equal(h.seen()?.task?.intent, 'time');
    h.advance(11 * 60_000);
    await h.say('and in Tokyo?', null);
    assert.equal(h.seen()?.task, undefined);
  });

  it('forgets the context after the turn limit, but small talk in between does not replace it', async () => {
    const h = await createHarness({ contextTurns: 3, policy: script });
    await h.say('what time is it', 'time');
    await h.say('thanks', 'thank_you');
    await h.say('and in Tokyo?', null);
    assert.equal(h.seen()?.task?.intent, 'time', 'small talk left the task in place');
    for (let i = 0; i < 3; i++) await h.say('hi', 'greeting');
    await h.say('and in Lima?', null);
    assert.equal(h.seen()?.task, undefined);
  });
});
