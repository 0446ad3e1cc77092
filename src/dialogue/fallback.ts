/**
 * The replies for turns no skill answers: an honest "I can't do that here yet" for an intent the
 * model knows, and "I didn't understand" for the rest — both with suggestions of what the
 * registered skills can do, taken from their `description`.
 *
 * @module
 */
import type { QuickReply } from '../engine/types.ts';
import type { NormalizedReply, SkillDefinition } from '../skills/types.ts';
import { describeIntent } from './intent-phrases.ts';

const pickFrom = <T>(items: readonly T[], random: () => number): T =>
  items[Math.min(items.length - 1, Math.floor(random() * items.length))]!;

/** Up to `n` different skill descriptions, in a random order. */
function suggestions(skills: readonly SkillDefinition[], random: () => number, n = 3): string[] {
  const pool = [
    ...new Set(skills.map((s) => s.description?.trim()).filter((d): d is string => d !== undefined && d !== '')),
  ];
  const out: string[] = [];
  while (out.length < n && pool.length > 0)
    out.push(pool.splice(Math.floor(random() * pool.length) % pool.length, 1)[0]!);
  return out;
}

function joinOr(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** Quick replies that show what works, for the skills the host registered. */
const EXAMPLES: Record<string, string> = {
  time: 'What time is it?',
  timer: 'Set a timer for 5 minutes',
  calculator: "What's 15% of 80?",
  measurement_conversion: 'How many grams in a pound?',
  shopping_list: "What's on my shopping list?",
  tell_joke: 'Tell me a joke',
};

function quickReplies(skills: readonly SkillDefinition[]): QuickReply[] {
  return Object.entries(EXAMPLES)
    .filter(([intent]) => skills.some((s) => s.intents.includes(intent)))
    .slice(0, 3)
    .map(([, label]) => ({ label }));
}

function withSuggestions(head: string, skills: readonly SkillDefinition[], random: () => number): NormalizedReply {
  const ideas = suggestions(skills, random);
  const text = ideas.length === 0 ? head : `${head} I can ${joinOr(ideas)}.`;
  const replies = quickReplies(skills);
  return replies.length === 0 ? { text } : { text, quickReplies: replies };
}

/**
 * The reply for an intent the model recognized but no registered skill answers.
 * @param intent the recognized intent, e.g. `book_flight`
 * @param skills the registered skills (their descriptions become suggestions)
 * @param random the injected random source
 */
export function unsupportedReply(
  intent: string,
  skills: readonly SkillDefinition[],
  random: () => number,
): NormalizedReply {
  const { phrase, reason } = describeIntent(intent);
  const opener = pickFrom(
    [
      `Sorry, I can't ${phrase} here yet.`,
      `I can't ${phrase} here yet, sorry.`,
      `That's one I can't do yet: I can't ${phrase} here.`,
    ],
    random,
  );
  const why = reason === undefined ? '' : ` ${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`;
  return withSuggestions(`${opener}${why}`, skills, random);
}

/**
 * The reply for a turn nothing understood.
 * @param skills the registered skills
 * @param random the injected random source
 */
export function outOfScopeReply(skills: readonly SkillDefinition[], random: () => number): NormalizedReply {
  const opener = pickFrom(
    [
      "Sorry, I didn't understand that.",
      "I'm not sure what you mean.",
      "Hmm, I didn't get that.",
      "Sorry, that's beyond me for now.",
    ],
    random,
  );
  return withSuggestions(opener, skills, random);
}
