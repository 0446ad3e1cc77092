/**
 * Sweeps the few-shot head's settings (bench/extend-few-shot.ts) on dev data only: each dev corpus
 * of a language extends its model once (the shipped defaults, `--seed`), then every setting of the
 * grid is scored on the corpus's dev paraphrases and negatives, CLINC150 val-dev (English: and the
 * chat-box dev split) as extend-dev.ts scores them.
 *
 *   node --import tsx bench/extend-few-shot-sweep.ts --only en [--seed 1] [--grid '[{...}]'] [--model m.onnx] [--misses]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readDataset } from '../bin/commands/dataset.ts';
import { parseCorpus } from '../src/nlu/corpus/parse-corpus.ts';
import { readBaseModel } from '../src/nlu/training/extend/base-model.ts';
import { extendIntentModel } from '../src/nlu/training/extend/extend-model.ts';
import { readReplayPack } from '../src/nlu/training/extend/replay-pack.ts';
import type { TrainingExample } from '../src/nlu/types.ts';
import { buildFewShotHead, type FewShotSettings } from '../src/nlu/training/extend/few-shot-head.ts';
import { fewShotHead, type FewShotOptions } from './extend-few-shot.ts';
import {
  baseClassifier,
  type Classify,
  classifierOf,
  devSplit,
  readChecks,
  scoreChecks,
  scoreSplit,
} from './extend-measure.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'en' },
    seed: { type: 'string', default: '1' },
    grid: { type: 'string', default: '[{}]' },
    misses: { type: 'boolean', default: false },
    // Another model of the language (its replay pack beside it, `<model>.replay.json`).
    model: { type: 'string' },
  },
});
// An entry with `src: true` builds the shipped head (src/nlu/training/extend/few-shot-head.ts)
// with the entry's FewShotSettings; others, the bench's variants (bench/extend-few-shot.ts).
const grid = JSON.parse(values.grid) as (FewShotOptions & FewShotSettings & { src?: boolean })[];
const lang = values.only;
const model = values.model ?? `models/assistant-${lang}.onnx`;
const base = readBaseModel(new Uint8Array(readFileSync(resolve(root, model))), model);
const pack = readReplayPack(JSON.parse(readFileSync(resolve(root, model.replace('.onnx', '.replay.json')), 'utf8')));
const data =
  lang === 'zh' ? join(root, 'models/corpora/zh/clinc150-zh.json') : join(root, '../shared/datasets/clinc150.json');
const splits: Record<string, TrainingExample[]> = { 'val-dev': devSplit(readDataset(data), pack) };
if (lang === 'en')
  splits['chat-box dev'] = (
    JSON.parse(readFileSync(join(root, 'test/fixtures/nlu/chatbox-en.json'), 'utf8')) as {
      splits: Record<string, TrainingExample[]>;
    }
  ).splits.dev!;
const pct = (x: number) => (100 * x).toFixed(1);
const b = baseClassifier(base);
for (const [n, ex] of Object.entries(splits)) {
  const s = scoreSplit(b, ex);
  console.log(`base ${n} ${pct(s.accuracy)}/${pct(s.oosRecall)}`);
}
const settings: ((typeof grid)[number] | null)[] = [null, ...grid];
const totals = settings.map(() => ({ right: 0, count: 0, leaks: 0, split: {} as Record<string, number[]> }));
for (const name of ['shop', 'gym', 'restaurant', 'clinic'].map((c) => `${c}-${lang}`)) {
  const corpus = parseCorpus(readFileSync(join(root, 'test/fixtures/extend', `${name}.yml`), 'utf8'));
  const t0 = performance.now();
  const { model: m, report } = await extendIntentModel(base, corpus, pack, {
    seed: Number(values.seed),
    fewShot: false,
  });
  const first = classifierOf(m);
  const extendS = (performance.now() - t0) / 1000;
  const own = new Set(corpus.train.map((e) => e.intent));
  const checks = readChecks(join(root, 'test/fixtures/extend', `${name}-dev.json`));
  settings.forEach((opt, i) => {
    const t1 = performance.now();
    let head: { classify: Classify; describe: string } | null = null;
    if (opt?.src === true) {
      const { src: _, ...settings } = opt;
      const fewShot = buildFewShotHead(corpus, pack, m.featurizer, (t) => first(t) === null, report.added, settings);
      head = {
        classify: classifierOf({ ...m, fewShot }),
        describe: `tau ${fewShot.threshold} listed ${fewShot.ids.length}`,
      };
    } else if (opt !== null) head = fewShotHead(m.weights, m.featurizer, corpus, pack, first, opt);
    const headS = (performance.now() - t1) / 1000;
    const classify = head?.classify ?? first;
    const c = scoreChecks(classify, checks, own, corpus.outOfScope ?? []);
    const tot = totals[i]!;
    tot.right += Math.round(c.paraphrases * c.count);
    tot.count += c.count;
    tot.leaks += c.leaks.length;
    const parts = [
      `${name} ${opt === null ? 'head' : JSON.stringify(opt)}: dev ${pct(c.paraphrases)} leaks ${c.leaks.length}`,
    ];
    for (const [n, ex] of Object.entries(splits)) {
      const s = scoreSplit(classify, ex);
      (tot.split[n] ??= []).push(s.accuracy, s.oosRecall);
      parts.push(`${n} ${pct(s.accuracy)}/${pct(s.oosRecall)}`);
    }
    parts.push(head === null ? `${extendS.toFixed(1)} s` : `${head.describe} ${headS.toFixed(2)} s`);
    console.log(parts.join(' | '));
    if (values.misses)
      console.log(`   misses: ${c.misses.join('; ')}${c.leaks.length ? `\n   leaks: ${c.leaks.join('; ')}` : ''}`);
  });
}
settings.forEach((opt, i) => {
  const t = totals[i]!;
  const sp = Object.entries(t.split).map(([n, v]) => {
    const acc = v.filter((_, j) => j % 2 === 0);
    const oos = v.filter((_, j) => j % 2 === 1);
    const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
    return `${n} ${pct(mean(acc))}/${pct(mean(oos))}`;
  });
  console.log(
    `ALL ${lang} seed ${values.seed} ${opt === null ? 'head' : JSON.stringify(opt)}: dev ${pct(t.right / t.count)} of ${t.count} leaks ${t.leaks} | ${sp.join(' | ')}`,
  );
});
