/**
 * Collects intents, examples, out-of-scope texts and entities from any format, checks the rules
 * every corpus must follow (no empty intent, no duplicate label, no empty example, no unsafe
 * regex, validation labels known), and produces the normalized {@link Corpus}.
 *
 * @module
 */

import { compileCustomEntities } from '../entities/custom-entities.ts';
import { OOS_LABEL, type Corpus, type CustomEntityDefinition, type SlotSpan, type TrainingExample } from '../types.ts';
import type { CorpusSource } from './source.ts';

/** An example text with the line it came from, and its annotated slot spans when it has some. */
export interface LocatedText {
  text: unknown;
  line: number | undefined;
  slots?: SlotSpan[];
}

const MAX_LABEL = 200;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Accumulates one corpus; every check throws a `CorpusError` naming the line. */
export class CorpusBuilder {
  readonly #src: CorpusSource;
  readonly #outOfScopeLabels: ReadonlySet<string>;
  readonly #intents = new Map<
    string,
    { line: number | undefined; texts: string[]; slots: (SlotSpan[] | undefined)[] }
  >();
  readonly #validation: { example: TrainingExample; line: number | undefined }[] = [];
  readonly #outOfScope: string[] = [];
  readonly #entities: CustomEntityDefinition[] = [];
  readonly #overrides = new Map<string, string[]>();
  /** Every example text so far (case- and space-folded) → the line it was first given on. */
  readonly #seen = new Map<string, number | undefined>();

  /** @param outOfScopeLabels - intent names that mean "out of scope" in this format (always includes `oos`). */
  constructor(src: CorpusSource, outOfScopeLabels: readonly string[] = []) {
    this.#src = src;
    this.#outOfScopeLabels = new Set([OOS_LABEL, ...outOfScopeLabels]);
  }

  /** Adds an intent and its examples; out-of-scope labels go to `outOfScope`. */
  addIntent(name: unknown, line: number | undefined, examples: readonly LocatedText[]): void {
    const label = this.#label(name, line);
    const previous = this.#intents.get(label);
    if (previous) {
      throw this.#src.error(
        `duplicate intent "${label}"${previous.line === undefined ? '' : ` (first declared on line ${previous.line})`}`,
        line,
      );
    }
    if (examples.length === 0) throw this.#src.error(`intent "${label}" has no examples`, line);
    const texts = examples.map((e) => this.#text(e, `an example of intent "${label}"`));
    this.#checkNotDuplicateOnly(label, line, examples, texts);
    if (this.#outOfScopeLabels.has(label)) {
      this.#outOfScope.push(...texts);
      this.#intents.set(label, { line, texts: [], slots: [] }); // remembered only to catch a duplicate
    } else this.#intents.set(label, { line, texts, slots: examples.map((e) => e.slots) });
  }

  /**
   * Records that intent `name` takes over base intents when the corpus extends a model (`true`: the
   * base intent of its own name). Checked against a base model only when extending.
   */
  addOverride(name: string, override: unknown, line: number | undefined): void {
    const label = this.#label(name, line);
    if (override === false || override === 'false') return;
    const list =
      override === true || override === 'true' ? [label] : typeof override === 'string' ? [override] : override;
    if (!Array.isArray(list) || list.length === 0 || !list.every((o) => typeof o === 'string' && o.trim() !== ''))
      throw this.#src.error(
        `"override" of intent "${label}" must be true or the base intents it replaces (a name or a list)`,
        line,
      );
    this.#overrides.set(label, [...new Set(list.map((o: string) => this.#label(o, line)))]);
  }

  /** Adds one out-of-scope example. */
  addOutOfScope(example: LocatedText): void {
    this.#outOfScope.push(this.#text(example, 'an out-of-scope example'));
  }

  /** Adds one validation example; its intent must exist in the training data (checked in `build`). */
  addValidation(intent: unknown, example: LocatedText): void {
    const label = this.#label(intent, example.line);
    const text = this.#text(example, `a validation example of intent "${label}"`);
    const oos = this.#outOfScopeLabels.has(label);
    this.#validation.push({
      example: {
        text,
        intent: oos ? OOS_LABEL : label,
        ...(example.slots?.length && !oos ? { slots: example.slots } : {}),
      },
      line: example.line,
    });
  }

  /** Adds a custom entity after checking it the way `extractEntities` will (regex safety included). */
  addEntity(def: CustomEntityDefinition, line: number | undefined): void {
    try {
      compileCustomEntities([def]);
    } catch (cause) {
      throw this.#src.error(cause instanceof Error ? cause.message : String(cause), line, cause);
    }
    this.#entities.push(def);
  }

  /** The normalized corpus. */
  build(meta: { language?: string | undefined; name?: string | undefined; version?: string | undefined }): Corpus {
    const train: TrainingExample[] = [];
    for (const [intent, { texts, slots }] of this.#intents) {
      texts.forEach((text, i) => {
        const spans = slots[i];
        train.push(spans?.length ? { text, intent, slots: spans } : { text, intent });
      });
    }
    if (train.length === 0) throw this.#src.error('the corpus has no in-scope training examples');
    for (const { example, line } of this.#validation) {
      if (example.intent !== OOS_LABEL && !this.#intents.has(example.intent)) {
        throw this.#src.error(`validation example for unknown intent "${example.intent}"`, line);
      }
    }
    const corpus: Corpus = { language: meta.language?.trim() || 'en', train, entities: this.#entities };
    if (meta.name) corpus.name = meta.name;
    if (meta.version) corpus.version = meta.version;
    if (this.#validation.length) corpus.validation = this.#validation.map((v) => v.example);
    if (this.#outOfScope.length) corpus.outOfScope = this.#outOfScope;
    if (this.#overrides.size) corpus.overrides = Object.fromEntries(this.#overrides);
    return corpus;
  }

  /**
   * An intent whose examples are all one text repeated, or all already given (to it or to another
   * intent), teaches nothing: a copy-paste slip, refused with its line rather than trained on.
   */
  #checkNotDuplicateOnly(label: string, line: number | undefined, examples: readonly LocatedText[], texts: string[]) {
    const keys = texts.map((t) => t.trim().toLowerCase().replace(/\s+/g, ' '));
    const fresh = keys.filter((k) => !this.#seen.has(k));
    const repeated = texts.length > 1 && new Set(keys).size === 1;
    if (fresh.length === 0 || repeated) {
      const first = this.#seen.get(keys[0] as string) ?? examples[0]?.line;
      throw this.#src.error(
        `intent "${label}" has only duplicate examples ("${(texts[0] as string).slice(0, 60)}"` +
          `${first === undefined ? '' : ` first on line ${first}`})`,
        examples[examples.length - 1]?.line ?? line,
      );
    }
    examples.forEach((e, i) => {
      const k = keys[i] as string;
      if (!this.#seen.has(k)) this.#seen.set(k, e.line);
    });
  }

  #label(name: unknown, line: number | undefined): string {
    if (typeof name !== 'string' || name.trim() === '') throw this.#src.error('an intent needs a non-empty name', line);
    const label = name.trim();
    if (FORBIDDEN.has(label)) throw this.#src.error(`"${label}" cannot be an intent name`, line);
    if (label.length > MAX_LABEL || /[\p{Cc}\p{Cf}]/u.test(label)) {
      throw this.#src.error(`intent name "${label.slice(0, 40)}" is too long or has control characters`, line);
    }
    return label;
  }

  #text(example: LocatedText, what: string): string {
    if (typeof example.text !== 'string') throw this.#src.error(`${what} is not a string`, example.line);
    if (example.text.trim() === '') throw this.#src.error(`${what} is empty`, example.line);
    return example.text;
  }
}
