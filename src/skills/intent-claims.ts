/**
 * Which app skill answers which intent, checked when the assistant starts (issue 10.5): a skill
 * whose intents the model does not know would silently never run, and two skills on one intent
 * used to let the first one win silently. Both are refused with a `SkillError` that says what to do.
 *
 * @module
 */
import { SkillError } from '../errors.ts';
import { closestNames } from '../closest-names.ts';
import { LLM_FALLBACK_INTENT } from './llm/llm-fallback.ts';

/** What is checked of a skill: its id, intents and priority. @internal */
export interface IntentClaim {
  id: string;
  intents: readonly string[];
  priority?: number;
}

/**
 * Checks the app's skills against the model's intents and against each other.
 * @param skills the app's skills (built-in skills are replaced by an app skill on the same intent, by design)
 * @param labels the intents the model knows
 * @throws {SkillError} code `unknown-intent` naming the closest intents the model knows, or
 *   `intent-conflict` when two skills claim one intent without distinct priorities
 * @internal
 */
export function checkIntentClaims(skills: readonly IntentClaim[], labels: readonly string[]): void {
  const known = new Set([...labels, LLM_FALLBACK_INTENT]);
  const claims = new Map<string, IntentClaim[]>();
  for (const skill of skills) {
    for (const intent of skill.intents) {
      if (!known.has(intent)) {
        const close = closestNames(intent, labels);
        throw new SkillError(
          `The model has no intent ${JSON.stringify(intent)}, so this skill would never run` +
            (close.length > 0 ? `; close intents it knows: ${close.map((c) => JSON.stringify(c)).join(', ')}` : '') +
            " (the default model's intents are listed in docs/intents.md; train a model with yours: `confidant train`)",
          skill.id,
          { code: 'unknown-intent' },
        );
      }
      claims.set(intent, [...(claims.get(intent) ?? []), skill]);
    }
  }
  for (const [intent, claimants] of claims) {
    if (claimants.length < 2) continue;
    const priorities = claimants.map((s) => s.priority);
    if (priorities.some((p) => p === undefined) || new Set(priorities).size !== priorities.length) {
      const ids = claimants.map((s) => JSON.stringify(s.id)).join(' and ');
      throw new SkillError(
        `Skills ${ids} both claim the intent ${JSON.stringify(intent)}: give each a distinct \`priority\` (the highest answers)`,
        (claimants[1] as IntentClaim).id,
        { code: 'intent-conflict' },
      );
    }
  }
}

/** Orders skills as the dialogue manager looks intents up: highest priority first, else as given. @internal */
export function byPriority<T extends IntentClaim>(skills: readonly T[]): T[] {
  return [...skills].sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
}
