/**
 * `npm run bench:dialogue`: the whole turn — intent model, entities, dialogue decision, built-in
 * skill, encrypted state write — timed after warm-up, with its parts, on the multi-turn test set's
 * utterances. The anchor is one encrypted dialogue-state write measured in the same run (the machine
 * is shared and noisy, so ratios travel better than milliseconds).
 *
 * Usage: `node --import tsx bench/dialogue.ts [--json] [--model <model.onnx>] [--rounds N]`
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_MODEL, EVAL_NOW, EVAL_TIME_ZONE, openDialogueSession, type DialogueSpec } from '../bin/commands/eval-dialogues.ts';
import { createDialogueManager } from '../src/dialogue/index.ts';
import { loadIntentModel } from '../src/nlu/intent-model.ts';
import type { NluResult } from '../src/nlu/types.ts';
import { createBuiltinSkills } from '../src/skills/builtin/index.ts';
import { createScheduler, createSkillRuntime } from '../src/skills/index.ts';
import { openStore } from '../src/store/index.ts';
import { machineLine, table, writeBenchSection } from './report.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const rounds = Number(option('--rounds') ?? 3);
const modelPath = option('--model') ?? DEFAULT_MODEL;

const specs = JSON.parse(readFileSync(new URL('../test/fixtures/dialogues/default.json', import.meta.url), 'utf8')) as DialogueSpec[];

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

const model = await loadIntentModel(modelPath);

/** Plays every dialogue once per round; returns per-turn milliseconds. */
async function playAll(measure: boolean): Promise<number[]> {
  const samples: number[] = [];
  for (const [i, spec] of specs.entries()) {
    const session = await openDialogueSession(model, { seed: i + 1 });
    for (const turn of spec.turns) {
      const t0 = performance.now();
      await session.send(turn.user);
      if (measure) samples.push(performance.now() - t0);
    }
    await session.store.close();
  }
  return samples;
}

await playAll(false); // warm-up: JIT, ONNX Runtime, WebCrypto keys
const whole: number[] = [];
for (let r = 0; r < rounds; r++) whole.push(...(await playAll(true)));

// The parts, on the same utterances: classification alone, then the dialogue layer alone.
const utterances = specs.flatMap((s) => s.turns.map((t) => t.user));
const classify: number[] = [];
const nlus: NluResult[] = [];
for (let r = 0; r < rounds; r++) {
  for (const text of utterances) {
    const t0 = performance.now();
    const nlu = await model.classify(text, { now: EVAL_NOW, timeZone: EVAL_TIME_ZONE });
    classify.push(performance.now() - t0);
    if (r === 0) nlus.push(nlu);
  }
}

const store = await openStore({ storage: 'memory' });
const scheduler = createScheduler({ store, onFire: () => undefined, now: () => EVAL_NOW.getTime() });
const runtime = createSkillRuntime({ store, scheduler, timeZone: EVAL_TIME_ZONE, requestPermission: async () => true });
const manager = createDialogueManager({ store, skills: createBuiltinSkills(), runtime, clock: () => EVAL_NOW, timeZone: EVAL_TIME_ZONE });
const signal = new AbortController().signal;
const dialogue: number[] = [];
for (let r = 0; r < rounds + 1; r++) {
  for (const [i, nlu] of nlus.entries()) {
    const t0 = performance.now();
    await manager.handle({ conversationId: `bench-${i % 7}`, text: nlu.text, nlu, signal });
    if (r > 0) dialogue.push(performance.now() - t0);
  }
}

// The anchor: one encrypted dialogue-state write of a typical state.
const state = await store.getDialogueState('bench-0');
const writes: number[] = [];
for (let i = 0; i < 300; i++) {
  const t0 = performance.now();
  await store.putDialogueState('anchor', state);
  if (i >= 50) writes.push(performance.now() - t0);
}
await store.close();
await model.dispose();

const ms = (x: number) => x.toFixed(3);
const anchor = percentile(writes, 0.5);
const rows = [
  ['whole turn (classify + decide + skill + encrypted write)', whole.length, ms(percentile(whole, 0.5)), ms(percentile(whole, 0.95)), (percentile(whole, 0.5) / anchor).toFixed(1)],
  ['classify only (model + entities)', classify.length, ms(percentile(classify, 0.5)), ms(percentile(classify, 0.95)), (percentile(classify, 0.5) / anchor).toFixed(1)],
  ['dialogue only (decide + skill + state read/write)', dialogue.length, ms(percentile(dialogue, 0.5)), ms(percentile(dialogue, 0.95)), (percentile(dialogue, 0.5) / anchor).toFixed(1)],
  ['anchor: one encrypted dialogue-state write', writes.length, ms(anchor), ms(percentile(writes, 0.95)), '1.0'],
];
const figures = {
  turnP50Ms: percentile(whole, 0.5),
  turnP95Ms: percentile(whole, 0.95),
  classifyP50Ms: percentile(classify, 0.5),
  dialogueP50Ms: percentile(dialogue, 0.5),
  anchorWriteP50Ms: anchor,
  turns: whole.length,
};
writeBenchSection(
  'dialogue',
  `## Dialogue: whole turn\n\n${machineLine()} In Node (onnxruntime-web wasm, memory store with AES-GCM), after one warm-up pass over the ${utterances.length} utterances of \`test/fixtures/dialogues/default.json\`, ${rounds} rounds. Target: whole turn p50 <= 5 ms.\n\n${table(['what', 'samples', 'p50 ms', 'p95 ms', 'p50 / anchor'], rows)}\n`,
);
if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
else console.log(table(['what', 'samples', 'p50 ms', 'p95 ms', 'p50 / anchor'], rows));
