/**
 * The intents a turn may mean, as the context model sees them: every intent of a registered skill
 * and the intents the intent model ranks that no skill answers, each described in words read from
 * the skill's manifest (intent name, per-intent description, skill description, slot names). The
 * model scores this variable list instead of a fixed label set, so a skill registered after
 * training is understood from its manifest alone (issue 15, after the schema-guided SGD baseline).
 *
 * @module
 */
import type { IntentScore } from '../nlu/types.ts';
import type { SkillDefinition } from '../skills/types.ts';
import { LLM_FALLBACK_INTENT } from '../skills/llm/llm-fallback.ts';
import { describeIntent } from '../lang/en/en-intent-phrases.ts';
import { humanizeName } from './lexical-features.ts';

/** One intent the turn may mean. */
export interface IntentCandidate {
  intent: string;
  /** The skill that answers it; absent for an intent the model knows but no skill answers. */
  skill?: SkillDefinition;
  /** What it is, in words: the text the model reads (name words, descriptions, slot names). */
  text: string;
}

/** The most candidates scored per turn: more registered intents are cut by relevance (see {@link candidatesFor}). */
export const MAX_CANDIDATES = 64;

/** The description of one intent of a skill, built once per skill (skills are frozen after definition). */
const described = new WeakMap<SkillDefinition, Map<string, string>>();

/**
 * The words that describe an intent of a skill: the intent's name, its description in the manifest
 * (else the skill's description) and the skill's slot names.
 * @param skill the skill answering it
 * @param intent one of its intents
 */
export function describeSkillIntent(skill: SkillDefinition, intent: string): string {
  let byIntent = described.get(skill);
  if (byIntent === undefined) {
    byIntent = new Map();
    described.set(skill, byIntent);
  }
  let text = byIntent.get(intent);
  if (text === undefined) {
    const slots = (skill.slots ?? []).map((s) => humanizeName(s.name)).join(' ');
    // The skill's own description only when the intent has none: every word costs on every turn.
    const about = skill.intentDescriptions?.[intent] ?? skill.description ?? '';
    text = [humanizeName(intent), about, slots].filter((part) => part !== '').join(' | ');
    byIntent.set(intent, text);
  }
  return text;
}

/**
 * The candidates of a turn: each registered skill's intents (the first skill listing an intent
 * answers it), then the ranked intents no skill answers. The host's out-of-scope skill (the LLM
 * fallback) is not a candidate: out of scope is a dialogue command of its own.
 *
 * When there are more than {@link MAX_CANDIDATES}, the ones kept are those the intent model ranks,
 * those of the skills in context (`keep`), then the rest in registration order.
 *
 * @param skills the registered skills, in order
 * @param ranked the intent model's top intents for the turn
 * @param keep skill ids whose intents must stay (the active task's, the last turn's)
 * @param recent intents acted on in the last turns, kept as candidates even when no skill answers them
 * @returns the candidates, in a stable order
 */
export function candidatesFor(
  skills: readonly SkillDefinition[],
  ranked: readonly IntentScore[],
  keep: ReadonlySet<string> = new Set(),
  recent: readonly string[] = [],
): IntentCandidate[] {
  const seen = new Set<string>([LLM_FALLBACK_INTENT]);
  const answered: IntentCandidate[] = [];
  for (const skill of skills) {
    for (const intent of skill.intents) {
      if (seen.has(intent)) continue;
      seen.add(intent);
      answered.push({ intent, skill, text: describeSkillIntent(skill, intent) });
    }
  }
  const unanswered: IntentCandidate[] = [];
  // The intents of the last turns stay candidates, so "what about tomorrow?" after a weather question can keep it.
  for (const intent of [...ranked.map((r) => r.intent), ...recent]) {
    if (seen.has(intent)) continue;
    seen.add(intent);
    const { phrase } = describeIntent(intent);
    unanswered.push({ intent, text: `${humanizeName(intent)} | ${phrase}` });
  }
  const all = [...answered, ...unanswered];
  if (all.length <= MAX_CANDIDATES) return all;
  const rankedSet = new Set(ranked.map((r) => r.intent));
  const priority = (c: IntentCandidate): number =>
    rankedSet.has(c.intent) ? 0 : c.skill !== undefined && keep.has(c.skill.id) ? 1 : 2;
  const order = all.map((c, i) => ({ c, i })).sort((a, b) => priority(a.c) - priority(b.c) || a.i - b.i);
  const kept = new Set(order.slice(0, MAX_CANDIDATES).map((o) => o.i));
  return all.filter((_, i) => kept.has(i));
}
