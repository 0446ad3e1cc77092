/**
 * The few-shot head of an extended model: the corpus's own examples, kept as weighted n-gram
 * vectors, answer an utterance the softmax sends out of scope when it is close enough to them.
 * It does not compete inside the softmax: the softmax decides first, and the head only reads
 * what it leaves out of scope, so the base intents' answers never change.
 *
 * An utterance and each example are the featurizer's ids (words, word bigrams, character
 * n-grams), each weighted by its inverse document frequency in the base model's text (the replay
 * pack), as unit vectors; an intent's score is the mean of its `k` best cosines; the best intent is
 * taken when its score reaches `threshold`, which the extension chose on out-of-scope lines (see
 * `training/extend/few-shot-head.ts`). Round 11 (issue 12, dev paraphrases only): half of the
 * extension's misses went out of scope at high confidence, with words of the corpus's examples in
 * them ("how expensive is it to sign up" beside "how much does it cost to join").
 *
 * @module
 */
import { featurize, type FeaturizerConfig } from './featurizer.ts';
import type { IntentDecision } from './scoring.ts';

/**
 * The version of the head's format this code writes and reads: 2 from round 12 (the `none`
 * class); round 11's heads carry no `v` (read as 1). A head of a newer `v`, or with a key this
 * code does not know, is refused (`ModelLoadError`), so a later guard is never silently dropped.
 * Readers of round 11 (main at 6b11947) predate `v` and still ignore it: they drop `none`.
 */
export const FEW_SHOT_VERSION = 2;

/** The keys a head of {@link FEW_SHOT_VERSION} may have. */
const HEAD_KEYS = new Set(['v', 'threshold', 'k', 'rare', 'ids', 'weights', 'examples', 'none']);

/** The few-shot head as a model file stores it (metadata `confidant.few_shot`, JSON). */
export interface FewShotHead {
  /** The head's format version ({@link FEW_SHOT_VERSION}); absent in round 11's heads (1). */
  v?: number;
  /** The score (a cosine, 0–1) an utterance needs for the head to answer it. */
  threshold: number;
  /** How many of an intent's best example cosines are averaged into its score. */
  k: number;
  /** The weight of a feature `weights` does not list (rare in the base model's text). */
  rare: number;
  /** Feature ids, ascending, whose weight differs from `rare`. */
  ids: number[];
  /** The weight of each of `ids`. */
  weights: number[];
  /** The corpus's examples, by intent (featurized again when the model loads). */
  examples: { intent: string; text: string }[];
  /**
   * Out-of-scope lines as a "none" class (round 12): the head abstains unless its best intent's
   * score is over `ratio` times the mean of the `k` best cosines to `texts`. Absent in heads of
   * round 11 (no such check).
   */
  none?: { ratio: number; texts: string[] };
}

/** A head ready to score: the examples as unit vectors. */
export interface CompiledFewShot {
  head: FewShotHead;
  intents: string[];
  /** Per intent, its examples' sparse unit vectors. */
  vectors: Map<number, number>[][];
  /**
   * The "none" lines as an inverted index (feature id → each line holding it and its weight),
   * built at the first utterance that needs it: most never clear the threshold.
   */
  none?: { lines: number; postings: Map<number, { line: number; w: number }[]> };
  weightOf: Map<number, number>;
  featurizer: FeaturizerConfig;
}

/**
 * Checks a decoded `confidant.few_shot` value.
 * @param value the parsed JSON
 * @param labels the model's intents (without its out-of-scope class): every example's intent must be one
 * @returns a problem, or `null` when the head is well-formed
 */
export function checkFewShotHead(value: unknown, labels: readonly string[]): string | null {
  if (typeof value !== 'object' || value === null) return 'few_shot must be an object';
  const h = value as Partial<FewShotHead>;
  const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  if (h.v !== undefined && (!Number.isInteger(h.v) || h.v < 1)) return 'few_shot.v must be a positive integer';
  if ((h.v ?? 1) > FEW_SHOT_VERSION)
    return `few_shot.v ${h.v} is newer than this library supports (${FEW_SHOT_VERSION})`;
  const unknown = Object.keys(h).find((key) => !HEAD_KEYS.has(key));
  if (unknown !== undefined) return `few_shot has a key this library does not know: "${unknown}"`;
  // Cosines of weighted counts are >= 0: a threshold of 0 would answer every out-of-scope line.
  if (!finite(h.threshold) || h.threshold <= 0 || h.threshold > 1) return 'few_shot.threshold must be in (0, 1]';
  if (!Number.isInteger(h.k) || (h.k as number) < 1) return 'few_shot.k must be a positive integer';
  if (!finite(h.rare) || h.rare <= 0) return 'few_shot.rare must be positive';
  if (!Array.isArray(h.ids) || !Array.isArray(h.weights) || h.ids.length !== h.weights.length)
    return 'few_shot.ids and few_shot.weights must be lists of one length';
  if (!h.ids.every((id, i) => Number.isInteger(id) && id >= 0 && (i === 0 || id > (h.ids as number[])[i - 1]!)))
    return 'few_shot.ids must be ascending integers';
  if (!h.weights.every((w) => finite(w) && w > 0)) return 'few_shot.weights must be positive';
  if (
    !Array.isArray(h.examples) ||
    h.examples.length === 0 ||
    !h.examples.every((e) => typeof e?.text === 'string' && typeof e.intent === 'string' && labels.includes(e.intent))
  )
    return "few_shot.examples must be a list of { intent, text } naming the model's labels";
  if (h.none !== undefined) {
    const n = h.none as Partial<NonNullable<FewShotHead['none']>> | null;
    if (typeof n !== 'object' || n === null || !finite(n.ratio) || n.ratio <= 0)
      return 'few_shot.none.ratio must be a positive number';
    if (!Array.isArray(n.texts) || n.texts.length === 0 || !n.texts.every((t) => typeof t === 'string'))
      return 'few_shot.none.texts must be a list of strings';
  }
  return null;
}

/** The weighted, unit-length n-gram vector of `ids` (exported for the benchmarks' variants). */
export function vectorOf(ids: ArrayLike<number>, head: CompiledFewShot): Map<number, number> {
  const v = new Map<number, number>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (id === 0) continue;
    v.set(id, (v.get(id) ?? 0) + (head.weightOf.get(id) ?? head.head.rare));
  }
  let sum = 0;
  for (const x of v.values()) sum += x * x;
  const inv = sum > 0 ? 1 / Math.sqrt(sum) : 0;
  for (const [id, x] of v) v.set(id, x * inv);
  return v;
}

function cosine(a: Map<number, number>, b: Map<number, number>): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [id, x] of small) s += x * (big.get(id) ?? 0);
  return s;
}

/**
 * Prepares a head for scoring (featurizes its examples once).
 * @param head the head (checked with {@link checkFewShotHead})
 * @param featurizer the model's featurizer
 */
export function compileFewShot(head: FewShotHead, featurizer: FeaturizerConfig): CompiledFewShot {
  const intents = [...new Set(head.examples.map((e) => e.intent))];
  const compiled: CompiledFewShot = {
    head,
    intents,
    vectors: intents.map(() => []),
    weightOf: new Map(head.ids.map((id, i) => [id, head.weights[i] as number])),
    featurizer,
  };
  for (const e of head.examples)
    compiled.vectors[intents.indexOf(e.intent)]?.push(vectorOf(featurize(e.text, featurizer), compiled));
  return compiled;
}

/**
 * The mean of the `k` largest of `values`, kept in a short sorted list (k is small: 2), so no sort
 * of every value; 0 when there are none. The one k-best of the head, for the intents' examples and
 * the "none" lines alike.
 */
function meanOfBest(values: Iterable<number>, k: number): number {
  const best: number[] = [];
  for (const d of values) {
    if (best.length === k && !(d > best[k - 1]!)) continue;
    let at = best.length === k ? k - 1 : best.length;
    while (at > 0 && d > best[at - 1]!) at--;
    if (best.length === k) best.pop();
    best.splice(at, 0, d);
  }
  return best.reduce((a, b) => a + b, 0) / Math.max(1, best.length);
}

/**
 * The "none" class's score for an utterance's ids: the mean of the head's `k` best cosines to its
 * out-of-scope lines (0 without any).
 * @param head the compiled head
 * @param ids the utterance's feature ids
 */
function noneScore(head: CompiledFewShot, ids: ArrayLike<number>): number {
  const texts = head.head.none?.texts ?? [];
  if (texts.length === 0) return 0;
  if (head.none === undefined) {
    const postings = new Map<number, { line: number; w: number }[]>();
    texts.forEach((t, line) => {
      for (const [id, w] of vectorOf(featurize(t, head.featurizer), head)) {
        let list = postings.get(id);
        if (list === undefined) postings.set(id, (list = []));
        list.push({ line, w });
      }
    });
    head.none = { lines: texts.length, postings };
  }
  // Cosines of unit vectors: the dot product, over the features the utterance has.
  const dots = new Float64Array(head.none.lines);
  for (const [id, x] of vectorOf(ids, head)) for (const p of head.none.postings.get(id) ?? []) dots[p.line]! += x * p.w;
  return meanOfBest(dots, head.head.k);
}

/**
 * Each intent's score for an utterance's ids, best first.
 * @param head the compiled head
 * @param ids the utterance's feature ids
 * @param skip an example vector left out (leave-one-out calibration)
 */
export function fewShotScores(
  head: CompiledFewShot,
  ids: ArrayLike<number>,
  skip?: Map<number, number>,
): { intent: string; score: number }[] {
  const v = vectorOf(ids, head);
  return head.intents
    .map((intent, i) => {
      const sims = (head.vectors[i] ?? []).filter((e) => e !== skip).map((e) => cosine(v, e));
      return { intent, score: meanOfBest(sims, head.head.k) };
    })
    .sort((a, b) => b.score - a.score);
}

/**
 * The head answers only an utterance of which at least this share of the words are known to the
 * model (`IntentModel.coverage`): one domain word in nonsense ("blorp fizzle cake wumpus", a
 * quarter known) is not a request (review r12). Main's softmax leaves such lines out of scope.
 */
export const MIN_KNOWN_SHARE = 0.5;

/**
 * The decision with the head applied: unchanged unless the softmax says out of scope, an intent
 * of the head scores at least its threshold, (with `head.none`) over `none.ratio` times the
 * "none" class's score, and at least {@link MIN_KNOWN_SHARE} of the words are known; then that
 * intent, its score as confidence, alone in `intents`.
 * @param decision the softmax's decision (its `intents` are dropped when the head answers)
 * @param head the compiled head, or `undefined` (the decision is returned as is)
 * @param ids the utterance's feature ids
 * @param known the share of the utterance's words the model knows (0–1; asked only when the head
 *   would answer); `NaN` (a graph without the exporter's remap) is no evidence
 */
export function withFewShot(
  decision: IntentDecision,
  head: CompiledFewShot | undefined,
  ids: ArrayLike<number>,
  known: () => number,
): IntentDecision {
  if (head === undefined || !decision.outOfScope) return decision;
  const best = fewShotScores(head, ids)[0];
  if (best === undefined || !(best.score > 0 && best.score >= head.head.threshold)) return decision;
  // Nearly as close to known out-of-scope lines as to the intent's examples: not the head's.
  if (head.head.none !== undefined && !(best.score > head.head.none.ratio * noneScore(head, ids))) return decision;
  // Mostly words the model never learned: a keyword in noise, not a paraphrase.
  if (known() < MIN_KNOWN_SHARE) return decision;
  // The head's intent alone: the softmax's candidates were judged out of scope, and the context
  // policy reads every listed intent as evidence (a rejected `time` set an alarm: review r11).
  return {
    intent: best.intent,
    confidence: best.score,
    outOfScope: false,
    intents: decision.intents.length === 0 ? [] : [{ intent: best.intent, score: best.score }],
  };
}
