/**
 * The replay pack: a compact, stratified sample of the text a shipped model was trained on
 * (e.g. 20 utterances of each CLINC150 intent, its out-of-scope ones and a held-out sample for
 * calibration), fetched only when a corpus extends that model. Training on it beside the new
 * intents is what keeps the base intents answering (rehearsal, against catastrophic forgetting:
 * Robins 1995; McCloskey & Cohen 1989), and its held-out part recalibrates the out-of-scope
 * threshold across old and new intents.
 *
 * The sample is data under its dataset's licence (CLINC150: CC BY 3.0): the pack carries the
 * attribution, and whoever ships it ships that too.
 *
 * @module
 */
import { CorpusError } from '../../../errors.ts';
import { normalizeText } from '../../runtime/normalize.ts';
import { tokenize } from '../../runtime/featurizer.ts';
import { OOS_LABEL, type TrainingExample } from '../../types.ts';
import { createRng, type Rng } from '../rng.ts';

/** The current replay pack format. */
export const REPLAY_FORMAT = 1;

/** A replay pack, as `models/build-replay.ts` writes it (`<model>.replay.json`). */
export interface ReplayPack {
  format: typeof REPLAY_FORMAT;
  /** The model it was sampled for (its name; its labels are checked when extending). */
  model: string;
  language: string;
  /** Where the text comes from, its licence and the attribution to keep with it. */
  source: string;
  license: string;
  attribution: string;
  /** Training utterances by intent, most useful first (a caller may take the first k of each). */
  train: Record<string, string[]>;
  /** Out-of-scope training utterances. */
  outOfScope: string[];
  /** Held-out utterances by intent, `oos` for out-of-scope ones: calibration only, never trained on. */
  validation: Record<string, string[]>;
}

const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.every((t) => typeof t === 'string');
const isTextLists = (v: unknown): v is Record<string, string[]> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isTextList);

/**
 * Checks a parsed replay pack.
 * @param value the parsed JSON
 * @param source how errors name the file
 * @returns the pack
 * @throws {CorpusError} code `replay` when it is not a replay pack of a format this code reads
 */
export function readReplayPack(value: unknown, source = 'replay pack'): ReplayPack {
  const fail = (why: string): never => {
    throw new CorpusError(`${source} is not a usable replay pack: ${why}`, { code: 'replay' });
  };
  if (typeof value !== 'object' || value === null) return fail('not a JSON object');
  const p = value as Partial<ReplayPack>;
  if (p.format !== REPLAY_FORMAT) fail(`format ${String(p.format)} (this code reads ${REPLAY_FORMAT})`);
  for (const key of ['model', 'language', 'source', 'license', 'attribution'] as const)
    if (typeof p[key] !== 'string') fail(`"${key}" must be a string`);
  if (!isTextLists(p.train) || Object.keys(p.train).length < 2) fail('"train" must map intents to texts');
  if (!isTextList(p.outOfScope)) fail('"outOfScope" must be a list of texts');
  if (!isTextLists(p.validation)) fail('"validation" must map intents to texts');
  return p as ReplayPack;
}

/**
 * Checks that a pack fits a base model: every in-scope label of the model has replayed examples.
 * @param pack the pack
 * @param labels the base model's in-scope labels
 * @throws {CorpusError} code `replay` naming the labels the pack lacks
 */
export function checkReplayFits(pack: ReplayPack, labels: readonly string[]): void {
  const missing = labels.filter((l) => l !== OOS_LABEL && (pack.train[l]?.length ?? 0) === 0);
  if (missing.length > 0) {
    throw new CorpusError(
      `the replay pack "${pack.model}" has no examples of ${missing.length} of the base model's intents ` +
        `(${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}): it belongs to another model`,
      { code: 'replay' },
    );
  }
}

/** Options of {@link sampleReplayPack}. */
export interface SampleReplayOptions {
  model: string;
  language: string;
  source: string;
  license: string;
  attribution: string;
  /** Training utterances kept per intent. @default 30 */
  perIntent?: number;
  /** Validation utterances kept per intent. @default 5 */
  valPerIntent?: number;
  /** Out-of-scope validation utterances kept. @default 50 */
  valOos?: number;
  /** Extra out-of-scope training utterances (e.g. the generated ones a recipe adds). @default [] */
  extraOutOfScope?: readonly string[];
  /** @default 1 */
  seed?: number;
}

/**
 * Samples a replay pack from a model's training data: per intent, `perIntent` training utterances
 * ordered so that each adds the most words the ones before it lack (so any prefix of the list is a
 * diverse sample), every out-of-scope training utterance, and held-out utterances for calibration.
 * Seeded: the same data gives the same pack.
 * @param splits the dataset's `train` and `val` splits (`oos` marks out-of-scope)
 * @param options the pack's description and sizes
 * @returns the pack
 */
export function sampleReplayPack(
  splits: { train: readonly TrainingExample[]; val?: readonly TrainingExample[] },
  options: SampleReplayOptions,
): ReplayPack {
  const rng = createRng(options.seed ?? 1);
  const train = byIntent(splits.train);
  const val = byIntent(splits.val ?? []);
  const intents = [...train.keys()].filter((i) => i !== OOS_LABEL).sort();
  const valPerIntent = options.valPerIntent ?? 5;
  return {
    format: REPLAY_FORMAT,
    model: options.model,
    language: options.language,
    source: options.source,
    license: options.license,
    attribution: options.attribution,
    train: Object.fromEntries(
      intents.map((i) => [i, diverse(train.get(i) ?? [], options.perIntent ?? 30, options.language, rng)]),
    ),
    outOfScope: [...(train.get(OOS_LABEL) ?? []), ...(options.extraOutOfScope ?? [])],
    validation: {
      ...Object.fromEntries(intents.map((i) => [i, rng.shuffle([...(val.get(i) ?? [])]).slice(0, valPerIntent)])),
      [OOS_LABEL]: rng.shuffle([...(val.get(OOS_LABEL) ?? [])]).slice(0, options.valOos ?? 50),
    },
  };
}

function byIntent(examples: readonly TrainingExample[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const e of examples) {
    const list = groups.get(e.intent);
    if (list === undefined) groups.set(e.intent, [e.text]);
    else list.push(e.text);
  }
  return groups;
}

/** `k` texts, each chosen (after a seeded shuffle) to add the most words the ones before it lack. */
function diverse(texts: readonly string[], k: number, language: string, rng: Rng): string[] {
  const pool = rng
    .shuffle([...new Set(texts)])
    .map((text) => ({ text, words: new Set(tokenize(normalizeText(text), language)) }));
  const covered = new Set<string>();
  const out: string[] = [];
  while (out.length < k && pool.length > 0) {
    let best = 0;
    let bestGain = -1;
    pool.forEach((p, i) => {
      let gain = 0;
      for (const w of p.words) if (!covered.has(w)) gain++;
      if (gain > bestGain) [best, bestGain] = [i, gain];
    });
    const chosen = pool.splice(best, 1)[0] as (typeof pool)[number];
    for (const w of chosen.words) covered.add(w);
    out.push(chosen.text);
  }
  return out;
}

/**
 * Out-of-scope examples for a model trained to replace the pack's model: a few of each base intent's
 * utterances (none of an intent the corpus itself has) and the pack's out-of-scope ones. A small
 * corpus alone cannot tell its intents from anything else ("asdfgh" lands on one of them); these
 * give the trained out-of-scope class and the threshold something to learn from.
 * @param pack the replay pack
 * @param ownIntents the corpus's intents
 * @param perIntent utterances per base intent @default 2
 * @returns the texts
 */
export function replayNegatives(pack: ReplayPack, ownIntents: ReadonlySet<string>, perIntent = 2): string[] {
  return [
    ...Object.entries(pack.train).flatMap(([intent, texts]) =>
      ownIntents.has(intent) ? [] : texts.slice(0, perIntent),
    ),
    ...pack.outOfScope,
  ];
}
