/**
 * English turns whose whole wording says what they do in the conversation, whatever the intent
 * model makes of their words (src/context/decide.ts reads them): thanks ("thx ur the best fr",
 * "perfect ta", "nice one"), asking to see again what the conversation is about ("whats on there
 * now", "is tp still on there", "read them back pls"), dropping what is open in a loose way ("on
 * second thoughts, dont bother with it", "nvm ill just use my phone"), the same again ("once more",
 * "best 2 outta 3") and a countdown to a day ("how long till christmas", "how many days until new
 * years"). Each grammar must match the WHOLE turn after {@link simplifyTurn}, so a turn that also
 * asks for something else ("thanks, now set a timer") is none of them. Bounded alternations, no
 * nested quantifiers.
 *
 * @module
 */

import { enCues } from './en-cues.ts';
import { POLITE_WORDS } from './en-stand-ins.ts';
import { type Unit, unitByAlias } from '../../skills/builtin/units.ts';

/** Lower case, straight apostrophes dropped ("what's" = "whats"), end punctuation and emoji dropped, spaces collapsed. */
export function simplifyTurn(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[\s.!?,;:~…\p{Extended_Pictographic}\uFE0F]+$/u, '')
    .replace(/^[\s.,!?…]+/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Openers that only colour a turn: "oh", "ok so", "wait". */
const LEAD = String.raw`(?:(?:oh|ah+|ok|okay|k|kk|so|and|well|wait|um+|uh+|hmm+|right|now|alright)[\s,]+){0,3}`;

/** The words of thanks. "ta" and "cheers" are British, "nice one" too. */
const THANKS_WORD = String.raw`(?:thanks|thank\s+(?:you|u|ya|yo)|thankyou|thx|thnx|thnks|tks|tx|ty|tysm|tyvm|ta|cheers|many\s+thanks|much\s+appreciated|(?:i\s+)?appreciate\s+(?:it|that)|nice\s+one)`;
/** Praise before the thanks: "perfect ta", "brilliant, ta very much". */
const PRAISE_FIRST = String.raw`(?:(?:perfect|brilliant|great|awesome|lovely|cool|nice|sweet|amazing|fab|fantastic|wonderful|excellent|super|ok|okay|alright|right|oh|ah|good|got\s+it)[\s,]+){0,2}`;
/** What may follow thanks: how much, to whom, a tag. */
const THANKS_TAIL = String.raw`(?:[\s,]+(?:very\s+much|so\s+much|a\s+lot|a\s+bunch|a\s+ton|loads|heaps|again|anyway|mate|bud|buddy|man|bro|dude|pal|fr|lol|haha|x+|for\s+(?:that|this|the\s+help|your\s+help|helping)|for\s+(?:that|this)\s+(?:one|info)|then))*`;
/** Praise after the thanks: "ur the best fr", "youre literally a lifesaver". */
const PRAISE_AFTER = String.raw`(?:[\s,]+(?:youre|you\s+are|ur|u\s+r|u\s+are)\s+(?:so\s+|really\s+|the\s+|a\s+|an\s+|literally\s+|actually\s+|such\s+a\s+){0,3}(?:best|awesome|amazing|great|star|legend|lifesaver|life\s+saver|genius|goat|helpful|brilliant|a\s+star)(?:\s+(?:fr|lol|haha|tbh|honestly|mate))*)?`;
/** A farewell closing the thanks: "thank you, good night". */
const FAREWELL = String.raw`(?:[\s,]+(?:and\s+)?(?:good\s*night|nite|night|bye(?:\s+bye)?|bye\s+now|goodbye|see\s+(?:you|ya|u)(?:\s+later|\s+soon|\s+tomorrow)?|cya|ttyl|later|take\s+care|gn|talk\s+(?:later|soon)))`;

const THANKS = new RegExp(
  `^${LEAD}${PRAISE_FIRST}${THANKS_WORD}${THANKS_TAIL}${PRAISE_AFTER}(${FAREWELL})?${THANKS_TAIL}$`,
);

/**
 * Thanks, with or without praise: `'bye'` when it closes the conversation ("thank you, good night"),
 * `'thanks'` otherwise, `undefined` when the turn is not (only) thanks.
 * @param text the turn after {@link simplifyTurn}
 */
export function saysThanks(text: string): 'thanks' | 'bye' | undefined {
  const m = THANKS.exec(text);
  if (m !== null) return m[1] === undefined ? 'thanks' : 'bye';
  // Thanks with a remark after it that asks nothing: "thx a lot, saved me", "k thx, 8pm there", "ty,
  // always get that one wrong". The remark is short and has no question or request in it.
  const r = THANKS_THEN_REMARK.exec(text);
  if (r === null) return undefined;
  const remark = r[1]!;
  if (remark.split(' ').length > 7) return undefined;
  // "thanks, have a good one", "thx, gotta run": the remark closes the conversation.
  if (REMARK_FAREWELL.test(remark)) return 'bye';
  // "thanks, make that 8", "ty, thats wrong though": a correction or a complaint is no thanks.
  return REMARK_ASKS.test(remark) || REMARK_OBJECTS.test(remark) || enCues.correction.test(remark)
    ? undefined
    : 'thanks';
}
/** A farewell said after thanks: "have a good day", "gotta go", "see you in ten", "talk later", "night". */
const REMARK_FAREWELL =
  /\b(?:have\s+a\s+(?:good|great|nice|lovely)\s+\w+|(?:gotta|got\s+to|have\s+to|must|need\s+to)\s+(?:go|run|dash|head\s+off)|(?:see|talk\s+to|speak\s+to|catch)\s+(?:you|u|ya)|(?:talk|speak)\s+(?:later|soon|tomorrow)|ttyl|bye+|cya|good\s*night|night\s+night)\b/;
/**
 * A change of what was set or a complaint after thanks: "make that 8", "i meant 8 though", "worst joke ever",
 * "thats wrong though". "Wrong" or "bad" said of the answer only: "always get that wrong" is about the user.
 */
const REMARK_OBJECTS =
  /\b(?:make|change|move|meant|mean|worst|terrible|awful|rubbish|hate|sucks?|stupid|dumb|annoying|broken|incorrect)\b|\b(?:thats|that\s+is|that\s+was|its|it\s+is|it\s+was|you\s+are|youre|ur|u\s+r|you\s+were)\s+(?:(?:so|all|just|completely|totally|very)\s+)?(?:wrong|bad|off)\b/;
const THANKS_THEN_REMARK = new RegExp(
  `^${LEAD}${PRAISE_FIRST}${THANKS_WORD}${THANKS_TAIL}[\\s,]+([a-z0-9][^?]{0,48})$`,
);
/** What makes the words after thanks a request, a question or a sneer ("thanks for nothing"), not a remark. */
const REMARK_ASKS =
  /\b(?:set|add|put|remind|start|tell|show|spell|convert|flip|roll|what|whats|when|where|which|who|how|why|can|could|would|will|pls|please|but|also|now|another|again|nothing|not|useless|whatever|cancel|stop|delete|remove)\b|^(?:and|for)\b/;

/** What a conversation's list or thing is called back by: "it", "there", "the list", "them". */
const BACK = String.raw`(?:it|there|them|that|the\s+list|that\s+list|this\s+list|the\s+thing|my\s+list|our\s+list)`;
const NOW = String.raw`(?:[\s,]+(?:now|still|then|rn|atm|so\s+far|at\s+the\s+moment|again|currently|pls|please|after\s+that|exactly))*`;
const WHAT = String.raw`(?:what|whats|wats|wat|wut|whut|what\s+is|what\s+are|what\s+do\s+i\s+have|what\s+have\s+i\s+got|what\s+else\s+is|whats\s+else|what\s+(?:stays?|remains?|is\s+left|s\s+left))`;

/**
 * A question that reads back what the conversation is about, naming it only by "it", "there" or
 * "the list": "whats on there now", "so whats on it still", "now what stay in the list", "is tp
 * still on there", "is the list empty now", "read them back pls", "whats left", and of a running
 * thing: "how much longer does it have", "is the timer still going".
 */
const READ_BACK = new RegExp(
  `^${LEAD}(?:` +
    String.raw`${WHAT}(?:\s+(?:still|left|else))?\s+(?:on|in)\s+${BACK}` +
    String.raw`|(?:whats|wats|what\s+is|what\s+s|what\s+do\s+i\s+have|what\s+have\s+i\s+got)\s+(?:left|remaining|still\s+(?:on|in)\s+${BACK})` +
    String.raw`|(?:is|are|iz)\s+[a-z][a-z ]{0,30}?\s+still\s+(?:on|in)\s+${BACK}` +
    // "is the rota one still there": "there" is the list only when the item is named as one of it.
    String.raw`|(?:is|are|iz)\s+(?:it|that|they|(?:the|that|my)\s+[a-z][a-z ]{0,30}?\s+(?:one|thing|item|task|bit))\s+still\s+there` +
    // How many: "how many things on there now", "how many are on it".
    String.raw`|how\s+many(?:\s+(?:things|items|tasks|jobs|bits))?(?:\s+(?:are|r|is|do\s+i\s+have|have\s+i\s+got))?(?:\s+there)?\s+(?:on|in)\s+${BACK}` +
    String.raw`|(?:is|iz)\s+(?:it|the\s+list|that\s+list|my\s+list)\s+(?:empty|clear|cleared|done)` +
    String.raw`|how\s+(?:much\s+(?:longer|more\s+time|time)|long)(?:\s+(?:does\s+it\s+have|is\s+left|left|is\s+there|is\s+there\s+left)(?:\s+on\s+${BACK})?|\s+on\s+${BACK})(?:\s+left)?` +
    String.raw`|(?:is|iz|r|are)\s+(?:it|that|they|the\s+[a-z]{3,12})\s+still\s+(?:going|running|on|set|ticking)` +
    String.raw`|(?:can\s+(?:you|u)\s+|could\s+(?:you|u)\s+|pls\s+|please\s+)?(?:read|say|list|show)\s+(?:it|them|that|the\s+list|it\s+all|them\s+all|everything)(?:\s+(?:back|out|again))+(?:\s+to\s+me)?` +
    `)${NOW}$`,
);

/**
 * `true` for a question that reads back the conversation's list or thing by a pronoun (see {@link READ_BACK}).
 * @param text the turn after {@link simplifyTurn}
 */
export const readsBack = (text: string): boolean => READ_BACK.test(text);

/**
 * A question whether what was asked for was done, or what it was set for: "did it start", "it is set? for
 * what time", "did u get all 3", "what time did i set it for". Only a skill that keeps something (a timer,
 * an alarm, a reminder, a list) has an answer; after any other ("spell rhythm" → "did you get that?") it
 * asks for a repeat, so the caller checks which skill ran last.
 */
const ASKS_IF_DONE = new RegExp(
  `^${LEAD}(?:` +
    // Whether what was asked for was done: "did it start", "it is set? for what time", "did u get all 3".
    String.raw`did\s+(?:it|that|the\s+[a-z]{3,12})\s+(?:start|go\s+through|go\s+in|work|save|get\s+(?:set|saved|added))` +
    String.raw`|(?:is\s+(?:it|that|the\s+[a-z]{3,12})|it\s+is|its|it\s+s)\s+(?:set|started|on|saved|running|going|done)(?:[\s?,]+(?:and\s+)?(?:for\s+)?what\s+time(?:\s+(?:is\s+it|was\s+it))?)?` +
    String.raw`|did\s+(?:you|u|ya)\s+(?:get|add|put|save|note|write|take)\s+(?:it|them|that|those|everything|all\s+(?:of\s+)?(?:it|them|those|the\s+(?:\d|two|three|four|five)\s+(?:things|items))|all(?:\s+(?:\d|two|three|four|five))?)(?:\s+(?:down|in|on))?` +
    // What it was set for: "what time did i set it for", "what time was that for again", "for what time is it".
    String.raw`|what\s+time\s+(?:did\s+(?:i|you|u|we)\s+(?:set|put|make)\s+(?:it|that|the\s+[a-z]{3,12})(?:\s+(?:for|to|at))?|(?:is|was|s)\s+(?:it|that|(?:that|this|the)\s+[a-z]{3,12}(?:\s+one)?)\s+(?:set\s+)?(?:for|at)|is\s+it\s+set|was\s+it\s+set)` +
    String.raw`|for\s+what\s+time\s+(?:is|was|did)\s+(?:it|that)(?:\s+set)?` +
    `)${NOW}$`,
);

/**
 * `true` for a question whether what was asked for was done or what it was set for (see {@link ASKS_IF_DONE}).
 * @param text the turn after {@link simplifyTurn}
 */
export const asksIfDone = (text: string): boolean => ASKS_IF_DONE.test(text);

/**
 * Pausing a running thing or letting it go on: "pause it, phone call came in", "hold the timer a sec",
 * "ok carry on now", "you can resume it". A reason may follow a pause; nothing else is asked.
 */
const PAUSE = new RegExp(
  `^${LEAD}(?:` +
    String.raw`(?:pause|freeze|hold)\s+(?:it|that|the\s+timer|my\s+timer|the\s+countdown|the\s+clock)(?:\s+(?:a\s+sec|a\s+second|a\s+minute|for\s+a\s+(?:sec|second|minute|bit)))?(?:[\s,]+(?:(?:i|im|ive|my|the|a|someone|somebody|theres|there\s+is|got|phone|doorbell|door|brb)\b[^?]{0,50}))?` +
    String.raw`|pause|(?:(?:you\s+can|pls|please)\s+)?(?:carry\s+on|continue|keep\s+going|resume|unpause|un-pause)(?:\s+(?:it|with\s+it|the\s+timer))?` +
    `)(?:[\\s,]+(?:now|again|then|im\\s+back|back\\s+now|${POLITE_WORDS}))*$`,
);

/**
 * `true` for a turn that pauses a running thing or lets it go on (see {@link PAUSE}).
 * @param text the turn after {@link simplifyTurn}
 */
export const pausesOrResumes = (text: string): boolean => PAUSE.test(text);

/** A reason or plan after dropping something: "i remembered", "ill just use my phone", "i shall do it later". */
const DROP_REASON = String.raw`(?:[\s,]+(?:i|ill|i\s+will|i\s+shall|i\s+can|i\s+remembered|i\s+remember|i\s+got\s+it|ive\s+got\s+it|its|it\s+is|thats|that\s+is|maybe|for\s+now|later|not\s+now|no\s+need|all\s+good|never\s+mind|nvm|thanks|thx|sorry)\b[^?]{0,60})?`;
/** The words that drop what is open: "never mind", "leave it for now", "dont bother with it". */
const DROP_WORD = String.raw`(?:never\s?mind|nvm|nevermind|forget\s+(?:it|that|about\s+it|about\s+that)|leave\s+it(?:\s+for\s+now)?|dont\s+bother(?:\s+with\s+(?:it|that))?|do\s+not\s+bother(?:\s+with\s+(?:it|that))?|skip\s+it|no\s+need|not\s+anymore|scratch\s+that|its\s+fine|dont\s+worry\s+about\s+it)`;
const DROP = new RegExp(
  `^${LEAD}(?:(?:actually|on\\s+second\\s+thoughts?|second\\s+thoughts?|ahh*|aw+|ugh|no|nah|nope|oh\\s+well|hmm+|oops|sorry)[\\s,]+){0,3}${DROP_WORD}${DROP_REASON}$`,
);
/** Words that make a dropping turn a new request too ("nvm, set an alarm instead"): that is a switch, not a drop. */
const ASKS_INSTEAD =
  /\b(?:set|add|put|remind|start|tell|show|what|whats|when|how|can\s+(?:you|u)|could\s+(?:you|u)|instead|but)\b/;

/**
 * `true` for a loose way of dropping what is open, with a reason or a plan after it ("on second
 * thoughts, dont bother with it", "nvm i remembered", "actually leave it for now, i shall do it a
 * little later"), that asks for nothing else.
 * @param text the turn after {@link simplifyTurn}
 */
export function dropsIt(text: string): boolean {
  if (!DROP.test(text)) return false;
  const reason = text.replace(new RegExp(`^.*?${DROP_WORD}`), '');
  return !ASKS_INSTEAD.test(reason);
}

/** The same again: "again", "once more", "best 2 outta 3", "go again", "another one", "one more time". */
const AGAIN = new RegExp(
  `^${LEAD}(?:(?:lets|let\\s+us|can\\s+(?:you|u)|could\\s+(?:you|u)|pls|please)\\s+)?(?:` +
    String.raw`again|once\s+more|one\s+more(?:\s+(?:time|go|round|try))?|(?:go|do\s+it|do\s+that|try|flip(?:\s+it)?|roll(?:\s+(?:it|them))?|toss(?:\s+it)?|spin(?:\s+it)?)\s+again|same\s+again|another(?:\s+(?:go|round|time|try))|encore` +
    String.raw`|best\s+(?:(?:2|two|3|three|4|four)\s+)?(?:out\s+of|outta|of)\s+(?:3|three|5|five|7|seven)` +
    `)(?:[\\s,]+(?:again|go\\s+again|once\\s+more|best\\s+(?:(?:2|two|3|three)\\s+)?(?:out\\s+of|outta|of)\\s+(?:3|three|5|five)(?:\\s+wins)?|pls|please|lol|haha|then|if\\s+you\\s+would|if\\s+you\\s+please|if\\s+you\\s+dont\\s+mind|for\\s+me))*$`,
);

/**
 * `true` for a turn that asks for the same again and nothing else (see {@link AGAIN}).
 * @param text the turn after {@link simplifyTurn}
 */
export const asksAgain = (text: string): boolean => AGAIN.test(text);

/**
 * A request to hear the last reply again, and nothing else: "say that again", "can you repeat that", "what did
 * you just say", "come again?", "sorry, didnt catch that". Not "again" alone ({@link AGAIN}: the same done again).
 */
const HEAR_AGAIN = new RegExp(
  `^${LEAD}(?:(?:sorry|pardon|excuse\\s+me|what)[\\s,]+)?(?:(?:can|could|would)\\s+(?:you|u)\\s+|pls\\s+|please\\s+)?(?:` +
    String.raw`(?:say|repeat)\s+(?:that|it|this|what\s+you\s+said)(?:\s+(?:again|one\s+more\s+time|once\s+more))?` +
    String.raw`|say\s+again|repeat(?:\s+(?:please|pls))?|come\s+again|pardon|what\s+did\s+(?:you|u)\s+(?:just\s+)?say` +
    String.raw`|(?:i\s+)?(?:didnt|did\s+not)\s+(?:catch|get|hear)\s+(?:that|it|what\s+you\s+said)` +
    `)(?:[\\s,]+(?:again|please|pls|sorry))*$`,
);

/**
 * `true` for a turn that only asks to hear the last reply again (see {@link HEAR_AGAIN}).
 * @param text the turn after {@link simplifyTurn}
 */
export const asksToHearAgain = (text: string): boolean => HEAR_AGAIN.test(text);

/**
 * A countdown to a day: "how many days until new years", "how long till christmas", "how many
 * sleeps til xmas", "days left until december 31". The day itself is the date entity's to read.
 */
const COUNTDOWN = new RegExp(
  `^${LEAD}(?:(?:hey|pls|please|quick\\s+question)[\\s,]+)?(?:` +
    String.raw`how\s+(?:many|much)\s+(?:more\s+)?(?:days|weeks|sleeps|time)(?:\s+(?:is|are|do\s+we\s+have|do\s+i\s+have|have\s+we\s+got|have\s+i\s+got|are\s+there|is\s+there|left|to\s+go|remaining))*` +
    String.raw`|how\s+long(?:\s+(?:is\s+it|is\s+there|left|to\s+go|do\s+we\s+have|do\s+i\s+have|now|still))*` +
    String.raw`|(?:number\s+of\s+)?days\s+(?:left|remaining|to\s+go)` +
    String.raw`|countdown` +
    String.raw`)\s+(?:until|till|til|till|untill|to|before|for)\s+(?:the\s+)?[a-z0-9][a-z0-9 ]{1,30}$`,
);

/**
 * `true` for a question that counts the days to a day (see {@link COUNTDOWN}); the caller checks
 * that the day is a date the entities read.
 * @param text the turn after {@link simplifyTurn}
 */
export const countsDownTo = (text: string): boolean => COUNTDOWN.test(text);

/**
 * A conversion said in full, amount and both units first, whatever talk follows: "100 km/h in mph for the
 * rental car", "400 f to c, recipe's american", "convert 200 calories to kilojoules", "whats 500g in pounds for
 * this american recipe" (round 13: the talk's words took the intent model to recipe, car_rental, calories).
 * Groups: the unit converted from (one or two words), the unit converted to.
 */
const CONVERTS = new RegExp(
  `^${LEAD}(?:(?:hey|pls|please|quick\\s+one)[\\s,]+)?` +
    String.raw`(?:(?:(?:can|could)\s+(?:you|u)\s+)?convert\s+|whats\s+|what\s+is\s+|how\s+much\s+is\s+)?` +
    String.raw`\d+(?:[.,]\d+)?\s*(?:°\s*)?([a-z/]+(?:\s+[a-z/]+)?)\s+(?:to|in|into)\s+°?([a-z/]+)\b`,
);

/** The unit some words name: all of them ("fl oz"), else the first ("kg", of "kg flour"). */
const unitOf = (words: string): Unit | undefined => unitByAlias(words) ?? unitByAlias(words.split(/\s+/)[0]!);

/**
 * `true` for a conversion said in full before any other talk (see {@link CONVERTS}) between two units that
 * convert, of one dimension in the unit table: "100 m in seconds is my sprint pb" names a length and a time,
 * which is no conversion. The caller checks that the conversion skill reads all three.
 * @param text the turn after {@link simplifyTurn}
 */
export function convertsUnits(text: string): boolean {
  const m = CONVERTS.exec(text);
  if (m === null) return false;
  const from = unitOf(m[1]!);
  const to = unitOf(m[2]!);
  return from !== undefined && to !== undefined && from.dimension === to.dimension;
}

/** Politeness before a request: "can you", "would you be so good as to", "please". */
const POLITE_ASK = String.raw`(?:(?:hey|hi|hello|please|pls|excuse\s+me)[\s,]+)?(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+|possibly\s+|kindly\s+)?|would\s+you\s+be\s+so\s+(?:good|kind)\s+as\s+to\s+|please\s+|pls\s+|kindly\s+|i\s+(?:want|need|would\s+like)\s+(?:you\s+)?to\s+)?`;
/** Whom a call is for: "my sister", "my son", "mum", "home", "the dentist"; never "my alarm" or "me". */
const CALLEE = String.raw`(?:my\s+(?!alarm|timer|name|phone|list|reminder)[a-z]+(?:\s+[a-z]+)?|mum|mom|mummy|mommy|dad|daddy|grandma|grandpa|granny|nana|nan|home|the\s+(?:office|doctor|doctors|dentist|vet|bank|school|police|hospital))`;

/**
 * A request to phone someone: "ring my sister", "can you phone my dad", "would you be so good as
 * to telephone my son for me?". The assistant cannot place calls (`make_call`, said honestly);
 * "call me Sam" (a name) and "ring the alarm" are not calls.
 */
const CALL = new RegExp(
  `^${LEAD}${POLITE_ASK}(?:ring|phone|telephone|call|dial|facetime|video\\s+call)(?:\\s+up)?\\s+${CALLEE}(?:\\s+(?:for\\s+me|please|pls|now|back|right\\s+now|quickly|up|real\\s+quick))*$`,
);

/**
 * `true` for a request to phone someone (see {@link CALL}).
 * @param text the turn after {@link simplifyTurn}
 */
export const asksToCall = (text: string): boolean => CALL.test(text);

/** A reaction to a joke that did not land: "not funny at all", "walao not funny", "that was so lame". */
const NOT_FUNNY = new RegExp(
  `^${LEAD}(?:(?:walao|wah|meh|ugh|bruh|lol|lmao|haha|omg|hmm|boo+|nah|eh)[\\s,]+){0,2}` +
    String.raw`(?:(?:thats|its|that\s+one\s+(?:was|is)|(?:that|it|this)\s+(?:was|is))\s+)?` +
    String.raw`(?:(?:not|nt|aint|never)\s+(?:very\s+|even\s+|that\s+|so\s+|remotely\s+)?funny(?:\s+at\s+all)?` +
    String.raw`|(?:(?:that|it|this|that\s+one)\s+)?(?:wasnt|isnt)\s+(?:very\s+|even\s+|that\s+|remotely\s+)?funny(?:\s+at\s+all)?` +
    String.raw`|(?:so\s+|really\s+|pretty\s+|super\s+)?(?:lame|corny|cringe|cringey|unfunny))` +
    String.raw`(?:[\s,]+(?:lol|lah|leh|lor|man|bro|mate|tbh|honestly|dude|sorry))*$`,
);

/**
 * `true` for a reaction to a joke that did not land (see {@link NOT_FUNNY}): talk, no request.
 * @param text the turn after {@link simplifyTurn}
 */
export const notFunny = (text: string): boolean => NOT_FUNNY.test(text);

/** "remind me what you can do", "tell me again what u can do": a question about the assistant, no reminder. */
const WHAT_YOU_DO = new RegExp(
  `^${LEAD}${POLITE_ASK}(?:remind|tell|show)\\s+me(?:\\s+again)?\\s+(?:what|wat|wut)\\s+(?:you|u)\\s+(?:can|could)\\s+(?:do|help\\s+(?:me\\s+)?with)(?:\\s+(?:again|for\\s+me|pls|please))*$`,
);

/**
 * `true` for a question about what the assistant can do phrased as "remind me" / "tell me" (see {@link WHAT_YOU_DO}).
 * @param text the turn after {@link simplifyTurn}
 */
export const asksWhatYouDo = (text: string): boolean => WHAT_YOU_DO.test(text);
