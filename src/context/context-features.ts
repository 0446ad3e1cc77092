/**
 * The context model's inputs as the caller gives them (texts and numbers) and as the network
 * reads them (hashed feature ids), and the one function that turns the first into the second.
 * The trainer and the runtime both call {@link featurizeContext}, with the featurizer config
 * stored in the model, so a model sees at run time exactly the ids it was trained on.
 *
 * @module
 */
import { featurize, type FeaturizerConfig } from '../nlu/runtime/featurizer.ts';
import type { ContextSpec } from './context-format.ts';

/** One candidate the network scores: a text that describes it and its numeric features. */
export interface ContextCandidate {
  /**
   * What describes the candidate: for an intent, its name in words, its description and its
   * slot names (see `describeIntent`); for a slot, its name and description.
   */
  text: string;
  /** Its features, one per name in the spec (`candFeatures` or `slotFeatures`), in that order. */
  feats: ArrayLike<number>;
}

/** One turn's input to the context model. */
export interface ContextInput {
  /** The user's turn. */
  utterance: string;
  /** What the assistant said just before (its question or offer); empty when nothing. @default '' */
  context?: string;
  /** The dialogue-state features, one per name in the spec's `state`. */
  state: ArrayLike<number>;
  /** The intent candidates (may be empty: the `intent` output is then empty). */
  candidates: readonly ContextCandidate[];
  /** The slot candidates: the slots the turn could be filling. @default [] */
  slots?: readonly ContextCandidate[];
}

/** A {@link ContextInput} as the network reads it: hashed feature ids and float features. */
export interface ContextFeatures {
  /** Feature ids of the utterance (`[0]` for an empty one). */
  utterance: Int32Array;
  /** Feature ids of the context (`[0]` for none). */
  context: Int32Array;
  /** `[S]`. */
  state: Float32Array;
  /** Feature ids of each candidate's text. */
  candTokens: Int32Array[];
  /** Each candidate's features, `[F]` each. */
  candFeats: Float32Array[];
  /** Feature ids of each slot candidate's text. */
  slotTokens: Int32Array[];
  /** Each slot candidate's features, `[G]` each. */
  slotFeats: Float32Array[];
}

/**
 * A bounded cache of text → feature ids. Candidate descriptions come from skill manifests and
 * repeat on every turn; featurizing them once keeps a turn cheap. The ids returned are shared:
 * callers must not write to them.
 */
export interface TextIdCache {
  /** The featurizer config the ids are made with. */
  readonly config: FeaturizerConfig;
  /** The ids of `text` under {@link TextIdCache.config}. */
  ids(text: string): Int32Array;
}

/**
 * Creates a {@link TextIdCache}. When full it is cleared, which is simple and, for a set of
 * candidate texts that fits, never happens.
 * @param config the featurizer config
 * @param limit the most texts kept @default 4096
 * @returns the cache
 */
export function createTextIdCache(config: FeaturizerConfig, limit = 4096): TextIdCache {
  const map = new Map<string, Int32Array>();
  return {
    config,
    ids(text) {
      let ids = map.get(text);
      if (ids === undefined) {
        if (map.size >= limit) map.clear();
        ids = featurize(text, config);
        map.set(text, ids);
      }
      return ids;
    },
  };
}

function floats(values: ArrayLike<number>, size: number, what: string): Float32Array {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number')
    throw new TypeError(`${what} must be an array of numbers`);
  if (values.length !== size) throw new RangeError(`${what} must have ${size} values, it has ${values.length}`);
  // The dialogue layer's vectors are Float32Arrays already: checked, not copied (nothing writes to them).
  const out = values instanceof Float32Array ? values : Float32Array.from(values);
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i])) throw new RangeError(`${what}[${i}] is not a finite number`);
  }
  return out;
}

function candidates(
  list: readonly ContextCandidate[] | undefined,
  size: number,
  cache: TextIdCache,
  what: string,
): { tokens: Int32Array[]; feats: Float32Array[] } {
  if (list === undefined) return { tokens: [], feats: [] };
  if (!Array.isArray(list)) throw new TypeError(`${what} must be an array`);
  return {
    tokens: list.map((c, i) => {
      if (typeof c?.text !== 'string') throw new TypeError(`${what}[${i}].text must be a string`);
      return cache.ids(c.text);
    }),
    feats: list.map((c, i) => floats(c.feats, size, `${what}[${i}].feats`)),
  };
}

/**
 * Featurizes one turn's input for a model with this spec and featurizer.
 * @param input the turn
 * @param spec the model's spec (feature counts)
 * @param cache text → ids under the model's featurizer config (see {@link createTextIdCache})
 * @returns the features
 * @throws {TypeError} when a field has the wrong type
 * @throws {RangeError} when a feature vector has the wrong length or a non-finite value
 * @example
 * ```ts
 * const cache = createTextIdCache(model.metadata.featurizer);
 * const features = featurizeContext(input, model.metadata.spec, cache);
 * ```
 */
export function featurizeContext(input: ContextInput, spec: ContextSpec, cache: TextIdCache): ContextFeatures {
  if (typeof input !== 'object' || input === null) throw new TypeError('The context input must be an object');
  if (typeof input.utterance !== 'string') throw new TypeError('input.utterance must be a string');
  const context = input.context ?? '';
  if (typeof context !== 'string') throw new TypeError('input.context must be a string');
  const cands = candidates(input.candidates ?? [], spec.candFeatures.length, cache, 'input.candidates');
  const slots = candidates(input.slots, spec.slotFeatures.length, cache, 'input.slots');
  return {
    // The turn's own texts are not cached: they rarely repeat.
    utterance: featurize(input.utterance, cache.config),
    context: context === '' ? Int32Array.of(0) : cache.ids(context),
    state: floats(input.state, spec.state.length, 'input.state'),
    candTokens: cands.tokens,
    candFeats: cands.feats,
    slotTokens: slots.tokens,
    slotFeats: slots.feats,
  };
}

/**
 * Checks features built by hand (not by {@link featurizeContext}) against a spec before they
 * reach ONNX Runtime, whose own errors would not say which vector is wrong.
 * @param f the features
 * @param spec the model's spec
 * @throws {RangeError} naming the first vector of the wrong length
 */
export function checkContextFeatures(f: ContextFeatures, spec: ContextSpec): void {
  const size = (v: ArrayLike<number>, n: number, what: string) => {
    if (v?.length !== n) throw new RangeError(`${what} must have ${n} values, it has ${v?.length}`);
  };
  size(f.state, spec.state.length, 'features.state');
  if (f.candFeats.length !== f.candTokens.length || f.slotFeats.length !== f.slotTokens.length)
    throw new RangeError('features: one feature vector per candidate (and per slot candidate) is needed');
  f.candFeats.forEach((v, i) => size(v, spec.candFeatures.length, `features.candFeats[${i}]`));
  f.slotFeats.forEach((v, i) => size(v, spec.slotFeatures.length, `features.slotFeats[${i}]`));
}

/** The context model's outputs for one turn. */
export interface ContextOutput {
  /** Probabilities over the spec's `commands`, in order. */
  command: Float32Array;
  /** The probability that the turn switches to a new task rather than carrying the active one. */
  switch: number;
  /** Probabilities over the input's candidates, in order (empty when there are none). */
  intent: Float32Array;
  /** Probabilities over the input's slot candidates, in order (empty when there are none). */
  slot: Float32Array;
}
