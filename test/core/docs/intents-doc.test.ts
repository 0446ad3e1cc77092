// docs/intents.md lists every intent of the default model and the built-in skill answering it, so a
// host knows which intents its skills can use. The table is checked against the model itself;
// `UPDATE_DOCS=1 node --import tsx --test test/core/docs/intents-doc.test.ts` rewrites it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadIntentModel } from '../../../src/nlu/runtime/intent-model.ts';
import { builtinSkills } from '../../../src/skills/builtin/index.ts';
import { DEFAULT_MODEL_ASSET, engineAssets } from '../../../src/engine/assets.ts';

const doc = new URL('../../../docs/intents.md', import.meta.url);
const START = '<!-- intents:start -->';
const END = '<!-- intents:end -->';

test('docs/intents.md lists the default model intents and their built-in skills', async () => {
  const model = await loadIntentModel(fileURLToPath(engineAssets[DEFAULT_MODEL_ASSET].here()));
  const labels = [...model.info.labels].sort();
  await model.dispose();
  const skillOf = new Map<string, string>();
  for (const skill of builtinSkills)
    for (const intent of skill.intents) if (!skillOf.has(intent)) skillOf.set(intent, skill.id);
  const rows = labels.map((l) => `| \`${l}\` | ${skillOf.has(l) ? `\`${skillOf.get(l)}\`` : 'free for your skills'} |`);
  const table = `${START}\n| intent | built-in skill |\n| --- | --- |\n${rows.join('\n')}\n${END}`;
  const text = readFileSync(doc, 'utf8');
  const current = text.slice(text.indexOf(START), text.indexOf(END) + END.length);
  if (process.env.UPDATE_DOCS === '1') writeFileSync(doc, text.replace(current, table));
  else assert.equal(current, table, 'docs/intents.md is out of date: run with UPDATE_DOCS=1');
  assert.ok(text.includes(`${labels.length} intents`), 'the count in the text matches the model');
});
