/**
 * Email addresses, URLs and phone numbers. All three are found by linear regular expressions
 * behind a cheap gate (`@`, `.`, seven digits), and all three lean conservative: a missed phone
 * number costs less than a price or a date read as one.
 *
 * @module
 */

import { emit, type ScanContext } from './scan.ts';

// The lookbehind pins the start to the beginning of the local part, so each position is tried
// once and a long run of letters without `@` stays linear.
const EMAIL_RE =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-]|\.[A-Za-z0-9])/g;
const URL_CHARS = String.raw`[^\s<>"'\x60{}|\\^]`;
const SCHEME_URL_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:https?|ftp)://${URL_CHARS}+`, 'giu');
// Bare domains ("example.com/docs") only with a TLD from this list: English two-letter words that
// are also TLDs (it, me, at, in, to, ...) are left out so "did it.it was" is not a link.
const TLDS =
  'com|org|net|edu|gov|mil|int|io|dev|app|ai|co|uk|de|fr|es|nl|eu|ca|ch|se|fi|dk|pl|ie|nz|au|jp|cn|br|ru|info|biz|tv|ly|xyz|tech|site|online|store|blog|cloud|page|shop';
const BARE_URL_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}@._/-])(?:www\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:${TLDS})(?::\d{2,5})?(?:[/?#]${URL_CHARS}*)?(?![\p{L}\p{N}@_-])`,
  'giu',
);
const TRAILING_PUNCT_RE = /[.,;:!?'")\]}>]+$/;
const PHONE_RE =
  /(?<![\p{L}\p{N}+\-./])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]\d{1,4}){1,6}(?![\p{L}\p{N}]|[.\-/:]\d)/gu;

/** Emits `email` (value: local part as typed, domain lower-cased), `url` (value: the WHATWG-normalized href) and `phone` (value: `+` and digits). */
export function findContacts(ctx: ScanContext): void {
  const { text } = ctx;
  if (text.includes('@')) findEmails(ctx);
  if (text.includes('.') || text.includes('://')) findUrls(ctx);
  if (ctx.hasDigit && countDigits(text, 7)) findPhones(ctx);
}

function findEmails(ctx: ScanContext): void {
  EMAIL_RE.lastIndex = 0;
  for (let m = EMAIL_RE.exec(ctx.text); m !== null; m = EMAIL_RE.exec(ctx.text)) {
    const at = m[0].indexOf('@');
    const local = m[0].slice(0, at);
    if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) continue;
    emit(ctx, 'email', m.index, m.index + m[0].length, `${local}@${m[0].slice(at + 1).toLowerCase()}`);
  }
}

function findUrls(ctx: ScanContext): void {
  for (const re of [SCHEME_URL_RE, BARE_URL_RE]) {
    re.lastIndex = 0;
    for (let m = re.exec(ctx.text); m !== null; m = re.exec(ctx.text)) {
      const raw = trimUrl(m[0]);
      const href = normalizeUrl(re === SCHEME_URL_RE ? raw : `https://${raw}`);
      if (href) emit(ctx, 'url', m.index, m.index + raw.length, href);
    }
  }
}

/** Drops sentence punctuation after a URL, keeping a `)` that closes a `(` inside it (Wikipedia links). */
function trimUrl(s: string): string {
  let out = s.replace(TRAILING_PUNCT_RE, (tail) => {
    const opens = (s.match(/\(/g) ?? []).length;
    const closes = (s.slice(0, s.length - tail.length).match(/\)/g) ?? []).length;
    return opens > closes && tail.startsWith(')') ? ')' : '';
  });
  if (out.endsWith('://')) out = '';
  return out;
}

function normalizeUrl(s: string): string | undefined {
  try {
    const u = new URL(s);
    return u.hostname ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function findPhones(ctx: ScanContext): void {
  PHONE_RE.lastIndex = 0;
  for (let m = PHONE_RE.exec(ctx.text); m !== null; m = PHONE_RE.exec(ctx.text)) {
    const s = m[0];
    if (isPhone(s))
      emit(ctx, 'phone', m.index, m.index + s.length, (s.startsWith('+') ? '+' : '') + s.replace(/\D/g, ''));
  }
}

/** Shape rules that keep dates, prices, versions and lists of numbers out. */
function isPhone(s: string): boolean {
  const digits = s.replace(/\D/g, '').length;
  const plus = s.startsWith('+');
  const paren = s.includes('(');
  if (digits < (plus ? 8 : 7) || digits > 15) return false;
  if (plus || paren) return true;
  const groups = s.split(/[ .-]/).map((g) => g.length);
  const seps = new Set(s.replace(/\d/g, ''));
  const shape = groups.join(',');
  // 2026-11-26, 26.11.2026, 1.11.2026: dates.
  if (/^(?:4,[12],[12]|[12],[12],4)$/.test(shape)) return false;
  if (seps.has('.') && groups.length < 3) return false; // 3.1415926
  if (seps.size === 1 && seps.has(' ')) {
    // Spaces only: "06 12 34 56 78" (a leading 0, as national numbers have) or "555 123 4567".
    return (s.startsWith('0') && groups.every((g) => g >= 2 && g <= 4) && groups.length >= 4) || shape === '3,3,4';
  }
  return (groups.length >= 2 && groups.every((g) => g >= 2)) || /^1,3,3,4$/.test(shape);
}

function countDigits(text: string, min: number): boolean {
  let n = 0;
  for (let i = 0; i < text.length && n < min; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n >= min;
}
