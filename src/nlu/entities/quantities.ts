/**
 * Money (`$5`, `€3.50`, `5 dollars`, `10 euros`, `USD 20`, `twenty bucks`, `5 dollars and 50 cents`)
 * and percentages (`15%`, `15 percent`, `fifteen per cent`), both built on the number spans found
 * first, so every way of writing the amount works with every way of writing the unit.
 *
 * @module
 */

import { matchAt } from './numbers.ts';
import { emit, type NumberSpan, type ScanContext } from './scan.ts';

/** The value of a `money` entity: the amount in the currency's main unit and its ISO 4217 code. */
export interface MoneyValue {
  amount: number;
  currency: string;
}

const SYMBOLS: Readonly<Record<string, string>> = {
  $: 'USD',
  US$: 'USD',
  C$: 'CAD',
  CA$: 'CAD',
  A$: 'AUD',
  AU$: 'AUD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  '₩': 'KRW',
  '₽': 'RUB',
  '₺': 'TRY',
  '₪': 'ILS',
  '₫': 'VND',
  '฿': 'THB',
  '₴': 'UAH',
};
const CODES = 'USD|EUR|GBP|JPY|CHF|CAD|AUD|NZD|CNY|INR|SEK|NOK|DKK|PLN|CZK|HUF|BRL|MXN|KRW|RUB|TRY|ZAR|SGD|HKD';
// Words that name a currency. "pounds" alone is left out on purpose: "5 pounds of flour" is a weight.
const WORDS: ReadonlyArray<[RegExp, string, number]> = [
  [/^(?:dollars?|bucks?|usd)$/i, 'USD', 1],
  [/^(?:euros?|eur)$/i, 'EUR', 1],
  [/^(?:pounds? sterling|quid|gbp)$/i, 'GBP', 1],
  [/^(?:yen|jpy)$/i, 'JPY', 1],
  [/^(?:yuan|renminbi|cny)$/i, 'CNY', 1],
  [/^(?:rupees?|inr)$/i, 'INR', 1],
  [/^(?:swiss francs?|chf)$/i, 'CHF', 1],
  [/^(?:cents?)$/i, 'USD', 0.01],
  [/^(?:pence)$/i, 'GBP', 0.01],
];

// Case-sensitive so that "a$5" is not Australian dollars; codes are accepted in either case.
const PREFIX_RE = new RegExp(
  `(?:(?<![\\p{L}])(?:US|CA?|AU?)\\$|[$€£¥₹₩₽₺₪₫฿₴]|(?<![\\p{L}])(?:${CODES}|${CODES.toLowerCase()}))\\s?$`,
  'u',
);
const CODE_RE = new RegExp(`^(?:${CODES})$`, 'i');
const SUFFIX_RE = new RegExp(
  `\\s?(?:[$€£¥₹₩₽₺₪₫฿₴]|(?:${CODES}|dollars?|bucks?|euros?|pounds? sterling|quid|yen|yuan|renminbi|rupees?|swiss francs?|cents?|pence)(?![\\p{L}\\p{N}]))`,
  'iuy',
);
const CENTS_RE = /\s*(?:,\s*)?(?:and\s+)?/iy;
const CENTS_UNIT_RE = /\s?(?:cents?|pence)(?![\p{L}\p{N}])/iuy;
const PERCENT_RE = /\s?%|\s?(?:percent|per\s?cent|pct)(?![\p{L}\p{N}])/iuy;

/** Emits `money` entities (value {@link MoneyValue}) and `percentage` entities (value: the number, 15 for 15%). */
export function findQuantities(ctx: ScanContext): void {
  const { text } = ctx;
  for (const n of ctx.numbers) {
    if (n.ordinal) continue;
    const pct = matchAt(text, n.end, PERCENT_RE);
    if (pct) {
      emit(ctx, 'percentage', n.start, n.end + pct[0].length, n.value);
      continue;
    }
    const before = PREFIX_RE.exec(text.slice(Math.max(0, n.start - 4), n.start));
    if (before) {
      const currency = currencyOf(before[0].trim());
      if (currency)
        emit(ctx, 'money', n.start - before[0].length, n.end, {
          amount: n.value,
          currency: currency[0],
        } satisfies MoneyValue);
      continue;
    }
    const after = matchAt(text, n.end, SUFFIX_RE);
    const currency = after ? currencyOf(after[0].trim()) : undefined;
    if (!after || !currency) continue;
    let end = n.end + after[0].length;
    let amount = round2(n.value * currency[1]);
    // "5 dollars and 50 cents": the cents join the amount they follow.
    if (currency[1] === 1) {
      const cents = centsAfter(ctx, end);
      if (cents) {
        amount = round2(amount + cents.value / 100);
        end = cents.end;
      }
    }
    emit(ctx, 'money', n.start, end, { amount, currency: currency[0] } satisfies MoneyValue);
  }
}

function centsAfter(ctx: ScanContext, at: number): { value: number; end: number } | null {
  const gap = matchAt(ctx.text, at, CENTS_RE);
  const n: NumberSpan | undefined = ctx.numberAt.get(at + (gap?.[0].length ?? 0));
  if (!gap || !gap[0] || !n || n.ordinal) return null;
  const unit = matchAt(ctx.text, n.end, CENTS_UNIT_RE);
  return unit ? { value: n.value, end: n.end + unit[0].length } : null;
}

/** The ISO code and the factor to the main unit for a symbol, code or currency word. */
function currencyOf(s: string): [string, number] | undefined {
  const symbol = SYMBOLS[s.toUpperCase()];
  if (symbol !== undefined && Object.hasOwn(SYMBOLS, s.toUpperCase())) return [symbol, 1];
  if (CODE_RE.test(s)) return [s.toUpperCase(), 1];
  const norm = s.replace(/\s+/g, ' ');
  for (const [re, code, factor] of WORDS) if (re.test(norm)) return [code, factor];
  return undefined;
}

/** Rounds to cents so that 0.1 + 0.2 style float noise never shows up in an amount. */
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
