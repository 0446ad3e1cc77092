import assert from 'node:assert/strict';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { evalDialogues } from '../../../bin/commands/eval-dialogues.ts';

const file = fileURLToPath(new URL('../../fixtures/dialogues/default.json', import.meta.url));

it('meets the issue #5 targets on the multi-turn test set with the default model', async () => {
  const report = await evalDialogues(file);
  const detail = report.failures.map((f) => `[${f.dialogue}] "${f.user}": ${f.problems.join('; ')}`).join('\n');
  assert.ok(report.n >= 200, `${report.n} turns`);
  assert.ok(report.turnAccuracy >= 0.95, `turn accuracy ${report.turnAccuracy}\n${detail}`);
  assert.ok(report.dialogueSuccess >= 0.85, `dialogue success ${report.dialogueSuccess}\n${detail}`);
});
