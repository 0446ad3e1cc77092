/**
 * `npm run bench:context`: how well the shipped context model carries a conversation, on the
 * hand-written dialogue sets — DEV (`default.json`, `en-dev.json`, `zh-dev.json`, `acts-dev.json`: may be tuned on) and
 * the frozen TEST sets (`en-test.json`, `zh-test.json`: reported, never tuned on) — next to an anchor
 * played in the same run: the utterance-only policy, which acts on the intent model's top intent of
 * each turn as if it were the first (no context). Every dialogue goes through the real stack
 * (`confidant eval-dialogues`: intent model, entities, slot tagger, dialogue manager, skills, store).
 *
 * Also measured: the context model's size and the time of the context policy per turn in Node
 * (features + ONNX run + decision; the Worker figure in Chromium is `npm run bench:dialogue`'s).
 * Writes the `context` section of BENCHMARKS.md; `--json` also prints the figures on stdout.
 *
 * Usage: `node --import tsx bench/context.ts [--context-model <context.onnx>] [--json]`
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { DEFAULT_CONTEXT_MODEL, evalDialogues, type DialogueEvalReport } from '../bin/commands/eval-dialogues.ts';
import { HELD_OUT_SHARE, splitDialogueFile } from '../bin/commands/context-dialogues.ts';
import { loadContextModel } from '../src/context/context-model.ts';
import { createContextPolicy } from '../src/context/context-policy.ts';
import { CONTEXT_SPEC } from '../src/context/dialogue-features.ts';
import type { DialoguePolicy } from '../src/dialogue/types.ts';
import { ms, summarize } from './dialogue/stats.ts';
import { machineLine, table, writeBenchSection } from './report.ts';

const { values } = parseArgs({
  options: {
    'context-model': { type: 'string', default: DEFAULT_CONTEXT_MODEL },
    json: { type: 'boolean', default: false },
  },
});
const say = (line: string) => process.stderr.write(`${line}\n`);

/** People's dialogues written as training material: their held-out part is a DEV slice of unseen phrasing. */
const WRITTEN = 'models/corpora/dialogues';

/**
 * The sets, DEV first; the TEST ones carry the targets for the frozen part (turns, dialogues).
 * `heldOut`: only the held-out part of a file of training dialogues (`context-dialogues.ts`) is played.
 */
const SETS: { file: string; split: 'DEV' | 'TEST'; target?: [number, number]; heldOut?: boolean }[] = [
  { file: 'test/fixtures/dialogues/default.json', split: 'DEV' },
  { file: 'test/fixtures/dialogues/en-dev.json', split: 'DEV' },
  { file: 'test/fixtures/dialogues/zh-dev.json', split: 'DEV' },
  { file: 'test/fixtures/dialogues/acts-dev.json', split: 'DEV' },
  ...readdirSync(WRITTEN)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ file: `${WRITTEN}/${name}`, split: 'DEV' as const, heldOut: true })),
  { file: 'test/fixtures/dialogues/en-test.json', split: 'TEST', target: [0.95, 0.9] },
  { file: 'test/fixtures/dialogues/zh-test.json', split: 'TEST', target: [0.95, 0.9] },
];

/**
 * The anchor: every turn is a fresh request for the intent model's top intent (a skill's when one
 * answers it), or out of scope — what understanding gives without any dialogue context.
 */
const utteranceOnly: DialoguePolicy = ({ nlu, skills }) => {
  const intent = nlu.intent;
  if (intent === null || nlu.outOfScope) return { type: 'out-of-scope', confidence: 1 - nlu.confidence };
  const skill = skills.find((s) => s.intents.includes(intent));
  return skill === undefined
    ? { type: 'unsupported', intent, confidence: nlu.confidence }
    : { type: 'new-intent', intent, skillId: skill.id, confidence: nlu.confidence };
};

const file = values['context-model'];
const bytes = readFileSync(file);
const model = await loadContextModel(bytes, { expect: CONTEXT_SPEC });
const contextPolicy = createContextPolicy(model);
const policyMs: number[] = [];
const timed: DialoguePolicy = async (input) => {
  const t0 = performance.now();
  const action = await contextPolicy(input);
  policyMs.push(performance.now() - t0);
  return action;
};

const load = loadavg()[0] ?? 0;
const results: { set: (typeof SETS)[number]; context: DialogueEvalReport; anchor: DialogueEvalReport }[] = [];
try {
  for (const set of SETS) {
    say(`bench:context: ${set.file} (${set.split})…`);
    const source = set.heldOut === true ? { name: set.file, specs: splitDialogueFile(set.file).heldOut } : set.file;
    const context = await evalDialogues(source, { policy: timed });
    const anchor = await evalDialogues(source, { policy: utteranceOnly });
    say(
      `  context model: turns ${context.turnAccuracy.toFixed(3)}, dialogues ${context.dialogueSuccess.toFixed(3)}; ` +
        `utterance only: turns ${anchor.turnAccuracy.toFixed(3)}, dialogues ${anchor.dialogueSuccess.toFixed(3)}`,
    );
    results.push({ set, context, anchor });
  }
} finally {
  await model.dispose();
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const verdict = (r: (typeof results)[number]) => {
  if (r.set.target === undefined) return '';
  const [turns, dialogues] = r.set.target;
  const met = r.context.turnAccuracy >= turns && r.context.dialogueSuccess >= dialogues;
  return `>= ${pct(turns)} / >= ${pct(dialogues)}: **${met ? 'met' : 'not met'}**`;
};
const rows = results.map((r) => [
  `\`${r.set.file.replace('test/fixtures/dialogues/', '')}\`${r.set.heldOut === true ? ' (held-out part)' : ''}`,
  r.set.split,
  r.context.dialogues,
  r.context.n,
  `**${pct(r.context.turnAccuracy)}**`,
  pct(r.anchor.turnAccuracy),
  pct(r.context.slotAccuracy),
  `**${pct(r.context.dialogueSuccess)}**`,
  pct(r.anchor.dialogueSuccess),
  verdict(r),
]);
const head = [
  'set',
  'split',
  'dialogues',
  'turns',
  'turn accuracy',
  'anchor: utterance only',
  'slot accuracy',
  'dialogue success',
  'anchor: utterance only',
  'target (turns / dialogues)',
];
const timing = summarize(policyMs);
const gzip = gzipSync(bytes).length;
const info = model.metadata;
writeBenchSection(
  'context',
  [
    '## Context model: dialogue sets (`npm run bench:context`)',
    '',
    `${machineLine()} 1-min load average ${load.toFixed(1)} at start.`,
    `Model \`${file.replace(/^.*\/models\//, 'models/')}\` (${info.name} ${info.version}): ${bytes.length} bytes, ${gzip} gzipped (target <= 150 KB gzipped: **${gzip <= 150 * 1024 ? 'met' : 'not met'}**).`,
    '',
    'Each set is played through the real stack as `confidant eval-dialogues` does (intent model, entities, slot tagger, dialogue manager,',
    'built-in skills, encrypted memory store; a fresh store per dialogue on a fixed clock). A turn is right when the intent acted on',
    'after context is the expected one; a dialogue succeeds when every turn has the right intent, slots and reply content.',
    'The anchor, played in the same run, is the utterance-only policy: each turn acted on as a fresh request for the intent',
    "model's top intent, without context. DEV sets may be tuned on; TEST sets are frozen and only reported.",
    `The \`${WRITTEN}/\` rows are the held-out ${100 * HELD_OUT_SHARE}% (by dialogue, seeded) of people's dialogues written as training`,
    'material: never trained on, a measure of phrasing the model has not seen.',
    '',
    table(head, rows),
    '',
    `Context policy per turn in Node (features + ONNX Runtime run + decision, ${timing.n} turns of the sets above): p50 ${ms(timing.p50)} ms, p95 ${ms(timing.p95)} ms`,
    '(the target p50 <= 0.3 ms is set in the Worker: `npm run bench:dialogue`).',
  ].join('\n'),
);

const figures = {
  gzipBytes: gzip,
  policyP50Ms: timing.p50,
  sets: results.map((r) => ({
    file: r.set.file,
    split: r.set.split,
    turnAccuracy: r.context.turnAccuracy,
    dialogueSuccess: r.context.dialogueSuccess,
    slotAccuracy: r.context.slotAccuracy,
    anchorTurnAccuracy: r.anchor.turnAccuracy,
    anchorDialogueSuccess: r.anchor.dialogueSuccess,
  })),
};
if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
else console.log(table(head, rows));
