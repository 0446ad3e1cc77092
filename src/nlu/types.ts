/**
 * The shapes the intent engine produces and consumes. Every other layer (dialogue, skills,
 * worker, widget) depends on these types, not on the engine's internals.
 *
 * @module
 */

/**
 * Why a text is junk. `gibberish` is the intent model's own verdict (no word it knows, and keyboard
 * mash); every other kind is read from the text alone by `junkKind` (`nlu/runtime/junk.ts`).
 */
export type JunkKind =
  | 'markup'
  | 'blank'
  | 'control'
  | 'mojibake'
  | 'code'
  | 'injection'
  | 'link'
  | 'spoof'
  | 'foreign-mix'
  | 'mash'
  | 'paste'
  | 'emoji'
  | 'number'
  | 'letters'
  | 'gibberish';

/** One intent and its calibrated probability. */
export interface IntentScore {
  intent: string;
  /** Calibrated probability in [0, 1]. */
  score: number;
}

/** The kinds of entity the built-in extractors and custom entities produce. */
export type EntityKind =
  | 'number'
  | 'ordinal'
  | 'date'
  | 'time'
  | 'datetime'
  | 'duration'
  | 'money'
  | 'percentage'
  | 'email'
  | 'url'
  | 'phone'
  | 'custom'
  | 'slot';

/** One entity found in an utterance. Offsets are UTF-16 code units into the original text. */
export interface Entity {
  kind: EntityKind;
  /** The exact substring `text.slice(start, end)`. */
  text: string;
  start: number;
  /** Exclusive end offset. */
  end: number;
  /**
   * The normalized value: a number for `number`/`ordinal`/`percentage` (42, 3, 15),
   * an ISO 8601 string for `date`/`time`/`datetime`, milliseconds for `duration`,
   * `{ amount, currency }` for `money`, the canonical string for `email`/`url`/`phone`
   * and for a custom list entity (its canonical value, not the synonym typed), and the words
   * as typed for a `slot` (a span the learned slot tagger found).
   */
  value: unknown;
  /** For `custom`: the entity's name in the corpus (e.g. `city`); for `slot`: the tagger's slot name (e.g. `place`). */
  name?: string;
  /** Extraction confidence in [0, 1]; 1 for exact matches. */
  confidence?: number;
}

/** What the intent engine understood of one utterance. */
export interface NluResult {
  /** The text as given. */
  text: string;
  /** The predicted intent, or `null` when the utterance is out of scope. */
  intent: string | null;
  /** The calibrated probability of the top intent. */
  confidence: number;
  /** `true` when the top intent's probability is under the model's threshold. */
  outOfScope: boolean;
  /** The top-k intents, highest first (k = 5 unless asked otherwise). */
  intents: IntentScore[];
  /** Entities found, sorted by `start`. */
  entities: Entity[];
  /** The model's version string from its metadata. */
  modelVersion: string;
  /**
   * The utterance's language (`detectLanguage`: script and model evidence), when the model is one of
   * the languages it tells apart (English, Chinese, or both): `und` for a language neither knows
   * or text without letters. Absent for models of other languages.
   */
  lang?: 'en' | 'zh' | 'und';
  /**
   * Why the intent model read the turn as junk (markup, code, an injection, keyboard mash, emoji, a
   * number alone…: {@link JunkKind}), when it did: then `intents` is empty and
   * `outOfScope` set. Passed along so the dialogue manager, which may still take a junk-looking
   * answer ("7", "y", "👍") to what it asked, reads the same verdict.
   */
  junk?: JunkKind;
}

/** Describes a loaded model, from its ONNX `metadata_props`. */
export interface ModelInfo {
  /** Model name, e.g. `assistant-en`. */
  name: string;
  /** Model version, e.g. `2026.11.0`. */
  version: string;
  /** The intent labels the model knows, in output order. */
  labels: string[];
  /** The out-of-scope probability threshold chosen on validation data. */
  threshold: number;
  /** Size of the `.onnx` file in bytes. */
  bytes: number;
  /** Language tag of the training data, e.g. `en`. */
  language: string;
}

/** Options for classifying one utterance. */
export interface ClassifyOptions {
  /** How many intents to return in `intents`. @default 5 */
  topK?: number;
  /** The reference time for relative dates ("tomorrow at 6"). @default new Date() */
  now?: Date;
  /** IANA time zone for dates and times. @default the platform's zone */
  timeZone?: string;
}

/** A custom entity declared by a corpus: a list of values with synonyms, or a bounded regular expression. */
export type CustomEntityDefinition =
  | {
      type: 'list';
      /** The entity's name, e.g. `city`. */
      name: string;
      /** Canonical values and their synonyms; matching is case-insensitive and typo-tolerant. */
      values: { value: string; synonyms: string[] }[];
    }
  | {
      type: 'regex';
      name: string;
      /** A regular expression source, checked to be free of catastrophic backtracking before use. */
      pattern: string;
      /** RegExp flags (only `i` and `u` are accepted). @default 'iu' */
      flags?: string;
    };

/**
 * The label of out-of-scope examples and predictions (CLINC150's `oos`), everywhere: corpora, datasets,
 * training, the exported model, evaluation and metrics. In `Corpus.validation` examples with this label
 * are out-of-scope utterances, kept there so the threshold can be chosen on held-out data.
 */
export const OOS_LABEL = 'oos';

/**
 * One annotated span of an example: which words fill which slot. Offsets are UTF-16 code units
 * into the example's text (JavaScript string indices), `end` exclusive, as in the shared dataset
 * schema; `text.slice(start, end)` is the span as written.
 */
export interface SlotSpan {
  start: number;
  end: number;
  /** The slot or entity name, e.g. `city`. */
  entity: string;
  /** The canonical value, when the annotation names one that differs from the text (`[NYC](city:New York)`). */
  value?: string;
}

/** One labelled example. */
export interface TrainingExample {
  text: string;
  intent: string;
  /** Annotated spans (Rasa `[Paris](city)`, Confidant YAML, the dataset schema's `slots`): what trains the slot tagger. */
  slots?: SlotSpan[];
}

/**
 * A training corpus in Confidant's own normalized form; every import format (Confidant YAML/JSON,
 * Rasa `nlu.yml`, NLP.js JSON, the shared dataset schema) is parsed into this.
 */
export interface Corpus {
  /** BCP 47 language tag. @default 'en' */
  language: string;
  /** Optional model name and version written into the exported model. */
  name?: string;
  version?: string;
  train: TrainingExample[];
  /** A validation split, when the source has one (else the trainer carves one from `train`). */
  validation?: TrainingExample[];
  /** Examples of out-of-scope utterances (label `oos` in CLINC150), used to calibrate the threshold. */
  outOfScope?: string[];
  entities: CustomEntityDefinition[];
  /**
   * When the corpus extends a model: the base model's intents each intent of the corpus takes over
   * (`override` in Confidant YAML). Its own name means it replaces the base intent of that name; other
   * names are folded into it (renamed, or merged when several). A corpus intent the base model also
   * has is an error unless listed here. @default none
   */
  overrides?: Record<string, string[]>;
}
