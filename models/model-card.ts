/**
 * Writes the model card of a shipped intent model (English or Chinese): data and licence
 * attribution, how it was trained, the choices made on validation data, the figures measured on
 * the test splits (the shipped seed, and mean ± sd over seeds of the same recipe), its size, and
 * how to reproduce it. Test figures are results only: no choice was made from them.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Dataset } from '../bin/commands/dataset.ts';
import type { EvalReport } from '../bin/commands/evaluate.ts';
import { pctMeanSd, type MeanSd } from '../bench/seed-stats.ts';
import type { TrainedModel, TrainOptions } from '../src/nlu/training/trainer.ts';
import { RECIPE_NOTES } from './default-options.ts';
import type { ThresholdPolicy } from './default-options.ts';
import type { PolicyRow } from './threshold-policies.ts';
import { OOS_LABEL } from '../src/nlu/types.ts';

/** The figures of one seed of the recipe on one test set. */
export interface SeedFigures {
  inScopeAccuracy: MeanSd;
  oosRecall: MeanSd;
}

/** An extra evaluation set (e.g. chat-box queries): the shipped model on its dev and test splits. */
export interface ExtraSet {
  name: string;
  path: string;
  dev?: EvalReport;
  test?: EvalReport;
  /** Test figures over the seeds. */
  seeds?: SeedFigures;
}

/** What the card reports. */
export interface ModelCardInput {
  /** `en` or `zh`: which description and reproduction commands the card carries. */
  lang: 'en' | 'zh';
  dataset: Dataset;
  /** The path the dataset was read from, as given on the command line. */
  dataPath: string;
  /** Datasets whose train and val splits were added to it (`--more`), as given on the command line. */
  morePaths: string[];
  model: TrainedModel;
  /** The shipped model (ONNX) on the dataset's test split. */
  report: EvalReport;
  /** Test figures over the seeds of the recipe (the shipped one included). */
  /** Figures over the seeds of the recipe (the shipped one included): on the test split, and on the val split (all of it, `--more` sets included). */
  seeds: { list: number[]; figures: SeedFigures; val: SeedFigures };
  extras: ExtraSet[];
  trainSeconds: number;
  quantize: boolean;
  options: TrainOptions;
  /** Generated out-of-scope questions added to the training corpus. */
  generatedOos: number;
  /** Near-miss out-of-scope questions (in-scope nouns in out-of-scope questions) added to it. */
  nearMissOos: number;
  /** Keyboard-mash and chat-reaction lines (`mash-oos.ts`) added to it. */
  mashOos: number;
  policies: PolicyRow[];
  /** The shipped threshold policy, when the language has one (else the trainer's `oosRecallTarget`). */
  thresholdPolicy?: ThresholdPolicy;
  /** Threads that trained it (the result does not depend on it). */
  threads: number;
}

const pct = (x: number | null | undefined) => (x === null || x === undefined ? 'n/a' : `${(100 * x).toFixed(2)}%`);

const ABOUT = {
  en: {
    title: 'The default intent model of Confidant',
    language: 'English',
    data: (
      d: Dataset,
      train: number,
      oos: number,
      more: string,
    ) => `Trained on **CLINC150**${more} ("Full" variant, ${d.source ?? 'clinc/oos-eval data/data_full.json'}):
${train} training utterances (${oos} of them out-of-scope), its validation split for early stopping, temperature,
threshold and every option, its test split for the figures below. The dataset is not part of this repository.`,
  },
  zh: {
    title: 'The Chinese intent model of Confidant, chosen per turn by language (see `detectLanguage`)',
    language: 'Simplified Chinese (traditional characters and full-width forms are folded by the featurizer)',
    data: (
      d: Dataset,
      train: number,
      oos: number,
      more: string,
    ) => `Trained on **CLINC150-zh** (\`models/corpora/zh/clinc150-zh.json\`, see its DATASHEET.md; ${d.source ?? 'an adaptation of CLINC150'})${more}:
${train} training utterances (${oos} of them out-of-scope), its validation split for early stopping, temperature,
threshold and every option, its frozen test split for the figures below.`,
  },
} as const;

/**
 * The recipe's choices and what the validation sweeps measured for them, as a Markdown list.
 * @param lang the model's language
 */
export function recipeNotes(lang: 'en' | 'zh'): string {
  return `The recipe's choices, measured on validation data:\n\n${RECIPE_NOTES[lang].map((n) => `- ${n}`).join('\n')}\n`;
}

/**
 * Renders and writes the card.
 * @param path the `.md` file
 * @param input the figures
 */
export function writeModelCard(path: string, input: ModelCardInput): void {
  const { lang, dataset, dataPath, model, report, seeds, extras, trainSeconds, quantize, options, policies, threads } =
    input;
  const generated =
    input.generatedOos > 0
      ? ` Plus ${input.generatedOos} generated out-of-scope questions (general-knowledge and how-to questions about everyday
things, WordNet nouns in templates: \`models/generated-oos.ts\`), which give the out-of-scope class breadth.`
      : '';
  const nearMiss =
    input.nearMissOos > 0
      ? ` Plus ${input.nearMissOos} near-miss out-of-scope questions: the nouns of the in-scope training utterances in
questions no intent serves ("who invented the timer", "whats the history of bank accounts": \`nearMissOos\`).`
      : '';
  const mash =
    input.mashOos > 0
      ? ` Plus ${input.mashOos} generated keyboard-mash and chat-reaction lines as out of scope (${lang === 'zh' ? '"哈哈哈", "嗯嗯", "asdfgh", strings of common characters in no order' : '"asdfgh", "jkjkjk", "lmaooo", "hmm ok"'}:
\`models/mash-oos.ts\`).`
      : '';
  const about = ABOUT[lang];
  const intents = model.labels.filter((l) => l !== OOS_LABEL);
  const m = model.metrics;
  const train = dataset.splits.train ?? [];
  const fileName = path.split('/').at(-1)!.replace(/\.md$/, '.onnx');
  // The Chinese corpus lives in the repository: its path there, wherever it was read from.
  const data = lang === 'zh' ? 'models/corpora/zh/clinc150-zh.json' : dataPath;
  const moreText = input.morePaths.map((p) => ` plus the train and val splits of \`${p}\``).join(',');
  const devNote = lang === 'en' ? ' and the dev split of the chat-box set' : '';
  const optionText = JSON.stringify(Object.fromEntries(Object.entries(options).filter(([k]) => k !== 'parallel')));
  const tp = input.thresholdPolicy;
  const shippedPolicy =
    tp === undefined
      ? `recall ≥ ${options.oosRecallTarget ?? 0.6}${options.oosRecallTarget === undefined ? ", the trainer's default" : ''}`
      : `recall ≥ ${tp.oosRecall} on all val splits together and ≥ ${tp.primaryOosRecall} on ${dataset.name}'s val split alone, the last row`;
  const extraRows = extras.flatMap((x) => [
    ...(x.dev === undefined
      ? []
      : [
          `| ${x.name} dev (${x.dev.inScopeN} + ${x.dev.oosN}) | ${pct(x.dev.inScopeAccuracy)} | ${pct(x.dev.oosRecall)} |`,
        ]),
    ...(x.test === undefined
      ? []
      : [
          `| ${x.name} test (${x.test.inScopeN} + ${x.test.oosN}) | ${pct(x.test.inScopeAccuracy)} | ${pct(x.test.oosRecall)} |`,
        ]),
  ]);
  const extraSeedRows = extras
    .filter((x) => x.seeds !== undefined)
    .map((x) => `| ${x.name} test | ${pctMeanSd(x.seeds!.inScopeAccuracy)} | ${pctMeanSd(x.seeds!.oosRecall)} |`);
  const card = `# ${model.name} ${model.version}

${about.title}: ${intents.length} intents of a general assistant (greetings, small talk, timers, alarms, weather,
reminders, banking, travel, cooking, …) plus out-of-scope detection, in ${about.language}.
One self-describing ONNX file (opset 17): labels, featurizer, threshold and temperature are in its \`metadata_props\`.

## Data and licence

${about.data(dataset, train.length, train.filter((e) => e.intent === OOS_LABEL).length, moreText)}${generated}${nearMiss}${mash}

- Licence of the data: ${dataset.license ?? 'CC BY 3.0 (Creative Commons Attribution 3.0 Unported)'}. This model is derived
  from it; the attribution below must be kept with it.
- Citation: ${dataset.citation ?? 'Larson et al., "An Evaluation Dataset for Intent Classification and Out-of-Scope Prediction", EMNLP-IJCNLP 2019, https://aclanthology.org/D19-1131'}

## Model

Hashed word uni/bigrams, character 2–5-grams and Han character 1–3-grams across word boundaries (NFKC, traditional
Chinese folded to simplified, case-folded, \`Intl.Segmenter\` words; featurizer version ${model.featurizer.version})
→ embedding bag (${model.weights.dim} dims, ${model.weights.embedding.length / model.weights.dim} rows, ${quantize ? 'uint8-quantized' : 'float32'}) → ReLU hidden layer (${model.weights.hidden}) + linear skip
→ ${model.labels.length} classes (the ${intents.length} intents and a trained out-of-scope class) → temperature-scaled softmax.
Trained in TypeScript (\`src/nlu/training/trainer.ts\`): Adam (lazy for the table) with a linearly decaying step size, label
smoothing, hidden dropout, word and feature dropout, training-time augmentation (chat-box noise: \`src/nlu/training/augment.ts\`),
the best of the last epochs or their weight average on validation.
Options (the trainer's defaults, and): \`${optionText}\`.

- Temperature: ${model.temperature.toFixed(4)}; out-of-scope threshold: ${model.threshold.toFixed(4)}, chosen on the validation split (the policy below).
- Validation at that threshold: in-scope accuracy ${pct(m.inScopeAccuracy)}, out-of-scope recall ${pct(m.oosRecall)} (${m.validationSize} + ${m.oosValidationSize} utterances; best epoch ${m.bestEpoch} of ${m.epochs}).
- Training time: ${trainSeconds.toFixed(1)} s (Node ${process.version}, ${threads} thread${threads === 1 ? '' : 's'}, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} when it finished; the model does not depend on the thread count).

## Choices made on validation data

Every option of the recipe was chosen on validation data only (${dataset.name}'s val split${devNote}): \`npm run tune:default\` prints those sweeps. The out-of-scope threshold policies, on the
validation split of this model (shipped: ${shippedPolicy}; with a trained out-of-scope class a
threshold of 0 can already reach a low target):

| policy | threshold | in-scope accuracy (val) | out-of-scope recall (val) |
|---|---|---|---|
${policies.map((p) => `| ${p.policy} | ${p.threshold.toFixed(4)} | ${pct(p.inScopeAccuracy)} | ${pct(p.oosRecall)} |`).join('\n')}

${recipeNotes(lang)}

## Results on the test splits

Measured once the recipe was fixed; nothing was chosen from them. The shipped model (\`.onnx\`, seed ${options.seed ?? 1}):

| set | in-scope accuracy | out-of-scope recall |
|---|---|---|
| ${dataset.name} test (${report.inScopeN} + ${report.oosN}) | ${pct(report.inScopeAccuracy)} | ${pct(report.oosRecall)} |
${extraRows.join('\n')}

| figure on ${dataset.name} test | value |
|---|---|
| out-of-scope precision | ${pct(report.oosPrecision)} |
| macro F1 (${model.labels.length} classes) | ${pct(report.macroF1)} |
| classify latency p50 / p95 (Node, ONNX Runtime Web wasm, with entities) | ${report.latencyMs.p50.toFixed(3)} / ${report.latencyMs.p95.toFixed(3)} ms |
| model size raw / gzipped | ${report.modelBytes} / ${report.modelGzipBytes} bytes |

The same recipe over seeds ${seeds.list.join(', ')} (mean ± sd; in-memory predictor, which decides exactly as the \`.onnx\`):

| set | in-scope accuracy | out-of-scope recall |
|---|---|---|
| ${dataset.name} val${input.morePaths.length > 0 ? ' (with the --more sets)' : ''}, where the threshold was chosen | ${pctMeanSd(seeds.val.inScopeAccuracy)} | ${pctMeanSd(seeds.val.oosRecall)} |
| ${dataset.name} test | ${pctMeanSd(seeds.figures.inScopeAccuracy)} | ${pctMeanSd(seeds.figures.oosRecall)} |
${extraSeedRows.join('\n')}

Most frequent confusions: ${report.topConfusions
    .slice(0, 5)
    .map((c) => `${c.expected} → ${c.predicted} (${c.count})`)
    .join(', ')}.
${
  lang === 'en'
    ? `
For comparison, Larson et al. report on CLINC150 (in-scope accuracy / out-of-scope recall) FastText 89.0/9.7, SVM
91.0/14.5, Rasa 91.5/45.3, MLP on pretrained sentence embeddings 93.5/47.4, BERT 96.9/40.3.
`
    : ''
}
## Reproduce

\`\`\`sh
npm run train:default -- --lang ${lang} --data ${data}${input.morePaths.map((p) => ` --more ${p}`).join('')}${extras.map((x) => ` --chatbox ${x.path}`).join('')}
npx tsx bin/cli.ts eval models/${fileName} ${data} --split test
\`\`\`

Training is seeded: the same data, options and Node version give the same file.
`;
  writeFileSync(path, card);
}
