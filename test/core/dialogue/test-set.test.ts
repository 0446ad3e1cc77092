import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { evalDialogues, type DialogueSpec } from '../../../bin/commands/eval-dialogues.ts';
import { describeIntent } from '../../../src/lang/en/en-intent-phrases.ts';
import { builtinSkills } from '../../../src/skills/builtin/index.ts';
import fixture from '../../fixtures/dialogues/default.json' with { type: 'json' };

describe('the multi-turn test set', () => {
  const specs = fixture as DialogueSpec[];

  it('has at least 200 turns over at least 50 dialogues', () => {
    assert.ok(specs.length >= 50, `${specs.length} dialogues`);
    assert.ok(specs.reduce((n, d) => n + d.turns.length, 0) >= 200);
  });

  it('expects only intents the assistant knows: a built-in skill, a described intent, or out of scope', () => {
    const known = new Set([...builtinSkills.flatMap((s) => s.intents), 'cancel', 'oos']);
    for (const d of specs) {
      for (const t of d.turns) {
        const ok = known.has(t.expect.intent) || describeIntent(t.expect.intent).reason !== undefined;
        assert.ok(ok, `${d.name}: unknown intent ${t.expect.intent}`);
      }
    }
  });

  it('covers slot filling, follow-ups, corrections, cancels, confirmations and topic switches', () => {
    const users = specs.flatMap((d) => d.turns.map((t) => t.user.toLowerCase()));
    const intents = specs.flatMap((d) => d.turns.map((t) => t.expect.intent));
    assert.ok(users.filter((u) => /^(and|what about|how about)\b/.test(u)).length >= 15, 'follow-ups');
    assert.ok(users.filter((u) => /\b(i meant|actually|no,)\b/.test(u)).length >= 5, 'corrections');
    assert.ok(intents.filter((i) => i === 'cancel').length >= 4, 'cancels');
    assert.ok(intents.filter((i) => i === 'yes' || i === 'no').length >= 4, 'confirmations');
  });
});

describe('evalDialogues', () => {
  it('rejects a malformed test set with a TypeError naming the place', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'confidant-eval-'));
    try {
      const file = join(dir, 'bad.json');
      await writeFile(file, JSON.stringify([{ turns: [{ user: 'hi' }] }]));
      await assert.rejects(
        evalDialogues(file),
        (e: unknown) => e instanceof TypeError && /dialogue 0, turn 0/.test(e.message),
      );
      await writeFile(file, JSON.stringify({ turns: [] }));
      await assert.rejects(evalDialogues(file), TypeError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
