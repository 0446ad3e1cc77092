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

const id = (alias: string | undefined): string | undefined =>
  alias === undefined ? undefined : unitByAlias(alias)?.id;
const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s));

function clean(text: string): string {
  return (
    wordsToDigits(text.toLowerCase())
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
  return {};
}

/** Reads a request in its own language: Chinese when it has Han characters ("5公里是多少英里"). */
// Remembered for the next slot: the three slots parse the same text on every turn (./last-parse.ts).
const parseAny = lastParse((text: string): ConversionRequest =>
  hasHan(text) ? parseConversionZh(text) : parseConversion(text),
);

function part(name: keyof ConversionRequest) {
  return ({ text, cue }: SlotExtractInput): unknown => parseAny(cue?.rest ?? text)[name];
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
    extract: ({ text, cue, answer }) =>
      answer
        ? hasHan(text)
          ? parseConversionZh(text).to
          : id(clean(text).replace(/^(?:in|to|into)\s+/, ''))
        : part('to')({ text, cue, answer } as SlotExtractInput),
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
