/**
 * The replies for turns no skill answers: an honest "I can't do that here yet" for an intent the
 * model knows, and "I didn't understand" for the rest — both with suggestions of what the
 * registered skills can do, in the turn's language (the words are the language packs').
 *
 * @module
 */
import { joinSentences, packFor, type LanguagePack } from '../lang/pack.ts';
import { describeSkills, exampleReplies } from '../lang/skill-descriptions.ts';
import type { NormalizedReply, SkillDefinition } from '../skills/types.ts';
import type { TalkKind } from '../lang/talk.ts';

const pickFrom = <T>(items: readonly T[], random: () => number): T =>
  items[Math.min(items.length - 1, Math.floor(random() * items.length))]!;

/** Up to `n` different descriptions of what the skills do, in a random order. */
function suggestions(skills: readonly SkillDefinition[], pack: LanguagePack, random: () => number, n = 3): string[] {
  const pool = describeSkills(skills, pack);
  const out: string[] = [];
  while (out.length < n && pool.length > 0)
    out.push(pool.splice(Math.floor(random() * pool.length) % pool.length, 1)[0]!);
  return out;
}

function withSuggestions(
  head: string,
  skills: readonly SkillDefinition[],
  random: () => number,
  pack: LanguagePack,
): NormalizedReply {
  const ideas = suggestions(skills, pack, random);
  const text = ideas.length === 0 ? head : joinSentences(head, pack.dialogue.suggest(ideas), pack.tag);
  const replies = exampleReplies(skills, pack);
  return replies.length === 0 ? { text } : { text, quickReplies: replies };
}

/**
 * The reply for an intent the model recognized but no registered skill answers.
 * @param intent the recognized intent, e.g. `book_flight`
 * @param skills the registered skills (their descriptions become suggestions)
 * @param random the injected random source
 * @param lang the language to answer in @default 'en'
 */
export function unsupportedReply(
  intent: string,
  skills: readonly SkillDefinition[],
  random: () => number,
  lang = 'en',
): NormalizedReply {
  const pack = packFor(lang);
  return withSuggestions(pickFrom(pack.dialogue.unsupported(intent), random), skills, random, pack);
}

/**
 * The reply for a turn nothing understood.
 * @param skills the registered skills
 * @param random the injected random source
 * @param lang the language to answer in @default 'en'
 */
export function outOfScopeReply(
  skills: readonly SkillDefinition[],
  random: () => number,
  lang = 'en',
): NormalizedReply {
  const pack = packFor(lang);
  return withSuggestions(pickFrom(pack.dialogue.outOfScope, random), skills, random, pack);
}

/**
 * The reply to talk (`src/lang/talk.ts`): a short, warm line for a feeling ("I'm sorry you're
 * feeling down."), a calm one for an insult, each followed by what the skills can do; no advice and
 * no diagnosis. An aside gets only "take your time" (its question stays open), praise a thank-you,
 * taking note an "Okay!".
 * @param kind the talk read in the turn
 * @param skills the registered skills
 * @param random the injected random source
 * @param lang the language to answer in @default 'en'
 */
export function talkReply(
  kind: TalkKind,
  skills: readonly SkillDefinition[],
  random: () => number,
  lang = 'en',
): NormalizedReply {
  const pack = packFor(lang);
  const head = pickFrom(pack.talk.replies[kind] ?? pack.dialogue.outOfScope, random);
  const offers = kind !== 'aside' && kind !== 'praise' && kind !== 'ack' && kind !== 'privacy';
  return offers ? withSuggestions(head, skills, random, pack) : { text: head };
}
