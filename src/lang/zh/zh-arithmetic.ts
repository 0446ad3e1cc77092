/**
 * Chinese spoken arithmetic rewritten into the symbols the calculator evaluates: 七乘以八 → 7 * 8,
 * 一百除以四 → 100 / 4, 三加五等于几 → 3 + 5, 80的15% → 15% * 80, 八十的百分之十五 → 15% * 80,
 * 2的3次方 → 2 ^ 3, 根号16 → √16, 5的阶乘 → 5!, 100打八折 → 100 * 80%. Numbers are read by the
 * entity extractor's Chinese numeral grammar (one grammar for the whole product).
 *
 * @module
 */
import { zhNumbersToDigits } from '../../nlu/entities/zh-numbers.ts';
import { withoutFillersZh } from './zh-fillers.ts';

const N = String.raw`-?\d+(?:\.\d+)?`;

/** "打八折" is 80%, "打八五折" 85%: the digits of a discount are tenths, then hundredths. */
function discount(_: string, amount: string, tenths: string, hundredths = ''): string {
  return `${amount} * ${tenths}${hundredths === '' ? '0' : hundredths}%`;
}

/** Phrasings rewritten in order; each is anchored on numbers or is a fixed word. */
const REWRITES: [RegExp, string | ((match: string, ...groups: string[]) => string)][] = [
  [/百分之\s*(\d+(?:\.\d+)?)/gu, '$1%'],
  [/[％]/gu, '%'],
  [/[（]/gu, '('],
  [/[）]/gu, ')'],
  [/[×xX＊]/gu, '*'],
  [/[÷／]/gu, '/'],
  [/[＋]/gu, '+'],
  [/[－—]/gu, '-'],
  // Money words after an amount change nothing: "45块钱" is 45.
  [new RegExp(String.raw`(${N})\s*(?:块钱|块|元钱|元|刀|美元)`, 'gu'), '$1'],
  // "45的账单给18%小费", "45的账单付18%的小费": the tip is a percentage of the bill.
  [new RegExp(String.raw`(${N})\s*的?账单\s*(?:给|付|加|留)?\s*(${N})\s*%\s*的?小费`, 'gu'), '$2% * $1'],
  // "100打八五折", "80的八折": a discount of the amount before it.
  [new RegExp(String.raw`(${N})\s*(?:打|的)\s*(\d)(\d)?\s*折`, 'gu'), discount],
  [new RegExp(String.raw`(${N})\s*的\s*(${N})\s*%`, 'gu'), '$2% * $1'],
  [new RegExp(String.raw`(${N})\s*的\s*(${N})\s*倍`, 'gu'), '$1 * $2'],
  [new RegExp(String.raw`(${N})\s*的\s*(${N})\s*次(?:方|幂)`, 'gu'), '$1 ^ $2'],
  [new RegExp(String.raw`(${N})\s*的\s*平方根`, 'gu'), '√$1'],
  [new RegExp(String.raw`(${N})\s*的\s*立方根`, 'gu'), '$1 ^ (1/3)'],
  [/的?平方/gu, ' ^2'],
  [/的?立方/gu, ' ^3'],
  [/的?阶乘/gu, '!'],
  [/开?根号|平方根/gu, '√'],
  // "再乘个3", "再加个3呢": a measure word between the operator and its number.
  [/(乘以|乘上|乘|除以|除|加上|加|减去|减掉|减)\s*个\s*(?=\d)/gu, '$1'],
  [new RegExp(String.raw`(${N})\s*除\s*(?!以)(${N})`, 'gu'), '$1 / $2'],
  [/乘以|乘上|乘/gu, ' * '],
  [/除以|除/gu, ' / '],
  [/加上|加/gu, ' + '],
  [/减去|减掉|减/gu, ' - '],
  [/负\s*(?=\d)/gu, '-'],
  // What is counted changes nothing: "除以30天", "乘5个人" (次 of 次方 was read above).
  [/(\d)\s*(?:个人|个|天|人|次|张|件|桶|杯|份|瓶|盒|本|只|位|口|遍)/gu, '$1'],
];

/** Words around a sum that change nothing ("等于几", "帮我算一下", "是多少"). */
const FILLER =
  /我是说|我的意思是|不对|[打说搞写按弄]错了|人均|多少钱|来着|一共|总共|要是|平均|等一下|等下|稍等|先|请问|帮我|帮忙|麻烦|你|给我|我想知道|想知道|计算一下|计算|算一下|算下|算算|算|一下|等于多少|等于几|等于|是多少|得多少|得几|是几|多少|几|结果|答案|是|呢|吗|啊|呀|吧|呗|嘛|求|那|再|如果|换成|改成|[？?！。，,、：:]/gu;

/**
 * Rewrites Chinese spoken arithmetic into symbols.
 * @param text e.g. `"七乘以八等于几"`
 * @returns e.g. `"7 * 8"`, or `undefined` when no arithmetic is left (no digit, or words remain)
 */
export function toSymbolsZh(said: string): string | undefined {
  // "嗯 那个 三百六 除以 十二", "然后 再乘 七": voice fillers are no part of the sum.
  const text = withoutFillersZh(said);
  const whole = symbols(text);
  if (whole !== undefined) return whole;
  // A sum said in one clause of a longer turn: "先不说这个，你帮我算算128乘以6是多少",
  // "再除以30天呢，平均一天多少": the first clause that is arithmetic on its own.
  const clauses = text.split(CLAUSE);
  if (clauses.length < 2) return undefined;
  for (const clause of clauses) {
    const found = /\d|[零一二两三四五六七八九十百千万]/u.test(clause) ? symbols(clause) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

const CLAUSE = /[，,。；;！!？?]+/u;

/** "八五折" has no numeral reading ("八五" is not a number): its digits are written out first. */
const HAN_DIGIT = '零一二三四五六七八九';
const DISCOUNT_WORDS = /([打的])([一二三四五六七八九])([一二三四五六七八九])?折/gu;
const digitsOf = (s: string) => s.replace(/[一二三四五六七八九]/gu, (c) => String(HAN_DIGIT.indexOf(c)));

/**
 * A discount said alone, as a follow-up: "那打七折呢" → `"70%"`, "要是打八五折呢" → `"85%"`.
 * @param text the turn
 * @returns the share paid, as a percentage, or `undefined` when the turn is not a bare discount
 */
export function discountZh(text: string): string | undefined {
  const m =
    /^(?:那么?|要是|如果是?|再|换成|改成)*打([0-9一二三四五六七八九]{1,2})折(?:呢|吧|的话|是多少|多少钱?)*[？?。！!]*$/u.exec(
      text.replace(/\s+/g, ''),
    );
  if (m === null) return undefined;
  const d = digitsOf(m[1]!);
  return `${d.length === 1 ? `${d}0` : d}%`;
}

function symbols(text: string): string | undefined {
  let s = zhNumbersToDigits(
    text.normalize('NFKC').replace(DISCOUNT_WORDS, (_, w: string, a: string, b = '') => w + digitsOf(a + b) + '折'),
  );
  for (const [pattern, replacement] of REWRITES)
    s = typeof replacement === 'string' ? s.replace(pattern, replacement) : s.replace(pattern, replacement);
  s = s.replace(FILLER, ' ').replace(/\s+/g, ' ').replace(/√ /g, '√').trim();
  // Two numbers with no operator between them were two things said, not one sum.
  if (!/\d/.test(s) || /\p{L}/u.test(s) || /\d\s+\d/u.test(s)) return undefined;
  return s;
}
