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

/** A number or time said back: "10", "7 30", "ten", "20 minutes", "the old one". */
const VALUE = String.raw`(?:\d+(?: \d\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|the (?:old|first|original|other) (?:one|time))(?: (?:mins?|minutes?|hours?|hrs?|am|pm|oclock))?`;

/**
 * A take-back that restores an earlier value. Said at the END of the turn ("…, put it back", "change it back
 * to 20", "go back to 7") or opening with the value that was fine ("hmm 10 was fine", "actually 15 was
 * right"). Anywhere else it is the words of a new request: "remind me to put it back in the fridge at 8".
 */
const TAKE_BACK =
  String.raw`\b(?:put|change|set|switch|turn) (?:it|that) back(?: to ${VALUE})?(?: (?:please|pls|then|thanks|again))*$` +
  String.raw`|\b(?:go|going) back to ${VALUE}(?: (?:please|pls|then|thanks|again))*$` +
  String.raw`|^(?:(?:hmm+|um+|uh+|erm+|oh|ah|ok|okay|no|sorry|actually|wait) )*${VALUE} (?:was|is) (?:fine|right|better|good|ok|okay|correct)\b`;

/** English cues. */
export const enCues = {
  cancel: new RegExp(
    String.raw`^(?:(?:oh|ok|okay|no|please|just|actually|um|uh|nah)\s+)*` +
      String.raw`(?:cancel|never\s?mind|forget\s(?:it|that|about it)|stop|scratch that|abort|quit|drop it|don't bother|skip it|leave it|not anymore|i changed my mind|changed my mind)` +
      POLITE +
      '$',
  ),
  yes: new RegExp(
    // "yeah right" is disbelief in Australian and New Zealand English, no yes (review r13).
    String.raw`^(?!(?:yeah|yep)\s+right\b)(?:(?:oh|ok|okay|well|um|yeah|yep)\s+)?` +
      String.raw`(?:yes|yeah|yea|yep|yup|ya|sure|ok|okay|correct|right|affirmative|absolutely|definitely|of course|certainly|do it|go ahead|go for it|please do|yes please|sounds good|that's right|that is right|i do|confirm|y|k|kk|` +
      // Texting slang and Australian / New Zealand yeses (round 13): "bet, do it", "say less", "too easy".
      String.raw`bet|say less|too easy|righto|sweet as|yh|go on then|send it)` +
      String.raw`(?:\s+(?:please|pls|do it|go ahead|go for it|thanks|thank you|sure|that's right|i'm sure|it is|of course|fr|mate|send it|go))*$`,
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
  correction: new RegExp(
    String.raw`^(?:(?:no|nope|nah|naw|sorry|oops|wait|actually|err?|hmm|uh)\b[\s,]*)*(?:i meant|i mean|i said|meant|make (?:it|that)|change (?:it|that) to|not\b.+\bbut\b|should be|it should be|rather|instead)\b|^(?:no|nope|sorry|oops|wait|actually)\b|^(?:nah|naw)\b.*\bmake (?:it|that)\b|\binstead\b|` +
      TAKE_BACK,
  ),
  /** The words of a second request joined to the first in one line, if any (./en-second-request.ts). */
  secondRequest: secondRequestEn,
  /**
   * A verb of what to do with a link or an address, opening a free-text answer: "email bob@example.com",
   * "renew example.com/plan" is a task said tersely, not a pasted link. Tested on the turn as typed.
   */
  linkTask:
    /^\s*(?:(?:e-?mail|mail|reply to|write to|send (?:it |this )?to|forward (?:it |this )?to|cc|renew|pay|visit|read|book (?:at|on)|order (?:from|on)|cancel|unsubscribe from|sign up (?:at|on)|log ?in to)\b)/iu,
  /**
   * `true` for a turn of interjections alone ("呃呃呃"), which answers no free-text question. None in
   * English: the intent and context models already read "hmm", "haha" or "ugh" typed as an answer as out of
   * scope, so the pack lists none.
   */
  onlySounds: (_text: string): boolean => false,
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
