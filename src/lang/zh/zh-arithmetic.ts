/**
 * Chinese spoken arithmetic rewritten into the symbols the calculator evaluates: 七乘以八 → 7 * 8,
 * 一百除以四 → 100 / 4, 三加五等于几 → 3 + 5, 80的15% → 15% * 80, 八十的百分之十五 → 15% * 80,
 * 2的3次方 → 2 ^ 3, 根号16 → √16, 5的阶乘 → 5!, 100打八折 → 100 * 80%. Numbers are read by the
 * entity extractor's Chinese numeral grammar (one grammar for the whole product).
 *
 * @module
 */
import { zhNumbersToDigits } from '../../nlu/entities/zh-numbers.ts';

const N = String.raw`-?\d+(?:\.\d+)?`;

/** Phrasings rewritten in order; each is anchored on numbers or is a fixed word. */
const REWRITES: [RegExp, string][] = [
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
  [new RegExp(String.raw`(${N})\s*打\s*(\d)\s*折`, 'gu'), '$1 * $20%'],
  [new RegExp(String.raw`(${N})\s*的\s*(${N})\s*%`, 'gu'), '$2% * $1'],
  [new RegExp(String.raw`(${N})\s*的\s*(${N})\s*倍`, 'gu'), '$1 * $2'],
  [new RegExp(String.raw`(${N})\s*的\s*(${N})\s*次(?:方|幂)`, 'gu'), '$1 ^ $2'],
  [new RegExp(String.raw`(${N})\s*的\s*平方根`, 'gu'), '√$1'],
  [new RegExp(String.raw`(${N})\s*的\s*立方根`, 'gu'), '$1 ^ (1/3)'],
  [/的?平方/gu, ' ^2'],
  [/的?立方/gu, ' ^3'],
  [/的?阶乘/gu, '!'],
  [/开?根号|平方根/gu, '√'],
  [new RegExp(String.raw`(${N})\s*除\s*(?!以)(${N})`, 'gu'), '$1 / $2'],
  [/乘以|乘上|乘/gu, ' * '],
  [/除以|除/gu, ' / '],
  [/加上|加/gu, ' + '],
  [/减去|减掉|减/gu, ' - '],
  [/负\s*(?=\d)/gu, '-'],
];

/** Words around a sum that change nothing ("等于几", "帮我算一下", "是多少"). */
const FILLER =
  /等一下|等下|稍等|先|请问|帮我|帮忙|麻烦|你|给我|我想知道|想知道|计算一下|计算|算一下|算下|算算|算|一下|等于多少|等于几|等于|是多少|得多少|得几|是几|多少|几|结果|答案|是|呢|吗|啊|呀|吧|呗|嘛|求|那|再|如果|换成|改成|[？?！。，,、：:]/gu;

/**
 * Rewrites Chinese spoken arithmetic into symbols.
 * @param text e.g. `"七乘以八等于几"`
 * @returns e.g. `"7 * 8"`, or `undefined` when no arithmetic is left (no digit, or words remain)
 */
export function toSymbolsZh(text: string): string | undefined {
  let s = zhNumbersToDigits(text.normalize('NFKC'));
  for (const [pattern, replacement] of REWRITES) s = s.replace(pattern, replacement);
  s = s.replace(FILLER, ' ').replace(/\s+/g, ' ').replace(/√ /g, '√').trim();
  if (!/\d/.test(s) || /\p{L}/u.test(s)) return undefined;
  return s;
}
