/**
 * Dumps what the few-shot head's gates read, per utterance, for each dev corpus of a language
 * (dev data only): the extended softmax's answer and probabilities, the head's scores, and the
 * score of the nearest out-of-scope lines (a "none" class). bench/extend-few-shot-gates.ts then
 * scores gate rules on the dump without extending again.
 *
 *   node --import tsx bench/extend-few-shot-dump.ts --only en [--seed 1] [--model m.onnx] [--base-threshold t]
 *     [--light] [--options '{"ownWeight":5}'] --out /tmp/x.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readDataset } from '../bin/commands/dataset.ts';
import { parseCorpus } from '../src/nlu/corpus/parse-corpus.ts';
import { featurize } from '../src/nlu/runtime/featurizer.ts';
import { compileFewShot, fewShotScores } from '../src/nlu/runtime/few-shot.ts';
import { readBaseModel } from '../src/nlu/training/extend/base-model.ts';
import { extendIntentModel, type ExtendOptions } from '../src/nlu/training/extend/extend-model.ts';
import { buildFewShotHead, outOfScopeLinesOf } from '../src/nlu/training/extend/few-shot-head.ts';
import { readReplayPack } from '../src/nlu/training/extend/replay-pack.ts';
import { createInMemoryPredictor } from '../src/nlu/training/predictor.ts';
import { OOS_LABEL, type TrainingExample } from '../src/nlu/types.ts';
import { devSplit, readChecks } from './extend-measure.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'en' },
    seed: { type: 'string', default: '1' },
    model: { type: 'string' },
    out: { type: 'string' },
    // The base model's threshold replaced before extending (the study of round 12: calibration).
    'base-threshold': { type: 'string' },
    // Only the softmax's figures (no head, no "none" scores): the model study.
    light: { type: 'boolean', default: false },
    // More ExtendOptions, as JSON (e.g. '{"ownWeight":5}').
    options: { type: 'string', default: '{}' },
  },
});
const lang = values.only;
const model = values.model ?? `models/assistant-${lang}.onnx`;
const base = readBaseModel(new Uint8Array(readFileSync(resolve(root, model))), model);
if (values['base-threshold'] !== undefined) base.meta.threshold = Number(values['base-threshold']);
const pack = readReplayPack(JSON.parse(readFileSync(resolve(root, model.replace('.onnx', '.replay.json')), 'utf8')));
const data =
  lang === 'zh' ? join(root, 'models/corpora/zh/clinc150-zh.json') : join(root, '../shared/datasets/clinc150.json');
const splits: Record<string, TrainingExample[]> = { valdev: devSplit(readDataset(data), pack) };
if (lang === 'en')
  splits['chatbox'] = (
    JSON.parse(readFileSync(join(root, 'test/fixtures/nlu/chatbox-en.json'), 'utf8')) as {
      splits: Record<string, TrainingExample[]>;
    }
  ).splits.dev!;

/** One dev line as `extend-few-shot-gates.ts` reads it back. */
export interface Row {
  set: string;
  text: string;
  gold: string | null;
  sm: string | null;
  /** The softmax's best custom intent, its probability, and the best base intent's. */
  own: string;
  pOwn: number;
  pBase: number;
  pOos: number;
  head: { intent: string; score: number }[];
  /** Mean of the 2 best cosines to the out-of-scope lines (itself left out), and the best. */
  none2: number;
  none1: number;
}
export type Dump = Record<string, { threshold: number; rows: Row[] }>;
const out: Dump = {};
for (const name of ['shop', 'gym', 'restaurant', 'clinic'].map((c) => `${c}-${lang}`)) {
  const corpus = parseCorpus(readFileSync(join(root, 'test/fixtures/extend', `${name}.yml`), 'utf8'));
  const { model: m, report } = await extendIntentModel(base, corpus, pack, {
    ...(JSON.parse(values.options) as ExtendOptions),
    seed: Number(values.seed),
    fewShot: false,
  });
  const p = createInMemoryPredictor(m, { quantize: base.quantization !== undefined });
  const head = buildFewShotHead(corpus, pack, m.featurizer, (t) => p.predict(t, 1).outOfScope, report.added, {});
  const compiled = compileFewShot(head, m.featurizer);
  // The head's own table (deduplicated, as the head keeps it; before round 13 a repeated line here
  // was its own neighbour in the leave-one-out "none" score).
  const { own: corpusOos, all: negatives } = outOfScopeLinesOf(corpus, pack);
  const none = compileFewShot(
    { ...head, k: 1, examples: negatives.map((text) => ({ intent: 'none', text })) },
    m.featurizer,
  );
  const negVec = new Map(negatives.map((t, i) => [t, none.vectors[0]![i]!]));
  const own = new Set(corpus.train.map((e) => e.intent).filter((i) => i !== OOS_LABEL));
  const ownIdx = m.labels.map((l, i) => [l, i] as const).filter(([l]) => own.has(l));
  const baseIdx = m.labels.map((l, i) => [l, i] as const).filter(([l]) => !own.has(l) && l !== OOS_LABEL);
  const oosIdx = m.labels.indexOf(OOS_LABEL);
  const rows: Row[] = [];
  const add = (set: string, text: string, gold: string | null) => {
    const ids = featurize(text, m.featurizer);
    const probs = p.probabilities(text);
    const d = p.predict(text, 1);
    let bo = ownIdx[0]!;
    for (const x of ownIdx) if (probs[x[1]]! > probs[bo[1]]!) bo = x;
    let pBase = 0;
    for (const [, i] of baseIdx) pBase = Math.max(pBase, probs[i]!);
    const skip = negVec.get(text);
    // The head reads out of scope only: an answered line needs none of its scores.
    const read = d.outOfScope && !values.light;
    const none2 = read ? fewShotScores({ ...none, head: { ...none.head, k: 2 } }, ids, skip)[0]!.score : 0;
    const none1 = read ? fewShotScores(none, ids, skip)[0]!.score : 0;
    rows.push({
      set,
      text,
      gold,
      sm: d.outOfScope ? null : d.intent,
      own: bo[0],
      pOwn: probs[bo[1]]!,
      pBase,
      pOos: oosIdx >= 0 ? probs[oosIdx]! : 0,
      head: read ? fewShotScores(compiled, ids).slice(0, 2) : [],
      none2,
      none1,
    });
  };
  const checks = readChecks(join(root, 'test/fixtures/extend', `${name}-dev.json`));
  for (const x of checks.paraphrases) add('dev', x.text, x.intent);
  for (const t of checks.negatives) add('neg', t, null);
  for (const t of corpusOos) add('corpusOos', t, null);
  // The pack's lines (each once; a line the corpus also lists counts as the corpus's).
  const ownSet = new Set(corpusOos);
  if (!values.light) for (const t of negatives) if (!ownSet.has(t)) add('calib', t, null);
  for (const [n, ex] of Object.entries(splits))
    for (const e of ex) add(n, e.text, e.intent === OOS_LABEL ? null : e.intent);
  out[name] = { threshold: head.threshold, rows };
  // How many of the dev paraphrases' features the base model has no row for, and the corpus's.
  const unknown = (texts: string[]) => {
    let all = 0;
    let zero = 0;
    for (const t of texts)
      for (const id of featurize(t, m.featurizer)) {
        all++;
        if (base.weights.remap[id] === 0) zero++;
      }
    return (100 * zero) / Math.max(1, all);
  };
  const dev = rows.filter((r) => r.set === 'dev');
  const hit = dev.filter((r) => r.sm === r.gold).length;
  const argmax = dev.filter((r) => r.own === r.gold && r.pOwn > r.pBase).length;
  const oosWins = dev.filter((r) => r.sm === null && r.pOos >= Math.max(r.pOwn, r.pBase)).length;
  console.log(
    `${name} head threshold ${head.threshold} | extension threshold ${m.threshold.toFixed(4)} temperature ${m.temperature.toFixed(3)} | dev ${hit}/${dev.length}, argmax right ${argmax}, oos class wins ${oosWins} | unknown features: corpus ${unknown(corpus.train.map((e) => e.text)).toFixed(1)}%, dev ${unknown(dev.map((r) => r.text)).toFixed(1)}%`,
  );
}
writeFileSync(values.out ?? `/tmp/dump-${lang}-${values.seed}.json`, JSON.stringify(out));
