/**
 * How English turns talk rather than ask: a feeling ("i feel sad", "im so tired"), an insult
 * ("youre useless"), a reaction or filler ("lol", "hmm", "idk") and an aside while a question is
 * open ("one sec", "hmm let me think"), with what the assistant says back. Each grammar must match
 * the WHOLE turn (after `src/lang/talk.ts` lower-cased it, dropped apostrophes and end punctuation),
 * so "im bored, tell me a joke" stays a request. Bounded alternations, no nested quantifiers.
 *
 * @module
 */

/** Openers that only colour a turn: "ugh im so tired", "honestly i feel kinda lonely". */
const LEAD = String.raw`(?:(?:ugh+|honestly|tbh|ngl|man|omg|oh|ah|well|just|lol|sigh|welp|so|and|but|hm+|um+|uh+|ok|okay)[\s,]+){0,3}`;
/** "i feel", "im feeling", "ive been", "feeling", "i am so": the speaker saying how they are. */
const SUBJECT = String.raw`(?:i\s+(?:just\s+|really\s+|kinda\s+)?(?:feel(?:\s+like)?|am|am\s+feeling|m|m\s+feeling|ve\s+been|ve\s+been\s+feeling|been|get|got)|im|im\s+feeling|ive\s+been(?:\s+feeling)?|feeling|feel|so)\s+`;
/** "so", "really", "kinda", "a bit", "super": how much, any two. */
const DEGREE = String.raw`(?:(?:so+|really|very|kinda|kind\s+of|sort\s+of|a\s+bit|a\s+little(?:\s+bit)?|pretty|super|rather|quite|too|extremely|incredibly|totally|completely|just|a\s+lil|lowkey|honestly|soo+)\s+){0,2}`;
/** What may follow a feeling: when, why (a short clause), a sigh. Never a request: no "?". */
const TAIL =
  String.raw`(?:[\s,]+(?:today|tonight|rn|right\s+now|lately|atm|these\s+days|now|this\s+week|all\s+day|again|omg|lol|ugh|tbh|honestly))*` +
  // One reason or errand at the very end: a free clause inside the loop would backtrack exponentially.
  String.raw`(?:[\s,]+(?:about|because|cuz|cause|bc|since|after|of|with|from|going\s+to|gonna|heading\s+to|off\s+to)\s+[^?]{1,60})?`;

/** Words that make a turn with a feeling in it a request ("im so tired, can you set an alarm"). */
const REQUEST =
  /\b(?:can|could|would|will)\s+(?:you|u)\b|\b(?:please|pls|plz)\b|\b(?:set|remind|add|tell|show|play|start|cancel|turn|give)\s+(?:me|a|an|my|the|it|some)\b/;

/**
 * Feeling words by the kind of reply they get: `bare` ones are a feeling even alone ("tired",
 * "so bored"); `said` ones only after "i feel", "im" or a degree word ("im down", not "down", which
 * may answer something; "terrible" alone is a reaction to a joke).
 */
const FEELINGS: readonly { kind: string; bare: string; said: string; of?: string }[] = [
  {
    kind: 'sad',
    bare: String.raw`sad|unhappy|miserable|heartbroken|depressed|gloomy`,
    said: String.raw`down|low|blue|upset|awful|terrible|crappy|like\s+crying|like\s+crap|not\s+(?:so\s+|very\s+|too\s+)?(?:good|great|well|okay|ok)`,
  },
  {
    kind: 'tired',
    bare: String.raw`tired|exhausted|sleepy|worn\s+out|knackered|burnt\s+out|burned\s+out|dead\s+tired`,
    said: String.raw`drained|beat|wiped(?:\s+out)?|shattered`,
  },
  { kind: 'bored', bare: String.raw`bored(?:\s+out\s+of\s+my\s+mind)?`, said: String.raw`boring` },
  { kind: 'lonely', bare: String.raw`lonely|lonesome`, said: String.raw`alone|all\s+alone|isolated` },
  {
    kind: 'stressed',
    bare: String.raw`stressed(?:\s+out)?|anxious|overwhelmed|freaking\s+out`,
    said: String.raw`worried|nervous|tense|on\s+edge|panicking|under\s+pressure`,
  },
  {
    kind: 'angry',
    bare: String.raw`frustrated|fed\s+up`,
    said: String.raw`angry|mad|furious|annoyed|irritated|pissed(?:\s+off)?`,
    // "i hate making lists", "i cant stand chem": said of something, not asked.
    of: String.raw`i\s+(?:really\s+|just\s+|kinda\s+|so\s+)?(?:hate(?!\s+to\b)|cant\s+stand|can\s+not\s+stand|cannot\s+stand)\s+[^?]{1,40}`,
  },
  {
    kind: 'happy',
    bare: String.raw`in\s+a\s+good\s+mood|over\s+the\s+moon`,
    said: String.raw`happy|excited|thrilled|glad|cheerful`,
  },
];

/** Who an insult is aimed at: "youre", "ur", "this bot is"; "thats" / "this is" for the softer words. */
const YOU = String.raw`(?:youre|you\s+are|ur|u\s+r|u\s+are|you|u|this\s+bot\s+is|what\s+an?)\s+`;
const THIS = String.raw`(?:this\s+is|thats|that\s+is|its|it\s+is)\s+`;
/** Insults even alone ("useless", "stupid bot"); others only aimed ("ur trash", not "trash", an answer). */
const INSULT_BARE = String.raw`useless|dumb|stupid|idiot|idiotic|worthless|pathetic|moron|clueless|brainless|unhelpful|(?:dumb|stupid|useless|bad)\s+bot`;
const INSULT_AIMED = String.raw`trash|garbage|rubbish|the\s+worst|hopeless|no\s+help|not\s+helpful|not\s+very\s+helpful|(?:a\s+)?piece\s+of\s+(?:junk|trash|crap)`;

/** "youre useless", "ur dumb", "you suck", "this is useless", "stupid bot". */
const INSULT = new RegExp(
  '^' +
    LEAD +
    String.raw`(?:(?:${YOU}|${THIS})?${DEGREE}(?:such\s+an?\s+|an?\s+)?(?:${INSULT_BARE})|(?:${YOU}|${THIS})${DEGREE}(?:such\s+an?\s+|an?\s+)?(?:${INSULT_AIMED})|${YOU}(?:really\s+|just\s+|so\s+)?suck)` +
    String.raw`(?:\s+(?:bot|robot|ai|assistant|thing|machine|lol|bro|man|smh|ugh|omg|honestly))*$`,
);

/**
 * Reactions: laughter and interjections ("lol", "haha", "omg", "lol nice"), and chat words that only
 * react ("same", "mood", "dead", "bro", "yay", "slay", "wtf", "why": what an emoji or "!!!" comes
 * with). They answer nothing, and a name or an item they are not. "ok" or "cool" alone is no
 * reaction (it says yes).
 */
const REACTION = new RegExp(
  String.raw`^(?:(?:lo+l|lmf?ao+|rofl|ha(?:ha)+h?|hah|ha|he(?:he)+|huh|meh|wow|whoa|woah|omg|oof|ugh+|ew+|yikes|bruh|xd|oh+|ah+|nice|cool|ok|okay|k|lolol|same|mood|dead|ded|bro|yay+|slay|sheesh|wtf|why|jk|smh|welp|damn|dang|gosh|goodness|goodness\s+me|oh\s+my|oh\s+my\s+god|interesting|no\s+way|i\s+had\s+no\s+idea)(?:[\s,]+|$)){1,4}$`,
);
/** At least one word that makes a run of interjections a reaction rather than "ok cool" (a yes). */
const REACTION_CORE =
  /\b(?:lo+l|lmf?ao+|rofl|ha(?:ha)+h?|hah|he(?:he)+|huh|meh|wow|whoa|woah|omg|oof|ugh+|ew+|yikes|bruh|xd|lolol|jk|smh|welp|damn|dang|gosh|goodness|oh my|interesting|no way|had no idea|same|mood|dead|ded|bro|yay+|slay|sheesh|wtf|why)\b/;
/** "nice" reacts when no yes word comes with it: "nice!!!" does, "ok nice" says yes. */
const NICE_ALONE = /^(?!.*\b(?:ok|okay|k|cool)\b).*\bnice\b/;

/**
 * A moan about the weather, the whole turn: "its so cold today", "ugh freezing out here", "so hot omg",
 * "raining again". A reaction to the day, no weather request ("is it cold today" asks: no match).
 */
const WEATHER_MOAN = new RegExp(
  String.raw`^(?:(?:ugh+|omg|man|brr+|damn|wow|oh|god|jeez)[\s,]+){0,2}(?:(?:its|it is|it s)\s+)?(?:so+|really|too|super|freaking|very|crazy|way too)\s+(?:cold|hot|humid|chilly|muggy|windy)(?:\s+(?:today|outside|out here|out there|tonight|in here|again|lately))?(?:[\s,]+(?:lol|omg|ugh+|man|brr+))*$|^(?:(?:ugh+|omg|man|brr+|damn|oh)[\s,]+){0,2}(?:(?:its|it is|it s)\s+)?(?:freezing|boiling|roasting|pouring)(?:\s+(?:today|outside|out here|out there|tonight|in here|again))?(?:[\s,]+(?:lol|omg|ugh+|man|brr+))*$|^(?:(?:ugh+|omg|man)[\s,]+)?(?:its\s+)?(?:raining|snowing)\s+again(?:[\s,]+(?:lol|omg|ugh+|man))*$`,
);

/** Praise: "youre the best", "omg ur a lifesaver", "good bot", "love you". */
const PRAISE = new RegExp(
  '^' +
    LEAD +
    String.raw`(?:(?:youre|you\s+are|ur|u\s+r|u\s+are|you)\s+(?:so\s+|really\s+|the\s+|a\s+|an\s+|such\s+an?\s+|literally\s+|actually\s+){0,3}(?:best|awesome|amazing|great|smart|clever|brilliant|a\s+genius|genius|lifesaver|life\s+saver|star|legend|funny|hilarious|sweet|kind|helpful|goat|rock)|(?:good|great|nice)\s+(?:bot|job|work)|well\s+done|i\s+love\s+you|love\s+you|love\s+u|ily)` +
    String.raw`(?:[\s,]+(?:lol|haha|omg|thanks|bro|man|buddy|mate|really|honestly|tbh))*$`,
);

/** Taking note: "got it", "gotcha", "noted", "ok got it". Not "ok" alone (a yes). */
const ACK =
  /^(?:(?:ok|okay|kk|alright|oh|ah)[\s,]+)?(?:got\s+it|gotcha|noted|understood|i\s+see|makes\s+sense|good\s+to\s+know|all\s+good)(?:[\s,]+(?:then|now|lol|haha|ok|cool))*$/;

/** A time said too vaguely to set ("in a bit", "after work sometime", "early"): the time question is asked again. */
const VAGUE_WHEN = String.raw`(?:in\s+a\s+(?:bit|while|little\s+while|sec)|later(?:\s+on)?|sometime(?:\s+later|\s+today|\s+tonight|\s+soon)?|soon(?:ish)?|early(?:ish)?|late(?:ish)?|after\s+(?:work|school|lunch|dinner)\s+sometime|whenever)`;
/** Not knowing: "idk", "dunno", "no idea", "whatever", "whatever you think is best": a vague answer, asked again. */
const UNSURE_CORE = String.raw`(?:idk|dunno|i\s+dunno|i\s+dont\s+know|i\s+do\s+not\s+know|no\s+idea|not\s+sure|im\s+not\s+sure|i\s+am\s+not\s+sure|(?:im|i\s+am)\s+not\s+certain|not\s+certain|no\s+clue|whatever|whatevs|any|anything|doesnt\s+matter|dont\s+care|i\s+dont\s+care|up\s+to\s+(?:you|u)|you\s+choose|you\s+pick|you\s+decide|your\s+call|surprise\s+me|whatever\s+(?:you\s+think|u\s+think)(?:\s+is\s+(?:best|right|good|fine|appropriate|sensible))?|${VAGUE_WHEN})`;
/** A vague size after not knowing: "however long eggs take", "like a few mins", "a while". */
const UNSURE_VAGUE = String.raw`(?:however\s+long\s+[a-z ]{1,40}|(?:like\s+|maybe\s+|just\s+)?(?:a\s+few|a\s+couple|some|a\s+bit|a\s+while|a\s+little\s+while)(?:\s+(?:of\s+)?(?:secs?|seconds|mins?|minutes|hours?|hrs?|days?|time))?)`;
const UNSURE_TAIL = String.raw`(?:[\s,]+(?:lol|man|tbh|honestly|really|haha|then|i\s+guess|maybe))*`;
const UNSURE = new RegExp(
  String.raw`^(?:(?:hmm+|um+|uh+|well|lol|ugh|meh|ok|oh)[\s,]+)?${UNSURE_CORE}${UNSURE_TAIL}(?:[\s,]+(?:${UNSURE_CORE}|${UNSURE_VAGUE})${UNSURE_TAIL})?$`,
);

/** Asides that keep a question open: "one sec", "hold on", "hmm let me think", "i cant remember". */
const ASIDE = new RegExp(
  '^' +
    LEAD +
    String.raw`(?:ok(?:ay)?[\s,]+)?` +
    String.raw`(?:hm+|hmm+|um+|uh+|umm+|er+|erm+|let\s+me\s+think(?:\s+about\s+it)?|lemme\s+think|let\s+me\s+see|lemme\s+see|let\s+me\s+check|(?:just\s+)?(?:a|one)\s+(?:sec|second|moment|min|minute)|(?:one|a)\s+sec\s+pls|sec|hold\s+on(?:\s+a\s+(?:sec|second|moment|minute))?|hang\s+on(?:\s+a\s+(?:sec|second|moment|minute))?|wait(?:\s+a\s+(?:sec|second|moment|minute))?|(?:give|gimme)\s+(?:me\s+)?a\s+(?:sec|second|moment|minute)|brb|thinking|im\s+thinking|good\s+question|i\s+(?:cant|can\s+not|cannot)\s+remember|i\s+forgot|i\s+forget|not\s+sure\s+yet|(?:1|one|2|two|a\s+few|few)\s+(?:sec|secs|second|seconds|min|mins|minute|minutes)|wait\s+(?:1|one|2|two)\s+(?:sec|min|mins))` +
    String.raw`(?:[\s,]+(?:pls|please|lol|then|yet|haha|ok|brb|(?:1|one|2|two|a\s+few)\s+(?:sec|secs|min|mins|minutes)))*` +
    // "1 sec lemme check", "brb gotta check my schedule": what the speaker goes to do, never a request.
    String.raw`(?:[\s,]+(?:lemme|let\s+me|gotta|i\s+gotta|i\s+have\s+to|i\s+need\s+to|need\s+to|have\s+to|got\s+to)\s+(?:check|look|think|see|find|ask|answer|grab|get)\b[^?]{0,40}|[\s,]+my\s+\w+\s+is\s+\w+ing|[\s,]+(?:someone|somebody)s?\s+(?:is\s+)?at\s+the\s+door)?$`,
);

/**
 * Questions about privacy, this assistant's promise: "are you recording me", "do you store my data",
 * "who can see my chats", "is this private". Answered truthfully; never read as a request (the
 * intent model took "are you recording me" for how_old_are_you). Whole turn, bounded alternations.
 */
const PRIVACY_THING = String.raw`(?:my|our)\s+(?:personal\s+)?(?:data|info|information|messages|msgs|chats?|conversations?|history|chat\s+history|questions|stuff|voice|texts?|privacy)`;
const PRIVACY = new RegExp(
  '^' +
    LEAD +
    String.raw`(?:(?:wait|hey|btw|by\s+the\s+way|quick\s+question|question)[\s,]+)?` +
    String.raw`(?:` +
    String.raw`(?:are|r)\s+(?:you|u)\s+(?:recording|listening\s+to|spying\s+on|tracking|watching|monitoring|logging)\s+(?:me|us|this|everything)` +
    String.raw`|(?:do|will|can|would|did)\s+(?:you|u)\s+(?:store|save|keep|record|log|share|sell|send|upload|collect|track)\s+(?:${PRIVACY_THING}|what\s+i\s+(?:say|type|write)|everything|anything|this)(?:\s+(?:anywhere|online|somewhere|to\s+\w+|with\s+\w+))?` +
    String.raw`|(?:where|who)\s+(?:does|do|is|are|can)\s+${PRIVACY_THING}\s+(?:go|goes|stored|kept|saved|sent)` +
    String.raw`|where\s+(?:is|are|do\s+you\s+(?:keep|store|save))\s+${PRIVACY_THING}(?:\s+(?:stored|kept|saved|going))?` +
    String.raw`|who\s+(?:can|else\s+can|could)\s+(?:see|read|access|hear)\s+(?:${PRIVACY_THING}|this|what\s+i\s+(?:say|type|write))` +
    String.raw`|is\s+(?:anyone|anybody|someone|somebody)\s+(?:else\s+)?(?:listening|watching|reading)(?:\s+(?:to\s+)?(?:this|me|us))?` +
    String.raw`|(?:is|are)\s+(?:this|this\s+chat|this\s+conversation|our\s+chat|${PRIVACY_THING})\s+(?:really\s+)?(?:private|secure|safe|encrypted|confidential|being\s+recorded|recorded|stored|saved)` +
    String.raw`|what\s+do\s+(?:you|u)\s+do\s+with\s+${PRIVACY_THING}` +
    String.raw`|(?:what\s+about\s+)?(?:my\s+)?privacy|(?:your\s+)?privacy\s+policy|is\s+this\s+(?:app|assistant|thing)\s+(?:private|safe|secure)` +
    String.raw`)(?:[\s,]+(?:right\s+now|now|at\s+all|or\s+not|though|tho|lol|honestly))*$`,
);

/** English talk: the grammars (tried on the normalized turn) and the replies, by kind. */
export const enTalk = {
  /** A feeling's kind, or `undefined`. */
  feeling(text: string): string | undefined {
    if (REQUEST.test(text)) return undefined;
    for (const f of FEELINGS) if (feelingRe(f).test(text)) return f.kind;
    return undefined;
  },
  insult: (text: string): boolean => INSULT.test(text),
  reaction: (text: string): boolean =>
    (REACTION.test(text) && (REACTION_CORE.test(text) || NICE_ALONE.test(text))) || WEATHER_MOAN.test(text),
  unsure: (text: string): boolean => UNSURE.test(text),
  praise: (text: string): boolean => PRAISE.test(text),
  ack: (text: string): boolean => ACK.test(text),
  aside: (text: string): boolean => ASIDE.test(text),
  privacy: (text: string): boolean => PRIVACY.test(text),
  /** What is said back, by kind; an offer of what the assistant can do follows feelings and insults. */
  replies: {
    sad: ["I'm sorry you're feeling down.", "I'm sorry, that sounds hard.", "I'm sorry to hear that. I'm here."],
    tired: ['That sounds exhausting.', 'Sounds like a long day.', "That's a lot. I hope you get some rest."],
    bored: ["Let's see if I can help with that.", 'I can keep you company for a bit.'],
    lonely: ["I'm sorry you're feeling lonely. I'm here to chat.", "I'm here, and happy to keep you company."],
    stressed: ['That sounds stressful.', 'Sorry, that sounds like a lot to deal with.'],
    angry: ['That sounds frustrating.', 'Sorry, that sounds really annoying.'],
    happy: ["That's great to hear!", 'Love to hear it!', "That's wonderful!"],
    insult: [
      "Sorry I let you down. Tell me what you need and I'll try again.",
      "Sorry about that, I'm still learning. Tell me what you need and I'll do my best.",
    ],
    aside: ['Sure, take your time.', 'No rush.', "Okay, I'll wait."],
    praise: ["Thank you, that's kind of you!", 'Aw, thanks! Happy to help.', 'Thanks, glad I could help!'],
    ack: ['Okay!', 'Alright!', 'Sure thing.'],
    privacy: [
      "What you say stays on this device: I understand it right here in your browser, and your history is stored encrypted on this device only. Nothing is sent anywhere unless you allow it: a skill that needs the network, or your browser's speech service for voice input when this device can't recognise speech itself.",
    ],
  } as Readonly<Record<string, readonly string[]>>,
};

const feelingCache = new Map<string, RegExp>();
/** The whole-turn grammar of one feeling kind, built once. */
function feelingRe(f: (typeof FEELINGS)[number]): RegExp {
  let re = feelingCache.get(f.kind);
  if (re === undefined) {
    // A `said` word needs the speaker ("im", "i feel") or a degree ("so", "really") before it.
    const said = `(?:${SUBJECT}${DEGREE}|${DEGREE}(?:so|really|very|kinda|pretty|super|too|extremely)\\s+)(?:${f.said})`;
    const of = f.of === undefined ? '' : `|${f.of}`;
    re = new RegExp(`^${LEAD}(?:(?:${SUBJECT})?${DEGREE}(?:${f.bare})|${said}${of})${TAIL}$`);
    feelingCache.set(f.kind, re);
  }
  return re;
}
