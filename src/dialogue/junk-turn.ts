/**
 * What the dialogue manager makes of a junk turn (`../nlu/runtime/junk.ts`) before any policy sees
 * it. Junk that answers nothing (markup, code, an injection, a link, spoofed or mashed text) starts,
 * fills and runs nothing, whatever the policy would make of it; an open question stays open. Three
 * kinds may still answer what was asked, and only that:
 *
 * - a lone letter or two: "y"/"n"/"k" answer a confirmation; a two-letter answer written as a name
 *   ("Al", "Jo", "Li": a capital, a small letter, a vowel) may fill a free-text slot, since names are
 *   the one free-text value people give in two letters and they write them so; "zq", "XD" or "al"
 *   fill none;
 * - emoji: "👍"/"👌"/"✅" and "👎"/"❌" answer a confirmation (a gesture people do use for yes and
 *   no); emoji fill no slot and start nothing;
 * - a number alone: the policy reads it ("7" answers "For how long?", "2" "How many?"), except
 *   as a free-text value: "261518654" is no reminder, no list item and no name.
 *
 * And keyboard mash is no free-text value either, whatever the intent model knew of it, nor Chinese
 * interjections alone ("呃呃呃", "哈哈哈").
 *
 * @module
 */
import { answersNothing, junkKind, keyboardMash, type JunkKind } from '../nlu/runtime/junk.ts';
import { languages, packFor } from '../lang/pack.ts';
import { isNo, isYes } from './cues.ts';
import type { DialogueState } from './types.ts';

/** What a junk turn comes to: a fixed action, or `undefined` to let the policy decide. */
export type JunkAction = 'out-of-scope' | 'confirm' | 'deny' | undefined;

/** A two-letter answer written as a name: "Al", "Jo", "Ed", "Li", "Ty". */
const NAME_LIKE = /^\s*\p{Lu}\p{Ll}\s*$/u;
const VOWEL = /[aeiouy]/iu;
/** Emoji that say yes or no, with skin tones, presentation selectors and gender signs left out. */
const YES_EMOJI = /^(?:👍|👌|✅|✔|🆗|🙆|☑)+$/u;
const NO_EMOJI = /^(?:👎|❌|✖|🙅|⛔|🚫)+$/u;
const EMOJI_TRIM = /[\p{Emoji_Modifier}\ufe0f\u200d\u2640\u2642\s]/gu;

/**
 * Keyboard mash typed as a free-text answer ("tyropu rutpqr" to "What should I remind you about?").
 * The intent model calls a turn mash only when it knows none of its words, and its vocabulary is
 * hashed: a mash word may share a bucket with a word it knows. A free-text value is read from the
 * words as typed, so here mash is judged by its letters alone, and most of its words or letters
 * must be mash ("xmas shopping" is a reminder); a word written as a name needs stronger evidence
 * ("Zbigniew" and "Rothschild" are names, "Tjbyrnx" is not), and a word of four letters or fewer
 * is judged only next to a longer mash word ("KFC", "lmk", "zfb" are answers).
 */
const typedMash = (text: string): boolean => keyboardMash(text, true) || onlySounds(text);

/** Every language's cues: the turn's language is not known here, and each pack's patterns read their own script. */
const CUES = languages.map((lang) => packFor(lang).cues);

/** A turn of interjections alone in some language ("呃呃呃", "哈哈哈哈"): a sound, no free-text value. */
const onlySounds = (text: string): boolean => CUES.some((cues) => cues.onlySounds(text));

/** A link or an address after a verb of what to do with it ("email bob@example.com", "续费 www.example.com"). */
const linkTask = (text: string): boolean => CUES.some((cues) => cues.linkTask.test(text));

/** The yes or no a junk-looking answer gives to a confirmation, if it gives one. */
function yesOrNo(kind: JunkKind, text: string): 'confirm' | 'deny' | undefined {
  if (kind === 'emoji') {
    const bare = text.replace(EMOJI_TRIM, '');
    return YES_EMOJI.test(bare) ? 'confirm' : NO_EMOJI.test(bare) ? 'deny' : undefined;
  }
  return isYes(text) ? 'confirm' : isNo(text) ? 'deny' : undefined;
}

/**
 * The action a junk turn comes to, read against the question the dialogue has open.
 * @param junk the intent model's verdict (`NluResult.junk`), else {@link junkKind}'s of the text
 * @param text the turn's text
 * @param pending the open question, if any
 * @param freeText `true` when the open question asks for a free-text value (a `text` or
 *   `custom:` slot: a name, a reminder's text, a list item)
 * @returns `out-of-scope`, `confirm` or `deny` when the turn's junk settles it; `undefined` when
 *   the turn is no junk, or junk the policy may read as an answer (a number, a name-like "Al")
 */
export function junkAction(
  junk: JunkKind | undefined,
  text: string,
  pending: DialogueState['pending'],
  freeText: boolean,
): JunkAction {
  const free = pending?.type === 'slot' && freeText;
  // The intent model calls a turn of short words it does not know gibberish ("KFC", "zfb"); as a
  // free-text value it is judged by its letters as typed, where such words are acronyms or initials.
  const kind = junk === 'gibberish' && free ? undefined : (junk ?? junkKind(text));
  if (kind === undefined) return free && typedMash(text) ? 'out-of-scope' : undefined;
  // A link or an address after a verb of what to do with it is a task said tersely ("email
  // bob@example.com", "renew example.com", "给 jo@example.org 发邮件" to "What should I remind you about?").
  if (kind === 'link' && free && linkTask(text)) return undefined;
  if (answersNothing(kind)) return 'out-of-scope';
  if (kind === 'number') return pending?.type === 'slot' && freeText ? 'out-of-scope' : undefined;
  if (pending?.type === 'confirm') return yesOrNo(kind, text) ?? (kind === 'emoji' ? 'out-of-scope' : undefined);
  if (kind === 'emoji') return 'out-of-scope';
  // Letters with a slot asked: only a name-like pair may be a free-text value ("k" or "zq" is none).
  if (pending?.type === 'slot')
    return freeText && NAME_LIKE.test(text) && VOWEL.test(text) ? undefined : 'out-of-scope';
  return undefined;
}
