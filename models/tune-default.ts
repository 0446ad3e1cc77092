/**
 * The validation sweep behind the default model's options: trains the recipe with option
 * overrides over several seeds and reports validation figures only (CLINC150's val split, and
 * the dev split of a chat-box set when given), as mean ± sd. Test splits are never read here.
 *
 *   npm run tune:default -- --data ../shared/datasets/clinc150.json [--seeds 1,2,3]
 *     [--options '{"augment":false}'] [--chatbox test/fixtures/nlu/chatbox-en.json] [--noisy-val] [--json]
 *   npm run tune:default -- --data models/corpora/zh/clinc150-zh.json --lang zh
 *     [--more models/corpora/zh/clinc150-zh-voices.json] [--score <dataset>]
 *
 * `--more` (repeatable) trains on the train and val splits of another dataset with the same labels
 * too; `--score` (repeatable) only scores another dataset's val split (e.g. utterances by writers
 * the model never saw). Each of them, and `--data`'s own val split, is then scored on its own.
 * `{"vectors":{"top":50000,"addRows":2000,"scale":1}}` in `--options` trains with pretrained word
 * vectors read from `--vectors <file>` (see word-vectors.ts and `TrainOptions.pretrainedWords`).
 *
 * Several `--options` run one after the other, each a row of the output. `--save <dir>` keeps
 * each trained model as `.onnx` there.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readDataset, withMoreData, type Dataset } from '../bin/commands/dataset.ts';
import { datasetCorpus } from '../src/nlu/corpus/dataset-format.ts';
import { augmentEnglish } from '../src/nlu/training/augment.ts';
import { chooseThreshold, type ScoredPrediction } from '../src/nlu/training/calibrate.ts';
import { createRng } from '../src/nlu/training/rng.ts';
import { exportOnnx } from '../src/nlu/onnx/export.ts';
import { createInMemoryPredictor } from '../src/nlu/training/predictor.ts';
import { OOS_LABEL } from '../src/nlu/types.ts';
import { trainIntentModel, type TrainedModel, type TrainOptions } from '../src/nlu/training/trainer.ts';
import type { Corpus } from '../src/nlu/types.ts';
import { meanSd } from '../bench/seed-stats.ts';
import {
  DEFAULT_GENERATED_OOS,
  DEFAULT_MASH_OOS,
  DEFAULT_MODEL_OPTIONS,
  DEFAULT_NEAR_MISS_OOS,
} from './default-options.ts';
import { withGeneratedOos, withNearMissOos } from './generated-oos.ts';
import { withMashOos } from './mash-oos.ts';
import { readWordVectors } from './word-vectors.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', multiple: true },
    more: { type: 'string', multiple: true, default: [] },
    score: { type: 'string', multiple: true, default: [] },
    also: { type: 'string' },
    seeds: { type: 'string', default: '1,2,3' },
    options: { type: 'string', multiple: true, default: ['{}'] },
    chatbox: { type: 'string' },
    split: { type: 'string', default: 'dev' },
    json: { type: 'boolean', default: false },
    'noisy-val': { type: 'boolean', default: false },
    'novel-val': { type: 'boolean', default: false },
    lang: { type: 'string', default: 'en' },
    save: { type: 'string' },
    vectors: { type: 'string' },
  },
});
if (values.data === undefined || values.data.length === 0) {
  console.error(
    'usage: npm run tune:default -- --data <clinc150.json> [--seeds 1,2,3] [--options JSON]… [--chatbox <file>]',
  );
  process.exit(2);
}
const base = readDataset(values.data[0]!);
const moreSets = values.more.map(readDataset);
const dataset = withMoreData(base, moreSets);
// Val splits scored one by one: --data's own and each --more / --score set's (named by their names).
const valSets: Dataset[] = [...moreSets, ...values.score.map(readDataset)];
if (valSets.length > 0) valSets.unshift(base);
// --also <dataset>: a second corpus trained into the same model (a bilingual model: --lang mul);
// its val split is scored on its own too.
const also: Dataset | undefined = values.also === undefined ? undefined : readDataset(values.also);
const corpusOf = (): Corpus => {
  const a = datasetCorpus(dataset, values.lang);
  if (also === undefined) return a;
  const b = datasetCorpus(also, values.lang);
  return {
    ...a,
    train: [...a.train, ...b.train],
    outOfScope: [...(a.outOfScope ?? []), ...(b.outOfScope ?? [])],
    validation: [...(a.validation ?? []), ...(b.validation ?? [])],
  };
};
const chatbox: Dataset | undefined = values.chatbox === undefined ? undefined : readDataset(values.chatbox);
const seeds = values.seeds.split(',').map(Number);
// --noisy-val: CLINC150's val split with chat-box noise (heavier than training's, another seed): a
// proxy of robustness while no chat-box dev set is at hand. It uses the training noise model, so
// it flatters augmentation; the chat-box dev set is the real check.
const noiseRng = createRng(20261);
const noisyVal = values['noisy-val']
  ? (dataset.splits.val ?? []).map((e) => ({
      text: augmentEnglish(e.text, noiseRng, { typo: 0.2, chat: 0.6, filler: 0.3 }),
      intent: e.intent,
    }))
  : undefined;

/** In-scope accuracy and out-of-scope recall of `model` on `examples` at its own threshold. */
function score(model: TrainedModel, examples: { text: string; intent: string }[]) {
  const predictor = createInMemoryPredictor(model, { quantize: true });
  let inN = 0;
  let inOk = 0;
  let oosN = 0;
  let oosOk = 0;
  for (const e of examples) {
    const intent = predictor.predict(e.text, 1).intent;
    if (e.intent === OOS_LABEL) {
      oosN++;
      if (intent === null) oosOk++;
    } else {
      inN++;
      if (intent === e.intent) inOk++;
    }
  }
  return { inScope: inOk / Math.max(1, inN), oosRecall: oosN === 0 ? NaN : oosOk / oosN };
}

/** Each example's top prediction (before any threshold), for threshold sweeps. */
function scoredOf(model: TrainedModel, examples: { text: string; intent: string }[]) {
  const predictor = createInMemoryPredictor(model, { quantize: true });
  return examples.map((e) => {
    const p = predictor.probabilities(e.text);
    let top = 0;
    for (let k = 1; k < p.length; k++) if (p[k]! > p[top]!) top = k;
    const s: ScoredPrediction = {
      confidence: p[top]!,
      correct: model.labels[top] === e.intent,
      predictedOos: model.oosClass && top === p.length - 1,
    };
    return { oos: e.intent === OOS_LABEL, s };
  });
}

/** In-scope accuracy and out-of-scope recall of scored examples at threshold `t`. */
function atThreshold(scored: ReturnType<typeof scoredOf>, t: number) {
  const inScope = scored.filter((x) => !x.oos);
  const oos = scored.filter((x) => x.oos);
  const flagged = (x: (typeof scored)[number]) => x.s.predictedOos || x.s.confidence < t;
  return {
    inScope: inScope.filter((x) => x.s.correct && !flagged(x)).length / Math.max(1, inScope.length),
    oosRecall: oos.filter(flagged).length / Math.max(1, oos.length),
  };
}

/** Character bigrams of Han text, word uni- and bigrams otherwise: what two phrasings share. */
function shingles(text: string): Set<string> {
  const out = new Set<string>();
  if (/\p{Script=Han}/u.test(text)) {
    const c = Array.from(text.replace(/[\s\p{P}]/gu, ''));
    for (let i = 0; i + 1 < c.length; i++) out.add(c[i]! + c[i + 1]!);
  } else {
    const w = text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
    w.forEach((x, i) => out.add(x).add(`${x} ${w[i + 1] ?? ''}`));
  }
  return out;
}

/**
 * The in-scope val examples phrased unlike every training utterance (Jaccard similarity of
 * shingles under 0.2 to each): a val subset nearer to new phrasings than val as a whole, whose
 * writers also wrote train. `--novel-val` scores it.
 */
function novelVal(train: { text: string }[], val: { text: string; intent: string }[]) {
  const trainShingles = train.map((e) => shingles(e.text));
  return val.filter((e) => {
    if (e.intent === OOS_LABEL) return false;
    const s = shingles(e.text);
    return trainShingles.every((t) => {
      let inter = 0;
      for (const x of s) if (t.has(x)) inter++;
      return inter / Math.max(1, s.size + t.size - inter) < 0.2;
    });
  });
}

/** The out-of-scope recall targets whose thresholds (chosen on CLINC150's val split) are also scored. */
const RECALL_TARGETS = [0.6, 0.7, 0.8];

const novel = values['novel-val'] ? novelVal(dataset.splits.train ?? [], dataset.splits.val ?? []) : undefined;
if (novel !== undefined) process.stderr.write(`novel val: ${novel.length} in-scope utterances\n`);

const rows: Record<string, unknown>[] = [];
for (const json of values.options) {
  // `generatedOos`, `nearMissOos` and `mashOos` are not trainer options but part of the shipped recipe: extra
  // out-of-scope training questions (see generated-oos.ts).
  const lang = values.lang === 'zh' ? 'zh' : 'en';
  const {
    generatedOos: extraOos = DEFAULT_GENERATED_OOS[lang],
    nearMissOos: nearMiss = DEFAULT_NEAR_MISS_OOS[lang],
    mashOos: mash = DEFAULT_MASH_OOS[lang],
    vectors: vectorOptions,
    ...overrides
  } = JSON.parse(json) as TrainOptions & {
    generatedOos?: number;
    nearMissOos?: number;
    mashOos?: number;
    vectors?: { top: number; addRows?: number; scale?: number };
  };
  // `vectors`: pretrained word vectors (`--vectors <file>`, see word-vectors.ts) for the `top` most frequent words.
  if (vectorOptions !== undefined) {
    if (values.vectors === undefined) throw new TypeError('the "vectors" option needs --vectors <file>');
    const { top, ...rest } = vectorOptions;
    overrides.pretrainedWords = { ...readWordVectors(values.vectors, top), ...rest };
  }
  const runs: Record<string, number>[] = [];
  for (const seed of seeds) {
    const started = performance.now();
    const corpus = withMashOos(
      withNearMissOos(withGeneratedOos({ ...corpusOf(), name: 'tune', version: '0' }, extraOos), nearMiss),
      mash,
    );
    const model = await trainIntentModel(corpus, { ...DEFAULT_MODEL_OPTIONS[lang], ...overrides, seed });
    const run: Record<string, number> = {
      seconds: (performance.now() - started) / 1000,
      valInScope: model.metrics.inScopeAccuracy,
      valOosRecall: model.metrics.oosRecall,
      rows: model.weights.embedding.length / model.weights.dim,
    };
    if (also !== undefined) {
      const a = score(model, dataset.splits.val ?? []);
      const b = score(model, also.splits.val ?? []);
      run.valInScopeFirst = a.inScope;
      run.valOosRecallFirst = a.oosRecall;
      run.valInScopeAlso = b.inScope;
      run.valOosRecallAlso = b.oosRecall;
    }
    for (const v of valSets) {
      const sv = score(model, v.splits.val ?? []);
      run[`valInScope[${v.name}]`] = sv.inScope;
      run[`valOosRecall[${v.name}]`] = sv.oosRecall;
    }
    if (novel !== undefined) run.novelInScope = score(model, novel).inScope;
    if (noisyVal !== undefined) {
      const s = score(model, noisyVal);
      run.noisyInScope = s.inScope;
      run.noisyOosRecall = s.oosRecall;
    }
    if (chatbox !== undefined) {
      const dev = chatbox.splits[values.split] ?? [];
      const s = score(model, dev);
      run.chatInScope = s.inScope;
      run.chatOosRecall = s.oosRecall;
      // The trade-off of the threshold policy: thresholds chosen on the val split for other
      // out-of-scope recall targets, scored on val and on the chat-box dev split.
      const val = scoredOf(model, dataset.splits.val ?? []);
      const chat = scoredOf(model, dev);
      for (const r of RECALL_TARGETS) {
        const { threshold } = chooseThreshold(
          val.filter((x) => !x.oos).map((x) => x.s),
          val.filter((x) => x.oos).map((x) => x.s),
          { minOosRecall: r },
        );
        const v = atThreshold(val, threshold);
        const c = atThreshold(chat, threshold);
        run[`r${r}ValInScope`] = v.inScope;
        run[`r${r}ChatInScope`] = c.inScope;
        run[`r${r}ChatOos`] = c.oosRecall;
      }
    }
    if (values.save !== undefined) {
      mkdirSync(values.save, { recursive: true });
      const file = join(values.save, `${json.replace(/[^a-z0-9]+/gi, '_')}-seed${seed}.onnx`);
      writeFileSync(file, exportOnnx(model, { quantize: true }));
    }
    runs.push(run);
    process.stderr.write(`${json} seed ${seed}: ${JSON.stringify(run)}\n`);
  }
  const summary: Record<string, unknown> = { options: JSON.parse(json) as unknown };
  for (const key of Object.keys(runs[0]!)) summary[key] = meanSd(runs.map((r) => r[key]!));
  rows.push(summary);
}
if (values.json) console.log(JSON.stringify(rows));
else
  for (const r of rows) {
    const fmt = (k: string) => {
      const v = r[k] as { mean: number; sd: number } | undefined;
      if (v === undefined) return '';
      const pct = k !== 'seconds' && k !== 'rows';
      return `${k} ${pct ? (100 * v.mean).toFixed(2) : v.mean.toFixed(0)} ± ${pct ? (100 * v.sd).toFixed(2) : v.sd.toFixed(0)}`;
    };
    console.log(
      `${JSON.stringify(r.options)}\n  ${Object.keys(r)
        .filter((k) => k !== 'options')
        .map(fmt)
        .join('  ')}`,
    );
  }
