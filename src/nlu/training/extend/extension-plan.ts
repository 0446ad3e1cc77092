/**
 * What extending a model does to its labels, decided before any training: which of the corpus's
 * intents are new, which replace a base intent (`override: true`), which take over base intents
 * under another name (renamed, or merged when several), and the output classes that result. A
 * corpus intent the base model already has, not marked as overriding, is an error naming every
 * such intent: silently training a second `weather` beside the base one would split its examples.
 *
 * @module
 */
import { CorpusError } from '../../../errors.ts';
import { OOS_LABEL, type Corpus } from '../../types.ts';

/** What an extension did to the labels, reported to the caller (and by the CLI). */
export interface ExtensionReport {
  /** The corpus's intents the base model did not have. */
  added: string[];
  /** Base intents replaced by the corpus's intent of the same name (`override: true`). */
  overridden: string[];
  /** A base intent now answered under the corpus's name for it (`override: [old]`). */
  renamed: { from: string; to: string }[];
  /** Several base intents folded into one of the corpus's (`override: [a, b]`). */
  merged: { from: string[]; to: string }[];
  /**
   * Corpus intents whose examples the base model mostly gives to one of its own intents: likely
   * the same thing under another name, worth an `override` (else the two split such requests).
   */
  similar: { intent: string; base: string; share: number }[];
  /** Everything else worth knowing: a corpus too small to calibrate on, an unused override, … */
  warnings: string[];
}

/** The labels of the extended model and where each comes from. */
export interface ExtensionPlan {
  /** The extended model's in-scope labels, in output order: the base's (as renamed), then the new ones. */
  labels: string[];
  /** For each of `labels`, the base model's output column it starts from, or -1 for a new intent. */
  baseColumn: number[];
  /**
   * What a base intent's replayed examples become: a label of the extended model, or `null` when
   * the intent was replaced (its base examples no longer describe it).
   */
  relabel: ReadonlyMap<string, string | null>;
  report: ExtensionReport;
}

/**
 * Plans the extension of a model whose in-scope labels are `baseLabels` by `corpus`.
 * @param baseLabels the base model's in-scope labels, in output order
 * @param corpus the corpus extending it
 * @returns the plan
 * @throws {CorpusError} code `intent-overlap` naming every corpus intent the base model has that is
 *   not marked `override`; code `override` when an override names an intent the base model does not
 *   have, or one base intent is taken over twice
 */
export function planExtension(baseLabels: readonly string[], corpus: Corpus): ExtensionPlan {
  const base = new Set(baseLabels);
  const custom = [...new Set(corpus.train.map((e) => e.intent))]
    .filter((i) => i !== OOS_LABEL)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const overrides = corpus.overrides ?? {};
  const overlap = custom.filter((i) => base.has(i) && !(overrides[i] ?? []).includes(i));
  if (overlap.length > 0) {
    throw new CorpusError(
      `the base model already has ${overlap.length === 1 ? 'the intent' : 'the intents'} ${overlap.map((i) => `"${i}"`).join(', ')}: ` +
        'mark each with "override: true" to replace it, rename it, or train with replace: true for a model of your intents only',
      { code: 'intent-overlap' },
    );
  }
  const takenBy = new Map<string, string>();
  const report: ExtensionReport = { added: [], overridden: [], renamed: [], merged: [], similar: [], warnings: [] };
  for (const [intent, sources] of Object.entries(overrides)) {
    if (!custom.includes(intent)) {
      report.warnings.push(`"override" of "${intent}" is ignored: the corpus has no examples of it`);
      continue;
    }
    const unknown = sources.filter((s) => !base.has(s));
    if (unknown.length > 0) {
      const self = unknown.length === 1 && unknown[0] === intent;
      throw new CorpusError(
        self
          ? `intent "${intent}" is marked "override" but the base model has no intent "${intent}" to replace`
          : `intent "${intent}" overrides ${unknown.map((u) => `"${u}"`).join(', ')}, which the base model does not have`,
        { code: 'override' },
      );
    }
    for (const s of sources) {
      const previous = takenBy.get(s);
      if (previous !== undefined)
        throw new CorpusError(`base intent "${s}" is overridden by both "${previous}" and "${intent}"`, {
          code: 'override',
        });
      takenBy.set(s, intent);
    }
  }
  const relabel = new Map<string, string | null>();
  const labels: string[] = [];
  const baseColumn: number[] = [];
  const placed = new Set<string>();
  baseLabels.forEach((label, column) => {
    const owner = takenBy.get(label);
    if (owner === undefined) {
      relabel.set(label, label);
      labels.push(label);
      baseColumn.push(column);
      return;
    }
    // Replaced in place: the corpus's examples define it now. Folded in: its examples are kept, renamed.
    relabel.set(label, owner === label ? null : owner);
    if (placed.has(owner)) return; // a merge keeps the first source's column
    placed.add(owner);
    labels.push(owner);
    baseColumn.push(column);
  });
  for (const intent of custom) {
    const sources = overrides[intent] ?? [];
    if (sources.length === 0) {
      report.added.push(intent);
      labels.push(intent);
      baseColumn.push(-1);
      continue;
    }
    if (sources.includes(intent)) report.overridden.push(intent);
    const others = sources.filter((s) => s !== intent);
    if (others.length === 1 && !sources.includes(intent))
      report.renamed.push({ from: others[0] as string, to: intent });
    else if (others.length > 0) report.merged.push({ from: others, to: intent });
  }
  return { labels, baseColumn, relabel, report };
}
