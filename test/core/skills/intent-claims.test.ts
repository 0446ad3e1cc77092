// An app skill must answer intents the model knows, and two skills on one intent need distinct
// priorities: createAssistant refuses otherwise, with a SkillError that says what to do.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAssistant, defineSkill, SkillError } from '../../../src/index.ts';

const fast = { worker: false, storage: 'memory' } as const;
const skill = (id: string, intents: string[], text: string, priority?: number) =>
  defineSkill({ id, version: '1.0.0', intents, ...(priority === undefined ? {} : { priority }), execute: () => text });

describe('app skills and the intents of the model', () => {
  test('a skill on an intent the default model lacks is refused, naming the close ones', async () => {
    await assert.rejects(
      createAssistant({ ...fast, skills: [skill('acme.orders', ['order.status'], 'x')] }),
      (error: unknown) =>
        error instanceof SkillError &&
        error.code === 'unknown-intent' &&
        error.skillId === 'acme.orders' &&
        /no intent "order\.status".*"order_status"/.test(error.message),
    );
  });

  test('two skills on one intent are refused unless each has a distinct priority; then the highest answers', async () => {
    const a = skill('acme.a', ['order_status'], 'from a');
    const b = skill('acme.b', ['order_status'], 'from b');
    await assert.rejects(
      createAssistant({ ...fast, skills: [a, b] }),
      (error: unknown) =>
        error instanceof SkillError && error.code === 'intent-conflict' && /priority/.test(error.message),
    );
    const assistant = await createAssistant({
      ...fast,
      skills: [skill('acme.a', ['order_status'], 'from a', 1), skill('acme.b', ['order_status'], 'from b', 2)],
    });
    try {
      const reply = await assistant.send('where is my order');
      assert.equal(reply.understanding.intent, 'order_status');
      assert.equal(reply.text, 'from b');
    } finally {
      await assistant.dispose();
    }
  });

  test('defineSkill checks priority is a number', () => {
    assert.throws(() => skill('acme.c', ['time'], 'x', Number.NaN), TypeError);
  });
});
