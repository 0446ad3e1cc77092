/**
 * The `sgd` section of BENCHMARKS.md: accuracy per model and split (mean ± sd over seeds when
 * there are several), training cost, and the exported model's size and latency.
 */
import { machineLine, table } from '../report.ts';
import type { Accuracy, SgdScores } from './sgd-eval.ts';
import type { SgdVariant } from './sgd-examples.ts';
import type { OnnxFigures } from './sgd-latency.ts';

/** One trained model's figures. */
export interface SgdRun {
  variant: SgdVariant;
  seed: number;
  trainSeconds: number;
  trainCpuSeconds: number;
  bestEpoch: number;
  epochs: number;
  vocabulary: number;
  trainExamples: number;
  val: SgdScores;
  test: SgdScores | null;
}

/** The settings of the run, as the command line gave them. */
export interface SgdSettings {
  epochs: number;
  examplesPerEpoch: number;
  seeds: number[];
  dim: number;
  corrupt: number;
}

const COLUMNS = ['all', 'seen', 'unseen', 'switches', 'switchesSeen', 'switchesUnseen', 'singleDomain'] as const;

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : 'n/a');

/** "95.0% (26802)" for one seed, "95.0% ± 0.3 (26802)" over several. */
function cell(values: Accuracy[]): string {
  if ((values[0]?.frames ?? 0) === 0) return 'n/a (0)';
  const xs = values.map((v) => v.accuracy);
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length - 1));
  return `${pct(mean)}${xs.length > 1 ? ` ± ${(100 * sd).toFixed(1)}` : ''} (${values[0]?.frames ?? 0})`;
}

const DESCRIPTION: Record<SgdVariant, string> = {
  full: "`full` reads the utterance, the system utterance before it, the system's own dialogue acts (what it requested, offered, confirmed) and its **own** previous prediction per service (never the gold one)",
  context: "`context` is `full` without the system's acts",
  utterance: "`utterance` reads the user's words and the schema only",
};

/**
 * Renders the section.
 * @param runs every trained model
 * @param settings the run's settings
 * @param onnx the exported full model's figures (seed of the first run), when measured
 * @param load the load average line
 */
export function renderSgdReport(runs: SgdRun[], settings: SgdSettings, onnx: OnnxFigures | null, load: string): string {
  const variants = [...new Set(runs.map((r) => r.variant))];
  const rows: string[][] = [];
  for (const variant of variants) {
    const mine = runs.filter((r) => r.variant === variant);
    for (const split of ['val', 'test'] as const) {
      const scores = mine.map((r) => r[split]).filter((s): s is SgdScores => s !== null);
      if (scores.length === 0) continue;
      rows.push([variant, split, ...COLUMNS.map((c) => cell(scores.map((s) => s[c])))]);
    }
  }
  const seeds =
    settings.seeds.length > 1 ? `mean ± sd over seeds ${settings.seeds.join(', ')}` : `seed ${settings.seeds[0]}`;
  const lines = [
    '## SGD active intent (context network, issue 15)',
    '',
    machineLine(),
    `${load}. Command: \`npm run bench:sgd${settings.seeds.length > 1 ? ` -- --seeds ${settings.seeds.length}` : ''}\` (${settings.epochs} epochs of ${settings.examplesPerEpoch} frames sampled from the ${runs[0]?.trainExamples ?? '?'} training frames, dim ${settings.dim}, ${seeds}; the models that read the dialogue train with the previous intent of ${(100 * settings.corrupt).toFixed(0)}% of their frames replaced by a wrong one, so that they learn to recover from their own mistakes; every setting chosen on val).`,
    '',
    `Per-frame active-intent accuracy (frames in brackets) on **this copy** of SGD, which holds 96 of 127 train, 17 of 20 dev and 24 of 34 test files (see ../shared/datasets/README.md), so figures are close to but not the same as published ones on the full test set. Published reference (full test set): the dataset authors' BERT baseline, 0.885 over all services, 0.966 on single-domain dialogues. ${variants.map((v) => DESCRIPTION[v]).join('; ')}. Switch turns: the gold active intent differs from the one before the turn. Seen: the frame's service occurs in train.`,
    '',
    table(
      [
        'model',
        'split',
        'all',
        'seen services',
        'unseen services',
        'switch turns',
        'switch, seen',
        'switch, unseen',
        'single-domain dialogues',
      ],
      rows,
    ),
    '',
    `Training (TypeScript, one thread, building and featurizing the examples included), per model: ${variants
      .map((v) => {
        const mine = runs.filter((r) => r.variant === v);
        const cpu = mine.reduce((a, r) => a + r.trainCpuSeconds, 0) / mine.length;
        const wall = mine.reduce((a, r) => a + r.trainSeconds, 0) / mine.length;
        return `${v} ${cpu.toFixed(0)} s CPU, ${wall.toFixed(0)} s wall (best epochs ${mine.map((r) => r.bestEpoch).join(', ')} of ${mine[0]?.epochs}, ${mine[0]?.vocabulary} embedding rows)`;
      })
      .join('; ')}.`,
  ];
  if (onnx !== null) {
    lines.push(
      '',
      `Exported \`full\` model (uint8 table; not shipped: trained on CC BY-SA data): ${(onnx.bytes / 1024).toFixed(0)} KB, ${(onnx.gzipBytes / 1024).toFixed(0)} KB gzipped. onnxruntime-web in Node (wasm, 1 thread), ${onnx.frames} test frames after 50 warm-up runs: one \`runFeatures\` p50 ${onnx.run.p50.toFixed(3)} ms (p95 ${onnx.run.p95.toFixed(3)} ms); featurize + run p50 ${onnx.withFeaturize.p50.toFixed(3)} ms (p95 ${onnx.withFeaturize.p95.toFixed(3)} ms). ONNX Runtime and the in-memory network choose the same candidate on ${pct(onnx.agreement)} of those frames.`,
    );
  }
  return lines.join('\n');
}
