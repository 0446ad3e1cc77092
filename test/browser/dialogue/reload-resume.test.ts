// Issue 5: "A reload in the middle of slot filling resumes the same question". In real Chromium,
// engine in its Worker, dialogue state and history encrypted in IndexedDB: "set a timer" asks how
// long; then the page goes away — once as dispose() and a new assistant (a new Worker), once as a
// true reload of a frame (its realm and Worker torn down without dispose) — and the next assistant
// on the same database shows that question last and takes "ten minutes" as its answer.
import { expect } from '@esm-bundle/chai';
import { createAssistant, type Assistant, type Reply } from '../../../src/index.ts';

type FrameWindow = Window & { assistantReady?: Promise<Assistant> };

/** Deletes a database, resolving even when a connection of a torn-down page still blocks it. */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/** The question must be the slot-filling prompt of the timer skill. */
function expectAsksHowLong(reply: Reply): void {
  expect(reply.understanding.intent).to.equal('timer');
  expect(reply.expectsAnswer, `"${reply.text}" should ask for the missing duration`).to.equal(true);
  expect(reply.understanding.slots).to.not.have.property('duration');
}

/** The last stored message is the question, then "ten minutes" answers it. */
async function expectResumes(assistant: Assistant, question: Reply): Promise<void> {
  const [last] = await assistant.store.history(undefined, { limit: 1 });
  expect(last, 'the question is the newest message in history').to.deep.include({
    id: question.id,
    role: 'assistant',
    text: question.text,
    conversationId: question.conversationId,
  });

  const answer = await assistant.send('ten minutes');
  expect(answer.conversationId).to.equal(question.conversationId);
  expect(answer.understanding.intent).to.equal('timer');
  expect(answer.understanding.action).to.equal('fill-slot');
  expect(answer.understanding.slots['duration']).to.equal(10 * 60_000);
  expect(answer.text).to.match(/\b10 minutes\b/);
  expect(answer.expectsAnswer ?? false).to.equal(false);
}

describe('dialogue: a reload in the middle of slot filling', () => {
  const databases: string[] = [];
  const fresh = () => {
    const name = `reload-resume-${crypto.randomUUID()}`;
    databases.push(name);
    return name;
  };
  after(async () => {
    await Promise.all(databases.map(deleteDatabase));
  });

  it('resumes the question in a new assistant (a new Worker) on the same database', async () => {
    const databaseName = fresh();
    const before = await createAssistant({ databaseName });
    let question: Reply;
    try {
      question = await before.send('set a timer');
      expectAsksHowLong(question);
    } finally {
      await before.dispose();
    }

    const after = await createAssistant({ databaseName });
    try {
      await expectResumes(after, question);
      // Control: "ten minutes" alone is understood as a timer too, so only `fill-slot` proves the
      // restored question was answered; without a pending question it is a new request.
      await after.store.newConversation();
      expect((await after.send('ten minutes')).understanding.action).to.not.equal('fill-slot');
    } finally {
      await after.dispose();
    }
  });

  it('resumes the question after a real reload of the page (realm and Worker torn down, no dispose)', async () => {
    const databaseName = fresh();
    const frame = document.createElement('iframe');
    frame.src = new URL(`./reload-frame.html?db=${encodeURIComponent(databaseName)}`, import.meta.url).href;
    const loaded = () => new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const firstLoad = loaded();
    document.body.append(frame);
    try {
      await firstLoad;
      const before = await (frame.contentWindow as FrameWindow).assistantReady!;
      const question = await before.send('set a timer');
      expectAsksHowLong(question);

      const reloaded = loaded();
      (frame.contentWindow as FrameWindow).location.reload();
      await reloaded;
      const after = await (frame.contentWindow as FrameWindow).assistantReady!;
      expect(after, 'a new assistant in the reloaded page').to.not.equal(before);
      try {
        await expectResumes(after, question);
      } finally {
        await after.dispose();
      }
    } finally {
      frame.remove();
    }
  });
});
