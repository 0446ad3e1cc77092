/**
 * A second request joined to the first in one English line ("set a timer for 5 min and add milk
 * to my list", "wake me up at six thirty and remind me to pack lunch"). The assistant carries out
 * one request a turn: the dialogue manager does the first and then says which part it left, so
 * nothing the user asked for is silently dropped (src/dialogue/manager.ts). Only a request a
 * skill would recognize by its opening words counts, so "remind me to call mum and tell her hi"
 * stays one reminder. Bounded alternations, no nested quantifiers: linear in the text.
 *
 * @module
 */

/**
 * Words that join two requests: "and", "and then", "and also", "then", "also", "plus"; not after a
 * sentence's end ("I see. Then remind me…" is one request).
 */
const JOIN = String.raw`(?<![.!?])(?:,\s*|\s+)(?:and\s+(?:then\s+|also\s+)?|then\s+|also\s+|plus\s+|&\s+)`;
/** Politeness before the second request: "and can you", "and please". */
const ASK = String.raw`(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+)?|please\s+|pls\s+|kindly\s+)?`;
const LIST = String.raw`(?:my|the|our)\s+(?:shopping\s+|grocery\s+|groceries\s+|to\s*-?\s*do\s+|todo\s+)?(?:list|to\s*-?\s*dos?|todos?)`;
/** Openers a built-in skill answers, each naming its object. */
const OPENER = [
  String.raw`(?:set|start|make|put\s+on)\s+(?:up\s+)?(?:a|an|the|my|another|one\s+more)?\s*(?:\w+\s+)?(?:timer|alarm|reminder)\b`,
  String.raw`wake\s+me(?:\s+up)?\b`,
  String.raw`remind\s+me\b`,
  String.raw`(?:add|put)\s+[^,]{1,40}?\s+(?:to|on|in)(?:to)?\s+${LIST}\b`,
  String.raw`(?:what|whats|what's|what\s+is)\s+the\s+(?:time|date|weather|day)\b`,
  String.raw`what\s+time\s+is\s+it\b`,
  String.raw`tell\s+me\s+(?:a\s+joke|a\s+fun\s+fact|the\s+time|the\s+date|a\s+fact)\b`,
  String.raw`(?:flip|toss)\s+a\s+coin\b`,
  String.raw`roll\s+(?:a|the|two|2)\s+(?:die|dice)\b`,
  String.raw`(?:how\s+do\s+(?:you|u|i)\s+spell|spell)\s+\w`,
  String.raw`(?:what|whats|what's|what\s+is)\s+\d[\d.,]*\s*(?:plus|minus|times|divided\s+by|x|\+|-|\*|/)\s*\d`,
  String.raw`convert\s+\d`,
  String.raw`(?:cancel|stop|delete)\s+(?:the|my|that)\s+(?:timer|alarm|reminder)\b`,
].join('|');

const SECOND = new RegExp(`${JOIN}${ASK}((?:${OPENER})[^]{0,160})$`, 'i');
/**
 * The intents a second request's words name. When the first is acted on as one of them, the
 * models read the line as the second request ("book me a cab and then set an alarm for 6" acted
 * on as an alarm): the line is left whole, as one request.
 */
const NAMES: readonly [RegExp, readonly string[]][] = [
  [/\btimers?\b/i, ['timer']],
  [/\b(?:alarms?|wake\s+me)\b/i, ['alarm']],
  [/\b(?:remind|reminders?)\b/i, ['reminder', 'reminder_update']],
  [/\b(?:list|to\s*-?\s*dos?|todos?)\b/i, ['shopping_list', 'shopping_list_update', 'todo_list', 'todo_list_update']],
  [/\btime\b/i, ['time', 'timezone']],
  [/\b(?:date|day)\b/i, ['date']],
  [/\bweather\b/i, ['weather']],
  [/\bjoke\b/i, ['tell_joke']],
  [/\bfact\b/i, ['fun_fact']],
  [/\bcoin\b/i, ['flip_coin']],
  [/\b(?:die|dice)\b/i, ['roll_dice']],
  [/\bspell\b/i, ['spelling']],
  [/\d\s*(?:plus|minus|times|divided|x|\+|-|\*|\/)/i, ['calculator']],
  [/\bconvert\b/i, ['measurement_conversion']],
];

/**
 * `true` when the words of a request name the intent (see {@link NAMES}).
 * @param rest the request's words
 * @param intent the intent
 */
function names(rest: string, intent: string): boolean {
  return NAMES.some(([words, intents]) => intents.includes(intent) && words.test(rest));
}
/** A list operation: after a list request it is the same request ("add eggs to my list and add milk to the list"). */
const LIST_OP = /^(?:add|put)\s/i;

/** The two parts of a line holding two requests, or `undefined`. */
function splitRequests(text: string): { first: string; rest: string } | undefined {
  if (text.length > 240) return undefined;
  const m = SECOND.exec(text);
  if (m === null || m.index < 3) return undefined;
  const rest = m[1]!.replace(/[\s.!?,;]+$/u, '').trim();
  return rest.length > 0 ? { first: text.slice(0, m.index), rest } : undefined;
}

/** The two requests of one line: the first, as written, and the words of the second. */
export interface TwoRequests {
  first: string;
  rest: string;
}

/**
 * The two requests of a line holding two (see the module comment), or `undefined` when it holds one.
 * @param text the turn as written
 * @param firstIntent the intent the first request is acted on as: a list update takes further
 *   list operations itself
 * @returns the first request and the second's words, without the joining word and end punctuation
 */
export function secondRequestEn(text: string, firstIntent?: string | null): TwoRequests | undefined {
  const parts = splitRequests(text);
  if (parts === undefined) return undefined;
  if (firstIntent?.endsWith('_list_update') === true && LIST_OP.test(parts.rest)) return undefined;
  if (typeof firstIntent === 'string' && names(parts.rest, firstIntent)) return undefined;
  return parts;
}

/**
 * The first request of a line holding two of another kind ("add call the electrician to my to do
 * list and set an alarm for 7": the items end before "and set"); the whole text otherwise.
 * @param text the request
 */
export function firstRequestEn(text: string): string {
  const parts = splitRequests(text);
  return parts === undefined || LIST_OP.test(parts.rest) ? text : parts.first;
}
