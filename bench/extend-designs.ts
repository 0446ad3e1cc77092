/**
 * The designs of issue 12 deliverable 1, measured side by side on tuning data only (CLINC150's val
 * split without the replay pack's utterances, the chat-box dev split, and the dev paraphrases of two
 * fixture corpora): joint retraining on the replay pack, warm start (everything trains), the output
 * layer only, new output columns in the base model's softmax over the shared features (`head`), a
 * separate second head over those features trained on the corpus's intents and negatives only
 * (`second-head`, ./extend-second-head.ts), and a composite of two models with calibrated routing. Run by `npm run bench:extend -- --designs`; the choice they support is
 * `DEFAULT_EXTEND_STRATEGY` (src/nlu/training/extend/extend-model.ts).
 */
import { readFileSync } from 'node:fs';
import type { Dataset } from '../bin/commands/dataset.ts';
import { exportOnnx } from '../src/nlu/onnx/export.ts';
import { encodeExtension } from '../src/nlu/onnx/extension-file.ts';
import { parseCorpus } from '../src/nlu/corpus/parse-corpus.ts';
import type { BaseModel } from '../src/nlu/training/extend/base-model.ts';
import { extendIntentModel, type ExtendStrategy } from '../src/nlu/training/extend/extend-model.ts';
import { replayNegatives, type ReplayPack } from '../src/nlu/training/extend/replay-pack.ts';
import { createInMemoryPredictor } from '../src/nlu/training/predictor.ts';
import { trainIntentModel } from '../src/nlu/training/trainer.ts';
import type { Corpus, TrainingExample } from '../src/nlu/types.ts';
import { trainSecondHead } from './extend-second-head.ts';
import {
  baseClassifier,
  classifierOf,
  devSplit,
  readChecks,
  scoreChecks,
  scoreSplit,
  type Classify,
} from './extend-measure.ts';

/** One design's figures on the tuning data. */
export interface DesignRow {
  design: string;
  clincDev: { accuracy: number; oosRecall: number };
  chatDev: { accuracy: number; oosRecall: number };
  /** Dev paraphrases answered with their intent, per fixture corpus. */
  paraphrases: Record<string, number>;
  /** Negatives landing on a corpus intent, summed over the fixtures. */
  leaks: number;
  /** Extension time of the shop corpus (this process, Node), seconds. */
  seconds: number;
  /** Bytes of what must ship besides the base model (extension file, or the second model). */
  extraBytes: number;
}

/** The fixture corpora and their dev checks. */
const FIXTURES = [
  ['shop', 'test/fixtures/extend/shop-en.yml', 'test/fixtures/extend/shop-en-dev.json'],
  ['gym', 'test/fixtures/extend/gym-en.yml', 'test/fixtures/extend/gym-en-dev.json'],
] as const;

/**
 * The composite: the base model untouched, and a second model trained on the corpus's intents with
 * the replay pack's utterances and the corpus's `outOfScope` phrases as its out-of-scope class. Routing:
 * the second model's intent when it names one above its calibrated threshold, else the base model's.
 */
export async function composite(
  base: BaseModel,
  corpus: Corpus,
  pack: ReplayPack,
  options: { seed?: number } = {},
): Promise<{ classify: Classify; bytes: number }> {
  const own = new Set(corpus.train.map((e) => e.intent));
  const second = await trainIntentModel(
    { ...corpus, outOfScope: [...(corpus.outOfScope ?? []), ...replayNegatives(pack, own, 5)] },
    { seed: options.seed ?? 1 },
  );
  const custom = createInMemoryPredictor(second, { quantize: true });
  const baseModel = baseClassifier(base);
  const overridden = new Set(Object.keys(corpus.overrides ?? {}));
  return {
    classify: (text) => {
      const mine = custom.predict(text, 1).intent;
      if (mine !== null) return mine;
      const theirs = baseModel(text);
      // An intent the corpus overrides is the corpus's to answer: the base's is not used.
      return theirs !== null && overridden.has(theirs) && !own.has(theirs) ? null : theirs;
    },
    bytes: exportOnnx(second, { quantize: true }).length,
  };
}

/**
 * Measures every design.
 * @param base the default model
 * @param pack its replay pack
 * @param dataset CLINC150
 * @param chatDev the chat-box dev split
 * @param log progress lines
 */
export async function measureDesigns(
  base: BaseModel,
  pack: ReplayPack,
  dataset: Dataset,
  chatDev: TrainingExample[],
  log: (line: string) => void,
): Promise<DesignRow[]> {
  const clincDev = devSplit(dataset, pack);
  const designs: (ExtendStrategy | 'composite' | 'second-head')[] = [
    'joint',
    'warm',
    'hidden',
    'output',
    'head',
    'second-head',
    'composite',
  ];
  const rows: DesignRow[] = [];
  for (const design of designs) {
    const row: DesignRow = {
      design,
      clincDev: { accuracy: 0, oosRecall: 0 },
      chatDev: { accuracy: 0, oosRecall: 0 },
      paraphrases: {},
      leaks: 0,
      seconds: 0,
      extraBytes: 0,
    };
    for (const [name, corpusFile, checksFile] of FIXTURES) {
      const corpus = parseCorpus(readFileSync(corpusFile, 'utf8'));
      const started = performance.now();
      let classify: Classify;
      if (design === 'second-head') {
        const head = trainSecondHead(base, corpus, pack);
        const fallback = baseClassifier(base);
        classify = (text) => head.route(text, fallback);
      } else if (design === 'composite') {
        const c = await composite(base, corpus, pack);
        classify = c.classify;
        if (name === 'shop') row.extraBytes = c.bytes;
      } else {
        const { model } = await extendIntentModel(base, corpus, pack, { strategy: design });
        classify = classifierOf(model);
        if (name === 'shop')
          row.extraBytes =
            design === 'joint' ? exportOnnx(model, { quantize: true }).length : encodeExtension(model, base).length;
      }
      if (name === 'shop') {
        row.seconds = (performance.now() - started) / 1000;
        row.clincDev = scoreSplit(classify, clincDev);
        row.chatDev = scoreSplit(classify, chatDev);
      }
      const scores = scoreChecks(
        classify,
        readChecks(checksFile),
        new Set(corpus.train.map((e) => e.intent)),
        corpus.outOfScope ?? [],
      );
      row.paraphrases[name] = scores.paraphrases;
      row.leaks += scores.leaks.length;
    }
    log(`design ${design}: ${JSON.stringify(row)}`);
    rows.push(row);
  }
  return rows;
}
