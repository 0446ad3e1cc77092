/**
 * `npm run bench:hostile`: how often hostile input (markup, code, injections, keyboard mash, single
 * characters, emoji, control characters, mixed scripts, huge pastes: `bench/hostile/hostile-inputs.ts`,
 * seeded) starts, fills or runs a task, over the real stack (`openDialogueSession`: intent models,
 * entities, slot tagger, context model, dialogue manager, skills). Three figures:
 *
 * - fresh: each input as the first turn of a conversation; acting = any action but out-of-scope
 *   and unsupported (a skill ran, or a question was asked for a task);
 * - mid-task: each input (every 4th) while a question is open ("remind me" → "What should I remind
 *   you about?", "set a timer" → "For how long?"); acting = a slot value read from it, or a task started;
 * - real answers: short answers that look like junk but answer what was asked ("k" to a confirmation,
 *   "Xiomara" to "What should I call you?", "7" to "For how long?") must still be taken.
 *
 * The DEV dialogues are `npm run bench:context`'s. Usage: `node --import tsx bench/hostile.ts [--json] [--verbose]`
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONTEXT_MODEL, loadEvalIntentModel, openDialogueSession } from '../bin/commands/eval-dialogues.ts';
import { loadContextModel } from '../src/context/context-model.ts';
import { createContextPolicy } from '../src/context/context-policy.ts';
import { CONTEXT_SPEC } from '../src/context/dialogue-features.ts';
import { engineAssets } from '../src/engine/assets.ts';
import { loadSlotTagger } from '../src/nlu/tagger/slot-tagger.ts';
import { hostileInputs } from './hostile/hostile-inputs.ts';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false } },
});
const say = (line: string) => process.stderr.write(`${line}\n`);

/** Actions that do nothing with the turn: an honest "didn't get that" or "can't do that here". */
const IDLE = new Set(['out-of-scope', 'unsupported', 'cancel', 'deny']);

/** Junk-looking answers that do answer what was asked: [setup turns, answer, action expected]. */
const REAL_ANSWERS: [string[], string, string][] = [
  [['call me'], 'Bob', 'fill-slot'],
  [['call me'], 'Xiomara', 'fill-slot'],
  [['call me'], 'Al', 'fill-slot'],
  [['叫我'], '小王', 'fill-slot'],
  [['remind me'], 'call mom', 'fill-slot'],
  [['add to my shopping list'], 'eggs', 'fill-slot'],
  [['set a timer'], '7', 'fill-slot'],
  [['set a timer'], '10 min', 'fill-slot'],
  [['set an alarm'], '7pm', 'fill-slot'],
  [['set an alarm'], '6:30', 'fill-slot'],
  [['what is'], '2+2', 'new-intent'],
  [['add milk to my shopping list', 'clear my shopping list'], 'y', 'confirm'],
  [['add milk to my shopping list', 'clear my shopping list'], 'k', 'confirm'],
  [['add milk to my shopping list', 'clear my shopping list'], 'ok', 'confirm'],
  [['add milk to my shopping list', 'clear my shopping list'], 'n', 'deny'],
  [[], 'hi', 'new-intent'],
  [[], '7*7', 'new-intent'],
];

const model = await loadEvalIntentModel();
const context = await loadContextModel(DEFAULT_CONTEXT_MODEL, { expect: CONTEXT_SPEC });
const policy = createContextPolicy(context);
const tagger = await loadSlotTagger(fileURLToPath(engineAssets['slots-default'].here()));
const session = () => openDialogueSession(model, { policy, tagger });

const inputs = hostileInputs();
const started = performance.now();
const byCategory = new Map<string, { n: number; fresh: number; mid: number; midN: number }>();
const acted: string[] = [];
for (const [i, { category, text }] of inputs.entries()) {
  const row = byCategory.get(category) ?? { n: 0, fresh: 0, mid: 0, midN: 0 };
  byCategory.set(category, row);
  row.n++;
  const s = await session();
  const { understanding } = await s.send(text);
  if (!IDLE.has(understanding.action)) {
    row.fresh++;
    acted.push(`${category}\t${JSON.stringify(text.slice(0, 60))}\t${understanding.action} ${understanding.intent}`);
  }
  if (i % 4 === 0) {
    row.midN++;
    const m = await session();
    await m.send(i % 8 === 0 ? 'remind me' : 'set a timer');
    const r = (await m.send(text)).understanding;
    // Acting mid-task: another task started, or the question answered with a value read from the junk.
    const filled = Object.keys(r.slots).length > 0;
    if (r.action === 'new-intent' || r.action === 'confirm' || (!IDLE.has(r.action) && filled)) {
      row.mid++;
      acted.push(
        `mid ${category}\t${JSON.stringify(text.slice(0, 60))}\t${r.action} ${r.intent} ${JSON.stringify(r.slots)}`,
      );
    }
  }
}
let realRight = 0;
const realWrong: string[] = [];
for (const [setup, answer, expected] of REAL_ANSWERS) {
  const s = await session();
  for (const turn of setup) await s.send(turn);
  const { understanding } = await s.send(answer);
  if (understanding.action === expected) realRight++;
  else
    realWrong.push(
      `${setup.join(' / ')} → ${answer}: ${understanding.action} ${understanding.intent} (want ${expected})`,
    );
}
const seconds = (performance.now() - started) / 1000;

const total = [...byCategory.values()].reduce(
  (a, r) => ({ n: a.n + r.n, fresh: a.fresh + r.fresh, mid: a.mid + r.mid, midN: a.midN + r.midN }),
  { n: 0, fresh: 0, mid: 0, midN: 0 },
);
const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}%`);
say(`hostile inputs: ${total.n} (seed 6), ${seconds.toFixed(0)} s, load ${loadavg()[0]!.toFixed(1)}`);
say('category        n  acts-fresh  acts-mid-task');
for (const [category, r] of byCategory)
  say(
    `${category.padEnd(14)} ${String(r.n).padStart(4)}  ${pct(r.fresh, r.n).padStart(10)}  ${pct(r.mid, r.midN).padStart(13)}`,
  );
say(
  `${'ALL'.padEnd(14)} ${String(total.n).padStart(4)}  ${pct(total.fresh, total.n).padStart(10)}  ${pct(total.mid, total.midN).padStart(13)}`,
);
say(`real answers taken: ${realRight}/${REAL_ANSWERS.length}`);
for (const line of realWrong) say(`  MISSED ${line}`);
if (values.verbose) for (const line of acted) say(`  ACTS ${line}`);
if (values.json)
  process.stdout.write(
    `${JSON.stringify({ n: total.n, fresh: total.fresh / total.n, midTask: total.mid / total.midN, realAnswers: realRight / REAL_ANSWERS.length, byCategory: Object.fromEntries(byCategory) })}\n`,
  );
