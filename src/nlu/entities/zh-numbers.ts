/**
 * Chinese numbers: numerals (十五, 两个, 一百二十, 一百二 = 120, 三千五 = 3500, 零点五), mixed forms
 * (3千, 1.5万, 两万3), full-width digits (１５), digits written against Han characters (买5个) that
 * the English digit pattern leaves alone, "X个半" (一个半 = 1.5), a lone 半 before a unit, 负 (minus)
 * and ordinals (第三). The spans join the English ones in the scan context, so money, percentages
 * and durations build on them like on "fifteen".
 *
 * Hand-written: npm numeral converters (nzh, chinese-numbers-converter) turn a whole string into a
 * number but do not find numbers inside a sentence, read mixed forms like 3千 or 一百二, or report
 * offsets; the value grammar is a dozen lines and is tested against nzh. Every pattern is linear.
 *
 * @module
 */
import type { ScanContext } from './scan.ts';

const DIGIT: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  俩: 2,
  三: 3,
  仨: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/**
 * The value of one Han digit (零〇一二两俩三仨四五六七八九) or ASCII digit.
 * @param c one character
 * @returns 0–9, or `undefined` for anything else
 */
export function digitValue(c: string): number | undefined {
  return DIGIT[c] ?? (c >= '0' && c <= '9' && c.length === 1 ? Number(c) : undefined);
}
const BIG: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/**
 * A numeral run: digits (ASCII or full-width, with a decimal part) optionally followed by unit
 * characters ("3千", "1.5万"), or Han numerals with an optional 点-decimal. At most 24 characters.
 * @internal exported for the regex-safety test
 */
export const ZH_NUMBER_SOURCE =
  '(负)?(?:([0-9０-９]{1,15}(?:[.．][0-9０-９]{1,9})?)([十百千万亿]{0,3})|([零〇一二两俩三仨四五六七八九十廿卅百千万亿]{1,24})(?:点([零〇一二三四五六七八九]{1,9}))?)';
const NUMBER_RE = new RegExp(ZH_NUMBER_SOURCE, 'gu');
/** "个半" after a numeral: one and a half of something ("一个半小时"). */
const AND_A_HALF_RE = /个半/y;
/**
 * A lone 半 before what it halves ("半小时", "半斤"), not 一半 or 半天 as a figure of speech. After 个 with no
 * numeral before it, 个 counts the thing set ("定个半小时", "来个半斤"): 半 is a half; "一个半" is 1.5.
 */
const LONE_HALF_RE =
  /(?<![零〇一二两三四五六七八九十百千万亿0-9])(?<![零〇一二两三四五六七八九十百千万亿0-9几]个)半(?=个|小时|钟头|斤|公斤|杯|瓶|碗|米|公里|分钟)/gu;
const ORDINAL_RE = /第$/u;
/**
 * A measure word or unit a rough count is said before: "三四分钟", "十来个人", "个把小时", "两三天".
 * A rough count stands only before one, so "乱七八糟" or "五六十年代" in a name is no count.
 */
const MEASURE_SOURCE =
  '(?:个|位|人|分钟|小时|钟头|个钟|天|秒|周|星期|礼拜|月|年|岁|块|元|毛|斤|公斤|克|次|遍|本|张|条|只|瓶|盒|颗|粒|片|杯|碗|件|样|趟|站|层|米|公里|单|袋|包|箱|道)';
/**
 * A rough count (a range of two neighbouring numerals, "三四分钟" = three or four minutes, "两三天",
 * "二十七八个", "四五十块"), read as its upper end as English "3 or 4 minutes" is; "X来" after a round
 * numeral ("十来分钟", "二十来个", "百来块": about X) as X; "个把" (one or so: "个把小时", "个把月") as 1.
 * Only before a measure word. Groups: tens before the range, the range's two digits, a unit after it.
 */
const ROUGH_RE = new RegExp(
  `([一二三四五六七八九]?十)?([一二两三四五六七八九])([二两三四五六七八九])([十百千万])?(?=${MEASURE_SOURCE})|个把(?=个?(?:小时|钟头|钟|月|星期|礼拜|人))`,
  'gu',
);
/** "X来" after a round numeral, before a measure word: the 来 is part of the count ("十来分钟"). */
const ABOUT_RE = new RegExp(`来(?=${MEASURE_SOURCE})`, 'uy');
/** One-character measure words, never the verb of "看一看". */
const ZH_MEASURE_CHAR = /[个只条张件位块次本瓶盒杯碗颗粒片份双对天年月周点分秒斤里米克]/u;
/** An arithmetic operator said as a word: never a verb said twice around 一. */
const OPERATOR_CHAR = /[加减乘除]/u;
/** "半打" (half a dozen). A bare 打 after another numeral is too often the verb (一打电话就…). */
// "多半打不通", "一半打折": 半打 followed by 不, a call or a discount is no half dozen.
const HALF_DOZEN_RE = /(?<![多一大])半打(?!不|没|电话|折)/gu;
/** A unit abbreviation in Latin letters after a number, then no more letters. */
const LATIN_UNIT_RE = /^(?:mins?|secs?|hrs?|km|kg|cm|mm|ml)(?![A-Za-z])/u;
/** What may not follow the digit of "3千5" for it to count in the unit below (it would start a number of its own). */
const FOLLOWS_NUMBER = /[0-9０-９.．零〇一二两俩三仨四五六七八九十百千万亿点]/u;
/** 一 in words that are not a count: 一下 (a moment), 一些, 一起, 一定, 一点儿 (a little), 一般, 一直… */
const NOT_ONE_RE = /[下些会起定般直样切边旦共向]|点(?![零〇一二两三四五六七八九钟半])/uy;

/** Digits of any width to ASCII. */
function asciiDigits(s: string): string {
  return s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/**
 * The value of a run of Han numerals: 十五 → 15, 一百二十 → 120, 一百二 → 120, 三千五 → 3500,
 * 两万三 → 23000, 一百零二 → 102, 二零二六 → 2026 (digit by digit), 十亿 → 1e9.
 * @param han the numerals, e.g. `一百二十`
 * @returns the value, or `undefined` when the run is not a well-formed number ("十十", "万")
 */
export function hanNumeralValue(han: string): number | undefined {
  const chars = [...han];
  // Written digit by digit, like a year or a phone number: 二零二六. Two digits alone ("三四个")
  // are a rough count, three or four, not 34.
  if (chars.length > 1 && chars.every((c) => DIGIT[c] !== undefined)) {
    if (chars.includes('两') || (chars.length === 2 && !chars.some((c) => DIGIT[c] === 0))) return undefined;
    return Number(chars.map((c) => DIGIT[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit = 0;
  let zeroSeen = false;
  for (const c of chars) {
    const d = DIGIT[c];
    if (d !== undefined) {
      if (digit !== undefined && d !== 0 && !zeroSeen) return undefined; // "三四" is not one number
      if (d === 0) zeroSeen = true;
      digit = d;
      continue;
    }
    const unit = UNIT[c];
    if (unit !== undefined) {
      if (lastUnit !== 0 && unit >= lastUnit && section % (lastUnit * 10) !== 0) return undefined;
      section += (digit ?? (unit === 10 && section === 0 ? 1 : NaN)) * unit;
      if (Number.isNaN(section)) return undefined;
      digit = undefined;
      lastUnit = unit;
      zeroSeen = false;
      continue;
    }
    const big = BIG[c];
    if (big === undefined) return undefined;
    section += digit ?? 0;
    if (section === 0 && total === 0) return undefined;
    total = big === 1e8 ? (total + section) * big : total + section * big;
    section = 0;
    digit = undefined;
    lastUnit = big === 1e4 ? 1e4 : 1e8;
    zeroSeen = false;
  }
  // "一百二" is 120 and "两万三" 23000: a last digit right after a unit counts in the next one down.
  if (digit !== undefined && !zeroSeen && lastUnit >= 100)
    section += digit * (lastUnit >= 1e4 ? lastUnit / 10 : lastUnit / 10);
  else if (digit !== undefined) section += digit;
  const value = total + section;
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Parses one Chinese or mixed number written on its own.
 * @param text e.g. `十五`, `3千`, `1.5万`, `零点五`, `负三`, `１５`
 * @returns the value, or `undefined`
 */
export function parseZhNumber(text: string): number | undefined {
  NUMBER_RE.lastIndex = 0;
  const m = NUMBER_RE.exec(text.trim());
  if (m === null || m.index !== 0 || m[0].length !== text.trim().length) return undefined;
  return valueOf(m);
}

function valueOf(m: RegExpExecArray): number | undefined {
  const sign = m[1] === undefined ? 1 : -1;
  if (m[2] !== undefined) {
    let value = Number(asciiDigits(m[2]));
    const units = m[3] ?? '';
    for (const c of units) value *= UNIT[c] ?? BIG[c] ?? 1;
    return Number.isFinite(value) ? sign * value : undefined;
  }
  // 廿 and 卅 are 二十 and 三十, written as one character (廿五分钟, 卅秒): common in Cantonese and dates.
  const whole = hanNumeralValue(m[4]!.replace(/廿/gu, '二十').replace(/卅/gu, '三十'));
  if (whole === undefined) return undefined;
  const decimals = m[5] === undefined ? '' : [...m[5]].map((c) => DIGIT[c]).join('');
  return sign * (decimals === '' ? whole : Number(`${whole}.${decimals}`));
}

/**
 * Adds the Chinese and mixed number spans of a text to the scan context (ordinals after 第 are
 * marked as such). Spans the English extractor already found are left as they are.
 */
export function findZhNumbers(ctx: ScanContext): void {
  const { text } = ctx;
  const free = (start: number, end: number) => ctx.numbers.every((n) => end <= n.start || start >= n.end);
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(text); m !== null; m = NUMBER_RE.exec(text)) {
    let value = valueOf(m);
    const start = m.index;
    let end = start + m[0].length;
    if (value === undefined || !free(start, end)) continue;
    // "六点一个，七点一个" (one at six, one at seven): 点一 before 个 is a clock time and a count, not 6.1.
    if (m[5] === '一' && text.charAt(end) === '个') {
      end -= 2;
      value = valueOf({ ...m, 0: m[0].slice(0, -2), 5: undefined } as unknown as RegExpExecArray)!;
    }
    if (m[0] === '一') {
      NOT_ONE_RE.lastIndex = end;
      if (NOT_ONE_RE.test(text)) continue;
      // "记一记", "看一看", "等一等": a verb said twice around 一 is done briefly, nothing is counted
      // ("一个一个半小时" repeats a measure word, not a verb: the second 一 counts). An operator is no
      // verb ("三加一加二", "一加一加一"), nor is a word said after a numeral ("五减一减二").
      const verb = text.charAt(end);
      if (
        start > 0 &&
        text.charAt(start - 1) === verb &&
        /\p{Script=Han}/u.test(verb) &&
        !ZH_MEASURE_CHAR.test(verb) &&
        !OPERATOR_CHAR.test(verb) &&
        !FOLLOWS_NUMBER.test(text.charAt(start - 2))
      )
        continue;
    }
    // An ASCII number inside a Latin word ("covid19", "mp3") is not a Chinese number.
    // A unit written in Latin letters right after the digits ("改成5min吧", "跑了10km") is no word.
    if (
      m[2] !== undefined &&
      (/[A-Za-z]/.test(text.charAt(start - 1)) ||
        (/[A-Za-z]/.test(text.charAt(end)) && !LATIN_UNIT_RE.test(text.slice(end))))
    )
      continue;
    // "3千5" is 3500 and "十5分钟" 15 minutes, as 三千五 and 十五 are: one digit right after a unit
    // counts in the next unit down (a phone keyboard mixes digits into spoken numbers).
    const unit = UNIT[m[0].at(-1)!] ?? BIG[m[0].at(-1)!];
    const next = text.charAt(end);
    const lower = /[0-9]/.test(next) ? Number(next) : DIGIT[next];
    if (unit !== undefined && lower !== undefined && lower > 0 && !FOLLOWS_NUMBER.test(text.charAt(end + 1))) {
      value += lower * (unit / 10);
      end += 1;
    }
    AND_A_HALF_RE.lastIndex = end;
    if (AND_A_HALF_RE.test(text)) {
      value += 0.5;
      end += 2;
    }
    // "十来分钟", "二十来个": about ten, about twenty.
    ABOUT_RE.lastIndex = end;
    if (/[十百千万]/u.test(text.charAt(end - 1)) && ABOUT_RE.test(text)) end += 1;
    const ordinal = ORDINAL_RE.test(text.slice(Math.max(0, start - 1), start));
    ctx.numbers.push({ start: ordinal ? start - 1 : start, end, value, ordinal });
  }
  ROUGH_RE.lastIndex = 0;
  for (let m = ROUGH_RE.exec(text); m !== null; m = ROUGH_RE.exec(text)) {
    const end = m.index + m[0].length;
    if (!free(m.index, end)) continue;
    let value = 1;
    if (m[2] !== undefined) {
      const low = DIGIT[m[2]]!;
      const high = DIGIT[m[3]!]!;
      if (high !== low + 1) continue;
      const tens = m[1] === undefined ? 0 : (hanNumeralValue(m[1]) ?? 0);
      value = tens + high * (m[4] === undefined ? 1 : (UNIT[m[4]] ?? BIG[m[4]]!));
      if (m[1] !== undefined && m[4] !== undefined) continue;
    }
    ctx.numbers.push({ start: m.index, end, value, ordinal: false });
  }
  HALF_DOZEN_RE.lastIndex = 0;
  for (let m = HALF_DOZEN_RE.exec(text); m !== null; m = HALF_DOZEN_RE.exec(text))
    if (free(m.index, m.index + 2)) ctx.numbers.push({ start: m.index, end: m.index + 2, value: 6, ordinal: false });
  LONE_HALF_RE.lastIndex = 0;
  for (let m = LONE_HALF_RE.exec(text); m !== null; m = LONE_HALF_RE.exec(text))
    if (free(m.index, m.index + 1)) ctx.numbers.push({ start: m.index, end: m.index + 1, value: 0.5, ordinal: false });
}

/**
 * Replaces each Chinese or mixed number in a text with its digits, for the skills that read
 * numbers from words (calculator, converter, dice): "七乘以八" → "7乘以8".
 * @param text any text
 * @returns the text with Chinese numbers in ASCII digits
 */
export function zhNumbersToDigits(text: string): string {
  const ctx = { text, numbers: [] } as unknown as ScanContext;
  findZhNumbers(ctx);
  let out = '';
  let at = 0;
  for (const n of [...ctx.numbers].sort((a, b) => a.start - b.start)) {
    if (n.ordinal) continue;
    out += text.slice(at, n.start) + String(n.value);
    at = n.end;
  }
  return out + text.slice(at);
}
