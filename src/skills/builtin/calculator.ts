/**
 * The built-in calculator: spoken arithmetic ("what's 15% of 80", "add 456 and 781", "square
 * root of 81", "七乘以八", "80的15%") is rewritten into symbols and evaluated by the hand-written
 * parser in `expression.ts` (never `eval`). Follow-ups reuse the last expression: "and of 120?" →
 * 15% of 120, "乘以二呢" → (7 * 8) * 2.
 *
 * @module
 */
import type { DialogueSlot, SlotExtractInput } from '../../dialogue/types.ts';
import type { SkillDefinition } from '../types.ts';
import { arithmeticRun, CalcError, evaluateExpression } from './expression.ts';
import { wordsToDigits } from './number-words.ts';
import { unitByAlias } from './units.ts';
import { pick, type Random } from './phrasing.ts';
import { POLITE_WORDS } from '../../lang/en/en-stand-ins.ts';
import { hasHan } from '../../nlu/runtime/language-id.ts';
import { readDictation } from '../../nlu/entities/dictation.ts';
import { zhNumbersToDigits } from '../../nlu/entities/zh-numbers.ts';
import { byLanguage, packFor } from '../../lang/pack.ts';
import {
  couponZh,
  discountZh,
  morePeopleZh,
  pricePerOneZh,
  scaleZh,
  sharedAmongZh,
  toSymbolsZh,
} from '../../lang/zh/zh-arithmetic.ts';

const N = String.raw`-?\d+(?:\.\d+)?`;

/** The money a sum at home is said in: "240 quid", "80 dollars". */
const MONEY = String.raw`quid|pounds?|dollars?|euros?|bucks`;
/** Nouns of money and measure: "300 pounds", "5 kilos" name an amount, never a number of people. */
const UNIT_NOUNS = String.raw`${MONEY}|cents?|pence|p|yuan|kuai|grams?|g|kilos?|kg|kilograms?|pounds?|lbs?|ounces?|oz|lit(?:er|re)s?|l|ml|met(?:er|re)s?|m|km|kilomet(?:er|re)s?|miles?|feet|foot|ft|inch(?:es)?|hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|years?|percent`;
const AMOUNT_NOUN = new RegExp(String.raw`^(?:${UNIT_NOUNS})$`);

/**
 * Whether a word names money or a unit of measure the conversion skill knows ("quarts", "tonnes", "decades").
 * Energy units are counted like nouns: "450 kcals times 2", "300 cals plus 450" are the sums a dieter asks
 * for (review r13 must-fix 1), and a mix of energy units in one sum is rare.
 */
const isUnitWord = (word: string): boolean =>
  AMOUNT_NOUN.test(word) || (unitByAlias(word) !== undefined && unitByAlias(word)!.dimension !== 'energy');

/** Plural words that are part of the number ("3 quarters", "2 thirds"), not what it counts. */
const FRACTIONS = String.raw`halves|thirds|quarters|fourths|fifths|sixths|sevenths|eighths|ninths|tenths|hundreds|thousands|millions|cents`;
/** The words of an operator, as said between two numbers. */
const OPERATOR_WORDS = String.raw`times|plus|minus|divided|multiplied|x|over|less`;

/**
 * The talk around a sum that holds a number of its own, cut before the number words are read: a count of
 * what the sum is for ("250 plus 175 for the two invoices", "across the three sites") and "one" that counts
 * nothing ("what's 7 times 13, quick one", "that one"). "for the 3 of us" and "for 2 people" may share
 * the sum out: they stay (and the sum is asked about, as before).
 */
const TALK_WITH_NUMBER = new RegExp(
  String.raw`\b(?:for|across)\s+(?:the|my|our|these|those|both|all)\s+(?:\d+|${'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve'})\s+(?!of\b|people\b|ppl\b|ways\b)\p{L}+|\b(?:a\s+)?quick\s+one\b|\b(?:this|that|the\s+other)\s+one\b(?!\s*(?:${OPERATOR_WORDS}|[-+*/]))`,
  'gu',
);

/** Who shares an amount, said after their count: "4 of us", "3 people", "5 mates", "3 ways". */
const SHARERS = String.raw`of\s+us|of\s+them|of\s+you|people|ppl|persons|ways|mates|friends|guys|kids|housemates|flatmates`;

/** A verb that shares an amount out: its count is no talk. */
const SHARES_OUT = /\b(?:split|divide|divided|share|shared)\b/;

/** "a dozen", "half a dozen", "3 dozen": twelves, in the calculator only (a shopping list keeps "a dozen eggs"). */
const DOZENS: [RegExp, string][] = [
  [/\bhalf\s+a\s+dozen\b/g, '6'],
  [/\b(?:a|one)\s+dozen\b/g, '12'],
  [/(?<![\d.])(\d+)\s+dozen\b/g, '($1 * 12)'],
];

/** Spoken phrasings, rewritten in order; each is small and anchored on numbers. */
const REWRITES: [RegExp, string | ((match: string, ...groups: string[]) => string)][] = [
  // "17 out of 25 as a percentage", "what's 42 out of 60 in percent": a mark as a percentage; bare, a fraction.
  [
    new RegExp(
      String.raw`(?<![\d.])(${N})\s+out\s+of\s+(${N})\s+(?:as\s+an?\s+|in\s+)?(?:percentage|percent|per\s+cent|%)`,
      'g',
    ),
    '$1 / $2 * 100',
  ],
  [new RegExp(String.raw`(?<![\d.])(${N})\s+out\s+of\s+(${N})`, 'g'), '$1 / $2'],
  // "3 pounds 50", "2 dollars and 25 cents": a price said in its two units is one amount (3.50), when the
  // smaller unit is named or the end or the sum follows ("24 times 3 pounds 50", "3 pounds 50 times 2"); not
  // before another word ("3 pounds 50 percent of").
  [
    new RegExp(
      String.raw`(?<![\d.])(\d+)\s*(?:${MONEY})\s+(?:and\s+)?(\d{2})(?:\s*(?:p|pence|cents?)\b|(?=\s*(?:$|[?!,.]|(?:each|a\s+(?:piece|go|head)|per|please|then|plus|minus|times|x|divided|over|and|with)\b)))`,
      'g',
    ),
    '$1.$2',
  ],
  [new RegExp(String.raw`(?<![\d.])(\d+)\s*(?:${MONEY})\s+(?:and\s+)?(\d)\s*(?:p|pence|cents?)\b`, 'g'), '$1.0$2'],
  // "48 boxes times 12 pallets", "6 crates plus 9 crates": a counted noun between a number and its operator
  // names what is counted. Never a unit the conversion skill knows, nor money: "5 hours plus 45 minutes" and
  // "2 gallons plus 3 quarts" are no sums. After the prices in two units, so "5 cents times 2" is read there first.
  [
    new RegExp(
      String.raw`(?<![\d.])(\d+(?:\.\d+)?)\s+(?!(?:${OPERATOR_WORDS}|${FRACTIONS})\b)(\p{L}{3,}s)(?=\s+(?:${OPERATOR_WORDS})\b)`,
      'gu',
    ),
    (counted: string, amount: string, noun: string) => (isUnitWord(noun) ? counted : amount),
  ],
  // Dictation's "what's for times six", "six times too": the sound of a number where only a number fits. The
  // look-behinds follow the word, so a long run of spaces is scanned once, not at every position.
  [
    /for(?<=(?:^|\b(?:is|whats|calculate|and)\s+)for)(?=\s+(?:times|plus|minus|divided\s+by|multiplied\s+by|x|squared|cubed)\b)/g,
    '4',
  ],
  [
    /too(?<=(?:^|\b(?:is|whats|calculate|and)\s+)too)(?=\s+(?:times|plus|minus|divided\s+by|multiplied\s+by|x|squared|cubed)\b)/g,
    '2',
  ],
  [/for(?<=\b(?:times|plus|minus|by|x)\s+for)(?=\s*(?:$|[?!.,]|(?:please|then)\b))/g, '4'],
  [/(?:too|to)(?<=\b(?:times|plus|minus|by|x)\s+(?:too|to))(?=\s*(?:$|[?!.,]|(?:please|then)\b))/g, '2'],
  // "twelve and a half percent", "2 and a quarter times 4": a number with its fraction.
  [new RegExp(String.raw`(?<![\d.])(\d+)\s+and\s+a\s+half\b`, 'g'), '$1.5'],
  [new RegExp(String.raw`(?<![\d.])(\d+)\s+and\s+a\s+quarter\b`, 'g'), '$1.25'],
  // Number words are digits by now: "three quarters" reads "3 quarters".
  [new RegExp(String.raw`(?<![\d.])(\d+)\s+and\s+(?:three|3)\s+quarters\b`, 'g'), '$1.75'],
  // "it was 80 and it's 25% off", "80 quid with 10 percent off": a price, then the discount on it.
  [
    new RegExp(
      String.raw`(?<![\d.])(?:\$|£)?(${N})(?:\s*(?:${MONEY}))?(?:\s*,\s*|\s+)(?:(?:and|but)\s+)?(?:(?:it\s+is|there\s+is|with|at)\s+)?(?:a\s+)?(${N})\s*(?:%|percent)\s+(?:off|discount)\b(?!\s+(?:of\s+)?(?:the\s+)?[$£]?\d)`,
      'g',
    ),
    '$1 - $2%',
  ],
  // "240 quid split between 6 families", "90 shared among 4": an amount shared out.
  [
    new RegExp(
      String.raw`(?<![\d.])(?:\$|£)?(${N})(?:\s*(?:${MONEY}))?\s+(?:(?:to\s+be|is|are|gets?)\s+)?(?:split|shared|divided)\s+(?:equally\s+|evenly\s+)?(?:between|among|amongst|by|into|across|with)\s+(${N})`,
      'g',
    ),
    '$1 / $2',
  ],
  [new RegExp(String.raw`(${N})\s*(?:%|percent)\s+off(?:\s+of)?\s+(?:\$\s*)?(${N})`, 'g'), '$2 - $1%'],
  [new RegExp(String.raw`(${N})\s*(?:%|percent)\s+tip\s+(?:on|for|of)\s+(?:\$\s*)?(${N})`, 'g'), '$1% * $2'],
  // "subtract 15 percent from 80", "take 20% off 150": the percentage of the number taken from it.
  [
    new RegExp(
      String.raw`\b(?:subtract|take(?:\s+away)?|deduct|remove|minus|less)\s+(${N})\s*(?:%|percent)\s+(?:off\s+|away\s+)?(?:from|off)\s+(?:\$\s*)?(${N})`,
      'g',
    ),
    '$2 - $1%',
  ],
  // "15 percent from 80", as learners say it: 15% of 80 (a verb that takes it away is read above).
  [new RegExp(String.raw`(${N})\s*(?:%|percent)\s+(?:of|from)\s+(?:\$\s*)?(${N})`, 'g'), '$1% * $2'],
  // "add 20% to 85", "put 15 percent on top of 60": the number raised by its percentage (VAT, a tip).
  [
    new RegExp(
      String.raw`\b(?:add|put)\s+(${N})\s*(?:%|percent)\s+(?:on\s+top\s+of|onto|on\s+to|on|to)\s+(?:\$\s*)?(${N})`,
      'g',
    ),
    '$2 + $1%',
  ],
  // "18 percent GST on 2500", "what's 12% on 60": a percentage charged on an amount ("add … on" is read above).
  [
    new RegExp(
      String.raw`(?<![\d.])(${N})\s*(?:%|percent)\s+(?:(?:gst|vat|tax|sales\s+tax|service(?:\s+charge)?|commission|interest)\s+)?on\s+(?:\$\s*)?(${N})`,
      'g',
    ),
    '$1% * $2',
  ],
  [new RegExp(String.raw`\b(?:add|sum(?: of)?|total(?: of)?)\s+(${N})\s+(?:and|to|plus)\s+(${N})`, 'g'), '$1 + $2'],
  [new RegExp(String.raw`\bsubtract\s+(${N})\s+from\s+(${N})`, 'g'), '$2 - $1'],
  [new RegExp(String.raw`\b(?:multiply|product of)\s+(${N})\s+(?:by|and|times|with)\s+(${N})`, 'g'), '$1 * $2'],
  [new RegExp(String.raw`\bdivide\s+(${N})\s+(?:by|into)\s+(${N})`, 'g'), '$1 / $2'],
  [
    new RegExp(String.raw`\bsplit\s+(?:\$\s*)?(${N})\s+(?:between|among|amongst|by|into|across|with)\s+(${N})`, 'g'),
    '$1 / $2',
  ],
  // "split 186 dollars between 4 of us", "share the 120 among 3 people", "split 90 bucks 3 ways", "divide 240
  // by the 4 of us": an amount shared out, with its money noun and who shares it (round 13).
  [
    new RegExp(
      String.raw`\b(?:split|share|divide)\s+(?:the\s+)?(?:\$\s*|£\s*)?(${N})(?:\s*(?:${MONEY}))?\s+(?:(?:equally|evenly)\s+)?(?:(?:between|among|amongst|by|into|across|with)\s+(?:the\s+|all\s+)?(${N})|(${N})\s+ways)(?:\s+(?:${SHARERS}))?\b`,
      'g',
    ),
    '$1 / $2$3',
  ],
  [/\bsquare root of\b|\bsqrt\b|\broot of\b/g, '√'],
  [/\bsquared\b/g, '^2'],
  [/\bcubed\b/g, '^3'],
  [/\bfactorial\b/g, '!'],
  [/\b(?:to the power of|to the power|raised to(?: the power of)?|power of)\b/g, '^'],
  [/\b(?:multiplied by|times|multiply by|x)\b/g, '*'],
  [/\b(?:divided by|over|divide by)\b/g, '/'],
  [/\bplus\b/g, '+'],
  [/\b(?:minus|less)\b/g, '-'],
  [/\bnegative\s+(?=\d)/g, '-'],
  [/\s*(?:percent|per cent)\b/g, '%'],
  [/%\s*of\b/g, '% *'],
  [/\$/g, ''],
];

/** Words that surround a sum without changing it ("what is", "please", "equal"). */
const FILLER =
  /\b(?:a|an|ok|okay|so|then|now|well|hmm|um|uh|oh|wait|actually|just|also|what|whats|is|are|does|do|the|answer|to|of|equal|equals|calculate|compute|work out|solve|how much|can|could|would|you|tell|me|please|for|i|need|want|know|result|value|quick|maths?|sum|and|hey|calculator|give|it|be|will|dollars?|bucks|euros?|about)\b/g;

/**
 * Rewrites spoken arithmetic into the symbols `evaluateExpression` reads.
 * @param text e.g. `"what's 15 percent of 80?"`
 * @returns e.g. `"15% * 80"`, or `undefined` when no arithmetic is left (no digit, or words remain)
 */
export function toSymbols(text: string): string | undefined {
  const lower = text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\b(\w+)'s\b/g, '$1 is');
  // "twelve no fifteen times four": dictation's take-backs and fillers first (dictation.ts).
  // With a verb that shares out ("split 900 across the three sites"), the count may be the divisor: kept.
  const read = readDictation(lower);
  const talk = SHARES_OUT.test(read) ? read : read.replace(TALK_WITH_NUMBER, ' ');
  let s = wordsToDigits(talk).replace(/(\d),(?=\d{3}\b)/g, '$1');
  for (const [pattern, replacement] of [...DOZENS, ...REWRITES])
    s = typeof replacement === 'string' ? s.replace(pattern, replacement) : s.replace(pattern, replacement);
  s = s
    .replace(FILLER, ' ')
    .replace(/[?=,]|\.(?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/√ /g, '√')
    .trim();
  if (!/\d/.test(s)) return undefined;
  if (!/\p{L}/u.test(s)) return s;
  // Words left around the sum ("sorry lol 144 / 12", "6 * 7 again", "my son asked me: 144 / 12").
  return arithmeticRun(s);
}

const LAST_PLAIN_NUMBER = /(\d+(?:\.\d+)?)(?![\d.]*\s*%)(?!.*\d)/;
/** The exponent of a plain power ("2 ^ 10"). */
const LAST_POWER = new RegExp(String.raw`\^\s*${N}$`);
/** The divisor a sum ends on ("360 / 4"). */
const LAST_DIVISOR = /\/\s*(\d+(?:\.\d+)?)$/;
/** The amount shared out and its divisor, as the last thing in the expression ("240 / 6"). */
const LAST_SHARED = /(?<![\d.])(\d+(?:\.\d+)?)(\s*\/\s*\d+(?:\.\d+)?)$/;
const MONEY_NOUN = new RegExp(String.raw`^(?:${MONEY}|p)$`);
const PERCENT_NUMBER = /(\d+(?:\.\d+)?)(?=\s*%)/;
/**
 * "85 + 20%", "60 - 15%", "360 * 85%": a number raised, lowered or discounted by a percentage (group 2:
 * the rest), so "那400的呢" after a discount of 360 discounts 400.
 */
const PERCENT_ON_NUMBER = /^(-?\d+(?:\.\d+)?)(\s*[-+*]\s*\d+(?:\.\d+)?\s*%)$/;
/** "15% * 80": a percentage of a number, and nothing else. */
const PERCENT_OF_NUMBER = /^-?\d+(?:\.\d+)?%\s*\*\s*-?\d+(?:\.\d+)?$/;

/** "double that", "half of it": the last result scaled. */
const SCALE: [RegExp, string][] = [
  [/^(?:double|twice)\b/, '* 2'],
  [/^(?:triple|three times)\b(?!\s*\d)/, '* 3'],
  [/^(?:half|halve)\b/, '/ 2'],
];
/**
 * "round that", "round it up", "round the answer to 2 decimal places", "to the nearest ten": the last
 * result rounded. Group 1: up or down; 2: decimal places; 3: the nearest what.
 */
const ROUND =
  /^(?:round|rounded|round off)(?:\s+(?:it|that|this|the (?:result|answer|total|number)))?(?:\s+(?:off|up|down))?(?:\s+(up|down))?(?:\s+to\s+(?:(\d|one|two|three|four)\s+(?:decimal places?|decimals?|dp|places?|digits?)|the nearest\s+(whole number|integer|number|one|ten|hundred|thousand|tenth|hundredth|cent)))?$/;
const PLACES: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4 };
const NEAREST: Readonly<Record<string, number>> = {
  ten: -1,
  hundred: -2,
  thousand: -3,
  tenth: 1,
  hundredth: 2,
  cent: 2,
};

/**
 * The last result rounded as a "round that" turn asks, as a plain number (the expression parser has
 * no rounding, and the result is what the user goes on with).
 * @returns the rounded number in symbols, or `undefined` when the turn is no rounding or the last sum fails
 */
function rounded(previous: string, raw: string): string | undefined {
  const m = ROUND.exec(raw);
  if (m === null) return undefined;
  const how = m[1] ?? (/\bup\b/.test(raw) ? 'up' : /\bdown\b/.test(raw) ? 'down' : undefined);
  const digits = m[2] === undefined ? (NEAREST[m[3] ?? ''] ?? 0) : (PLACES[m[2]] ?? Number(m[2]));
  let value: number;
  try {
    value = evaluateExpression(previous);
  } catch {
    return undefined;
  }
  const scale = 10 ** digits;
  const round = how === 'up' ? Math.ceil : how === 'down' ? Math.floor : Math.round;
  const result = round(value * scale) / scale;
  return digits > 0 ? result.toFixed(digits) : String(result);
}

/** The previous result named by a pronoun ("it", "that", "the answer") in a chained step. */
const PREV = String.raw`(?:it|that|this|the (?:result|answer|total|sum))`;
/** A number, or a percentage of the result ("add 10% to it" raises it by a tenth). */
const NP = String.raw`${N}(?:\s*%)?`;
const CHAIN: [RegExp, string][] = [
  [new RegExp(String.raw`^(?:add|plus|put)\s+(${NP})\s+(?:to|onto|on(?:\s+top\s+of)?)\s+${PREV}$`), '+'],
  [new RegExp(String.raw`^add\s+${PREV}\s+to\s+(${N})$`), '+'],
  [new RegExp(String.raw`^(?:subtract|take away|take|minus)\s+(${NP})\s+(?:from|off)\s+${PREV}$`), '-'],
  [new RegExp(String.raw`^(?:multiply|times)\s+(?:${PREV}\s+)?(?:by\s+)?(${N})$`), '*'],
  [new RegExp(String.raw`^divide\s+(?:${PREV}\s+)?(?:by\s+)?(${N})$`), '/'],
];
const OPERATOR = /^(?:plus|minus|times|x|multiplied by|divided by|over|to the power of|squared|cubed|[-+*/^])/;
/** A take-away said as a verb before its number, with nothing to take it from named: "take away 12", "knock off 5". */
const TAKE_AWAY =
  /^(?:take\s+away|take\s+off|knock\s+off|subtract|deduct|remove)\s+(?=-?\d|[a-z]+\b)(?!.*\b(?:from|off)\s+(?:it|that|this|the)\b)/;
/** An addition said as a verb: "add 20", "put 5 more on" (not "add 20% to 85", read as a sum of its own). */
const ADD_ON = /^(?:add|put)\s+(?=\d)(?!.*\b(?:to|onto)\b)/;
/** "split that between 3 people", "share it 4 ways": the last result shared out; group 1 or 2 the count. */
const SHARE_PREV = new RegExp(
  String.raw`^(?:split|share|divide)\s+${PREV}\s+(?:(?:equally|evenly|up)\s+)?(?:(?:between|among|amongst|by|into|across|with)\s+(?:the\s+|all\s+)?(${N})|(${N})\s+ways)(?:\s+(?:${SHARERS}))?$`,
);
/** "2500 plus that (comes to)": a number, an operator, then the last result. */
const BEFORE_PREV = new RegExp(
  String.raw`^(${N})\s+(plus|minus|times|divided\s+by|[-+*/])\s+${PREV}(?:\s+(?:comes?\s+to|makes|gives|is|equals))?$`,
);
const BEFORE_PREV_OPERATOR: Readonly<Record<string, string>> = { plus: '+', minus: '-', times: '*', 'divided by': '/' };
/** A mark out of a total ("17 / 25", "17 / 25 * 100"); group 1 the percentage it was asked as. */
const MARK = /^\d+(?:\.\d+)?\s*\/\s*\d+(?:\.\d+)?(\s*\*\s*100)?$/;
/** The next mark: "21 out of 25", "21 out of 25 for Priya". */
const NEXT_MARK = new RegExp(String.raw`^(${N})\s+out\s+of\s+(${N})(?:\s+(?:for|from|by)(?:\s+\p{L}+){1,2})?$`, 'u');

/**
 * A Chinese follow-up in symbols: "乘以二呢" → "* 2", "那120呢" → "120", "百分之二十呢" → "20%".
 * @returns the fragment in symbols, or `undefined` when it is not one
 */
function fragmentZh(fragment: string): string | undefined {
  const s = fragment
    .trim()
    .replace(/^(?:那|那么|咁|再|还要|然后|如果是?|换成|改成)+/u, '')
    .replace(/(?:[呢吧啊呀？?！!。]|看看|试试)+$/u, '')
    .replace(/(?:是多少|等于多少|等于几|是几|得多少|系几多|来着)+$/u, '')
    // "那20次方呢" raises the last result (or base) to a new power: read as "的20次方".
    .replace(/^(?=[0-9零一二两三四五六七八九十]+次(?:方|幂)$)/u, '的');
  if (/^(?:乘|除|加|减|的(?:平方|立方|\d|[零一二两三四五六七八九十]+次)|[*/+^-])/u.test(s)) {
    const rest = (toSymbolsZh(`1${s}`) ?? toSymbolsZh(`1${withoutWhatItIs(s)}`))?.replace(/^1\s*/, '');
    return rest === undefined || rest === '' ? undefined : rest;
  }
  // "那120的呢": the number the last percentage was of.
  return toSymbolsZh(s.replace(/^的|的$/gu, ''));
}

/**
 * "加上微信收的180", "减去车费20": what the amount is, said between the operator and its one number,
 * is no part of the sum.
 */
function withoutWhatItIs(step: string): string {
  return zhNumbersToDigits(step).replace(
    /^(乘以|乘上|乘|除以|除|加上|加|减去|减掉|减)[^\d+*/^-]{1,8}?(?=\d+(?:\.\d+)?(?:块钱|块|元钱|元)?$)/u,
    '$1',
  );
}

/** The first of several clauses that `read` reads, when the turn has more than one. */
function firstClause(clauses: string[], read: (clause: string) => string | undefined): string | undefined {
  if (clauses.length < 2) return undefined;
  for (const clause of clauses) {
    const found = clause.trim() === '' ? undefined : read(clause);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * "再乘4 一个月按四周算", "再除以2 两个人分着穿": a step, then its reason after a space. Only the first
 * clause, and only a step led by its operator: a number in a later clause ("20个人 平摊", "还有 2 张票")
 * is no term of the sum.
 */
function stepBeforeReason(fragment: string): string | undefined {
  const [first, ...rest] = fragment.trim().split(/[\s，,。；;！!？?]+/u);
  if (first === undefined || rest.length === 0) return undefined;
  const step = fragmentZh(first);
  return step !== undefined && /^[*/+^-]/.test(step) ? step : undefined;
}

/** Words after a follow-up's fragment that only tie it to the last sum: "of 320 then", "for 60 instead", "pls". */
const TIE_AFTER = new RegExp(String.raw`(?:\s+(?:then|instead|now|again|${POLITE_WORDS}))+$`);

/** "if 8 families chip in", "there are 5 of us": a number of people or shares, said with its noun. */
const SHARES = new RegExp(
  String.raw`^(?:(?:what\s+)?if\s+)?(?:(?:there\s+(?:are|were|is)|we\s+(?:are|were|have)|it'?s)\s+)?(${N})\s+(?:of\s+us|ppl|(\p{L}+s|quid|p))(?:\s+(?:chip\s+in|pay|share(?:\s+it)?|split\s+it|come|go|instead))*$`,
  'u',
);

/** A percentage that raises or lowers the last result: group 1 the number, 2 the charge, 3 how it is put. */
const ON_TOP = new RegExp(
  String.raw`^(?:(?:with|plus|add|adding|including|inc)\s+)?(?:an?\s+)?(${N})\s*(?:%|percent)(?:\s+(vat|tax|sales\s+tax|service(?:\s+charge)?|surcharge|mark-?up))?(?:\s+(on\s+top|added|extra|on\s+(?:it|that|top\s+of\s+(?:it|that))|off))?$`,
);

/** Applies a follow-up fragment to the last expression: "of 120", "20%", "times 3", "double that", "乘以二呢". */
/** Whether a coupon can come off the last result: it is worth something and not more than the result. */
function couponFits(previous: string, coupon: number): boolean {
  if (!(coupon > 0)) return false;
  try {
    return coupon <= evaluateExpression(previous);
  } catch {
    return false;
  }
}

function combine(previous: string, fragment: string): string | undefined {
  if (hasHan(fragment)) {
    // "那打七折呢" after "100打八五折": the new discount replaces the old one, or applies to the result.
    const off = discountZh(fragment);
    if (off !== undefined)
      return PERCENT_NUMBER.test(previous)
        ? previous.replace(PERCENT_NUMBER, off.slice(0, -1))
        : `(${previous}) * ${off}`;
    const scale = scaleZh(fragment);
    if (scale !== undefined) return `(${previous}) ${scale}`;
    // "360 四个人AA" then "那要是五个人分呢": the same amount shared among other people.
    const people = sharedAmongZh(fragment);
    if (people !== undefined && LAST_DIVISOR.test(previous)) return previous.replace(LAST_DIVISOR, `/ ${people}`);
    // "120加80" then "三个人平分，每人多少": the result shared, when nothing was shared before.
    if (people !== undefined && people > 0) return `(${previous}) / ${people}`;
    // "六个人…每人出多少" then "要是多来一个人呢": one more to share among.
    const more = morePeopleZh(fragment);
    const divisor = LAST_DIVISOR.exec(previous)?.[1];
    if (more !== undefined && divisor !== undefined && Number(divisor) + more > 0)
      return previous.replace(LAST_DIVISOR, `/ ${Number(divisor) + more}`);
    // "一箱12瓶 进了15箱" then "那每瓶卖三块五能卖多少钱": the count times the price of each.
    // "二百四打八折" then "再用一张二十块的优惠券": the coupon comes off the result.
    // A coupon worth nothing or more than the bill is no coupon for it: the turn is asked about.
    const coupon = couponZh(fragment);
    if (coupon !== undefined) return couponFits(previous, Number(coupon)) ? `(${previous}) - ${coupon}` : undefined;
    // Only after a count ("12 * 15"): after "320 + 450", "每天3块" prices nothing counted.
    const each = pricePerOneZh(fragment);
    if (each !== undefined && /\*\s*\d+(?:\.\d+)?$/u.test(previous)) return `(${previous}) * ${each}`;
    // "嗯，再除以 30 天呢，平均一天多少？": the first clause that continues the sum.
    const zh =
      fragmentZh(fragment) ??
      firstClause(fragment.split(/[，,。；;！!？?]+/u), fragmentZh) ??
      stepBeforeReason(fragment);
    if (zh === undefined) return undefined;
    // "2的10次方" then "那20次方呢": a new power of the same base, not a power of the result.
    if (zh.startsWith('^') && LAST_POWER.test(previous)) return previous.replace(LAST_POWER, zh);
    if (/^[*/+^-]/.test(zh)) return `(${previous}) ${zh}`;
    return combine(previous, zh);
  }
  const raw = fragment
    .toLowerCase()
    .replace(/[?!.]+$/, '')
    .replace(
      /^(?:(?:what about|how about|and|n|then|now|ok|okay|k|so|and if you|if you|what if you|what if we|can you|could you|please|pls)\s+)+/,
      '',
    )
    // "and of 320 then?", "for 60 instead": a word after the fragment that only ties it to the last sum.
    .replace(TIE_AFTER, '')
    .trim();
  for (const [pattern, operation] of SCALE) if (pattern.test(raw)) return `(${previous}) ${operation}`;
  // "split that between 3 people", "divide it by the 4 of us", "split it 3 ways": the last result shared out.
  const shared = SHARE_PREV.exec(wordsToDigits(raw));
  if (shared !== null) return `(${previous}) / ${shared[1] ?? shared[2]!}`;
  const round = rounded(previous, raw);
  if (round !== undefined) return round;
  // "add 8 to it", "add that to 64", "multiply that by 7", "divide it by 8": the result used again.
  const digits = wordsToDigits(raw);
  for (const [pattern, operator] of CHAIN) {
    const m = pattern.exec(digits);
    if (m !== null) return `(${previous}) ${operator} ${m[1]}`;
  }
  // "so 2500 plus that comes to?": a number, then the last result (the order matters for minus and divided by).
  const before = BEFORE_PREV.exec(digits);
  if (before !== null) return `${before[1]!} ${BEFORE_PREV_OPERATOR[before[2]!] ?? before[2]!} (${previous})`;
  // "and 21 out of 25 for Priya" after "17 out of 25 as a percentage": the next mark, read the same way.
  const mark = NEXT_MARK.exec(digits);
  const marked = mark === null ? null : MARK.exec(previous);
  if (mark !== null && marked !== null) return `${mark[1]!} / ${mark[2]!}${marked[1] ?? ''}`;
  // An operator word first: "minus six" continues the sum (as a number, "minus six" would be -6); "take away 12
  // for the late penalty", "knock off 5", "add 20" are that operator said as a verb.
  const verbal = raw.replace(TAKE_AWAY, 'minus ').replace(ADD_ON, 'plus ');
  if (OPERATOR.test(verbal)) {
    const rest = toSymbols(`1 ${wordsToDigits(verbal)}`)?.replace(/^1\s*/, '');
    if (rest === undefined || rest === '') return undefined;
    // "and to the power of 12?" after "2 to the power of 10": a new power of the same base (as "那20次方呢").
    if (/^\^\s*[\d.]+$/.test(rest) && /\bpower\b/.test(raw) && LAST_POWER.test(previous))
      return previous.replace(LAST_POWER, rest);
    return `(${previous}) ${rest}`;
  }
  const s = wordsToDigits(raw);
  const number = new RegExp(
    String.raw`^(?:(of|off|on|for|with|from|to|between|among|amongst|by|into|across)\s*)?(?:\$\s*)?(${N})(?:\s+(?:people|ppl|ways|of us))?$`,
  ).exec(s);
  // "and from 120?" follows "15 percent from 80" (a percentage of a number) only: after "subtract 20
  // from 100" it would name the other number, which the last plain number is not.
  const fromOk = number?.[1] !== 'from' || PERCENT_OF_NUMBER.test(previous);
  if (number !== null && fromOk && LAST_PLAIN_NUMBER.test(previous)) {
    return previous.replace(LAST_PLAIN_NUMBER, number[2]!);
  }
  // "and to 140?" after "add 20% to 85" (85 + 20%): the percentage stays, the number it is taken of changes.
  // "and by 3?" after "50 * 10%" names no new amount: a discount takes another number bare, or with of/for/on.
  const onOk = !/^\S+\s*\*/.test(previous) || [undefined, 'of', 'for', 'on'].includes(number?.[1]);
  if (number !== null && fromOk && onOk && PERCENT_ON_NUMBER.test(previous)) {
    return previous.replace(PERCENT_ON_NUMBER, `${number[2]!}$2`);
  }
  // "and if 8 families chip in", "what if there are 5 of us" after an amount shared out: the new number of shares.
  const shares = SHARES.exec(s);
  if (shares !== null && LAST_DIVISOR.test(previous)) {
    // "and 300 pounds?", "what about 360 dollars": a money or measure noun names the new amount, not the shares.
    if (shares[2] === undefined || !AMOUNT_NOUN.test(shares[2]))
      return previous.replace(LAST_DIVISOR, `/ ${shares[1]!}`);
    if (MONEY_NOUN.test(shares[2]) && LAST_SHARED.test(previous))
      return previous.replace(LAST_SHARED, `${shares[1]!}$2`);
    return undefined;
  }
  // "and with 20 percent vat on top", "plus 10% service": a tax or a charge raises the last result; "with 15%
  // off" after a sum without a percentage lowers it (with one, the percentage is replaced below).
  const charge = ON_TOP.exec(s);
  if (charge !== null && (charge[2] !== undefined || charge[3] !== undefined)) {
    const off = charge[3] === 'off';
    if (!off || !PERCENT_NUMBER.test(previous)) return `(${previous}) ${off ? '-' : '+'} ${charge[1]!}%`;
  }
  // "and if it was 30% off instead": the new percentage.
  const percent = new RegExp(
    String.raw`^(?:if\s+)?(?:(?:it|that)\s+(?:was|were|is)\s+|it's\s+)?(${N})\s*(?:%|percent)(?:\s+(?:off|discount))?$`,
  ).exec(s);
  if (percent !== null && PERCENT_NUMBER.test(previous)) return previous.replace(PERCENT_NUMBER, percent[1]!);
  return undefined;
}

function extractExpression({ text, slots, cue, answer }: SlotExtractInput): string | undefined {
  const previous = typeof slots['expression'] === 'string' ? slots['expression'] : undefined;
  if (previous !== undefined && !answer) {
    // The whole turn first: "plus 8" continues the sum, while its cue-stripped rest ("8") would
    // replace a number in it; "and of 120?" works either way (combine drops the opener itself).
    const combined = combine(previous, text) ?? (cue === undefined ? undefined : combine(previous, cue.rest));
    if (combined !== undefined) return combined;
  }
  const whole = cue?.rest ?? text;
  return hasHan(whole) ? toSymbolsZh(whole) : toSymbols(whole);
}

const expressionSlot: DialogueSlot = {
  name: 'expression',
  kind: 'text',
  prompt: byLanguage((p) => p.skills.calculator.askExpression),
  extract: extractExpression,
  validate: (v, lang) => (typeof v === 'string' && /\d/.test(v) ? true : packFor(lang).skills.calculator.badExpression),
};

/**
 * The calculator skill (`calculator`).
 * @param random the injected random source
 */
export function createCalculatorSkill(random: Random): SkillDefinition {
  return {
    id: 'builtin.calculator',
    version: '1.0.0',
    intents: ['calculator'],
    description: 'do maths',
    intentDescriptions: {
      calculator: 'calculate a sum: plus, minus, times, divided by, percent of, square root; 计算 等于多少',
    },
    slots: [expressionSlot],
    execute(ctx) {
      const pack = packFor(ctx.lang);
      const say = pack.skills.calculator;
      const expression = String(ctx.slots['expression']);
      try {
        const result = pack.format.number(evaluateExpression(expression));
        return pick(say.result(say.speak(expression), result), random);
      } catch (error) {
        if (error instanceof CalcError && say.why[error.reason] !== undefined) return say.why[error.reason]!;
        return say.failed;
      }
    },
  };
}
