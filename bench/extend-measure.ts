/**
 * Measuring an extension: how an extended model does on the base dataset (CLINC150: the dev part
 * of val the replay pack does not hold, and test), on the corpus's held-back paraphrases and
 * negatives, and extending through the CLI; shared by `bench/extend.ts` and the design comparison.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset } from '../bin/commands/dataset.ts';
import { createInMemoryPredictor } from '../src/nlu/training/predictor.ts';
import type { TrainedModel } from '../src/nlu/training/trainer.ts';
import type { ReplayPack } from '../src/nlu/training/extend/replay-pack.ts';
import { readBaseModel, type BaseModel } from '../src/nlu/training/extend/base-model.ts';
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
): { accuracy: number; oosRecall: number; oosCount: number } {
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
  return { accuracy: correct / Math.max(1, inScope), oosRecall: caught / Math.max(1, oos), oosCount: oos };
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
  /** How many paraphrases there are. */
  count: number;
  /** Paraphrases answered otherwise: text → what came instead. */
  misses: string[];
  /** The intent each missed paraphrase should have had (what a held-back set may publish). */
  missedIntents: string[];
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
  const missedIntents: string[] = [];
  let hits = 0;
  for (const p of checks.paraphrases) {
    const got = classify(p.text);
    if (got === p.intent) hits++;
    else {
      misses.push(`${p.text} → ${got ?? 'out of scope'}`);
      missedIntents.push(p.intent);
    }
  }
  const leaks = [...checks.negatives, ...outOfScope]
    .map((t) => [t, classify(t)] as const)
    .filter(([, got]) => got !== null && own.has(got))
    .map(([t, got]) => `${t} → ${got}`);
  const base = checks.base.filter((b) => classify(b.text) === b.intent).length / Math.max(1, checks.base.length);
  return {
    paraphrases: hits / Math.max(1, checks.paraphrases.length),
    count: checks.paraphrases.length,
    misses,
    missedIntents,
    leaks,
    base,
  };
}

/** A model read back from its `.onnx` (the default one, or an extension with its few-shot head), deciding as that file does. */
export function baseClassifier(b: BaseModel): Classify {
  const p = createInMemoryPredictor(
    {
      weights: b.weights,
      labels: b.meta.labels,
      oosClass: b.meta.oosLabel !== null,
      featurizer: b.meta.featurizer,
      temperature: b.meta.temperature,
      threshold: b.meta.threshold,
      ...(b.meta.fewShot === undefined ? {} : { fewShot: b.meta.fewShot }),
    } as Parameters<typeof createInMemoryPredictor>[0],
    {},
  );
  return (text) => p.predict(text, 1).intent;
}

/** What `confidant train <corpus> --extend <model>` made, and how long the command took. */
export interface CliExtension {
  /** Wall-clock seconds from the command's start (process start and module loading included). */
  seconds: number;
  /** The extended model, read back from the file the CLI wrote. */
  extended: BaseModel;
  /** Bytes of the extension file (what ships besides the default model). */
  extensionBytes: number;
  /** The CLI's summary (stdout). */
  summary: string;
}

/**
 * Extends `modelFile` with `corpusFile` through the CLI (its replay pack is `<model>.replay.json`
 * beside it), timed from the command's start.
 * @throws {Error} with the command's stderr when it fails
 */
export function extendWithCli(root: string, modelFile: string, corpusFile: string): CliExtension {
  const dir = mkdtempSync(join(tmpdir(), 'bench-extend-'));
  try {
    const out = join(dir, 'extended.onnx');
    const started = performance.now();
    const cli = spawnSync(
      process.execPath,
      [
        join(root, 'bin/confidant.js'),
        'train',
        corpusFile,
        '--extend',
        modelFile,
        '-o',
        out,
        '--extension-file',
        join(dir, 'extended.ext.onnx'),
        '--quiet',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    const seconds = (performance.now() - started) / 1000;
    if (cli.status !== 0) throw new Error(`confidant train --extend ${modelFile} failed: ${cli.stderr}`);
    return {
      seconds,
      extended: readBaseModel(new Uint8Array(readFileSync(out)), 'extended'),
      extensionBytes: readFileSync(join(dir, 'extended.ext.onnx')).length,
      summary: cli.stdout.trim(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
