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
/** The words of a take-back between the number said and the one meant ("actually 2 things" is no take-back). */
const TAKE_BACK = `(?:no(?:\\s{1,3}no)?(?:\\s{1,3}wait)?|no\\s{1,3}sorry|sorry|i\\s{1,3}mean|or\\s{1,3}rather|wait\\s{1,3}no)`;
/**
 * What may follow the number meant: the end, a stop, its unit or half of the day, a day or a part of one, a
 * polite word, the rest of a sum, or "to"/"and" before the task. Never a noun it counts ("no one else is up",
 * "sorry one more thing", "2 copies"): there the second number is content, and nothing is taken back.
 */
const AFTER_MEANT =
  `(?=\\s{0,12}(?:$|[,.!?;%]|(?:${UNIT}|tonight|today|tomorrow|tmrw|morning|afternoon|evening|night|on|at|in\\s+the|` +
  `please|pls|thanks?|then|instead|sharp|ish|to|and|times|plus|minus|divided|multiplied|x|over|percent)(?![\\p{L}])))`;

/**
 * "one" or "oh" said alone: after "no"/"sorry" it is mostly a pronoun ("no one in the house is up", "sorry one on
 * the list is missing"), so it is the number meant only right before its unit or half of the day ("no one pm").
 */
const LONE_ONE = `(?:one|oh)(?![\\p{L}\\d])(?![\\s-]{1,3}(?:${NUMBER_WORD})(?![\\p{L}]))`;
const MEANT =
  `(?:(?=${LONE_ONE})(?:one|oh)\\s{1,3}(?:${UNIT})(?![\\p{L}])|` +
  `(?!${LONE_ONE})${NUMBER}(?![\\p{L}\\d])${AFTER_MEANT})`;

// "ten no fifteen", "at 7 no 8", "six thirty sorry six forty five", "ten seconds I mean ten minutes": the first
// number (with its unit) and the take-back go, when the number meant ends where a number can (MEANT).
// Gaps are bounded, so a long run of spaces costs each start a few steps.
const TAKE_BACK_RE = new RegExp(
  `(?<![\\p{L}\\d])${NUMBER}(?:\\s{1,3}(?:${UNIT}))?\\s{0,3},?\\s{1,3}${TAKE_BACK},?\\s{1,3}(?=(?:at\\s|for\\s|in\\s)?\\s{0,12}${MEANT})`,
  'giu',
);

// Voice fillers, never part of a date, a time or an amount: "tomorrow um at 9", "for uh ten minutes".
const FILLER_RE = /(?<![\p{L}'’])(?:um+|uh+m*|erm+|hmm+)(?![\p{L}'’])\s*,?/giu;
// "like" as a hedge, only right after a day, a part of one, a preposition of time or a number and before a time
// or an amount ("tomorrow like at noon", "for like 10 minutes", "for 5 like at noon"); anywhere else it is what
// it is ("I'd like at least 5", "kids like 3 sugars"). The gap allows a filler read away ("friday um like at 9").
const LIKE_LEAD =
  'today|tonight|tomorrow|tmrw|tmr|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|' +
  'evening|night|weekend|for|in|at|around|about|by|on|until|till';
const LIKE_RE = new RegExp(
  `like(?<=(?<![\\p{L}'’])(?:\\d|${LIKE_LEAD}|${NUMBER_WORD})[\\s,]{1,8}like),?(?=\\s+(?:at|around|about|in|on|for|noon|midnight|\\d|` +
    `(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)\\b))`,
  'giu',
);
// "a too minute timer", "for to hours", "in too minutes": before a unit, after a word a count follows, the
// sound of "two"; "for for minutes" is "4". Elsewhere "to" and "for" are what they are.
// The look-behinds follow the word, so a long run of spaces is scanned once, not at every position.
const TWO_RE =
  /(?:too|to)(?<=\b(?:a|an|for|in|another|extra|the|first|next|last)\s{1,3}(?:too|to))(?=[\s-]{1,3}(?:more\s+)?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?)\b)/giu;
// Not after "in": "the meeting is in for hours" is an idiom.
const FOUR_RE =
  /for(?<=\b(?:a|for|another|extra)\s{1,3}for)(?=[\s-]{1,3}(?:more\s+)?(?:seconds?|secs?|minutes?|mins?|hours?|hrs?)\b)/giu;

const digitFor = (digit: string) => (s: string) => digit.padEnd(s.length, ' ');

/**
 * At most this many characters are read away in one utterance: dictation has a few fillers and take-backs, and
 * thousands ("um um um …") would leave a run of spaces that chrono reads in quadratic time; past it the words stay.
 */
const MAX_BLANKED = 64;

/**
 * An English utterance without its voice fillers ("call um Ann" → "call Ann"), for the words a slot keeps.
 *
 * @param text - what was said
 * @returns the text, each filler (and the comma after it) a single space
 * @example withoutFillers('call um, Ann') // 'call  Ann'
 */
export function withoutFillers(text: string): string {
  return text.replace(FILLER_RE, ' ');
}

/**
 * Reads dictation's take-backs, fillers and number homophones out of an English utterance, keeping its length
 * (see the module comment). Text without one comes back as it is.
 *
 * @param text - the utterance (English; Chinese has its own readings)
 * @returns a string of the same length for the grammars to read
 * @example readDictation('remind me at 4 no 5 pm') // 'remind me at      5 pm'
 */
export function readDictation(text: string): string {
  let budget = MAX_BLANKED;
  const blank = (s: string): string => {
    if (s.length > budget) return s;
    budget -= s.length;
    return ' '.repeat(s.length);
  };
  // Fillers first: "for 4 no wait 5 um at noon" takes back once "um" is read away.
  return text
    .replace(FILLER_RE, blank)
    .replace(LIKE_RE, blank)
    .replace(TAKE_BACK_RE, blank)
    .replace(TWO_RE, digitFor('2'))
    .replace(FOUR_RE, digitFor('4'));
}
