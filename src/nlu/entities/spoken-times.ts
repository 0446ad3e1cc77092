/**
 * Clock times as people say them, which chrono-node's English parser misses or splits: "half past
 * five", "quarter to 6", "ten past seven", "seven in the morning", "8 tonight", "6 in the evening",
 * "at five thirty", "six o'clock", the British "half 8" (8:30), an alarm's bare hour ("set an alarm for 7"). Added to the date parser as one more chrono parser, so its
 * refiners still join the time to a day said next to it ("tomorrow at half past nine").
 *
 * Dictation writes an hour as the word that sounds like it: "at ate thirty" (8:30), "at for pm" (4 PM).
 * Right after "at"/"by" neither word can be anything else, so there they are read as the hour ("for" only
 * with a part of the day or minutes after it: "what are you looking at for?" stays a question). A spoken
 * time after "make it" / "change it to" ("actually make it eight fifteen") is a clock time when it has its
 * minutes: without them ("make it twelve") it may be a length or an amount, left to the other grammars.
 *
 * An hour said without a part of the day keeps chrono's reading of "at 7" (07:00, next occurrence), except
 * 1 to 4 (and a reminder's 5 to 6), read as the afternoon's by the date extractor (dates.ts); a part of the
 * day fixes the half: morning and "am" before noon; afternoon, evening, tonight and
 * "pm" after; "at night" after for 6–11 and before for 1–5 ("2 at night").
 *
 * @module
 */
import type { Parser } from 'chrono-node/en';

const HOUR_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
const MINUTE_WORDS: Readonly<Record<string, number>> = {
  five: 5,
  ten: 10,
  fifteen: 15,
  twenty: 20,
  'twenty five': 25,
  thirty: 30,
  'thirty five': 35,
  forty: 40,
  'forty five': 45,
  fifty: 50,
  'fifty five': 55,
  half: 30,
  quarter: 15,
};

/** Dictation's homophones of an hour, read as one only right after "at"/"by" (see the module comment). */
const HOMOPHONE_HOURS: Readonly<Record<string, number>> = { ate: 8, for: 4 };

const HOUR = `(?:1[0-2]|0?[1-9]|${Object.keys(HOUR_WORDS).join('|')})`;
// "at ate", "by for": a homophone only where an hour is the one thing that can follow.
const AT_HOMOPHONE = `(?<=\\b(?:at|by)\\s+)(?:ate|for)`;
const WORD_HOUR = `(?:${Object.keys(HOUR_WORDS).join('|')})`;
// Minutes before "past"/"to": words ("half", "a quarter", "twenty-five") or a number said with "minutes",
// so the sum "add 8 to 12" is never read as 11:52.
// Digits alone only before "past"/"after" ("5 past 2"): no sum is said with those. Not before "to": "meet
// at 25 to 4" stays unread, as "add 8 to 12" is a sum.
const OFFSET = `(?:half|(?:a\\s+)?quarter|twenty(?:[\\s-]?five)?|ten|five|\\d{1,2}\\s+min(?:ute)?s?|[1-5]?\\d(?=\\s+(?:past|after)\\s))`;
// Minutes after a spoken hour: "five thirty", "nine oh five", "6:45".
const AFTER_HOUR = `(?:[:.][0-5]\\d|\\s+(?:oh\\s+[1-9]|(?:twenty|thirty|forty|fifty)(?:[\\s-]?five)?|fifteen|ten|[0-5]\\d))`;
const DAY_PART =
  `(?:(?:in\\s+the\\s+|this\\s+|(?:tomorrow|tmrw|tmr)\\s+)(?:morning|afternoon|evening|night)|at\\s+night|tonight|` +
  `a\\.?m\\.?|p\\.?m\\.?)`;
const OCLOCK = `(?:\\s+o['’]?\\s?clock)?`;

// Groups: 1 offset, 2 past/to, 3 hour, 4 day part. "ten to six" without at/by/for is checked where it ends
// (countedRange).
const PAST_TO = `(?:(?:at|by|for)\\s+)?(${OFFSET})\\s+(past|after|to|till|til)\\s+(${HOUR})${OCLOCK}(?:,?\\s*(${DAY_PART}))?`;
// Groups: 5 hour, 6 minutes, 7 day part (required: "8 tonight", "seven in the morning", "six thirty pm").
const WITH_PART = `(?:(?:at|by|for)\\s+)?(${HOUR}|${AT_HOMOPHONE})(${AFTER_HOUR})?${OCLOCK},?\\s*(${DAY_PART})`;
// Groups: 8 hour, 9 minutes (a spoken hour after "at", before a word that ends the time: "at seven", "at five
// thirty please", not "look at one of them"); 10 hour (before "o'clock": "six o'clock").
const AT_WORD =
  // Not before "and a half" / "and a quarter": "at seven and a half" is 7:30 (AND_PART).
  `(?:(?:at|by)\\s+(${WORD_HOUR}|ate)(${AFTER_HOUR})?${OCLOCK}(?!\\s+and\\s+(?:a\\s+)?(?:half|quarter)\\b)` +
  `(?=\\s*(?:$|[,.!?;]|(?:please|pls|plz|instead|then|tomorrow|tmrw|today|tonight|on|and|for|to|if|so|thanks?)(?![\\p{L}])))` +
  `|(${WORD_HOUR})\\s+o['’]?\\s?clock)`;
// Group 11: the bare hour of an alarm ("set an alarm for 7", "alarm at 6 tomorrow"): after "alarm for" a
// number alone is the clock, never a length or an amount (those carry their unit: "an alarm for 10 minutes").
// "for" is part of the match: chrono drops a result that is a bare number.
const ALARM_HOUR =
  // "alarm on 7 hour", "alarm at 8 o'clock": the hour word after the number, as learners say o'clock (never
  // after "for": "an alarm for 1 hour" is a length).
  // "wake me at 6 hour" too, with the hour word only: "wake me at 6 and 20" is read by AND_PART.
  `(?:(?<=\\balarms?\\s+)|(?<=\\bwake\\s+(?:me|us)(?:\\s+up)?\\s+)(?=(?:at|on)\\s+\\d{1,2}\\s+hour\\b))(?:for\\s+(?=\\d+(?!\\s*hours?\\b))|at\\s+|on\\s+)(1[0-2]|0?[1-9])(?:\\s+hour\\b|${OCLOCK})` +
  `(?=\\s*(?:$|[,!?;]|\\.(?!\\d)|(?:please|pls|plz|instead|then|tomorrow|tmrw|tmr|today|on|and|every|sharp|thanks?)(?![\\p{L}])))`;
// Groups 12 hour, 13 day part: the British "half 8" (8:30), said alone or after at/by/for/about, before a
// word that ends the time ("half 6 tomorrow morning", "at half 8 pls"), never "half 8 cups" or "half an hour".
const HALF_HOUR =
  `(?:(?<=^|\\b(?:at|by|for|about|around|till|until|(?:wake|get)\\s+(?:me|us)(?:\\s+up)?)\\s+)|^)half\\s+(${HOUR})` +
  `(?:,?\\s*(${DAY_PART}))?` +
  `(?=\\s*(?:$|[,!?;]|\\.(?!\\d)|(?:please|pls|plz|instead|then|tomorrow|tmrw|tmr|today|on|and|to|sharp|thanks?)(?![\\p{L}])))`;
// Groups 14 hour, 15 minutes: a spoken hour with its spoken minutes after "make it" / "change it to"
// ("actually make it eight fifteen"), at the end of what is said.
const MADE_TIME =
  `(?<=\\b(?:make|change|move|set|put|push)\\s+it\\s+(?:to\\s+|for\\s+|at\\s+)?)(${WORD_HOUR}|ate)` +
  `(\\s+(?:oh\\s+(?:[1-9]|${WORD_HOUR})|(?:twenty|thirty|forty|fifty)(?:[\\s-]?five)?|fifteen|ten))` +
  `(?=\\s*(?:$|[,.!?;]|(?:please|pls|plz|instead|then|tomorrow|tmrw|tmr|today|tonight|thanks?)(?![\\p{L}])))`;
// The units of minutes said after their tens ("seven thirty eight", "six fifty one").
const UNIT_WORDS: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(HOUR_WORDS).filter(([, n]) => n <= 9),
);
const TENS_WORDS: Readonly<Record<string, number>> = { twenty: 20, thirty: 30, forty: 40, fifty: 50 };
const TENS = `(?:${Object.keys(TENS_WORDS).join('|')})`;
// Words that put a clock time in what is said: an alarm, waking, a reminder, a take-back ("no not six
// thirty"), a time question, a time moved ("make it"). Looked for in the same sentence, at most 60 characters
// back (a bound, so the look-behind stays linear). A price ("it costs six fifty"), a plane ("a seven forty
// seven") or an amount ("my son is 7 and a half") has none.
const CLOCK_CUE =
  `\\b(?:alarms?|wake|waking|remind(?:ers?)?|not|no|i\\s+mean|what\\s+time|` +
  `(?:make|change|move|push)\\s+it(?:\\s+to)?|(?:change|move|push)\\s+to)\\b[^.!?]{0,60}`;
// What may follow a time said bare: the end, a stop, a polite word, a day, or the next time of a
// take-back with its own minutes ("no not seven thirty eight thirty").
const BARE_END =
  `(?=\\s*(?:$|[,.!?;]|(?:please|pls|plz|instead|then|tomorrow|tmrw|tmr|today|tonight|and|sharp|not|no|sorry|i mean|thanks?|` +
  `${WORD_HOUR}\\s+(?:oh|${TENS}))(?![\\p{L}])))`;
// Minutes said after a bare hour: "oh five", "thirty", "forty five", "thirty eight". A units word is
// theirs unless the next hour's minutes follow it ("seven thirty eight thirty": 7:30, then 8:30).
const BARE_MINUTES = `\\s+(?:oh\\s+(?:[1-9]|${WORD_HOUR})|${TENS}(?:[\\s-]?(?:${Object.keys(UNIT_WORDS).join('|')}))?)`;
// A bare time that is the whole answer ("six forty five", "seven thirty tomorrow please"), as said to
// "what time?"; chrono gives a parser only the text after its last match, so the second time of a
// take-back ("… eight thirty") is read here too.
const ALONE = `(?<=^[\\s,]*)(?=${WORD_HOUR}${BARE_MINUTES}\\s*(?:[.!?]*\\s*$|(?:please|pls|plz|instead|then|tomorrow|tmrw|tmr|today|tonight|sharp|thanks?)(?![\\p{L}])))`;
// Groups 16 hour, 17 minutes: a spoken hour with its spoken minutes said bare, after a clock cue ("set an
// alarm for six forty two tomorrow", "no not seven thirty eight thirty") or alone. Not "eight fifteen" alone
// (two numbers there, as a teen may be an amount: dictation-classes.test.ts).
const BARE_SPOKEN = `(?:(?=${WORD_HOUR}\\s)(?<=${CLOCK_CUE})|${ALONE})(${WORD_HOUR})(${BARE_MINUTES})${BARE_END}`;
// Groups 18 hour, 19 quarter or half: "at seven and a half", "no it's 7 and a quarter": right after at/by
// or after a clock cue, never "2 and a half cups" or "my son is 7 and a half".
// Learners say minutes this way too ("change to 7 and 20", "at 6 and half in the morning"): two-digit
// minutes and a part of the day after (group 20), still only after at/by or a clock cue.
const AND_PART =
  `(?:(?<=\\b(?:at|by)\\s+)|(?=${HOUR}\\s)(?<=${CLOCK_CUE}))(${HOUR})\\s+and\\s+(?:a\\s+)?(quarter|half|[1-5]\\d)` +
  `(?:,?\\s*(${DAY_PART}))?${BARE_END}`;
// Groups 21 anchor, 22 hour, 23 minutes: a time said around a meal or the day's work ("after lunch, say
// 1:30", "after dinner, maybe 8", "after school, around 4"), read in the hours the anchor allows
// (ANCHOR_HOURS). A few words of hedging may come between.
const AROUND_ANCHOR =
  // The words are part of the match: chrono keeps the longer of two readings, and drops a bare number.
  `((?:after|before)\\s+(?:lunch(?:time)?|school|work|dinner|tea|supper|breakfast))[,\\s]+` +
  `(?:(?:say|like|maybe|about|around|at|erm|um|or|so|probably|roughly)[,\\s]+){0,3}` +
  `(12|0?[1-9]|1[01])([:.][0-5]\\d)?(?:\\s*ish)?(?=\\s*(?:$|[,!?;]|\\.(?!\\d)|(?:please|pls|or\\s+so|thanks?)(?![\\p{L}])))`;

// Groups 24 hour, 25 hour, 26 minutes: an hour said after "for" right before its day ("set an alarm for six
// tomorrow", "set one for six thirty tomorrow then"), after a clock cue or with its minutes; "a table for six
// tomorrow" has neither.
// "for" is part of the match of a bare hour only: chrono drops a result that is a bare number.
const FOR_DAY =
  `(?:for\\s+(?=${HOUR}\\s)(?<=${CLOCK_CUE}for\\s+)(${HOUR})|(?<=\\bfor\\s{1,3})(${HOUR})(${AFTER_HOUR}))` +
  `(?=\\s+(?:tomorrow|tmrw|tmr|today)(?![\\p{L}]))`;

// Group 27: an hour said loosely with "-ish" ("three-ish", "noonish", "around sixish"): the hour itself, read as
// "at 3" is (a reminder's afternoon, dates.ts). Only before a word that ends the time ("three-ish if it's quiet",
// "noonish to ring the plumber"): "three-ish people" counts; digits only after at/by/around… ("at 5ish"): "i
// need 6ish for the party", "the kids are 4ish" count.
// After a part of the day ("tonight, 1ish", "friday evening, 9ish") the date extractor joins the hour to it.
const ISH_HOUR =
  `(?<!(?:morning|afternoon|evening|night|tonight)[,\\s]+(?:(?:at|around|about|say|like|maybe|roughly)[,\\s]+){0,2})` +
  `(?:(?:at|by|for|about|around|till|until)\\s+|(?=\\D))(${HOUR}|noon|midday)\\s*-?\\s*ish` +
  `(?=\\s*(?:$|[,.!?;]|(?:if|when|please|pls|then|tomorrow|tmrw|tmr|today|tonight|to|for|or\\s+so|thanks?)(?![\\p{L}])))`;
// Groups 28 day, 29 hour (after a day), 30 hour (after "at"): a 24-hour clock said in hours, as learners say
// "9 heures" / "9 Uhr": "tomorrow 9 hours", "at 17 hours", "at 09 hours" (not "today 9 hours": a length). After "at" only an afternoon hour or
// one with its leading zero ("check the wound at 4 hours" is a length); never in a turn about a timer; the
// day is part of the match, so it is longer than chrono's reading of the length.
const CLOCK_HOURS =
  `(?:(tomorrow|tmrw)\\s+(?:at\\s+)?(1\\d|2[0-3]|0?\\d)|at\\s+(1[3-9]|2[0-3]|0\\d))\\s+hours?\\b` +
  `(?!\\s+(?:from|later|after|ago|before|long|of|left|to\\s+go|remaining)\\b)`;

/** A turn about a timer, where "N hours" is its length. */
const TIMER_CUE_RE = /\b(?:timers?|countdown|stopwatch)\b/i;

/** The hours (on a 12-hour clock, 12 as 0) a time said around an anchor may mean, and which half of the day. */
const ANCHOR_HOURS: Readonly<Record<string, { from: number; to: number; part: 'am' | 'pm' }>> = {
  'after lunch': { from: 0, to: 7, part: 'pm' },
  'after school': { from: 0, to: 7, part: 'pm' },
  'after work': { from: 0, to: 7, part: 'pm' },
  'after dinner': { from: 5, to: 11, part: 'pm' },
  'after tea': { from: 5, to: 11, part: 'pm' },
  'after supper': { from: 5, to: 11, part: 'pm' },
  'before dinner': { from: 3, to: 7, part: 'pm' },
  'before tea': { from: 3, to: 7, part: 'pm' },
  'before supper': { from: 3, to: 7, part: 'pm' },
  'after breakfast': { from: 6, to: 11, part: 'am' },
  'before lunch': { from: 6, to: 11, part: 'am' },
  'before school': { from: 5, to: 9, part: 'am' },
  'before work': { from: 5, to: 9, part: 'am' },
};

// "H and MM" with two-digit minutes is a time only after a cue that sets or moves a clock ("wake me at 6
// and 20", "move to 8 and 10", "make it 9 and 45") or with a part of the day after it: after "no" or
// "remind me to buy" the same words are two amounts ("no they're 7 and 12", "3 and 20 stamps").
const MINUTES_CUE =
  /\b(?:alarms?|wake|waking|(?:make|change|move|push|set)\s+(?:it|that)(?:\s+(?:to|for))?|(?:change|move|push)\s+to|remind(?:ers?)?\b[^.!?]{0,40}\b(?:at|by))\b[^.!?\d]{0,20}$/i;

const SPOKEN_TIME_RE = new RegExp(
  `(?<![\\p{L}\\d])(?:${PAST_TO}|${WITH_PART}|${AT_WORD}|${ALARM_HOUR}|${HALF_HOUR}|${MADE_TIME}|${BARE_SPOKEN}|${AND_PART}|${AROUND_ANCHOR}|${FOR_DAY}|${ISH_HOUR}|${CLOCK_HOURS})(?![\\p{L}\\d])`,
  'iu',
);

/** Words that can only start a spoken time: the date parser runs when one of them is there. */
export const SPOKEN_TIME_HINT_RE = new RegExp(
  `(?<![\\p{L}])(?:half|quarter|o['’]?\\s?clock|(?:ten|five|twenty(?:[\\s-]?five)?)\\s+(?:past|after|to|till)\\s+${WORD_HOUR}|\\d{1,2}\\s+(?:past|after)\\s+\\d|alarms?\\s+(?:for|at|on)\\s+\\d|\\d\\s+and\\s+[1-5]\\d|(?:after|before)\\s+(?:lunch|school|work|dinner|tea|supper|breakfast)|(?:${WORD_HOUR}|\\d|noon|midday)\\s*-?\\s*ish|\\d\\s+hours?|(?:at|by)\\s+(?:${WORD_HOUR}|ate|for)|${WORD_HOUR}\\s+(?:oh|fifteen|twenty|thirty|forty|fifty|in\\s+the|at\\s+night|tonight|this|tomorrow|tmrw|tmr|a\\.?m|p\\.?m))(?![\\p{L}])`,
  'iu',
);

function numberOf(word: string): number {
  const w = word
    .toLowerCase()
    .replace(/[\s-]+/g, ' ')
    .trim();
  if (/^\d+/.test(w)) return Number.parseInt(w, 10);
  if (w.startsWith('a ')) return numberOf(w.slice(2));
  if (w.startsWith('oh ')) return HOUR_WORDS[w.slice(3)] ?? Number.NaN;
  const [tens, unit] = w.split(' ');
  if (unit !== undefined && tens! in TENS_WORDS && unit in UNIT_WORDS) return TENS_WORDS[tens!]! + UNIT_WORDS[unit]!;
  return HOUR_WORDS[w] ?? MINUTE_WORDS[w] ?? HOMOPHONE_HOURS[w] ?? Number.NaN;
}

/** Minutes after the hour: "[:.]45", " thirty", " oh five", " 15". */
function minutesOf(text: string | undefined): number {
  if (text === undefined) return 0;
  return numberOf(text.replace(/^[:.\s]+/, ''));
}

/** The 24-hour clock hour and whether its half of the day was said. */
function withDayPart(hour: number, part: string | undefined): { hour: number; meridiem?: 0 | 1 } {
  if (part === undefined) return { hour };
  const p = part.toLowerCase();
  const h12 = hour % 12;
  const pm = /p\.?m|afternoon|evening|tonight/.test(p) || (/night/.test(p) && hour >= 6 && hour !== 12);
  if (pm) return { hour: h12 + 12, meridiem: 1 };
  if (/night/.test(p) && hour === 12) return { hour: 0, meridiem: 0 };
  return { hour: h12, meridiem: 0 };
}

/** A number word before "to"/"till" with no at/by/for: a clock time, or a range of counts ("ten to twelve people"). */
const WORD_TO_RE = /^(?:ten|five|twenty(?:[\s-]?five)?)\s+(?:to|till|til)\s/i;
/** Where a time said bare can end: the end, a stop, a polite word, a day. */
const TIME_ENDS_RE =
  /^\s*(?:$|[,.!?;]|(?:please|pls|plz|then|thanks?|thx|instead|sharp|tomorrow|tmrw|tmr|tonight|today|in\s+the|this)(?![\p{L}]))/iu;
const DAY_AFTER_RE = /^\s*(?:tomorrow|tmrw|tmr|tonight|today)(?![\p{L}])/iu;
/** What may come before a time that is the whole answer ("ten to six please", "um, say twenty to seven"). */
const ANSWER_LEAD_RE =
  /^[\s,]*(?:(?:um+|uh+|ok(?:ay)?|so|well|oh|yeah|yes|no|make\s+it|about|around|say|like|maybe|it'?s)[\s,]+)*$/i;
/**
 * A clock word right before the time, which it governs ("wake me up ten to six", "set it ten to six"); nothing
 * but a filler between them. "remind me" is no clock word: "remind me the shop is open from ten to six" is a range.
 */
const CLOCK_WORD_RE =
  /\b(?:alarms?|wake(?:\s+(?:me|us|him|her|them))?(?:\s+up)?|waking(?:\s+up)?|get\s+(?:me|us)\s+up|what\s+time|(?:make|change|move|push|set)\s+(?:it|that)(?:\s+(?:to|for))?)[\s,]*(?:(?:um+|uh+|like|say|about|around)[\s,]+)*$/i;

/**
 * `true` when "ten to twelve" said without at/by/for is no clock time: a day does not follow, and it does not
 * end where a time ends as the whole answer or right after a clock word ("remind me that ten to twelve people
 * are coming", "the odds are ten to one" stay counts; "ten to six please", "wake me ten to six" are times).
 */
function countedRange(text: string, index: number, said: string): boolean {
  if (!WORD_TO_RE.test(said)) return false;
  const after = text.slice(index + said.length);
  if (DAY_AFTER_RE.test(after)) return false;
  const before = text.slice(0, index);
  return !(TIME_ENDS_RE.test(after) && (ANSWER_LEAD_RE.test(before) || CLOCK_WORD_RE.test(before)));
}

/**
 * The chrono parser of spoken clock times (see the module comment).
 * @example parser.parsers.push(spokenTimeParser)
 */
export const spokenTimeParser: Parser = {
  pattern: () => SPOKEN_TIME_RE,
  extract: (context, match) => {
    let hour: number;
    let minute: number;
    let part: string | undefined;
    if (match[1] !== undefined) {
      const offset = numberOf(match[1].replace(/\s+min(?:ute)?s?$/i, ''));
      const base = numberOf(match[3]!);
      const before = /^(?:to|till|til)$/i.test(match[2]!);
      if (!(offset > 0 && offset < 60)) return null;
      if (match[4] === undefined && countedRange(context.text, match.index ?? 0, match[0])) return null;
      hour = before ? (base + 11) % 12 || 12 : base;
      minute = before ? 60 - offset : offset;
      part = match[4];
    } else if (match[5] !== undefined) {
      hour = numberOf(match[5]);
      minute = minutesOf(match[6]);
      part = match[7];
    } else if (match[12] !== undefined) {
      // "half 8": half past, as said in Britain.
      hour = numberOf(match[12]);
      minute = 30;
      part = match[13];
    } else if (match[14] !== undefined) {
      hour = numberOf(match[14]);
      minute = minutesOf(match[15]);
    } else if (match[16] !== undefined) {
      hour = numberOf(match[16]);
      minute = minutesOf(match[17]);
    } else if (match[18] !== undefined) {
      // "7 and a quarter": a quarter or a half past the hour.
      hour = numberOf(match[18]);
      minute = /half/i.test(match[19]!) ? 30 : /quarter/i.test(match[19]!) ? 15 : Number(match[19]);
      part = match[20];
      if (/^\d/.test(match[19]!) && part === undefined && !MINUTES_CUE.test(context.text.slice(0, match.index)))
        return null;
    } else if (match[21] !== undefined) {
      // "after lunch, say 1:30" is 13:30, "after dinner, maybe 8" 20:00; an hour the anchor does not allow is no time.
      const anchor = ANCHOR_HOURS[match[21].toLowerCase().replace(/\s+/g, ' ').replace(/time$/, '')];
      hour = numberOf(match[22]!);
      minute = minutesOf(match[23]);
      if (anchor === undefined || hour % 12 < anchor.from || hour % 12 > anchor.to) return null;
      part = anchor.part;
    } else if (match[24] !== undefined || match[25] !== undefined) {
      hour = numberOf((match[24] ?? match[25])!);
      minute = minutesOf(match[26]);
    } else if (match[27] !== undefined) {
      // "noonish" is 12:00 in the day; "three-ish" is the hour.
      hour = /^(?:noon|midday)$/i.test(match[27]) ? 12 : numberOf(match[27]);
      minute = 0;
      if (hour === 12) part = 'pm';
    } else if (match[29] !== undefined || match[30] !== undefined) {
      // A 24-hour clock: the hour is certain, with its half of the day.
      const h24 = Number(match[29] ?? match[30]);
      if (!(h24 >= 0 && h24 <= 23) || TIMER_CUE_RE.test(context.text)) return null;
      const c = context.createParsingComponents();
      if (match[28] !== undefined) {
        // Tomorrow's date. Not after "today": "i worked today 9 hours" is a length.
        const day = context.reference.getDateWithAdjustedTimezone();
        day.setDate(day.getDate() + 1);
        c.assign('day', day.getDate());
        c.assign('month', day.getMonth() + 1);
        c.assign('year', day.getFullYear());
      }
      c.assign('hour', h24);
      c.assign('minute', 0);
      c.assign('meridiem', h24 >= 12 ? 1 : 0);
      c.addTag('parser/spokenTime');
      return c;
    } else if (match[11] !== undefined) {
      // An alarm's bare hour reads as "at 7" does: that hour, its next occurrence.
      hour = numberOf(match[11]);
      minute = 0;
    } else {
      hour = numberOf(match[8] ?? match[10]!);
      minute = minutesOf(match[9]);
    }
    if (!(hour >= 1 && hour <= 12 && minute >= 0 && minute < 60)) return null;
    const clock = withDayPart(hour, part);
    const tomorrow = part !== undefined && /^(?:tomorrow|tmrw|tmr)/i.test(part);
    const c = context.createParsingComponents();
    if (tomorrow) {
      // The reference's wall date plus one day (not chrono's relative-date helper: its tag marks "for 10
      // minutes"-like lengths, which the date extractor drops).
      const day = context.reference.getDateWithAdjustedTimezone();
      day.setDate(day.getDate() + 1);
      c.assign('day', day.getDate());
      c.assign('month', day.getMonth() + 1);
      c.assign('year', day.getFullYear());
    }
    c.assign('hour', clock.hour);
    c.assign('minute', minute);
    if (clock.meridiem !== undefined) c.assign('meridiem', clock.meridiem);
    c.addTag('parser/spokenTime');
    return c;
  },
};
