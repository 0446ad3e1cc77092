// The dialogue state is kept in memory between turns (issue 5: the whole turn in <= 5 ms) but still
// written to the store on every turn, before the turn resolves; these tests pin both halves.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDialogueManager } from '../../../src/dialogue/index.ts';
import { createStateCache } from '../../../src/dialogue/state-cache.ts';
import type { DialogueState } from '../../../src/dialogue/types.ts';
import type { SkillDefinition, SkillRuntime } from '../../../src/skills/types.ts';
import { openStore } from '../../../src/store/index.ts';
import type { Store } from '../../../src/store/types.ts';
import { createHarness, nluOf, scripted } from './harness.ts';

/** A skill with one required slot: the manager asks for it before running the skill. */
const asking: SkillDefinition = {
  id: 'ask',
  version: '1.0.0',
  intents: ['ask'],
  slots: [{ name: 'x', kind: 'text', prompt: 'Which x?' }],
  execute: () => 'done',
};
const answering: SkillRuntime = { invoke: async () => ({ text: 'done' }) };

/** The store, with its dialogue-state reads and writes counted. */
function counted(store: Store): { store: Store; reads: () => number; writes: () => number } {
  let reads = 0;
  let writes = 0;
  const proxy = new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'getDialogueState') return (id: string) => (reads++, target.getDialogueState(id));
      if (key === 'putDialogueState')
        return (id: string, state: unknown) => (writes++, target.putDialogueState(id, state));
      return Reflect.get(target, key, receiver);
    },
  });
  return { store: proxy, reads: () => reads, writes: () => writes };
}

describe('dialogue state in memory', () => {
  it('reads the store once per conversation, and still writes every turn before answering', async () => {
    const c = counted(await openStore({ storage: 'memory' }));
    const h = await createHarness({ store: c.store });
    await h.say('set a timer', 'timer');
    assert.equal(c.reads(), 1, 'the first turn reads the stored state');
    assert.equal(c.writes(), 1);
    const answer = await h.say('ten minutes', null);
    assert.equal(answer.understanding.action, 'fill-slot');
    await h.say('what time is it', 'time');
    assert.equal(c.reads(), 1, 'later turns start from the copy in memory');
    assert.equal(c.writes(), 3, 'every turn is written through');
    const stored = await c.store.getDialogueState<DialogueState>('c1');
    assert.equal(stored?.turn, 3);
    assert.equal(stored?.task?.intent, 'time');
  });

  it('hands the write to `save` when the caller gives one, with the state and the result', async () => {
    const c = counted(await openStore({ storage: 'memory' }));
    const manager = createDialogueManager({ store: c.store, skills: [asking], runtime: answering });
    const saved: [DialogueState, string][] = [];
    const result = await manager.handle({
      conversationId: 'c9',
      text: 'go',
      nlu: nluOf('go', 'ask'),
      signal: new AbortController().signal,
      save: async (state, r) => {
        saved.push([structuredClone(state), r.reply.text]);
        await c.store.putDialogueState('c9', state);
      },
    });
    assert.equal(saved.length, 1);
    assert.deepEqual(
      saved[0]![0].pending,
      { type: 'slot', slot: 'x', question: 'Which x?', asks: 1 },
      'the state of this turn, with its question',
    );
    assert.equal(saved[0]![1], result.reply.text);
    assert.equal(c.writes(), 1, 'written once, by `save` only');
  });

  it('keeps nothing of a turn whose write fails: the next turn starts from what the store has', async () => {
    const store = await openStore({ storage: 'memory' });
    const manager = createDialogueManager({
      store,
      skills: [asking, { ...asking, id: 'other', intents: ['other'] }],
      runtime: answering,
      policy: scripted({
        go: { type: 'new-intent', intent: 'ask', skillId: 'ask', confidence: 1 },
        'please do the other thing': { type: 'new-intent', intent: 'other', skillId: 'other', confidence: 1 },
        'this one': { type: 'fill-slot', intent: 'ask', slot: 'x', confidence: 1 },
      }),
    });
    const turn = (text: string, intent: string | null, save?: () => Promise<void>) =>
      manager.handle({
        conversationId: 'c',
        text,
        nlu: nluOf(text, intent, 0.99),
        signal: new AbortController().signal,
        ...(save === undefined ? {} : { save }),
      });
    assert.equal((await turn('go', 'ask')).reply.expectsAnswer, true);
    // A confident new request replaces the task in memory; then its write fails.
    const failed = turn('please do the other thing', 'other', () => Promise.reject(new Error('disk full')));
    await assert.rejects(failed, /disk full/);
    const resumed = await turn('this one', null);
    assert.equal(resumed.understanding.action, 'fill-slot', 'the question from before the failed turn is still open');
    assert.equal(resumed.understanding.intent, 'ask');
    assert.deepEqual(resumed.understanding.slots, { x: 'this one' });
  });

  it('keeps nothing of an aborted turn, even one that changed the state before the abort', async () => {
    const store = await openStore({ storage: 'memory' });
    const controller = new AbortController();
    const runtime: SkillRuntime = {
      invoke: async () => {
        // The skill runs once the answer filled the slot and cleared the question, in memory.
        controller.abort(new Error('stop'));
        return { text: 'late' };
      },
    };
    const manager = createDialogueManager({
      store,
      skills: [asking],
      runtime,
      policy: scripted({
        go: { type: 'new-intent', intent: 'ask', skillId: 'ask', confidence: 1 },
        'this one': { type: 'fill-slot', intent: 'ask', slot: 'x', confidence: 1 },
        'that one': { type: 'fill-slot', intent: 'ask', slot: 'x', confidence: 1 },
      }),
    });
    const signal = () => new AbortController().signal;
    assert.equal(
      (await manager.handle({ conversationId: 'c', text: 'go', nlu: nluOf('go', 'ask'), signal: signal() })).reply
        .expectsAnswer,
      true,
    );
    await assert.rejects(
      manager.handle({
        conversationId: 'c',
        text: 'this one',
        nlu: nluOf('this one', null),
        signal: controller.signal,
      }),
      /stop/,
    );
    const stored = await store.getDialogueState<DialogueState>('c');
    assert.equal(stored?.pending?.type, 'slot', 'the store still has the question');
    // The same manager goes on from the stored state, not from the copy the aborted turn changed.
    const again = await manager.handle({
      conversationId: 'c',
      text: 'that one',
      nlu: nluOf('that one', null),
      signal: signal(),
    });
    assert.equal(again.understanding.action, 'fill-slot');
    assert.deepEqual(again.understanding.slots, { x: 'that one' });
  });

  it('keeps its own copy: the caller changing the state or the slots it was given changes nothing kept', () => {
    const cache = createStateCache();
    const state: DialogueState = {
      version: 1,
      turn: 1,
      at: 5,
      recent: [],
      task: {
        intent: 'shopping_list_update',
        skillId: 'builtin.shopping-list',
        text: 'add milk',
        slots: { add: { value: ['milk'], turn: 1, at: 5 } },
        turn: 1,
        at: 5,
      },
    };
    cache.keep('c', state);
    (state.task!.slots['add']!.value as string[]).push('poison');
    state.turn = 99;
    const kept = cache.take('c');
    assert.deepEqual(kept?.task?.slots['add']?.value, ['milk']);
    assert.equal(kept?.turn, 1);
    assert.equal(cache.take('c'), undefined, 'taken out while the turn runs');
  });

  it('forgets on request, so a state changed behind its back is read again', async () => {
    const c = counted(await openStore({ storage: 'memory' }));
    const script = scripted({ go: { type: 'new-intent', intent: 'ask', skillId: 'ask', confidence: 1 } });
    let seen: DialogueState | undefined;
    const manager = createDialogueManager({
      store: c.store,
      skills: [asking],
      runtime: answering,
      policy: (input) => ((seen = input.state), script(input)),
    });
    const say = (text: string, intent: string | null) =>
      manager.handle({ conversationId: 'c', text, nlu: nluOf(text, intent), signal: new AbortController().signal });
    await say('go', 'ask');
    // The engine deleted the conversation (and its state); it tells the manager, which forgets its copy.
    await c.store.putDialogueState('c', { version: 1, turn: 0, at: 0, recent: [] });
    manager.forget('c');
    await say('this one', null);
    assert.equal(seen?.pending, undefined, 'the question went with the stored state');
    assert.equal(c.reads(), 2);
    manager.forget();
    await say('go', 'ask');
    assert.equal(c.reads(), 3, 'forget() without an id drops every conversation');
  });

  it('holds a bounded number of conversations, reading the least recently used again', async () => {
    const c = counted(await openStore({ storage: 'memory' }));
    const manager = createDialogueManager({
      store: c.store,
      skills: [],
      runtime: { invoke: async () => ({ text: 'ok' }) },
    });
    const say = (conversationId: string) =>
      manager.handle({ conversationId, text: 'hi', nlu: nluOf('hi', null), signal: new AbortController().signal });
    for (let i = 0; i < 40; i++) await say(`c${i}`);
    assert.equal(c.reads(), 40);
    await say('c39');
    assert.equal(c.reads(), 40, 'a recent conversation is in memory');
    await say('c0');
    assert.equal(c.reads(), 41, 'an old one was let go and is read again');
    assert.equal((await c.store.getDialogueState<DialogueState>('c0'))?.turn, 2, 'and resumes from the store');
  });
});
