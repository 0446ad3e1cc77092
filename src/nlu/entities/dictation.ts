/**
 * What voice dictation puts around a number, read away before the English grammars run: a take-back
 * ("ten no fifteen minutes", "at 7 no 8", "six thirty sorry six forty five", "ten seconds I mean ten minutes"),
 * a spoken filler between a day and its time ("tomorrow um at 9", "friday like at three pm", "for like 10
 * minutes"), and the homophones of a count before a unit ("a too minute timer", "for to hours").
 *
 * The reading keeps every offset: what is read away becomes spaces, a homophone becomes a digit padded to
 * the word's length, so the entities found on the result are cut from the text as written (extract-entities.ts).
 * Only the grammars see it; the intent model and the skills read what was said.
 *
 * @module
 */

const NUMBER_WORD =
  'zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|' +
  'seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half|a\\s+half|quarter';
/** One number as said: digits (a clock's "7:30", "6pm") or a number word. */
const NUMBER = `(?:\\d{1,4}(?:[:.]\\d{1,2})?(?:\\s?[ap]\\.?m\\.?)?|(?:${NUMBER_WORD})(?:[\\s-](?:${NUMBER_WORD})){0,2})`;
const UNIT =
  "seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|o['’]?clock|am|pm|a\\.m\\.|p\\.m\\.";
/** The words of a take-back between the number said and the one meant. */
const TAKE_BACK = `(?:no(?:\\s+no)?(?:\\s+wait)?|no\\s+sorry|sorry|i\\s+mean|or\\s+rather|make\\s+(?:that|it)|wait\\s+no|actually)`;

// "ten no fifteen", "at 7 no 8", "six thirty sorry six forty five", "ten seconds I mean ten minutes": the first
// number (with its unit) and the take-back go; a number must follow, so "2 no sugar" and "sorry" alone stay.
const TAKE_BACK_RE = new RegExp(
  `(?<![\\p{L}\\d])${NUMBER}(?:\\s+(?:${UNIT}))?(?:\\s*,\\s*|\\s+)${TAKE_BACK}(?:\\s*,\\s*|\\s+)(?=(?:at\\s+|for\\s+|in\\s+)?(?:${NUMBER})(?![\\p{L}\\d])(?!\\s+(?:of|out)\\b))`,
  'giu',
);

// Voice fillers, never part of a date, a time or an amount: "tomorrow um at 9", "for uh ten minutes".
const FILLER_RE = /(?<![\p{L}'’])(?:um+|uh+m*|erm+|hmm+)(?![\p{L}'’])\s*,?/giu;
// "like" as a hedge before a time or an amount ("tomorrow like at noon", "for like 10 minutes"), not the verb
// ("I'd like at least 5", "feels like 2 hours" are rare; a subject before it marks the verb).
const LIKE_RE =
  /like(?<![\p{L}'’]like)(?<!\b(?:i|you|we|they|would|'d|do|don't|did|feel|feels|felt|look|looks|sound|sounds|just|really)\s+like),?(?=\s+(?:at|around|about|in|on|for|noon|midnight|\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)\b))/giu;

// "a too minute timer", "for to hours", "in too minutes": before a unit, after a word a count follows, the
// sound of "two"; "for for minutes" is "4". Elsewhere "to" and "for" are what they are.
// The look-behinds follow the word, so a long run of spaces is scanned once, not at every position.
const TWO_RE =
  /(?:too|to)(?<=\b(?:a|an|for|in|another|extra|the|first|next|last)\s+(?:too|to))(?=[\s-]+(?:more\s+)?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?)\b)/giu;
const FOUR_RE =
  /for(?<=\b(?:a|for|in|another|extra)\s+for)(?=[\s-]+(?:more\s+)?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?)\b)/giu;

const blank = (s: string): string => ' '.repeat(s.length);
const digitFor = (digit: string) => (s: string) => digit.padEnd(s.length, ' ');

/**
 * Reads dictation's take-backs, fillers and number homophones out of an English utterance, keeping its length
 * (see the module comment). Text without one comes back as it is.
 *
 * @param text - the utterance (English; Chinese has its own readings)
 * @returns a string of the same length for the grammars to read
 * @example readDictation('remind me at 4 no 5 pm') // 'remind me at      5 pm'
 */
export function readDictation(text: string): string {
  return text
    .replace(TAKE_BACK_RE, blank)
    .replace(FILLER_RE, blank)
    .replace(LIKE_RE, blank)
    .replace(TWO_RE, digitFor('2'))
    .replace(FOUR_RE, digitFor('4'));
}
