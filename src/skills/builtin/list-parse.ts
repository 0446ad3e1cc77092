/**
 * Reads list requests: "add eggs and milk to my shopping list", "take bread off the list and put
 * rice on it", "is cheese on my list?", "clear my to-do list". Plain patterns, because these
 * requests have few shapes and the items are free text no entity extractor knows.
 *
 * @module
 */
import { splitGroceries } from '../../lang/en/en-groceries.ts';
import { firstRequestEn } from '../../lang/en/en-second-request.ts';
import { EMOJI_RUN, LAUGH_WORDS, POLITE_WORDS, STAND_IN_WORDS, STANCE_WORDS } from '../../lang/en/en-stand-ins.ts';

/** The changes and questions a list request holds. */
export interface ListRequest {
  add: string[];
  remove: string[];
  check: string[];
  clear: boolean;
}

/** "please", "could you kindly", "would you mind", "i want you to": the polite frame before the verb. */
// "please do put margarine on it": an emphatic "do" before the verb is still the ask.
const ASK = `(?:(?:please|pls|plz|kindly)\\s+)?(?:(?:can|could|would|will) (?:you|u)\\s+(?:please\\s+|pls\\s+|kindly\\s+|just\\s+)?|would you mind\\s+|i (?:want|need|would like|'d like|like) (?:you )?to\\s+)?(?:(?:please|pls|plz|kindly|just)\\s+)?(?:do\\s+)?`;
const ADD_VERB = new RegExp(
  `^${ASK}(?:add(?:ing)?|put(?:ting)? down|put(?:ting)?|include|append|stick|throw|chuck|pop|bung|toss|write down|write|jot down|note down|make a note of|note|insert|place)\\b`,
);
const REMOVE_VERB = new RegExp(
  `^${ASK}(?:remove|removing|delete|take|cross|erase|strike|drop|scratch|get rid of|cut)\\b`,
);
/** "todo: vacuum the car", "shopping list add 2 onions": the list named first, as a heading. */
const HEADING =
  /^(?:(?:my|the)\s+)?(?:(?:shopping|grocery|groceries|todo|to-do|to do)(?:\s+list)?|task\s+list)\s*(?::|-|,|\.)?\s+|^(?:(?:the|my|new)\s+)?(?:task|item|to-?do)\s+is\s+(?:to\s+)?/;
/** What people say after an item that is not part of it: "i guess", "we still have some", "thx", "lol". */
const TRAILER = new RegExp(
  String.raw`(?:\s*,)?\s+(?:(?:i|we|they)(?:'ve|'m)?\s+(?:just|still|already|really|always|never|do|did|dont|don't|have|had|need|got|guess|think|suppose|reckon|bought|forgot)\b.*|(?:${POLITE_WORDS}|${LAUGH_WORDS}|${STANCE_WORDS}|x+)(?:\s+(?:${POLITE_WORDS}|${LAUGH_WORDS}|${STANCE_WORDS}))*|(?:real |really |nice and )?quick(?:ly)?|asap|while (?:you'?re|youre|ur|you are|u r) at it|if you (?:can|could|don'?t mind)|when you (?:can|get a (?:chance|sec|second|minute|moment)))$`,
);
const NEED =
  /^(?:i|we) (?:need to buy|need to get|have to buy|should buy|must buy|also need|need|want)\b|^(?:i'm|we're|i am|we are) (?:out of|running low on|low on)\b|^(?:buy|get|pick up)\b/;
const NO_LONGER =
  /\b(?:no longer need|don't need|do not need|(?:am|are|'m|'re) not need(?:ing)?|already (?:got|bought|have|did|done)|finished|completed|did|done with)\b/;
const CLEAR =
  /\b(?:clear|empty|wipe|reset|nuke|blank out|start (?:over|fresh))\b|\b(?:delete|remove|erase|cross off|take off) (?:all|everything|every item|all (?:the )?items)\b|\bmake (?:my|the) .*list (?:blank|empty)\b/;
/** A question whether the list is empty or cleared ("is the list empty now", "is it all cleared"). */
const IS_EMPTY = /^(?:is|iz|was)\s+(?:it|that|the|my|our)\b[^?]{0,30}\b(?:empty|clear|cleared|wiped)\b/;
/**
 * "is milk on the list", "did u add the bin bags", "is the rota one still there": whether an item is on it.
 * Group 1 is the item, "the … one" (a stand-in around it) included: {@link checkItem} drops it.
 */
const CHECK =
  /^(?:is|are|was|were|did (?:i|you|u|ya) (?:put|add|include|get|save|write down)|have (?:i|you|u) (?:put|added|got)|do i (?:have|need)|does (?:my|the) .+? list (?:have|include|contain|mention)|check (?:if|whether|for))\s+(.+?)(?:\s+(?:still\s+)?(?:on|in|already on|there)\b.*)?$/;
/** Words that name the whole list, not an item: "it", "them", "all 3", "everything". */
const ALL_OF_IT =
  /^(?:it|them|that|those|these|everything|all(?:\s+(?:of\s+)?(?:it|them|those|\d+|two|three|four|five|six))?(?:\s+(?:things|items))?)$/;
/** "the rota one", "that milk thing": the item named by a stand-in around it. */
const STAND_IN_AROUND = /^(?:the|that|this|my)\s+(.+?)\s+(?:one|thing|item|task|bit)$/;
/** "to my shopping list", "off the to-do list", "on my list of pending tasks", "from groceries", "to shopping". */
const LIST_REF =
  /\s*\b(?:to|on|onto|in|into|from|off(?: of)?|of|for)\s+(?:my|the|our|your)\s+(?:[\w-]+\s+){0,2}?list(?:\s+of\s+(?:things\s+to\s+do|[\w-]+(?:\s+[\w-]+)?))?\b|\s*\b(?:my|our|your)\s+(?:[\w-]+\s+){0,2}?list\b|\s*\b(?:to|on|from|off)\s+(?:shopping|grocery|groceries|todo|to-do|to do)\s+list\b|\s*\b(?:to|on|onto|from|off)\s+(?:(?:my|the|our)\s+)?(?:shopping|grocery|groceries|todo|to-do|to do|todos)\s*$|\s*\b(?:to|on|onto|in|into)\s+(?:(?:my|the|our|your)\s+)?list\s+of\s+[\w-]+\b|\s+(?:to|on|onto|in|into)\s+(?:mine|ours)$|\s+(?:please|too|also|as well|for me|for us|now|already|instead|anyway|anyways|then|actually|um+|uh+m*|erm+|lah|leh|lor|ya|yeah)\b/g;
/** Measures and containers a quantity is counted in: "a loaf of bread", "a dozen eggs". */
const MEASURE =
  'dozen|half|loaf|bag|sack|bottle|pack|packet|box|tin|can|jar|pot|tube|carton|bunch|kilo|pound|pint|litre|liter|gallon|head|tub|block|bar|roll|punnet|slice|tray|case|crate|pair|stick|handful';
// "a dozen eggs", "a loaf of bread": an article before a measure is part of the quantity, so it stays,
// also with up to two words describing the measure between them when "of" follows it ("a big bag of rice",
// "a 2 litre bottle of coke"); "a chocolate bar", "a trash can" name the thing itself and lose it.
const LEADING = new RegExp(
  String.raw`^(?:some|a few|a couple of|(?:a|an)(?!\s+(?:${MEASURE})\b|\s+(?:[\w-]+\s+){1,2}(?:${MEASURE})\s+of\b)|the|more|another|extra|also|to)\s+`,
);
const SPLIT_CLAUSES =
  /\s*(?:,\s*)?\b(?:and|then|but|also)\s+(?=(?:add|put|remove|delete|take|cross|erase|drop|include|scratch)\b)/;

/**
 * What opens a turn or a clause without being part of its request: interjections, "in that case",
 * "on reflection", "i see", "for today". At most four of them: the repeat is bounded and no phrase is
 * made of two others ("oh right" is "oh" then "right"), as it also runs inside a look-ahead at every
 * stop (SENTENCE_BEFORE_VERB), where an unbounded, ambiguous repeat backtracked for seconds.
 */
const LEAD =
  /^(?:(?:actually|ok|okay|k|oh|and|n|also|then|now|so|well|hey|no|sorry|oops|wait|please|pls|hmm|lol|right|fine|alright|yeah|yes|yep|um+|uh+|er+|just|anyway|anyways|but|(?:for )?today|tonight|i see|in that case|on (?:second thought|reflection)|come to think of it|thinking about it|by the way|btw)[,\s]+){1,4}/;

/**
 * "we are running low on a few things, could you add rice": a sentence or a comma before a request's
 * verb starts the request; what came before is talk around it (read as its own clause).
 */
const SENTENCE_BEFORE_VERB = new RegExp(
  `\\s*[,.;!?]\\s+(?=(?:${LEAD.source.slice(1)})?${ASK}(?:add|put|pop|stick|write|jot|note|include|remove|delete|take|cross|erase|drop|scratch)\\b)`,
);

/**
 * "make me a shopping list with rice and lentils": a list started with its items. Not "with my kids"
 * (who it is made with) nor "of things to do" (what kind of list it is).
 */
const MAKE_WITH = new RegExp(
  `^${ASK}(?:make|start|create|begin|set up)\\s+(?:me\\s+|us\\s+)?(?:a|an|my|the|new|a new)\\s+(?:[\\w-]+\\s+){0,2}?list\\b(?:\\s+for\\s+(?:me|us))?\\s+` +
    `(?:with(?!\\s+(?:my|me|us|her|him|them|you|your|our|his|their)\\b)|of(?!\\s+(?:things|stuff|items|what|everything|all|my|our|the)\\b)|containing|that has)\\s+(.+)$`,
);

/** "add smth to my list", "add a task": a stand-in for the item, which is still to be said. */
const PLACEHOLDER = new RegExp(
  String.raw`^(?:${STAND_IN_WORDS}|items?|things?|tasks?|entry|entries|one|a few things)$`,
);

/**
 * A piece that is only talk around the items: "oh", "ok back", "lol", "hmm"; or a hold or a no said
 * right after an add ("wait no not yet", "hold on", "never mind"), which adds nothing.
 */
const FILLER_ITEM =
  /^(?:oh+|ok(?:ay)?|k|um+|uh+|er+|hmm+|ah+|lol|well|so|yeah|yes|right|also|(?:ok(?:ay)?\s+|i'?m\s+)?back|wait|hold on|no|nope|nah|not (?:yet|now|that|those|really)|nothing|none|never ?mind|nvm)$/;

/**
 * "2 kg onions, the red ones", "bin bags, the big black ones": which kind of the item just named, not
 * another item; "flour, take out", "milk, remove it": the verb said after its item, as learners do.
 */
/** "in shopping list", "in the list of shopping": a list named as learners do, no item of it. */
const LIST_REF_PLAIN =
  /\s*\b(?:in|into)\s+(?:shopping|grocery|groceries|todo|to-do|to do)(?:\s+list)?\s*$|\s*\b(?:to|on|onto|in|into)\s+(?:(?:my|the|our)\s+)?list\s+of\s+(?:shopping|groceries)\b/;
/** "kopi, got already", "eggs, already have some": said of an item as it is taken off (Singapore, India). */
const GOT_ALREADY =
  /(?:\s*,)?\s+(?:(?:got|have|bought|done)\s+(?:already|liao)|already\s+(?:got|have|bought)(?:\s+(?:some|one|it))?)\s*$/;
const DESCRIBES_LAST =
  /^the\s+(?:[\w-]+\s+){1,3}(?:ones?|kind|type|sort|brand)$|^(?:take|taking)\s+(?:it\s+)?(?:out|off)$|^remove\s+(?:it|that)$/;

/** Emoji typed after or among the items ("oat milk 😭"): none of an item's words. */
const EMOJI = new RegExp(`\\s*${EMOJI_RUN}`, 'gu');

/** "eggs, milk and bread" → ["eggs", "milk", "bread"]. */
export function splitItems(text: string): string[] {
  return (
    text
      .replace(EMOJI, ' ')
      // "on the shopping list for the party": the purpose after the list is not an item.
      .replace(/(\blist)\s+for\s+.*$/, '$1')
      // "add in my todo clean the kitchen": the list named before the item ("to my shopping list"
      // alone names no item: its "list" is not one).
      .replace(
        /^\s*(?:in|to|on|into|onto)\s+(?:my|the|our)\s+(?:shopping|grocery|groceries|todo|to-do|to do)(?:\s+list)?\s+(?!list\b)/,
        '',
      )
      // "call grandma to it lol": the talk after "to it" goes first, then "to it".
      .replace(TRAILER, '')
      .replace(/\s+(?:to|on|onto|in)\s+(?:that|it|this|them|there|(?:my|the|our)\s+to-?\s?dos?)$/, '')
      .replace(GOT_ALREADY, '')
      .replace(LIST_REF_PLAIN, ' ')
      .replace(LIST_REF, ' ')
      .replace(/^["“'‘]|["”'’]$/g, '')
      .replace(TRAILER, '')
      .split(/\s*(?:,|;|\.\s|\band\b|\bn\b|&|\+|\bplus\b)\s*/)
      .map((s, i) =>
        s
          .trim()
          .replace(/^["“'‘]+|["”'’]+$/g, '')
          // Only after an item: "add the blue ones" alone names what to add.
          .replace(i > 0 ? DESCRIBES_LAST : /$^/, '')
          .replace(LEADING, '')
          .replace(/\b(?:it|them|that|this)$/, '')
          .replace(/[.!?]+$/, '')
          .trim(),
      )
      // "oh and garlic", "ok back. bread": an interjection between the items is none of them.
      .filter((s) => s !== '' && !/^(?:it|them|that|this)$/.test(s) && !PLACEHOLDER.test(s) && !FILLER_ITEM.test(s))
      // "milk eggs and cheese": a run of groceries with its commas dropped is several items.
      .flatMap(splitGroceries)
  );
}

function simplify(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(EMOJI, ' ')
      .replace(/[\u2018\u2019]/g, "'")
      // "my to do lust", "the shoping list": a slip of the keys in the list's name still names it. After
      // a bare "my"/"the" only where a list is named ("to my lst", "… the lsit" at the end): "add my lust
      // for life dvd", "add the lst" name an item.
      .replace(/\bshoping\b/g, 'shopping')
      .replace(/\b(shopping|grocery|groceries|todo|to-do|to do)\s+(?:lust|lsit|lst|lis|liat|lisr|lsts)\b/g, '$1 list')
      .replace(
        /\b((?:to|on|onto|from|off|in|into)\s+(?:my|the|our))\s+(?:lust|lsit|lst|lis|liat|lisr|lsts)\b/g,
        '$1 list',
      )
      .replace(/\b(my|the|our)\s+(?:lust|lsit|lst|lis|liat|lisr|lsts)\s*[?!.]*$/, '$1 list')
      .replace(/[?!.]+$/, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * Parses a list request.
 * @param text the request, e.g. `"add eggs to my shopping list and remove cheese"`
 * @returns the items to add, remove and check, and whether the whole list is to be cleared
 */
export function parseListRequest(text: string): ListRequest {
  const out: ListRequest = { add: [], remove: [], check: [], clear: false };
  // "add call the electrician to my to do list and set an alarm for 7": the alarm is no item.
  let s = simplify(firstRequestEn(text)).replace(LEAD, '');
  const made = MAKE_WITH.exec(s);
  if (made?.[1] !== undefined) {
    out.add.push(...splitItems(made[1]));
    return out;
  }
  // "todo: vacuum the car, call the plumber", "shopping list add 2 onions": the list named first.
  const heading = HEADING.exec(s);
  if (heading !== null) {
    s = s.slice(heading[0].length);
    if (!ADD_VERB.test(s) && !REMOVE_VERB.test(s) && !CLEAR.test(s) && !CHECK.test(s)) {
      out.add.push(...splitItems(s));
      return out;
    }
  }
  // "is the list empty now?" asks to see the list; "empty the list" clears it.
  if (IS_EMPTY.test(s)) return out;
  if (CLEAR.test(s)) {
    out.clear = true;
    return out;
  }
  const check = CHECK.exec(s);
  // "did u get all 3", "did you add them": the whole list is asked about, read it.
  if (check?.[1] !== undefined && ALL_OF_IT.test(check[1])) return out;
  if (check?.[1] !== undefined) {
    out.check = splitItems(STAND_IN_AROUND.exec(check[1])?.[1] ?? check[1]);
    return out;
  }
  for (const clause of s.split(SENTENCE_BEFORE_VERB).flatMap((c) => c.replace(LEAD, '').split(SPLIT_CLAUSES))) {
    if (REMOVE_VERB.test(clause))
      out.remove.push(
        ...splitItems(
          clause
            .replace(REMOVE_VERB, '')
            .replace(/^\s*(?:off|out)\b/, '')
            // "take the bananas off we still have some": what follows "off" is not the item; nor is "back" before
            // it ("take the rice back off").
            .replace(/(?:\s+back)?\s+(?:off|out)(?:[\s,]+.*)?$/, ''),
        ),
      );
    else if (ADD_VERB.test(clause))
      out.add.push(...splitItems(clause.replace(ADD_VERB, '').replace(/\b(?:down|up)\b(?=\s*$|\s+(?:on|to)\b)/, ' ')));
    // "what did i put on it" asks; "did" there is no errand done.
    else if (NO_LONGER.test(clause) && !/^(?:what|whats|what's|which|how|who|when|where)\b/.test(clause))
      out.remove.push(
        ...splitItems(
          clause.replace(
            /^.*?\b(?:no longer need|don't need|do not need|(?:am|are|'m|'re) not need(?:ing)?|already (?:got|bought|have|did|done)|finished|completed|did|done with)\b/,
            '',
          ),
        ),
      );
    else if (NEED.test(clause)) {
      // "i need (to) add in my todo clean the kitchen": the verb after the need is no part of the item.
      const rest = clause
        .replace(NEED, '')
        .trim()
        .replace(/^to\s+(?=\w)/, '');
      out.add.push(...splitItems(ADD_VERB.test(rest) ? rest.replace(ADD_VERB, '') : rest));
    }
    // "cheese too pls", "salsa as well": more of what was just added.
    else if (
      /\b(?:too|as well)(?:\s+(?:pls|plz|please|thx|thanks))?$/.test(clause) &&
      !/^(?:me|you|same)\b/.test(clause)
    )
      out.add.push(...splitItems(clause.replace(/\s*\b(?:too|as well)\b.*$/, '')));
  }
  return out;
}

/**
 * `true` when the request asks to see the list rather than change it.
 * @param request a parsed request
 */
export function isReadOnly(request: ListRequest): boolean {
  return !request.clear && request.add.length === 0 && request.remove.length === 0;
}
