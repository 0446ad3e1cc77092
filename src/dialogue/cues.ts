/**
 * The openers of a follow-up or a correction ("and …", "what about …", "no, I meant …"), so slot
 * extractors can read the new value without them ("no, I meant 7pm" → "7pm"; "and eggs" → "eggs").
 * They decide nothing: whether a turn follows up, corrects, cancels or confirms is the context
 * model's decision (`src/context/`); these only tell an extractor where the value starts.
 *
 * Every pattern is anchored and uses no nested quantifiers, so each test is linear in the text.
 *
 * @module
 */
import type { TurnCue } from './types.ts';

/** Lower-cases and trims punctuation and spacing so the cues see the words only. */
export function simplify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}'%:$.,\s-]/gu, ' ')
    .replace(/[.,!?]+(\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Openers of a follow-up that keeps the topic and changes one thing. */
const FOLLOW_UP =
  /^(?:and|also|plus|then|what about|how about|what if|and what about|and how about|same (?:for|with|in)|now|ok(?:ay)? (?:and|what about|now)|and also)\b/;

/** Openers of a correction of the last turn. */
const CORRECTION =
  /^(?:(?:no|nope|sorry|oops|wait|actually|err?|hmm|uh)\b[\s,]*)*(?:i meant|i mean|i said|meant|make (?:it|that)|change (?:it|that) to|not\b.+\bbut\b|should be|it should be|rather|instead)\b|^(?:no|nope|sorry|oops|wait|actually)\b|\binstead\b/;

/** `true` when the utterance opens like a follow-up ("and in Paris?", "what about tomorrow?"). */
export function isFollowUp(text: string): boolean {
  return FOLLOW_UP.test(simplify(text));
}

/** `true` when the utterance opens like a correction ("no, I meant 7pm", "actually make it 10"). */
export function isCorrection(text: string): boolean {
  return CORRECTION.test(simplify(text));
}

/**
 * Removes the cue words at the start of a follow-up or correction ("no, I meant 7pm" → "7pm"),
 * so extractors that take a whole answer see only the new value.
 * @param text the raw utterance
 */
export function stripCue(text: string): string {
  return text
    .trim()
    .replace(/^(?:(?:no|nope|sorry|oops|wait|actually|err?|hmm|uh|ok(?:ay)?|and|also|plus|then|now)\b[\s,]*)*/i, '')
    .replace(
      /^(?:i meant|i mean|i said|meant|make (?:it|that)|change (?:it|that) to|it should be|should be|rather|what about|how about|what if|same (?:for|with))\b[\s,]*/i,
      '',
    )
    .replace(/[\s,]*\binstead\b/i, '')
    .trim();
}

/**
 * The follow-up or correction cue a turn opens with, and the rest of it.
 * @param text the raw utterance
 * @returns the cue, or `undefined` for a turn without one
 */
export function cueOf(text: string): TurnCue | undefined {
  if (isCorrection(text)) return { type: 'correction', rest: stripCue(text) };
  if (isFollowUp(text)) return { type: 'follow-up', rest: stripCue(text) };
  return undefined;
}
