// What the widget's conversation features rest on, through the public assistant in plain Node: titles made on
// the device, previews, rename, ratings and their export, the key state, "start over", the speech consent, and
// live sync between two engines on one database (fake-indexeddb; the same in Chromium: test/browser/widget/tabs).
import 'fake-indexeddb/auto';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAssistant, type Assistant, type AssistantEvent } from '../../../src/index.ts';
import { titleFromTurn } from '../../../src/engine/conversation-title.ts';

describe('conversation titles from the first turns', () => {
  test('skip turns without a topic, cut long ones at a word, count wide characters double', () => {
    assert.equal(titleFromTurn('hello', 'greeting', 1), undefined);
    assert.equal(titleFromTurn('hello', 'greeting', 3), 'Hello');
    assert.equal(titleFromTurn('  remind me to call mum at 6!  ', 'reminder', 1), 'Remind me to call mum at 6');
    const long = titleFromTurn(
      'please add eggs, milk, flour, butter, sugar and two lemons to my shopping list',
      null,
      1,
    );
    assert.equal(long, 'Please add eggs, milk, flour, butter, sugar and…');
    const zh = titleFromTurn('提醒我明天早上八点给妈妈打电话然后去超市买牛奶和鸡蛋还有面包', 'reminder', 1) ?? '';
    assert.ok(zh.endsWith('…') && Array.from(zh).length === 25, zh);
    assert.equal(titleFromTurn('   ', null, 5), undefined);
  });
});

describe('an assistant with titles, previews, ratings and the key state', () => {
  let assistant: Assistant;
  before(async () => {
    assistant = await createAssistant({ worker: false, storage: 'memory' });
  });
  after(() => assistant.dispose());

  test('titles a conversation from its first turn with a topic, and lists a preview of its latest message', async () => {
    await assistant.send('hello');
    let [first] = await assistant.store.conversations();
    assert.equal(first?.title, '', 'a greeting says nothing about the conversation');
    const reply = await assistant.send('set a timer for 5 minutes');
    [first] = await assistant.store.conversations();
    assert.equal(first?.title, 'Set a timer for 5 minutes');
    assert.equal(first?.preview, reply.text.slice(0, 120));
  });

  test('a rename sticks: later turns do not replace it; bad titles are refused', async () => {
    const [first] = await assistant.store.conversations();
    await assistant.store.renameConversation(first?.id ?? '', '  Kitchen   timers ');
    await assistant.send('what time is it');
    assert.equal((await assistant.store.conversations())[0]?.title, 'Kitchen timers');
    await assert.rejects(assistant.store.renameConversation(first?.id ?? '', 'x'.repeat(201)), RangeError);
    await assert.rejects(assistant.store.renameConversation('no-such-id', 'x'), RangeError);
    // @ts-expect-error: a title is a string
    await assert.rejects(assistant.store.renameConversation(first?.id ?? '', 42), TypeError);
  });

  test('ratings are kept with the reply, shown in history, and exported as a labelled corpus', async () => {
    const liked = await assistant.send('flip a coin');
    const disliked = await assistant.send('tell me a joke');
    await assistant.store.rateMessage(liked.id, 'up');
    await assistant.store.rateMessage(disliked.id, 'down');
    const history = await assistant.store.history(undefined, { limit: 4 });
    assert.deepEqual(
      history.map((m) => [m.id, m.rating]),
      [
        [disliked.id, 'down'],
        [history[1]?.id, undefined],
        [liked.id, 'up'],
        [history[3]?.id, undefined],
      ],
    );
    assert.ok(!('meta' in (history[0] ?? {})), 'the NLU details stay in the engine');
    const exported = await assistant.models.exportFeedback();
    assert.equal(exported.format, 'confidant-feedback');
    assert.deepEqual(
      exported.examples.map((e) => [e.text, e.intent, e.rating]),
      [
        ['flip a coin', 'flip_coin', 'up'],
        ['tell me a joke', 'tell_joke', 'down'],
      ],
    );
    assert.deepEqual(exported.corpus.train, [{ text: 'flip a coin', intent: 'flip_coin' }]);

    await assistant.store.rateMessage(liked.id, null);
    assert.equal((await assistant.store.history(undefined, { limit: 4 }))[2]?.rating, undefined);
    assert.equal((await assistant.models.exportFeedback()).examples.length, 1);
    const userMessage = history[1]?.id ?? '';
    await assert.rejects(assistant.store.rateMessage(userMessage, 'up'), RangeError);
    // @ts-expect-error: not a rating
    await assert.rejects(assistant.store.rateMessage(disliked.id, 'meh'), TypeError);
  });

  test('deleting the conversation takes its ratings with it', async () => {
    const [current] = await assistant.store.conversations();
    await assistant.store.deleteConversation(current?.id ?? '');
    assert.deepEqual((await assistant.models.exportFeedback()).examples, []);
  });

  test('history cuts long texts on request (at a code point) and readMessage reads any part', async () => {
    await assistant.send('hello 😀 there');
    const [, user] = await assistant.store.history(undefined, { limit: 2, maxTextLength: 7 });
    // The 7th code unit is the emoji's first half: the cut keeps the pair whole by stopping before it.
    assert.deepEqual([user?.text, user?.fullLength], ['hello ', 'hello 😀 there'.length]);
    const [whole] = await assistant.store.history(undefined, { limit: 1, maxTextLength: 100_000 });
    assert.equal(whole?.fullLength, undefined);
    assert.equal(await assistant.store.readMessage(user?.id ?? '', 6, 8), '😀');
    assert.equal(await assistant.store.readMessage(user?.id ?? ''), 'hello 😀 there');
    await assert.rejects(assistant.store.readMessage('nope'), RangeError);
    await assert.rejects(assistant.store.history(undefined, { maxTextLength: 0 }), RangeError);
  });

  test('reports the key state and keeps the speech consent', async () => {
    assert.deepEqual(await assistant.store.keyState(), { mode: 'device', locked: false, persistent: false });
    assert.equal(await assistant.store.speechConsent(), false);
    await assistant.store.setSpeechConsent(true);
    assert.equal(await assistant.store.speechConsent(), true);
    await assistant.store.setSpeechConsent(false);
    assert.equal(await assistant.store.speechConsent(), false);
  });
});

describe('a passphrase store', () => {
  test('says it waits for its first passphrase, and "start over" forgets a passphrase nobody remembers', async () => {
    const databaseName = `forgot-${Math.random()}`;
    const first = await createAssistant({ worker: false, databaseName, encryption: { mode: 'passphrase' } });
    assert.deepEqual(await first.store.keyState(), { mode: 'unset', locked: true, persistent: true });
    await first.unlock('correct horse battery');
    await first.send('remind me to water the plants');
    await first.dispose();

    const later = await createAssistant({ worker: false, databaseName, encryption: { mode: 'passphrase' } });
    assert.deepEqual(await later.store.keyState(), { mode: 'passphrase', locked: true, persistent: true });
    await assert.rejects(later.unlock('what was it'), { code: 'wrong-passphrase' });
    await later.store.startOver();
    assert.deepEqual(await later.store.keyState(), { mode: 'unset', locked: true, persistent: true });
    await later.unlock('a brand new passphrase');
    const conversations = await later.store.conversations();
    assert.equal(conversations.length, 1);
    assert.deepEqual(await later.store.history(conversations[0]?.id), []);
    await later.dispose();
  });
});

describe('two engines on one database (two tabs)', () => {
  const databaseName = `tabs-${Math.random()}`;
  let a: Assistant;
  let b: Assistant;
  const seen: AssistantEvent[] = [];
  before(async () => {
    a = await createAssistant({ worker: false, databaseName });
    b = await createAssistant({ worker: false, databaseName });
    b.on('history', (event) => seen.push(event));
  });
  after(async () => {
    await a.dispose();
    await b.dispose();
  });

  const next = async (change: string) => {
    const start = Date.now();
    while (!seen.some((e) => e.type === 'history' && e.change === change)) {
      if (Date.now() - start > 2000) assert.fail(`no ${change} event`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const index = seen.findIndex((e) => e.type === 'history' && e.change === change);
    return seen.splice(index, 1)[0] as Extract<AssistantEvent, { type: 'history' }>;
  };

  test('a turn in one is told to the other with both messages, read from its own store', async () => {
    const reply = await a.send('what is 2 plus 3');
    const event = await next('messages');
    assert.ok(event.change === 'messages');
    assert.equal(event.conversationId, reply.conversationId);
    assert.deepEqual(
      event.messages.map((m) => [m.role, m.text]),
      [
        ['user', 'what is 2 plus 3'],
        ['assistant', reply.text],
      ],
    );
  });

  test('list changes and an erase are told too', async () => {
    await a.store.newConversation();
    await next('conversations');
    await a.store.erase();
    await next('erased');
    assert.equal(b.status, 'ready');
    const [only] = await b.store.conversations();
    assert.deepEqual(await b.store.history(only?.id), []);
  });
});
