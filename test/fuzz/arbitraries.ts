/**
 * Fuzzing building blocks shared by the Node targets (./targets.ts) and the Chromium sanitizer fuzz
 * (test/browser/widget/sanitize-fuzz.test.ts): no Node or DOM imports.
 */
import fc from 'fast-check';

/** An invariant that does not hold. */
export class InvariantError extends Error {
  override name = 'InvariantError';
}

export function invariant(ok: boolean, message: string): asserts ok {
  if (!ok) throw new InvariantError(message);
}

/** Text made of pieces that matter to a parser, mixed with arbitrary strings and code points. */
export function soup(pieces: readonly string[], maxLength = 40): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...pieces) },
        { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
      ),
      { maxLength },
    )
    .map((parts) => parts.join(''));
}

/** A valid sample with random edits: insertions, deletions and replacements of slices. */
export function mutated(sample: string, pieces: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.record({ at: fc.nat({ max: sample.length }), drop: fc.nat({ max: 12 }), insert: soup(pieces, 4) });
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
    let text = sample;
    for (const { at, drop, insert } of edits) {
      const i = Math.min(at, text.length);
      text = text.slice(0, i) + insert + text.slice(i + drop);
    }
    return text;
  });
}

export const MARKDOWN_PIECES = [
  '[',
  ']',
  '(',
  ')',
  '![',
  '](',
  '<',
  '>',
  '"',
  "'",
  '`',
  '```',
  '**',
  '*',
  '_',
  '~~',
  '\n',
  '\n\n',
  '> ',
  '- ',
  '1. ',
  '# ',
  '&',
  '&lt;',
  '&#106;',
  '&#x3a;',
  'http://',
  'https://a.example/',
  'javascript:',
  'JaVaScRiPt:',
  'data:text/html,',
  'vbscript:',
  'mailto:',
  '<script>',
  '</script>',
  '<img src=x onerror=alert(1)>',
  'onerror=',
  'onclick="',
  '<a href="',
  '<svg onload=',
  '<iframe',
  'style="',
  '<img src=x onerror="window.__fuzzPwned=1">',
  '[x](javascript:window.__fuzzPwned=1)',
  '\u0000',
  '\u202e',
  ' ',
  '\t',
];
const ALLOWED_TAGS = new Set([
  'p',
  'br',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'a',
  'ul',
  'ol',
  'li',
  'blockquote',
  'hr',
  'img',
]);
const ALLOWED_ATTRIBUTES = new Set(['href', 'title', 'start', 'src', 'alt']);

/** Checks markdown output holds only the converter's own tags and attributes, all quoted. */
export function checkMarkdownHtml(html: string): void {
  // Every `<` starts one of our tags: raw HTML in the source was escaped.
  for (const m of html.matchAll(/<[^>]*>?/g)) {
    const tag = /^<\/?([a-z0-9]+)((?:\s+[a-z]+="[^"<>]*")*)\s*\/?>$/.exec(m[0]);
    invariant(tag !== null, `an unexpected tag: ${m[0].slice(0, 80)}`);
    invariant(ALLOWED_TAGS.has(tag[1] as string), `a tag that is not ours: <${tag[1]}>`);
    for (const a of (tag[2] ?? '').matchAll(/\s+([a-z]+)="[^"]*"/g))
      invariant(ALLOWED_ATTRIBUTES.has(a[1] as string), `an attribute that is not ours: ${a[1]}`);
  }
}
