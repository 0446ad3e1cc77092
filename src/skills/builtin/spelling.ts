/**
 * The built-in spelling skill: "how do you spell necessary" → "N-E-C-E-S-S-A-R-Y, 9 letters".
 *
 * @module
 */
import type { DialogueSlot, SlotExtractInput } from '../../dialogue/types.ts';
import type { SkillDefinition } from '../../skills/types.ts';
import { pick, plural, type Random } from './phrasing.ts';

const PATTERNS = [
  /["“'‘]([\p{L}][\p{L}' -]{0,40}?)["”'’]/u,
  /\bspell(?:ing)?(?:\s+out)?(?:\s+of)?(?:\s+the\s+word)?\s+([\p{L}][\p{L}'-]*(?:\s+[\p{L}][\p{L}'-]*){0,2}?)(?:\s+(?:for me|please|again|correctly|right))*\s*[?.!]*$/iu,
  /\bhow\s+(?:is|do you spell|would you spell|to spell)\s+(?:the\s+word\s+)?([\p{L}][\p{L}'-]*)(?:\s+spelled|\s+spelt)?\b/iu,
  /^(?:the\s+word\s+)?([\p{L}][\p{L}'-]*)\s+is\s+spell?ed\b/iu,
  /\bletters\s+(?:are\s+)?in\s+(?:the\s+word\s+)?([\p{L}][\p{L}'-]*)/iu,
];

/** The word a request asks to spell; a whole answer when it answers "which word?". */
function extractWord({ text, answer, cue }: SlotExtractInput): string | undefined {
  if (answer || cue !== undefined) {
    const w = (cue?.rest ?? text)
      .trim()
      .replace(/^(?:the\s+word\s+)?["“'‘]?|["”'’]?[?.!]*$/giu, '')
      .trim();
    return /^[\p{L}][\p{L}' -]{0,40}$/u.test(w) ? w : undefined;
  }
  for (const p of PATTERNS) {
    const w = p.exec(text.trim())?.[1]?.trim();
    if (w !== undefined && !/^(?:it|that|this|something|a word|words?|out)$/i.test(w)) return w;
  }
  return undefined;
}

const wordSlot: DialogueSlot = {
  name: 'word',
  kind: 'text',
  prompt: ['Which word should I spell?', 'Sure, which word?'],
  extract: extractWord,
  validate: (v) =>
    typeof v === 'string' && /^[\p{L}][\p{L}' -]{0,40}$/u.test(v)
      ? true
      : 'I can spell words made of letters. Which word?',
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
      const word = String(ctx.slots['word']);
      const spelled = word
        .split(/\s+/)
        .map((w) => [...w.toUpperCase()].filter((c) => c !== "'").join('-'))
        .join('  ');
      const letters = [...word].filter((c) => /\p{L}/u.test(c)).length;
      return pick(
        [
          `${word}: ${spelled}. That's ${plural(letters, 'letter')}.`,
          `It's spelled ${spelled} (${plural(letters, 'letter')}).`,
        ],
        random,
      );
    },
  };
}
