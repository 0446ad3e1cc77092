/**
 * Measuring an extension: how an extended model does on the base dataset (CLINC150: the dev part
 * of val the replay pack does not hold, and test), on the corpus's held-back paraphrases and
 * negatives; shared by `bench/extend.ts` and the design comparison.
 */
import { readFileSync } from 'node:fs';
import type { Dataset } from '../bin/commands/dataset.ts';
import { createInMemoryPredictor } from '../src/nlu/training/predictor.ts';
import type { TrainedModel } from '../src/nlu/training/trainer.ts';
import type { ReplayPack } from '../src/nlu/training/extend/replay-pack.ts';
import { OOS_LABEL, type TrainingExample } from '../src/nlu/types.ts';

/** The held-back checks of a fixture corpus (test/fixtures/extend/*-checks.json). */
export interface Checks {
  paraphrases: { text: string; intent: string }[];
  negatives: string[];
  base: { text: string; intent: string }[];
}

/** Reads a checks file. */
export function readChecks(path: string): Checks {
  return JSON.parse(readFileSync(path, 'utf8')) as Checks;
}

/** A classifier: text → intent or null (out of scope). */
export type Classify = (text: string) => string | null;

/** A trained model's classifier, deciding exactly as its uint8 `.onnx` does. */
export function classifierOf(model: TrainedModel): Classify {
  const p = createInMemoryPredictor(model, { quantize: true });
  return (text) => p.predict(text, 1).intent;
}

/** In-scope accuracy and out-of-scope recall of `classify` on labelled examples. */
export function scoreSplit(
  classify: Classify,
  examples: readonly TrainingExample[],
): { accuracy: number; oosRecall: number } {
  let inScope = 0;
  let correct = 0;
  let oos = 0;
  let caught = 0;
  for (const e of examples) {
    const got = classify(e.text);
    if (e.intent === OOS_LABEL) {
      oos++;
      if (got === null) caught++;
    } else {
      inScope++;
      if (got === e.intent) correct++;
    }
  }
  return { accuracy: correct / Math.max(1, inScope), oosRecall: caught / Math.max(1, oos) };
}

/** CLINC150's val split without the utterances the replay pack holds (tuning data, never trained on). */
export function devSplit(dataset: Dataset, pack: ReplayPack): TrainingExample[] {
  const held = new Set(Object.values(pack.validation).flat());
  return (dataset.splits.val ?? []).filter((e) => !held.has(e.text));
}

/** What an extension does on the corpus's checks. */
export interface CheckScores {
  /** Share of paraphrases answered with their intent. */
  paraphrases: number;
  /** Paraphrases answered otherwise: text → what came instead. */
  misses: string[];
  /** Negatives (and the corpus's outOfScope phrases) that landed on a corpus intent. */
  leaks: string[];
  /** Base checks answered with their base intent. */
  base: number;
}

/** Scores `classify` on the checks; `own` are the corpus's intents, `outOfScope` its phrases. */
export function scoreChecks(
  classify: Classify,
  checks: Checks,
  own: ReadonlySet<string>,
  outOfScope: readonly string[],
): CheckScores {
  const misses: string[] = [];
  let hits = 0;
  for (const p of checks.paraphrases) {
    const got = classify(p.text);
    if (got === p.intent) hits++;
    else misses.push(`${p.text} → ${got ?? 'out of scope'}`);
  }
  const leaks = [...checks.negatives, ...outOfScope]
    .map((t) => [t, classify(t)] as const)
    .filter(([, got]) => got !== null && own.has(got))
    .map(([t, got]) => `${t} → ${got}`);
  const base = checks.base.filter((b) => classify(b.text) === b.intent).length / Math.max(1, checks.base.length);
  return { paraphrases: hits / Math.max(1, checks.paraphrases.length), misses, leaks, base };
}
