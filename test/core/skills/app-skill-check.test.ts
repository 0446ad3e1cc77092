// App skills are checked when the assistant starts, in both setups (review-r13-use item 2): a plain-object
// skill with a field defineSkill does not know rejects createAssistant with defineSkill's TypeError and its
// "did you mean", instead of every turn answering "couldn't put together a proper answer" in the thread.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAssistant, type SkillDefinition } from '../../../src/index.ts';
import { hostFor } from '../../../src/skills/app-skill-host.ts';
import { checkAppSkills, defineSkill } from '../../../src/skills/define-skill.ts';
import { readFileSync } from 'node:fs';
import { defineWorkflowSkill } from '../../../src/skills/workflow/workflow-skill.ts';

// A JS app's skill, written without defineSkill: `title` is no field, `permision` a typo.
const withTitle = {
  id: 'acme.dinner',
  version: '1.0.0',
  intents: ['recipe'],
  title: 'Dinner ideas',
  execute: () => 'Tonight: pasta.',
} as unknown as SkillDefinition;
const withTypo = {
  id: 'acme.notes',
  version: '1.0.0',
  intents: ['recipe'],
  permision: { storage: true },
  execute: () => 'Noted.',
} as unknown as SkillDefinition;

const names = (field: string, closest?: string) => (error: unknown) =>
  error instanceof TypeError &&
  error.message.includes(`unknown field "${field}"`) &&
  (closest === undefined || error.message.includes(`did you mean "${closest}"`));

describe('app skills are checked at start-up', () => {
  test('in the thread: createAssistant rejects with the field and the closest name', async () => {
    await assert.rejects(createAssistant({ worker: false, storage: 'memory', skills: [withTitle] }), names('title'));
    await assert.rejects(
      createAssistant({ worker: false, storage: 'memory', skills: [withTypo] }),
      names('permision', 'permissions'),
    );
  });

  test("with a Worker: the page's host refuses the same skill with the same error", () => {
    assert.throws(() => hostFor([withTitle]), names('title'));
    assert.throws(() => hostFor([withTypo]), names('permision', 'permissions'));
  });

  test('valid skills pass: defineSkill, a plain object with known fields, a workflow', () => {
    const plain = { id: 'acme.plain', version: '1.0.0', intents: ['recipe'], execute: () => 'ok' };
    const defined = defineSkill({ ...plain, id: 'acme.defined' });
    const yaml = readFileSync(new URL('../../fixtures/skills/weather.workflow.yaml', import.meta.url), 'utf8');
    const flow = defineWorkflowSkill(yaml.replaceAll('PORT', '9'), { source: 'weather.yaml' });
    assert.doesNotThrow(() => checkAppSkills([plain, defined, flow]));
    assert.doesNotThrow(() => hostFor([plain, defined, flow]));
  });
});
