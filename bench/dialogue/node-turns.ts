/**
 * The Node side of the dialogue benchmark (secondary figures; the target is measured in the
 * Worker, see ./page.ts):
 *
 * - `measureNodeParts`: the multi-turn test set's utterances through the dialogue layer as
 *   `confidant eval-dialogues` runs it (classify → dialogue decision → skill → encrypted state
 *   write, memory store; no message history written), with its parts and an anchor — one
 *   encrypted dialogue-state write — measured in the same run.
 * - `measureNodeEngine`: the same turn mix as the browser, through the whole in-thread engine
 *   (`createAssistant({ worker: false, storage: 'memory' })`, messages stored encrypted too).
 */
import { readFileSync } from 'node:fs';
import { EVAL_NOW, EVAL_TIME_ZONE, openDialogueSession, type DialogueSpec } from '../../bin/commands/eval-dialogues.ts';
import { createAssistant } from '../../src/assistant.ts';
import { createDialogueManager } from '../../src/dialogue/index.ts';
import { loadIntentModel } from '../../src/nlu/runtime/intent-model.ts';
import type { NluResult } from '../../src/nlu/types.ts';
import { createBuiltinSkills } from '../../src/skills/builtin/index.ts';
import { createScheduler, createSkillRuntime } from '../../src/skills/index.ts';
import { openStore } from '../../src/store/index.ts';
import { runMix, type MixResult } from './run-mix.ts';

/** Per-sample milliseconds of each part, on the test set's utterances. */
export interface NodeParts {
  utterances: number;
  whole: number[];
  classify: number[];
  dialogue: number[];
  anchorWrite: number[];
}

/**
 * Plays the test set once to warm up, then `rounds` times timed; then times the parts alone.
 * @param modelPath the `.onnx` model
 * @param rounds timed passes over the test set
 */
export async function measureNodeParts(modelPath: string, rounds: number): Promise<NodeParts> {
  const specs = JSON.parse(
    readFileSync(new URL('../../test/fixtures/dialogues/default.json', import.meta.url), 'utf8'),
  ) as DialogueSpec[];
  const model = await loadIntentModel(modelPath);
  const playAll = async (measure: boolean): Promise<number[]> => {
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
  };
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
  const runtime = createSkillRuntime({
    store,
    scheduler,
    timeZone: EVAL_TIME_ZONE,
    requestPermission: async () => true,
  });
  const manager = createDialogueManager({
    store,
    skills: createBuiltinSkills(),
    runtime,
    clock: () => EVAL_NOW,
    timeZone: EVAL_TIME_ZONE,
  });
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
  const anchorWrite: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t0 = performance.now();
    await store.putDialogueState('anchor', state);
    if (i >= 50) anchorWrite.push(performance.now() - t0);
  }
  await store.close();
  await model.dispose();
  return { utterances: utterances.length, whole, classify, dialogue, anchorWrite };
}

/**
 * The browser's turn mix through the whole engine, in this thread, with the memory store.
 * @param modelPath the `.onnx` model
 * @param options.turns timed turns; `options.warmup` untimed turns first
 */
export async function measureNodeEngine(
  modelPath: string,
  options: { turns: number; warmup: number },
): Promise<MixResult> {
  const assistant = await createAssistant({ worker: false, storage: 'memory', model: modelPath });
  try {
    return await runMix(assistant, options);
  } finally {
    await assistant.dispose();
  }
}
