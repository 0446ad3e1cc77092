/**
 * Reads the text of a turn typed or pasted with markup ("call me <b>bob</b>", a copied HTML
 * snippet): tags and comments are dropped, what a script or style element holds is no text at all,
 * and the few character references people paste (`&amp;`, `&lt;`, `&nbsp;`, numeric ones) are read
 * as their characters. The engine understands the text this leaves; the stored message keeps what
 * was typed. A small bounded scanner, not an HTML parser: nothing here is rendered, and a tag-like
 * run that is not markup ("3 < 4 > 2", "<3") is left as it was.
 *
 * Markdown's inline syntax is read the same way ("**milk**", "`10`", "[milk](https://x.io)" say
 * "milk", "10", "milk https://x.io"): the replies are rendered as markdown, so a value kept with its markers
 * would come back bold, as code or as a link ("Okay, **milk** is on your list").
 *
 * @module
 */

/** An element whose content is code, not text: dropped whole, with its content. */
const CODE_ELEMENT = /<(script|style|template|noscript|iframe|object)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
/** A comment, a doctype or a CDATA section. */
const COMMENT = /<!--[\s\S]*?(?:-->|$)|<![^>]*>/g;
/**
 * An opening, closing or self-closing tag: a name right after `<` (or `</`), attributes, `>`. One
 * run of `[^<>]` after the name, so a paste of "<a" and 10,000 spaces costs one scan, not a
 * backtracking search (ReDoS).
 */
const TAG = /<\/?[a-z][\w:-]*(?:[\s/][^<>]*)?>/gi;
/**
 * One character of a code span that holds a value, not code ("`10`", "`ORD-104233`", "`2024-05-01`",
 * "`Jean-Luc`"): a letter, a digit, a space, prose punctuation, or a hyphen between letters or
 * digits. A span holding anything else ("`rm -rf /`", "`$(whoami)`") is code (`./junk-patterns.ts`).
 */
export const CODE_SPAN_VALUE = "[\\p{L}\\p{N} .,:!?'’]|(?<=[\\p{L}\\p{N}])-(?=[\\p{L}\\p{N}])";

/** Inline tags join the text around them ("<b>bo</b>b" is "bob"); any other tag separates words. */
const INLINE = /^<\/?(?:b|i|u|em|strong|span|a|code|small|sup|sub|mark|s)\b/i;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const REFERENCE = /&(?:#(\d{1,7})|#x([\da-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi;

/**
 * Markdown's inline syntax around words, each bounded (one lazy run between fixed markers):
 * strong, emphasis and strikethrough markers around text that starts and ends with no space
 * ("**5 min**", "_milk_", "~~eggs~~"; not "__x__", which is how code names its magic: `__proto__`), a code span whose content is plain words and numbers
 * ("`10`", "`ORD-104233`": a span holding a shell's characters, "`rm -rf /`", stays code), and a
 * link or image, read as its label (a link to a web page keeps its address). A marker next to a letter or digit is no marker: "2*3*4", "bob_smith".
 */
const MD_STRONG = /(?<![\p{L}\p{N}\\])(\*\*|~~)(?=[^\s*_~])([^\n]{1,200}?)(?<=[^\s*_~\\])\1(?![\p{L}\p{N}])/gu;
const MD_EMPHASIS = /(?<![\p{L}\p{N}*_\\])([*_])(?=[^\s*_])([^*_\n]{1,200}?)(?<=[^\s*_\\])\1(?![\p{L}\p{N}*_])/gu;
const MD_CODE = new RegExp(`(?<!\`)\`((?:${CODE_SPAN_VALUE}){1,200})\`(?!\`)`, 'gu');
const MD_LINK = /(!?)\[([^\[\]\n]{1,200})\]\(([^()\s]{0,500})(?:\s+"[^"\n]{0,200}")?\)/gu;

/** `true` when `text` holds something {@link readMarkup} reads: a tag, a comment, a character reference or markdown. */
export function hasMarkup(text: string): boolean {
  return hasHtml(text) || hasMarkdown(text);
}

/** `true` when `text` holds a tag, a comment or a character reference. */
function hasHtml(text: string): boolean {
  TAG.lastIndex = 0;
  REFERENCE.lastIndex = 0;
  return TAG.test(text) || text.includes('<!') || REFERENCE.test(text);
}

function hasMarkdown(text: string): boolean {
  if (!/[*_~`\]]/u.test(text)) return false;
  for (const re of [MD_STRONG, MD_EMPHASIS, MD_CODE, MD_LINK]) {
    re.lastIndex = 0;
    if (re.test(text)) return true;
  }
  return false;
}

/** Markdown's inline markers around words, dropped; links and images read as their labels (asked only of text {@link hasMarkdown} holds). */
function readMarkdown(text: string): string {
  // A link to a web page keeps its address ("read [this](https://…)" is "read this https://…"); an
  // image, or a link anywhere else, reads as its label.
  let out = text
    .replace(MD_LINK, (_, image: string, label: string, url: string) =>
      image === '' && /^https?:\/\//iu.test(url) ? `${label} ${url}` : label,
    )
    .replace(MD_CODE, '$1');
  // Strong around emphasis ("***x***") comes off one layer at a time.
  for (let layer = 0; layer < 3; layer++) {
    // Emphasis holds a letter: "*5*" or "_1_" may be arithmetic or a number's decoration, and is left.
    const next = out
      .replace(MD_STRONG, '$2')
      .replace(MD_EMPHASIS, (whole, _m: string, inner: string) => (/\p{L}/u.test(inner) ? inner : whole));
    if (next === out) break;
    out = next;
  }
  return out;
}

function character(code: number): string {
  // A reference to a control character, a surrogate or past Unicode reads as nothing.
  if (!Number.isFinite(code) || code < 0x20 || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return '';
  return String.fromCodePoint(code);
}

/**
 * The text a turn with markup says: character references decoded once, code elements removed with
 * their content, tags and comments removed (a block tag leaves a space), spaces collapsed.
 * Text without markup is returned as it is (the same string).
 * @param text the turn as typed
 * @returns the turn's text without its markup
 * @throws {TypeError} when `text` is not a string
 * @example
 * ```ts
 * readMarkup('call me <b>bob</b>'); // 'call me bob'
 * readMarkup('<script>alert(1)</script>'); // ''
 * ```
 */
export function readMarkup(text: string): string {
  if (typeof text !== 'string') throw new TypeError(`readMarkup expects a string, got ${typeof text}`);
  const html = hasHtml(text);
  const markdown = hasMarkdown(text);
  if (!html && !markdown) return text;
  // Markdown is read after the tags: "<b>**milk**</b>" is milk.
  // Tags and references may leave markdown behind, or take it away: test again only then.
  const bare = html ? readHtml(text) : text;
  return ((html ? hasMarkdown(bare) : markdown) ? readMarkdown(bare) : bare).replace(/\s+/g, ' ').trim();
}

function readHtml(text: string): string {
  // References first: an escaped tag pasted from a page ("&lt;script&gt;") is a tag too.
  return text
    .replace(REFERENCE, (_, dec?: string, hex?: string, name?: string) =>
      name !== undefined
        ? (NAMED[name.toLowerCase()] ?? '')
        : character(dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16)),
    )
    .replace(CODE_ELEMENT, ' ')
    .replace(COMMENT, ' ')
    .replace(TAG, (tag) => (INLINE.test(tag) ? '' : ' '));
}
