/**
 * What the registered skills can do, said in a pack's language: the one source of the replies that
 * list the assistant's abilities ("what can you do?", and the suggestions after "I didn't get
 * that"), so they never advertise a skill that is not there, and do name the app's own.
 *
 * @module
 */
import type { QuickReply } from '../engine/types.ts';
import type { SkillDefinition } from '../skills/types.ts';
import type { LanguagePack } from './pack.ts';

/**
 * What each skill does, once each, in skill order: the pack's wording of a built-in skill, else the
 * skill's own `description` (English only: a Chinese reply leaves out what it cannot say in Chinese),
 * else, in English, what its first intent asks for ("help with store hours").
 * @param skills the registered skills
 * @param pack the language to say it in
 * @returns the descriptions
 */
export function describeSkills(skills: readonly SkillDefinition[], pack: LanguagePack): string[] {
  const described = skills.map((s) => {
    if (Object.hasOwn(pack.dialogue.skillDescriptions, s.id)) return pack.dialogue.skillDescriptions[s.id];
    if (pack.lang !== 'en') return undefined;
    // "I can tell where your order is., flip a coin": the list adds its own punctuation.
    const own = s.description?.trim().replace(/[.!。！]+$/u, '');
    if (own) return own;
    const [intent] = s.intents;
    return intent === undefined ? undefined : pack.dialogue.intentPhrase(intent);
  });
  return [...new Set(described.filter((d): d is string => d !== undefined && d !== ''))];
}

/**
 * Up to `n` quick replies that show what works: the pack's example request of each intent a
 * registered skill answers, in the pack's order.
 * @param skills the registered skills
 * @param pack the language
 * @param n how many @default 3
 */
export function exampleReplies(skills: readonly SkillDefinition[], pack: LanguagePack, n = 3): QuickReply[] {
  return Object.entries(pack.dialogue.examples)
    .filter(([intent]) => skills.some((s) => s.intents.includes(intent)))
    .slice(0, n)
    .map(([, label]) => ({ label }));
}
