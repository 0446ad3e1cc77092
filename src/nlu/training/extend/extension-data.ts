/**
 * The data and starting weights of an extension: the corpus's examples, the replayed base
 * examples (relabelled by the plan), out-of-scope negatives, all featurized with the base model's
 * featurizer; embedding rows for the features the base model never saw; output columns copied from
 * the base model or new.
 *
 * @module
 */
import { gibberishNegatives } from './gibberish.ts';
import { CorpusError } from '../../../errors.ts';
import { featurize, featurizeTokens } from '../../runtime/featurizer.ts';
import { decideIntent } from '../../runtime/scoring.ts';
import { OOS_LABEL, type Corpus } from '../../types.ts';
import type { TrainingSet } from '../batch-step.ts';
import { predictProbabilities, type NetworkWeights } from '../network.ts';
import { createRng, type Rng } from '../rng.ts';
import type { ValidationExample } from '../trainer-data.ts';
import type { BaseModel } from './base-model.ts';
import type { ExtensionPlan } from './extension-plan.ts';
import type { ReplayPack } from './replay-pack.ts';

/** A base intent's examples the model sees in every epoch, unless the corpus asks for more. */
export const DEFAULT_REPLAY_PER_INTENT = 20;

/** One training text and its class. */
interface Labelled {
  text: string;
  target: number;
  /** True for the corpus's own texts (their unseen features get embedding rows). */
  own: boolean;
}

/** Everything the extension's training loop needs. */
export interface ExtensionData {
  /** Output classes: the plan's labels, then `oos` when the base model has that class. */
  classes: string[];
  oosClass: boolean;
  trainingSet: TrainingSet;
  /** Per training example, 1 for the corpus's own texts (its examples and `outOfScope` phrases). */
  own: Uint8Array;
  validation: ValidationExample[];
  /** Feature bucket → embedding row: the base model's, plus rows for the corpus's new features. */
  remap: Int32Array;
  /** The extended table's row count. */
  rows: number;
  /** The first embedding row that is new (rows before it are the base model's). */
  firstNewRow: number;
  /** The corpus's out-of-scope phrases the base model answers as one of its intents (kept as such). */
  outOfScopeAsBase: number;
}

/**
 * What the base model makes of a text: its intent (after the plan's relabelling) when it is
 * confident, else `null`.
 */
export function baseDecision(base: BaseModel, plan: ExtensionPlan, text: string): string | null {
  const { meta, weights } = base;
  const probs = predictProbabilities(weights, featurize(text, meta.featurizer), meta.temperature);
  const d = decideIntent(probs, { labels: meta.labels, oosLabel: meta.oosLabel, threshold: meta.threshold }, 1);
  return d.intent === null ? null : (plan.relabel.get(d.intent) ?? null);
}

/**
 * Assembles and featurizes the extension's data.
 * @param base the base model
 * @param plan the label plan
 * @param corpus the extending corpus
 * @param replay the base model's replay pack
 * @param options `replayPerIntent`: base examples per intent; `gibberish`: random letter strings
 *   added as out-of-scope negatives (see ./gibberish.ts); `unknownRate`: share of the features of
 *   the corpus's in-scope texts read as unknown in each copy (see `ExtendOptions.unknownRate`)
 * @returns the training set and validation examples
 */
export function extensionData(
  base: BaseModel,
  plan: ExtensionPlan,
  corpus: Corpus,
  replay: ReplayPack,
  options: { replayPerIntent: number; ownWeight: number; gibberish?: number; seed?: number; unknownRate?: number },
): ExtensionData {
  const oosClass = base.meta.oosLabel !== null;
  const classes = oosClass ? [...plan.labels, OOS_LABEL] : [...plan.labels];
  const classOf = new Map(classes.map((l, i) => [l, i]));
  const oosTarget = oosClass ? classes.length - 1 : -1;
  const items: Labelled[] = [];
  for (const [intent, texts] of Object.entries(replay.train)) {
    const label = plan.relabel.get(intent);
    if (label === undefined || label === null) continue;
    for (const text of texts.slice(0, options.replayPerIntent))
      items.push({ text, target: classOf.get(label) as number, own: false });
  }
  // The corpus's intents are seen about as often per epoch as a base intent (at least once each).
  const own = corpus.train.filter((e) => e.intent !== OOS_LABEL);
  const perIntent = new Map<string, number>();
  for (const e of own) perIntent.set(e.intent, (perIntent.get(e.intent) ?? 0) + 1);
  for (const e of own) {
    const target = classOf.get(e.intent);
    if (target === undefined) throw new CorpusError(`intent "${e.intent}" has no place in the extended model`);
    const copies = Math.max(
      1,
      Math.round((options.ownWeight * options.replayPerIntent) / (perIntent.get(e.intent) as number)),
    );
    for (let c = 0; c < copies; c++) items.push({ text: e.text, target, own: true });
  }
  // Negatives: the base's out-of-scope utterances, and the corpus's `outOfScope` phrases — as the
  // base model answers them (an intent it has, e.g. "what's the weather"), else out of scope.
  let outOfScopeAsBase = 0;
  const negatives = [
    ...replay.outOfScope.map((text) => ({ text, own: false, label: null as string | null })),
    ...gibberishNegatives(options.gibberish ?? 0, options.seed ?? 1).map((text) => ({
      text,
      own: false,
      label: null as string | null,
    })),
    ...[...(corpus.outOfScope ?? []), ...corpus.train.filter((e) => e.intent === OOS_LABEL).map((e) => e.text)].map(
      (text) => {
        const label = baseDecision(base, plan, text);
        if (label !== null) outOfScopeAsBase++;
        return { text, own: true, label };
      },
    ),
  ];
  // The corpus's own phrases weigh together as much as one of its intents: seen once each, a
  // handful of them among thousands of replayed lines did not keep its intents off them (with the
  // round-4 English model "what's the capital of peru", listed under `outOfScope`, went to
  // shipping_cost).
  const ownNegatives = negatives.filter((n) => n.own).length;
  const negativeCopies = Math.max(
    1,
    Math.round((options.ownWeight * options.replayPerIntent) / Math.max(1, ownNegatives)),
  );
  for (const n of negatives) {
    const target = n.label === null ? oosTarget : (classOf.get(n.label) as number);
    if (target >= 0)
      for (let c = 0; c < (n.own ? negativeCopies : 1); c++) items.push({ text: n.text, target, own: n.own });
  }

  const { featurizer } = base.meta;
  const remap = base.weights.remap.slice();
  const firstNewRow = base.weights.embedding.length / base.weights.dim;
  let nextRow = firstNewRow;
  const featurized = items.map((item) => {
    const f = featurizeTokens(item.text, featurizer);
    // A feature the base model never gave a row gets one when the corpus's own text has it.
    if (item.own) for (const id of f.ids) if (id !== 0 && remap[id] === 0) remap[id] = nextRow++;
    return f;
  });
  // Each copy of the corpus's in-scope texts reads a share of its features as unknown (row 0), so
  // that its intents learn diluted bags as the paraphrases give them (ExtendOptions.unknownRate).
  const unknownRate = options.unknownRate ?? 0;
  const noise = createRng((options.seed ?? 1) ^ 0x5eed0);
  const rowsOf = (f: { ids: ArrayLike<number> }, i: number) => {
    const { own: ownText, target } = items[i] as Labelled;
    const dilute = unknownRate > 0 && ownText && target !== oosTarget;
    return Int32Array.from(f.ids, (id) => (dilute && noise.next() < unknownRate ? 0 : (remap[id] ?? 0)));
  };
  const validation: ValidationExample[] = [];
  const addValidation = (text: string, label: string | null, oos: boolean) => {
    const target = oos ? oosTarget : classOf.get(label as string);
    if (target === undefined) return;
    validation.push({ ids: featurize(text, featurizer), target, oos });
  };
  for (const [intent, texts] of Object.entries(replay.validation)) {
    const oos = intent === OOS_LABEL;
    const label = oos ? null : plan.relabel.get(intent);
    if (!oos && (label === undefined || label === null)) continue;
    for (const text of texts) addValidation(text, label ?? null, oos);
  }
  for (const e of corpus.validation ?? []) addValidation(e.text, e.intent, e.intent === OOS_LABEL);
  return {
    classes,
    oosClass,
    trainingSet: {
      rows: featurized.map(rowsOf),
      tokenEnds: featurized.map((f) => f.tokenEnds),
      targets: Int32Array.from(items, (i) => i.target),
    },
    own: Uint8Array.from(items, (i) => (i.own ? 1 : 0)),
    validation,
    remap,
    rows: nextRow,
    firstNewRow,
    outOfScopeAsBase,
  };
}

/**
 * The extension's starting weights: the base model's, with zero rows for the new features (they
 * start out changing nothing) and, per output class, the base column it continues or a new one
 * (small random hidden weights, the mean base bias).
 * @param base the base model
 * @param plan the label plan
 * @param remap the extended bucket → row map
 * @param rows the extended table's row count
 * @param oosClass whether the last class is out of scope
 * @param rng the run's generator
 */
export function extendedWeights(
  base: BaseModel,
  plan: ExtensionPlan,
  remap: Int32Array,
  rows: number,
  oosClass: boolean,
  rng: Rng,
): NetworkWeights {
  const b = base.weights;
  const { dim, hidden } = b;
  const columns = oosClass ? [...plan.baseColumn, b.classes - 1] : [...plan.baseColumn];
  const classes = columns.length;
  const embedding = new Float32Array(rows * dim);
  embedding.set(b.embedding);
  const w2 = new Float32Array(hidden * classes);
  const skip = new Float32Array(dim * classes);
  const b2 = new Float32Array(classes);
  let meanBias = 0;
  for (let k = 0; k < b.classes; k++) meanBias += (b.b2[k] as number) / b.classes;
  const limit = Math.sqrt(6 / (hidden + classes));
  columns.forEach((from, k) => {
    for (let j = 0; j < hidden; j++)
      w2[j * classes + k] = from < 0 ? (rng.next() * 2 - 1) * limit : (b.w2[j * b.classes + from] as number);
    for (let d = 0; d < dim; d++) skip[d * classes + k] = from < 0 ? 0 : (b.skip[d * b.classes + from] as number);
    b2[k] = from < 0 ? meanBias : (b.b2[from] as number);
  });
  return { dim, hidden, classes, remap, embedding, w1: b.w1.slice(), b1: b.b1.slice(), w2, skip, b2 };
}
