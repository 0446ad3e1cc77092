/**
 * English words the dialogue decision reads in a whole turn (src/context/decide.ts): a turn made
 * only of time words answers a time question ("quarter to 7", "630 pls"), a remark reuses a
 * skill's words without asking ("my timer app crashed"), a take-back gives a new value ("ugh no
 * 6:30 i mean"). Word lists, so they live with the language; the decision keeps what it does with
 * them. Bounded alternations, no nested quantifiers.
 *
 * @module
 */

/** A bare number answering a time question ("7", "630"): a clock time there (`extractSlot`), a sum nowhere. */
export const BARE_NUMBER = /^\s*(?:at\s+)?\d{1,4}\s*(?:pls|please|plz)?[\s.!]*$/i;
/**
 * The words a time or a length is said in, and what people wrap one in ("ok", "like", "pls"): a turn
 * of these only is the value ("quarter to 7", "an hour n a half", "for tmrw morning"), while "good
 * morning btw" or "one sec my mom is calling" say something else around theirs.
 */
const TIME_WORD =
  /^(?:[\d:.]+(?:am|pm|h|hrs?|mins?|m|secs?|s)?|a\.?m\.?|p\.?m\.?|o'?clock|oclock|a|an|and|n|&|half|quarter|past|to|after|till|til|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|oh|seconds?|secs?|minutes?|mins?|hours?|hrs?|noon|midday|midnight|morning|afternoon|evening|night|tonight|today|tomorrow|tmrw|tmr|this|next|the|in|on|at|for|by|from|now|monday|tuesday|wednesday|thursday|friday|saturday|sunday|ok|okay|um+|uh+|er|like|about|around|maybe|just|then|pls|please|plz|thx|thanks|make|it|its|it's|say|sharp|ish)$/i;

/**
 * `true` when every word of the turn belongs to a time or length ({@link TIME_WORD}).
 * @param utterance the turn as typed
 */
export function onlyTimeWords(utterance: string): boolean {
  const words = utterance
    .toLowerCase()
    .replace(/[’]/g, "'")
    .split(/[\s,!?-]+/)
    .map((w) => w.replace(/^[.]+|[.]+$/g, ''))
    .filter((w) => w !== '');
  return words.length > 0 && words.every((w) => TIME_WORD.test(w));
}

/** Words by which an English turn asks for something (a request or a question about the user's things). */
const REQUEST_WORDS =
  /\b(?:please|pls|plz|can (?:you|u|i)|could (?:you|u)|would (?:you|u)|will (?:you|u)|set|add|put|remind|start|make|need|want|wanna|gimme|give me|let'?s|lets|tell me|show me|what|whats|what's|wat|wats|how (?:much|long|many)|when|which|delete|remove|cancel|clear|turn off|spell|convert|calculate|roll|flip|call me|i'?d like|do i have|have i got|any)\b/i;
/**
 * Words of a remark about a thing rather than a request for it: a fault ("crashed", "broken",
 * "didn't go off"), a habit or a feeling ("i keep snoozing", "i hate making lists", "im nervous"), its
 * history ("who invented the alarm clock").
 */
const REMARK_WORDS =
  /\b(?:crash(?:ed|es|ing)?|broke|broken|stopped|died|dead|didn'?t|doesn'?t|won'?t|wont|isn'?t|not working|keeps?|kept|always|hate|nervous|anxious|terrible|awful|annoying|sucks?|worst|invented|inventor|history|repair|snooz\w*|beeping|(?:going|went|goes) off|makes? me|made me|in (?:my )?life|bucket list|i (?:read|heard)|is (?:that|it) true|good for|(?:is|are|was|were) (?:so |too |really )?(?:long|endless|huge|a mess|messy))\b/i;

/**
 * `true` for a Latin-script turn with a remark word and no request word ("my alarm clock is broken",
 * "who invented the alarm clock", not "can you fix my broken alarm").
 * @param text the turn as typed
 */
export function saysRemark(text: string): boolean {
  const t = text.replace(/[’]/g, "'");
  return /^[\p{Script=Latin}\d\s'.,!?-]+$/u.test(t) && REMARK_WORDS.test(t) && !REQUEST_WORDS.test(t);
}

/** How a statement starts: its speaker or the thing it is about ("my alarm", "the alarm in my building", "spelling was"). */
const STATEMENT = /^(?:my|the|our|i|im|i'm|ive|i've|spelling|shopping|lists?|maths?|timers?|alarms?|reminders?)\b/i;
/** A number in digits or words: a statement that names one may be giving a value ("the timer keeps going, 10 minutes"). */
const NUMBER =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|half|quarter|noon|midnight)\b/i;

/**
 * `true` for a remark ({@link saysRemark}) said as a statement that names no number ("my alarm
 * didnt go off this morning", "i keep snoozing my alarms every morning"): the part of the day in
 * it is when something happened, not a value to set.
 * @param text the turn as typed
 */
export function statesRemark(text: string): boolean {
  const t = text.trim().replace(/[’]/g, "'");
  return saysRemark(t) && STATEMENT.test(t) && !NUMBER.test(t);
}

/** The things the built-in skills keep, named in a remark ("my alarm didnt go off", "the timer on my oven"). */
const SKILL_THINGS = /\b(?:alarms?|alarm clocks?|timers?|reminders?|lists?|to-?dos?|spelling|calculator|clocks?)\b/i;

/**
 * `true` for a statement remark ({@link statesRemark}) about a thing a built-in skill keeps: not a
 * request of any intent, served or not ("my alarm didnt go off yesterday and i missed the bus" is no
 * `card_declined` either, whatever the intent model reads in "missed").
 * @param text the turn as typed
 */
export function remarksOnSkillThing(text: string): boolean {
  return statesRemark(text) && SKILL_THINGS.test(text);
}

/** Words by which an English turn takes back what it said ("ugh no 6:30 i mean", "nah make it 8", "oops 7:20"). */
const TAKE_BACK = /\b(?:no|nah|nope|i mean|i meant|actually|make it|change it|instead|oops|sorry)\b/i;

/**
 * `true` for a Latin-script turn with a take-back word ("no", "i mean", "make it", "oops").
 * @param text the turn as typed
 */
export function saysTakeBack(text: string): boolean {
  return /^[\p{Script=Latin}\d\s'’.,:!?-]+$/u.test(text) && TAKE_BACK.test(text.replace(/’/g, "'"));
}

/**
 * A first-person statement (after an exclamation or two): "i just burned my toast", "ugh my coffee went
 * cold", "we're out of garlic". Said while a length, a time or a number is asked, such a turn with no
 * value of that kind tells what is going on rather than answering. Not the ways an answer is led in
 * ("i guess", "i think", "i'd say", "i want", "i need", "my usual"), nor not knowing ("i have no idea").
 */
const OWN_NEWS =
  /^(?:(?:ugh+|oops|omg|oh no|oh god|damn|dang|argh+|lol|haha+|well|so|oh|ah|aw+|yikes|sorry|wait)[\s,.!]+){0,2}(?:i|im|i'm|ive|i've|we|we're|were|weve|we've|my|our)\s+(?!(?:guess|think|suppose|reckon|would|wanna|want|need|mean|meant|said|say|d|'d|usual|usually|normally|prefer|like|choose|pick|will|ll|'ll|have no|havent|haven't|dont|don't|do not|not|no|cant|can't|really)\b)\S+(?:\s+\S+)+/i;

/**
 * `true` for an English turn that is a first-person statement ({@link OWN_NEWS}) of three words or more.
 * @param text the turn as typed
 */
export function saysOwnNews(text: string): boolean {
  const t = text.trim().replace(/[’]/g, "'");
  return /^[\p{Script=Latin}\d\s'.,!?-]+$/u.test(t) && !/\?\s*$/.test(t) && OWN_NEWS.test(t);
}

/** What a keep-it keeps: nothing named, a pronoun, or the timer or alarm itself ("keep that one", "leave the timer"). */
const KEPT = String.raw`(?:it|that(?:\s+one)?|this(?:\s+one)?|them|both|(?:the|my)\s+(?:timer|alarm))`;
/** "No, keep it", "leave that one", "don't cancel it", "don't turn it off": a cancel taken back. */
const KEEP_IT = new RegExp(
  String.raw`\b(?:keep|leave)\s+${KEPT}\b|\b(?:don'?t|dont|do not)\s+(?:(?:cancel|stop|delete|remove|kill)(?:\s+${KEPT})?|(?:turn|switch)\s+(?:${KEPT}\s+)?off)(?=\s*(?:$|[,.!?]|please|pls|yet|now|actually|after all))`,
  'i',
);
/** Another one, or the rest: "leave the other one running", "and leave the rest". */
const ANOTHER = /\b(?:other|others|rest)\b/i;

/**
 * `true` when an English turn takes back a cancel just made ("no, keep it", "no wait, don't cancel it"): what
 * it keeps is nothing named, a pronoun or the timer or alarm, never another one ("leave the other one running",
 * "don't turn off the lights").
 * @param text the turn as typed
 */
export function saysKeepIt(text: string): boolean {
  const t = text.replace(/’/g, "'");
  return KEEP_IT.test(t) && !ANOTHER.test(t);
}

/** The verbs of a stop: "cancel", "stop", "delete", "turn off", "get rid of". */
const STOP = /\b(?:cancel|stop|delete|remove|turn off|switch off|clear|disable|kill|get rid of)\b/i;

/**
 * `true` when an English request stops something by its verb ("cancel the timer", "stop it", "get rid of
 * the alarm"). The timer and alarm skills read their operation with it; the dialogue decision reads
 * whether the request just carried out was a stop.
 * @param text the request
 */
export function saysStop(text: string): boolean {
  return STOP.test(text);
}
