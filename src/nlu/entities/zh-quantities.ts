/**
 * Chinese percentages (百分之十五, 15％) and money (三百块, 50元, 3块5, 二十美元, 人民币100, ￥80),
 * built on the number spans found first, like the English ones.
 *
 * @module
 */
import type { MoneyValue } from './quantities.ts';
import { emit, type ScanContext } from './scan.ts';
import { digitValue } from './zh-numbers.ts';

/** What comes before a number that makes it a percentage. @internal */
export const ZH_PERCENT_PREFIX_SOURCE = '百分之$';
const PERCENT_PREFIX_RE = new RegExp(ZH_PERCENT_PREFIX_SOURCE, 'u');
const WIDE_PERCENT_RE = /\s?％/uy;

/** Currency words after an amount, longest first. @internal */
export const ZH_CURRENCY_SOURCE =
  '块钱|块|元钱|元|圆|人民币|美元|美金|刀|欧元|英镑|日元|日币|港币|港元|韩元|卢布|澳元|加元|瑞郎';
const SUFFIX_RE = new RegExp(`\\s?(?:${ZH_CURRENCY_SOURCE})`, 'uy');
const PREFIX_RE = /(?:人民币|￥)\s?$/u;
const CODES: Readonly<Record<string, string>> = {
  块钱: 'CNY',
  块: 'CNY',
  元钱: 'CNY',
  元: 'CNY',
  圆: 'CNY',
  人民币: 'CNY',
  '￥': 'CNY',
  美元: 'USD',
  美金: 'USD',
  刀: 'USD',
  欧元: 'EUR',
  英镑: 'GBP',
  日元: 'JPY',
  日币: 'JPY',
  港币: 'HKD',
  港元: 'HKD',
  韩元: 'KRW',
  卢布: 'RUB',
  澳元: 'AUD',
  加元: 'CAD',
  瑞郎: 'CHF',
};
/** "3块5": a digit right after 块 is tenths (毛). */
const TENTHS_RE = /[0-9一二两三四五六七八九](?![0-9零一二两三四五六七八九十百千万])/uy;

/** Emits `percentage` and `money` entities for Chinese forms. */
export function findZhQuantities(ctx: ScanContext): void {
  const { text } = ctx;
  for (const n of ctx.numbers) {
    if (n.ordinal) continue;
    const before = text.slice(Math.max(0, n.start - 3), n.start);
    if (PERCENT_PREFIX_RE.test(before)) {
      emit(ctx, 'percentage', n.start - 3, n.end, n.value);
      continue;
    }
    WIDE_PERCENT_RE.lastIndex = n.end;
    const wide = WIDE_PERCENT_RE.exec(text);
    if (wide !== null) {
      emit(ctx, 'percentage', n.start, n.end + wide[0].length, n.value);
      continue;
    }
    const prefix = PREFIX_RE.exec(text.slice(Math.max(0, n.start - 4), n.start));
    if (prefix !== null) {
      emit(ctx, 'money', n.start - prefix[0].length, n.end, { amount: n.value, currency: 'CNY' } satisfies MoneyValue);
      continue;
    }
    SUFFIX_RE.lastIndex = n.end;
    const suffix = SUFFIX_RE.exec(text);
    if (suffix === null) continue;
    const word = suffix[0].trim();
    let amount = n.value;
    let end = n.end + suffix[0].length;
    if (word === '块' || word === '元') {
      TENTHS_RE.lastIndex = end;
      const tenths = TENTHS_RE.exec(text);
      if (tenths !== null) {
        amount += (digitValue(tenths[0]) ?? 0) / 10;
        end += 1;
      }
    }
    emit(ctx, 'money', n.start, end, {
      amount: Math.round(amount * 100) / 100,
      currency: CODES[word] ?? 'CNY',
    } satisfies MoneyValue);
  }
}
