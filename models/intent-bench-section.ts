/**
 * The `intent-<lang>` section of BENCHMARKS.md, written by `npm run train:default` when it trains
 * a shipped intent model: its validation figures (where every choice was made), the dev split of
 * each extra set (the chat-box queries), then the frozen test splits, for the shipped seed and
 * as mean ± sd over the recipe's seeds. So the figures quoted for the shipped models come from
 * the command that made them, not from a hand-copied table.
 */
import { availableParallelism, loadavg } from 'node:os';
import { machineLine, table, writeBenchSection } from '../bench/report.ts';
import { pctMeanSd, type MeanSd } from '../bench/seed-stats.ts';
import type { EvalReport } from '../bin/commands/evaluate.ts';

/** In-scope accuracy and out-of-scope recall over the seeds. */
export interface SeedPair {
  inScopeAccuracy: MeanSd;
  oosRecall: MeanSd;
}

/** One evaluation set: the shipped model's report on it and the recipe over the seeds. */
export interface BenchSet {
  /** e.g. `CLINC150 val`, `chat-box queries (English) dev`. */
  name: string;
  /** `val`/`dev` (tuned on) or `test` (frozen). */
  kind: 'val' | 'dev' | 'test';
  /** The shipped model (seed 1) on it, when measured from the `.onnx`. */
  shipped?: Pick<EvalReport, 'inScopeAccuracy' | 'oosRecall' | 'inScopeN' | 'oosN'>;
  /** The recipe over the seeds (in-memory predictor, which decides as the `.onnx`). */
  seeds: SeedPair;
}

/** What the section reports. */
export interface IntentBenchInput {
  lang: 'en' | 'zh';
  /** The model file name, e.g. `assistant-en.onnx`. */
  file: string;
  gzipBytes: number;
  seeds: number[];
  /** The exact command that trained the model and wrote this section. */
  command: string;
  sets: BenchSet[];
  /** Targets not met, measured figures included (one line each). */
  notes?: string[];
}

const pct = (x: number | null | undefined) => (x === null || x === undefined ? 'n/a' : `${(100 * x).toFixed(2)}%`);

/**
 * Renders the section and writes it into BENCHMARKS.md (`<!-- bench:intent-<lang> -->`).
 * @param input the figures
 * @returns the Markdown written
 */
export function writeIntentBenchSection(input: IntentBenchInput): string {
  const title = input.lang === 'en' ? 'English' : 'Chinese';
  const rows = input.sets.map((s) => [
    `${s.name}${s.kind === 'test' ? ' (frozen)' : ''}`,
    s.shipped === undefined ? '' : `${pct(s.shipped.inScopeAccuracy)} / ${pct(s.shipped.oosRecall)}`,
    `${pctMeanSd(s.seeds.inScopeAccuracy)} / ${pctMeanSd(s.seeds.oosRecall)}`,
  ]);
  const md = `## NLU: the shipped ${title} intent model (\`npm run train:default\`)

${machineLine()} Load average ${loadavg()[0]!.toFixed(1)} when it finished, ${availableParallelism()} cores. Command:

\`\`\`sh
${input.command}
\`\`\`

\`models/${input.file}\`, ${(input.gzipBytes / 1024).toFixed(1)} KB gzipped. Validation and dev splits chose everything
(early stopping, temperature, threshold, every option of the recipe: see the model card); test splits are frozen and
were only evaluated. In-scope accuracy / out-of-scope recall, for the shipped model (seed ${input.seeds[0]}, the
\`.onnx\`) and for the same recipe over seeds ${input.seeds.join(', ')} (mean ± sd):

${table(['set', `shipped (seed ${input.seeds[0]})`, `seeds ${input.seeds.join(', ')}`], rows)}
${input.notes === undefined || input.notes.length === 0 ? '' : `\n${input.notes.map((n) => `- ${n}`).join('\n')}\n`}`;
  writeBenchSection(`intent-${input.lang}`, md);
  return md;
}
