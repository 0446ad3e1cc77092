/**
 * English cue words: whole-utterance cancel, yes and no, and the openers of follow-ups and
 * corrections. The context model reads them as features (it decides; they are evidence), and the
 * openers tell slot extractors where a new value starts. Tested on the text after
 * `simplify` (lower case, punctuation dropped). Every pattern is anchored and has no nested
 * quantifiers, so each test is linear in the text.
 *
 * @module
 */

import { secondRequestEn } from './en-second-request.ts';

const POLITE = String.raw`(?:\s+(?:please|thanks|thank you|then|now|already|for now|it|that|this|all|everything))*`;

/** English cues. */
export const enCues = {
  cancel: new RegExp(
    String.raw`^(?:(?:oh|ok|okay|no|please|just|actually|um|uh|nah)\s+)*` +
      String.raw`(?:cancel|never\s?mind|forget\s(?:it|that|about it)|stop|scratch that|abort|quit|drop it|don't bother|skip it|leave it|not anymore|i changed my mind|changed my mind)` +
      POLITE +
      '$',
  ),
  yes: new RegExp(
    String.raw`^(?:(?:oh|ok|okay|well|um)\s+)?` +
      String.raw`(?:yes|yeah|yea|yep|yup|ya|sure|ok|okay|correct|right|affirmative|absolutely|definitely|of course|certainly|do it|go ahead|go for it|please do|yes please|sounds good|that's right|that is right|i do|confirm|y|k|kk)` +
      String.raw`(?:\s+(?:please|do it|go ahead|thanks|thank you|sure|that's right|i'm sure|it is|of course))*$`,
  ),
  no: new RegExp(
    String.raw`^(?:(?:oh|um|uh|well)\s+)?` +
      String.raw`(?:no|nope|nah|naw|nay|no way|not really|negative|no thanks|no thank you|don't|do not|please don't|don't do it|i don't think so|not now|n)` +
      String.raw`(?:\s+(?:thanks|thank you|please|don't|keep it|leave it|not now|that's fine))*$`,
  ),
  /** Openers of a follow-up that keeps the topic and changes one thing. */
  followUp:
    /^(?:and|also|plus|then|(?:what|wat|wot|wut) (?:about|abt|bout)|how (?:about|abt|bout)|what if|and (?:what|wat) (?:about|abt)|and how (?:about|abt)|same (?:for|with|in)|now|ok(?:ay)? (?:and|what about|now)|and also)\b/,
  /** Openers of a correction of the last turn. */
  correction:
    /^(?:(?:no|nope|nah|naw|sorry|oops|wait|actually|err?|hmm|uh)\b[\s,]*)*(?:i meant|i mean|i said|meant|make (?:it|that)|change (?:it|that) to|not\b.+\bbut\b|should be|it should be|rather|instead)\b|^(?:(?:hmm+|um+|uh+|oh|ah|ok(?:ay)?)\b[\s,]*)*(?:no|nope|sorry|oops|wait|actually)\b|^(?:nah|naw)\b.*\bmake (?:it|that)\b|\binstead\b|\b(?:put|change|set|switch|turn|make) (?:it|that) back\b|\b(?:go|going) back to\b/,
  /** The words of a second request joined to the first in one line, if any (./en-second-request.ts). */
  secondRequest: secondRequestEn,
  /** Removes the cue words at the start of a follow-up or correction ("no, I meant 7pm" → "7pm"). */
  strip(text: string): string {
    return text
      .trim()
      .replace(/^(?:(?:no|nope|sorry|oops|wait|actually|err?|hmm|uh|ok(?:ay)?|and|also|plus|then|now)\b[\s,]*)*/i, '')
      .replace(
        /^(?:i meant|i mean|i said|meant|make (?:it|that)|change (?:it|that) to|it should be|should be|rather|(?:what|wat|wot|wut) (?:about|abt|bout)|how (?:about|abt|bout)|what if|same (?:for|with))\b[\s,]*/i,
        '',
      )
      .replace(/[\s,]*\binstead\b/i, '')
      .trim();
  },
};
