/**
 * Keyword cues for the short, context-bound forms of English conversation: cancel, yes, no,
 * follow-up and correction. Intent models trained on whole requests are unreliable on two-word
 * fragments ("and in Paris?", "nope"), so the policy checks these first and works with any model.
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

const POLITE = String.raw`(?:\s+(?:please|thanks|thank you|then|now|already|for now|it|that|this|all|everything))*`;

const CANCEL = new RegExp(
  String.raw`^(?:(?:oh|ok|okay|no|please|just|actually|um|uh|nah)\s+)*` +
    String.raw`(?:cancel|never\s?mind|forget\s(?:it|that|about it)|stop|scratch that|abort|quit|drop it|don't bother|skip it|leave it|not anymore|i changed my mind|changed my mind)` +
    POLITE +
    '$',
);

const YES = new RegExp(
  String.raw`^(?:(?:oh|ok|okay|well|um)\s+)?` +
    String.raw`(?:yes|yeah|yea|yep|yup|ya|sure|ok|okay|correct|right|affirmative|absolutely|definitely|of course|certainly|do it|go ahead|go for it|please do|yes please|sounds good|that's right|that is right|i do|confirm|y)` +
    String.raw`(?:\s+(?:please|do it|go ahead|thanks|thank you|sure|that's right|i'm sure|it is|of course))*$`,
);

const NO = new RegExp(
  String.raw`^(?:(?:oh|um|uh|well)\s+)?` +
    String.raw`(?:no|nope|nah|naw|nay|no way|not really|negative|no thanks|no thank you|don't|do not|please don't|don't do it|i don't think so|not now|n)` +
    String.raw`(?:\s+(?:thanks|thank you|please|don't|keep it|leave it|not now|that's fine))*$`,
);

/** Openers of a follow-up that keeps the topic and changes one thing. */
const FOLLOW_UP =
  /^(?:and|also|plus|then|what about|how about|what if|and what about|and how about|same (?:for|with|in)|now|ok(?:ay)? (?:and|what about|now)|and also)\b/;

/** Openers of a correction of the last turn. */
const CORRECTION =
  /^(?:(?:no|nope|sorry|oops|wait|actually|err?|hmm|uh)\b[\s,]*)*(?:i meant|i mean|i said|meant|make (?:it|that)|change (?:it|that) to|not\b.+\bbut\b|should be|it should be|rather|instead)\b|^(?:no|nope|sorry|oops|wait|actually)\b|\binstead\b/;

/**
 * `true` when the whole utterance asks to drop the current task ("cancel", "never mind", "forget it").
 * @param text the raw utterance
 */
export function isCancel(text: string): boolean {
  return CANCEL.test(simplify(text));
}

/** `true` when the whole utterance is a yes ("yes", "sure, go ahead", "yep please"). */
export function isYes(text: string): boolean {
  return YES.test(simplify(text));
}

/** `true` when the whole utterance is a no ("no", "nope", "no thanks"). */
export function isNo(text: string): boolean {
  return NO.test(simplify(text));
}

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

/** Number of words, for "is this a fragment?" checks. */
export function wordCount(text: string): number {
  const s = simplify(text);
  return s === '' ? 0 : s.split(' ').length;
}
