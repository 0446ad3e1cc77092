/**
 * The built-in unit conversion skill: "how many grams in a pound", "5 feet in meters",
 * "convert 30 c to f", "5公里是多少英里", with follow-ups that change one part ("and 10 pounds?",
 * "what about in ounces?", "那10公里呢", "换成英里呢").
 *
 * @module
 */
import type { DialogueSlot, SlotExtractInput } from '../../dialogue/types.ts';
import type { SkillDefinition, SkillReply } from '../types.ts';
import { wordsToDigits } from './number-words.ts';
import { lastParse } from './last-parse.ts';
import { pick, type Random } from './phrasing.ts';
import { hasHan } from '../../nlu/runtime/language-id.ts';
import { formatMeasure } from '../../lang/format.ts';
import { byLanguage, packFor, type LanguagePack } from '../../lang/pack.ts';
import { parseConversionZh, zhUnitName } from '../../lang/zh/zh-units.ts';
import { convert, UNIT_PATTERN, unitByAlias, UNITS, type Unit } from './units.ts';

/** What a conversion request names; any part may be missing in a follow-up. */
export interface ConversionRequest {
  amount?: number;
  from?: string;
  to?: string;
  /** "the other way round", "and back": the last conversion's units swapped. */
  reverse?: boolean;
}

const U = `(?<![\\p{L}])(${UNIT_PATTERN})(?![\\p{L}])`;
const NUM = String.raw`(-?\d+(?:\.\d+)?)`;
const flags = 'u';
const HOW_MANY = new RegExp(
  String.raw`how (?:many|much) ${U} (?:are |is |do you get |make up |go |fit )?(?:there )?(?:in|to|for|make|makes|make up) (?:a |an |one |1 )?(?:${NUM}\s*)?${U}`,
  flags,
);
const AMOUNT_TO = new RegExp(
  String.raw`${NUM}\s*${U}\s+(?:is |are |equals? |make )?(?:in|to|into|as|in terms of|converted to|how many|equal to how many|=)\s+${U}`,
  flags,
);
const HOW_MANY_IS = new RegExp(String.raw`how (?:many|much) ${U} (?:is|are|make|in) ${NUM}\s*${U}`, flags);
const CONVERT = new RegExp(
  String.raw`(?:convert|from|change|turn)\s+(?:(?:a|an|one)\s+)?(?:${NUM}\s*)?${U}\s+(?:to|into|in)\s+${U}`,
  flags,
);
const UNIT_TO = new RegExp(String.raw`(?:^|\s)${U}\s+(?:to|into|in)\s+${U}`, flags);
const FRAGMENT_AMOUNT = new RegExp(String.raw`^(?:of |for |with )?${NUM}\s*${U}$`, flags);
const FRAGMENT_TO = new RegExp(String.raw`^(?:in|to|into|as|in terms of)\s+${U}$`, flags);
const CONVERT_ONLY = new RegExp(String.raw`(?:convert|change|turn)\s+(?:(?:a|an|one)\s+)?(?:${NUM}\s*)?${U}$`, flags);
const FRAGMENT_UNIT = new RegExp(String.raw`^${U}$`, flags);
const FRAGMENT_NUMBER = new RegExp(String.raw`^(?:of |for |with )?${NUM}$`, flags);
// Any unit said in a longer sentence, with the amount right before it ("the recipe says 400 fahrenheit, what is
// that in celsius", "how many pounds is a 2.5 kg turkey", "and a 4 kilo one?").
const SCAN_UNIT = new RegExp(String.raw`(?:(?<![\d.])${NUM}\s*)?${U}`, 'gu');
// A unit right after these is the one to convert into.
const TARGET_BEFORE = /(?:^|\s)(?:in|into|to|as|in terms of|how many|how much)\s+$/u;
// "back" only as the whole turn's reversal ("and back?", "back again", "back to celsius"): "10 miles there and
// back" is a distance.
const REVERSE =
  /(?<![\p{L}])(?:(?:the )?other way(?: a?round)?|back again|back (?:to|into)|vice versa|reverse(?:d)?)(?![\p{L}])|^(?:(?:and|then) )?back$/u;
// A unit said in passing after a conversion ("thanks, my son is 6 ft tall now") is no new request without a
// target, a turn round or a question.
const ASKS = /\?|(?<![\p{L}])(?:how|what|whats|convert|change|turn|and)(?![\p{L}])/iu;
/** The requests read by the scan, not by a pattern. */
const SCANNED = new WeakSet<ConversionRequest>();

const id = (alias: string | undefined): string | undefined =>
  alias === undefined ? undefined : unitByAlias(alias)?.id;
const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s));

/**
 * "5 foot 8", "5 feet 3 inches", "11 stone 4": a height or a weight said in two units is one amount of the
 * smaller (68 inches, 158 pounds). The smaller number must fit under the larger unit (under 12 inches, under
 * 14 pounds); "in" is inches only before the unit asked for ("5 ft 3 in to cm").
 */
const FEET_INCHES =
  /(?<![\d.])(\d{1,2})\s*(?:feet|foot|ft)\s+(?:and\s+)?(\d{1,2}(?:\.\d+)?)(?:\s*(?:inches|inch|ins|in(?=\s+(?:to|into|in)\s)))?(?![\p{L}\d])/gu;
const STONE_POUNDS =
  /(?<![\d.])(\d{1,2})\s*(?:stone|st)\s+(?:and\s+)?(\d{1,2}(?:\.\d+)?)(?:\s*(?:pounds|pound|lbs?))?(?![\p{L}\d])/gu;
/**
 * "30 degree in fahrenheit", "what's 75 degrees in celsius": degrees said without their scale are the other
 * scale than the one asked for.
 */
const BARE_DEGREES =
  /(?<![\d.])(\d+(?:\.\d+)?)\s*degrees?(?![\p{L}])(?!\s*(?:celsius|fahrenheit|centigrade|c|f)(?![\p{L}]))/u;

/** Two-unit amounts as one, and bare degrees in the scale not asked for (see above). */
function oneAmount(s: string): string {
  const joined = s
    .replace(FEET_INCHES, (m, feet: string, inches: string) =>
      Number(inches) < 12 ? `${Number(feet) * 12 + Number(inches)} inches` : m,
    )
    .replace(STONE_POUNDS, (m, stone: string, pounds: string) =>
      Number(pounds) < 14 ? `${Number(stone) * 14 + Number(pounds)} pounds` : m,
    );
  const degrees = BARE_DEGREES.exec(joined);
  if (degrees === null) return joined;
  const rest = joined.slice(degrees.index + degrees[0].length);
  const scale = /fahrenheit|(?<![\p{L}])f(?![\p{L}])/u.test(rest)
    ? 'celsius'
    : /celsius|centigrade|(?<![\p{L}])c(?![\p{L}])/u.test(rest)
      ? 'fahrenheit'
      : undefined;
  return scale === undefined ? joined : joined.replace(BARE_DEGREES, `$1 ${scale}`);
}

function clean(text: string): string {
  return (
    oneAmount(wordsToDigits(text.toLowerCase()))
      .replace(/(?<![\p{L}\d])(?:a|an|one) (?=(?:half|quarter))/gu, '')
      .replace(/[?!,]+/g, ' ')
      .replace(/\.(?!\d)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^(?:(?:ok(?:ay)?|so|and|then|also|now|what about|how about|and what about)\s+)+/, '')
      // "ok in inches then", "in cm instead": the talk after a fragment is no part of it.
      .replace(/\s+(?:then|instead|please|pls|plz|now)$/, '')
  );
}

/**
 * Reads a conversion request or a fragment of one.
 * @param text e.g. `"how many kilos are in 150 pounds"`, `"and 10 pounds?"`, `"in ounces"`
 */
export function parseConversion(text: string): ConversionRequest {
  const s = clean(text);
  let m = HOW_MANY_IS.exec(s);
  if (m) return { amount: num(m[2])!, from: id(m[3])!, to: id(m[1])! };
  m = HOW_MANY.exec(s);
  if (m) return { amount: num(m[2]) ?? 1, from: id(m[3])!, to: id(m[1])! };
  m = AMOUNT_TO.exec(s);
  if (m) return { amount: num(m[1])!, from: id(m[2])!, to: id(m[3])! };
  m = CONVERT.exec(s);
  if (m) return { amount: num(m[1]) ?? 1, from: id(m[2])!, to: id(m[3])! };
  m = UNIT_TO.exec(s);
  if (m) return { amount: 1, from: id(m[1])!, to: id(m[2])! };
  m = CONVERT_ONLY.exec(s);
  if (m) return { amount: num(m[1]) ?? 1, from: id(m[2])! };
  m = FRAGMENT_AMOUNT.exec(s);
  if (m) return { amount: num(m[1])!, from: id(m[2])! };
  m = FRAGMENT_TO.exec(s);
  if (m) return { to: id(m[1])! };
  // A bare unit ("and teaspoons?") names what to convert into.
  m = FRAGMENT_UNIT.exec(s);
  if (m) return { to: id(m[1])! };
  m = FRAGMENT_NUMBER.exec(s);
  if (m) return { amount: num(m[1])! };
  return scanConversion(s);
}

/**
 * The units of a request said with more around it than the patterns above allow: the unit after "in"/"into"/
 * "how many" is the one to convert into, the first other unit the one to convert from, with the amount said right
 * before it. A unit of one or two letters ("m", "st", "l") counts only after a number: alone it is a word
 * ("i'm", "st").
 */
function scanConversion(s: string): ConversionRequest {
  const out: ConversionRequest = {};
  for (const m of s.matchAll(SCAN_UNIT)) {
    const alias = m[2] as string;
    const unit = id(alias);
    const amount = num(m[1]);
    // "165 pounds, what's that in kg": a short unit right after "in" is the one asked for.
    const target = amount === undefined && out.to === undefined && TARGET_BEFORE.test(s.slice(0, m.index));
    if (unit === undefined || (amount === undefined && alias.length < 3 && !target)) continue;
    if (amount === undefined && out.to === undefined && TARGET_BEFORE.test(s.slice(0, m.index))) out.to = unit;
    else if (out.from === undefined && unit !== out.to) {
      out.from = unit;
      if (amount !== undefined) out.amount = amount;
    }
  }
  if (REVERSE.test(s)) out.reverse = true;
  SCANNED.add(out);
  return out;
}

/** Reads a request in its own language: Chinese when it has Han characters ("5公里是多少英里"). */
// Remembered for the next slot: the three slots parse the same text on every turn (./last-parse.ts).
const parseAny = lastParse((text: string): ConversionRequest =>
  hasHan(text) ? parseConversionZh(text) : parseConversion(text),
);

function part(name: 'amount' | 'from' | 'to') {
  return ({ text, cue, slots: had }: SlotExtractInput): unknown => {
    const said = parseAny(cue?.rest ?? text);
    // "and 180 celsius the other way round?" after fahrenheit to celsius: into the last "from", out of its "to",
    // never into the unit it is said in.
    if (
      said.reverse === true &&
      typeof had['from'] === 'string' &&
      typeof had['to'] === 'string' &&
      (said.from === undefined || said.from === had['to'])
    ) {
      if (name === 'to') return had['from'];
      if (name === 'from') return had['to'];
    }
    if (SCANNED.has(said) && typeof had['from'] === 'string' && said.to === undefined && said.reverse !== true)
      if (!ASKS.test(text)) return undefined;
    return said[name];
  };
}

const slots: DialogueSlot[] = [
  {
    name: 'amount',
    kind: 'number',
    prompt: byLanguage((p) => p.skills.conversion.askAmount),
    required: false,
    extract: part('amount'),
  },
  {
    name: 'from',
    kind: 'text',
    prompt: byLanguage((p) => p.skills.conversion.askFrom),
    required: false,
    extract: part('from'),
  },
  {
    name: 'to',
    kind: 'text',
    prompt: byLanguage((p) => p.skills.conversion.askTo),
    required: false,
    extract: (input) =>
      input.answer
        ? hasHan(input.text)
          ? parseConversionZh(input.text).to
          : // "into centimetres please, for the height chart": the unit, and not the talk around it.
            (id(clean(input.text).replace(/^(?:in|to|into)\s+/, '')) ?? parseConversion(`in ${input.text}`).to)
        : part('to')(input),
  },
];

/** "5 kilometers", "5公里": an amount and its unit in the pack's language. */
function measure(pack: LanguagePack, amount: string, unit: Unit, value: number): string {
  if (pack.lang === 'zh') return `${amount}${zhUnitName(unit.id) ?? ` ${unit.many}`}`;
  return `${amount} ${Math.abs(value) === 1 ? unit.one : unit.many}`;
}

/** A unit's name alone, for "I can't convert kilometers to kilograms". */
function unitName(pack: LanguagePack, unit: Unit): string {
  return pack.lang === 'zh' ? (zhUnitName(unit.id) ?? unit.many) : unit.many;
}

/** Ounces are weight or volume: pick the one that matches the other unit. */
function reconcile(from: Unit, to: Unit): [Unit, Unit] {
  const swap = (u: Unit, other: Unit): Unit =>
    u.id === 'ounce' && other.dimension === 'volume'
      ? UNITS.get('fluid-ounce')!
      : u.id === 'fluid-ounce' && other.dimension === 'mass'
        ? UNITS.get('ounce')!
        : u;
  return [swap(from, to), swap(to, from)];
}

/**
 * The unit conversion skill (`measurement_conversion`).
 * @param random the injected random source
 */
export function createConversionSkill(random: Random): SkillDefinition {
  return {
    id: 'builtin.conversion',
    version: '1.0.0',
    intents: ['measurement_conversion'],
    description: 'convert units',
    intentDescriptions: {
      measurement_conversion: 'convert units: grams in a pound, miles to kilometers, celsius; 换算单位',
    },
    slots,
    execute(ctx): string | SkillReply {
      const pack = packFor(ctx.lang);
      const say = pack.skills.conversion;
      const amount = typeof ctx.slots['amount'] === 'number' ? ctx.slots['amount'] : 1;
      const fromUnit = UNITS.get(String(ctx.slots['from']));
      const toUnit = UNITS.get(String(ctx.slots['to']));
      if (fromUnit === undefined) return say.whichUnits;
      if (toUnit === undefined) {
        const question = say.convertTo(measure(pack, pack.format.number(amount), fromUnit, amount));
        return { text: question, ask: { question, slot: 'to' } };
      }
      const [from, to] = reconcile(fromUnit, toUnit);
      const result = convert(amount, from, to);
      if (result === undefined) {
        const dimension = (u: Unit) => say.dimension[u.dimension] ?? u.dimension;
        return say.cannot(unitName(pack, from), unitName(pack, to), dimension(from), dimension(to));
      }
      const a = measure(pack, pack.format.number(amount), from, amount);
      // Six significant digits: a conversion is a measurement, "4,535.92 grams" not "4,535.9237".
      const b = measure(pack, formatMeasure(result, pack.tag), to, result);
      return pick(say.result(a, b), random);
    },
  };
}
