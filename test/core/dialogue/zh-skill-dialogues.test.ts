// The Chinese dialogues of test/fixtures/dialogues/zh-skills.json, played through the real dialogue
// stack (entities, policy, slots, built-in skills, language packs, encrypted memory store). Each turn
// names what the intent model is assumed to say (`model`: an intent, or null for out of scope), so
// these dialogues test everything after the model: the Chinese grammars, slot extraction, context
// and the Chinese replies. The same file runs with `confidant eval-dialogues` on a real model.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createHarness } from './harness.ts';

interface Turn {
  user: string;
  model: string | null;
  expect: { intent: string; slots?: Record<string, unknown>; replyIncludes?: string };
}

const dialogues = JSON.parse(
  readFileSync(new URL('../../fixtures/dialogues/zh-skills.json', import.meta.url), 'utf8'),
) as { name: string; turns: Turn[] }[];

describe('Chinese skill dialogues', () => {
  for (const dialogue of dialogues) {
    it(dialogue.name, async () => {
      const h = await createHarness();
      for (const [i, turn] of dialogue.turns.entries()) {
        const { reply, understanding } = await h.say(turn.user, turn.model);
        const where = `${dialogue.name} #${i} "${turn.user}" → "${reply.text}"`;
        assert.equal(understanding.intent ?? 'oos', turn.expect.intent, where);
        for (const [name, value] of Object.entries(turn.expect.slots ?? {}))
          assert.deepEqual(understanding.slots[name], value, `${where}: slot ${name}`);
        if (turn.expect.replyIncludes !== undefined) assert.ok(reply.text.includes(turn.expect.replyIncludes), where);
        // Every reply to a Chinese turn is in Chinese.
        if (/\p{Script=Han}/u.test(turn.user)) assert.equal(understanding.lang, 'zh-CN', where);
      }
    });
  }
});
