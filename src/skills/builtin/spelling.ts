/**
 * The built-in spelling skill: "how do you spell necessary" → "N-E-C-E-S-S-A-R-Y, 9 letters".
 *
 * @module
 */
import type { DialogueSlot, SlotExtractInput } from '../../dialogue/types.ts';
import type { SkillDefinition } from '../../skills/types.ts';
import { pick, type Random } from './phrasing.ts';
import { hasHan } from '../../nlu/runtime/language-id.ts';
import { byLanguage, packFor } from '../../lang/pack.ts';
import {
  EMOJI_RUN,
  LAUGH_WORDS,
  POLITE_WORDS,
  PRONOUN_WORDS,
  STAND_IN_WORDS,
  STANCE_WORDS,
} from '../../lang/en/en-stand-ins.ts';

/**
 * Which spelling is meant, said after the word: "the kiwi way", "the british way", "in american english",
 * "uk style", "with the u" (round 13, en-train-12). None of the word.
 */
const WHICH_WAY = String.raw`the\s+(?:[\p{L}-]+\s+){1,2}?(?:way|spelling|version)|(?:in|with)\s+(?:[\p{L}]+\s+){1,2}?(?:english|spelling)|(?:uk|us|british|american|aussie|australian|kiwi|canadian)\s+(?:style|spelling|way)|with\s+(?:the|a|an)\s+\p{L}`;

const PATTERNS = [
  /["“'‘]([\p{L}][\p{L}' -]{0,40}?)["”'’]/u,
  // "spell invoice then", "spell it for me pls": the talk after the word is none of it.
  new RegExp(
    String.raw`\bspell(?:ing)?(?:\s+out)?(?:\s+of)?(?:\s+the\s+word)?\s+([\p{L}][\p{L}'-]*(?:\s+[\p{L}][\p{L}'-]*){0,2}?)(?:\s+(?:for me|again|correctly|right|then|now|too|${WHICH_WAY}|${POLITE_WORDS}|${LAUGH_WORDS}|${STANCE_WORDS}))*\s*(?:${EMOJI_RUN}\s*)?[?.!]*$`,
    'iu',
  ),
  /\bhow\s+(?:is|do you spell|would you spell|to spell)\s+(?:the\s+word\s+)?([\p{L}][\p{L}'-]*)(?:\s+spelled|\s+spelt)?\b/iu,
  /^(?:the\s+word\s+)?([\p{L}][\p{L}'-]*)\s+is\s+spell?ed\b/iu,
  /\bletters\s+(?:are\s+)?in\s+(?:the\s+word\s+)?([\p{L}][\p{L}'-]*)/iu,
  // "the word is bureaucracy" said after the question was answered by something else.
  /^(?:(?:ok(?:ay)?|so|right|and|oh)[\s,.]+)*(?:the|my)\s+word\s+is\s*:?\s+["“'‘]?([\p{L}][\p{L}'-]*)["”'’]?[\s?.!]*$/iu,
];

/** English words of the request itself, said among Chinese ("帮我spell一下", "check下spelling"). */
const REQUEST_WORD = /^(?:spell|spelling|spelt|spelled|check|pls|plz|please|help|how|word|ok|okay)$/i;

/** "necessary怎么拼", "怎么拼写 restaurant", "“饕餮”怎么写": the Latin word, else a quoted one. */
function extractWordZh(text: string, answer: boolean): string | undefined {
  const quoted = /[“"'‘「]([^”"'’」]{1,40})[”"'’」]/u.exec(text)?.[1]?.trim();
  if (quoted !== undefined) return quoted;
  // "帮我spell一下 Wednesday": the English verb of the request is no word to spell when another follows.
  const latin = text.match(/[A-Za-z][A-Za-z'-]{0,40}/g) ?? [];
  const word = latin.find((w) => !REQUEST_WORD.test(w)) ?? latin[0];
  if (word !== undefined) return word;
  if (!answer) return undefined;
  const han = text.replace(/[\s，,。.!！?？]+/gu, '').replace(/^(?:是|就是|单词|这个词)/u, '');
  return /^\p{Script=Han}{1,10}$/u.test(han) ? han : undefined;
}

/** Talk before a word answered bare: "n necessary", "oh right. onomatopoeia", "and occasion". */
const LEAD =
  /^(?:(?:and|n|&|also|oh(?: right)?|ok(?:ay)?|so|um+|uh+|hmm+|now|then|next|what about|how about)\b[\s,.]*)+/i;
/** Talk after it: "definitely pls", "occasion, while you're at it?". */
const TAIL = new RegExp(
  String.raw`(?:[\s,]+(?:${POLITE_WORDS}|${LAUGH_WORDS}|${STANCE_WORDS}|${WHICH_WAY}|for me|too|as well|again|now|then|while you'?re at it|if you can|if you could))+[\s?.!]*$`,
  'iu',
);
/** Emoji typed around a word ("and rhythm 😭"): none of it. */
const EMOJI = new RegExp(EMOJI_RUN, 'gu');
/** A word that stands for one without being it ("how u spell smth"): ask which. */
const NOT_A_WORD = new RegExp(String.raw`^(?:${PRONOUN_WORDS}|${STAND_IN_WORDS}|a word|some word|words?|out)$`, 'i');

/**
 * "spell sawubona then, I'll learn it", "and rhythm, half of them get that wrong": a clause after a comma
 * says why; the word is read from what comes before it when the whole turn gives none.
 */
// Not a clause that asks for the word itself: "thanks, and how about bureaucracy" is a follow-up.
const CLAUSE_AFTER =
  /\s*,\s+(?!(?:and|n|also|now|then|next|so|ok|okay|what|whats|what's|how|spell|can|could)\b)\p{L}\S*(?:\s+\S+)+\s*$/iu;

/** The word a request asks to spell; a whole answer when it answers "which word?". */
function extractWord(input: SlotExtractInput): string | undefined {
  const word = extractWordOf(input);
  if (word !== undefined || hasHan(input.text)) return word;
  const text = input.text.replace(CLAUSE_AFTER, '');
  if (text === input.text || text.trim() === '') return undefined;
  const rest = input.cue?.rest.replace(CLAUSE_AFTER, '');
  return extractWordOf({ ...input, text, ...(input.cue === undefined ? {} : { cue: { ...input.cue, rest: rest! } }) });
}

function extractWordOf({ text, answer, cue }: SlotExtractInput): string | undefined {
  if (hasHan(text)) return extractWordZh(cue?.rest ?? text, answer || cue !== undefined);
  if (answer || cue !== undefined) {
    // "okay now spell mischievous please" as the answer: the request's frame names the word.
    for (const p of PATTERNS) {
      const w = p.exec((cue?.rest ?? text).trim())?.[1]?.trim();
      if (w !== undefined && !NOT_A_WORD.test(w)) return w;
    }
    const w = bareWord(cue?.rest ?? text);
    return /^[\p{L}][\p{L}' -]{0,40}$/u.test(w) && !NOT_A_WORD.test(w) ? w : undefined;
  }
  for (const p of PATTERNS) {
    const w = p.exec(text.trim())?.[1]?.trim();
    if (w !== undefined && !NOT_A_WORD.test(w)) return w;
  }
  // "n necessary pls" after a word was spelled: a request for spelling whose only content is a word said
  // after a follow-up's lead ("and", "n", "oh right.") is that word; without a lead, a lone word is not asked.
  if (!LEAD.test(text.trim())) return undefined;
  const w = bareWord(text);
  return /^[\p{L}][\p{L}'-]{0,40}$/u.test(w) && !NOT_A_WORD.test(w) ? w : undefined;
}

/** "n necessary pls", "oh right. onomatopoeia", "the word is bureaucracy": the word without the talk around it. */
function bareWord(text: string): string {
  return (
    text
      // Emoji first, in one linear pass: "and rhythm 😭".
      .replace(EMOJI, ' ')
      .trim()
      .replace(TAIL, '')
      // "necessary, like the word necessary", "tongue as in the body part": what says which word is none of it.
      .replace(/[\s,]+(?:like|as\s+in)\s+(?:the\s+(?:word|one)\b).*$/iu, '')
      .replace(LEAD, '')
      .replace(/^(?:(?:the|my)\s+word(?:\s+is)?\s*:?\s+)?["“'‘]?|["”'’]?[?.!]*$/giu, '')
      .trim()
  );
}

const wordSlot: DialogueSlot = {
  name: 'word',
  kind: 'text',
  prompt: byLanguage((p) => p.skills.spelling.askWord),
  extract: extractWord,
  // "hmmm ok so" while the word is asked is talk, not a word to spell: ask again.
  validate: (v, lang) =>
    typeof v === 'string' && /^[\p{L}][\p{L}' -]{0,40}$/u.test(v) && v.replace(LEAD, '').trim() !== ''
      ? true
      : packFor(lang).skills.spelling.badWord,
};

/**
 * The spelling skill (`spelling`).
 * @param random the injected random source
 */
export function createSpellingSkill(random: Random): SkillDefinition {
  return {
    id: 'builtin.spelling',
    version: '1.0.0',
    intents: ['spelling'],
    description: 'spell words',
    intentDescriptions: { spelling: 'spell a word; 怎么拼' },
    slots: [wordSlot],
    execute(ctx) {
      const say = packFor(ctx.lang).skills.spelling;
      const word = String(ctx.slots['word']);
      // Chinese characters have no letters: say so rather than spell 饕餮 as 饕-餮.
      if (hasHan(word)) return say.han(word);
      const spelled = word
        .split(/\s+/)
        .map((w) => [...w.toUpperCase()].filter((c) => c !== "'").join('-'))
        .join('  ');
      const letters = [...word].filter((c) => /\p{L}/u.test(c)).length;
      return pick(say.spelled(word, spelled, letters), random);
    },
  };
}
