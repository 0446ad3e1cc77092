/**
 * A small markdown subset to an HTML string: paragraphs and line breaks, headings (as bold
 * paragraphs, so replies never break the host page's heading outline), lists, block quotes,
 * fenced and inline code, links, autolinks, bold, italics and strikethrough.
 *
 * Hand-written because the libraries that do this well (marked, markdown-it) weigh 10–40 KB
 * gzipped, more than the rest of the widget, and replies use a small subset of the syntax.
 *
 * Raw HTML in the source is escaped, not passed through: replies come from models and skills,
 * and markdown covers what they need. So the only tags and attributes that ever reach the HTML
 * parser are the ones written here, and a hostile reply cannot make the page's Content Security
 * Policy report anything (a parser that sees `onerror=` reports it even in an inert document).
 * The output still goes through `sanitize.ts`, which enforces the tag, attribute and URL
 * allowlists on whatever this produces.
 *
 * @module
 */

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for an HTML text node or a double-quoted attribute; character references are kept (they decode to text). */
function escapeHtml(text: string): string {
  return text.replace(/&(?!#\d{1,7};|#x[\da-f]{1,6};|[a-z][a-z\d]{1,31};)|[<>"]/gi, (c) => escapes[c] ?? c);
}

/** Escapes code, where character references are shown as written. */
function escapeCode(text: string): string {
  return text.replace(/[&<>"]/g, (c) => escapes[c] ?? c);
}

/** Options of `markdownToHtml`. */
export interface MarkdownOptions {
  /** Render `![alt](src)` as an `<img>`; otherwise as its alt text. @default false */
  images?: boolean;
}

// `[label](url "title")` on escaped text: `<`, `>` and `"` appear as character references. A URL or
// title never holds a set-aside code span (`\u0000n\u0000`): its HTML would land inside an attribute
// (found by the fuzzer, test/fuzz/targets.ts), so such a "link" stays text, as code spans bind first.
const LINK = String.raw`\[([^\]]*)\]\(\s*(?:&lt;)?((?:(?!&gt;)[^\s)\u0000])*)(?:&gt;)?(?:\s+&quot;((?:(?!&quot;)[^\u0000])*)&quot;)?\s*\)`;

/** Inline syntax of one block's text, escaped first. Code spans and links are set aside so emphasis never reaches into them. */
function inline(text: string, options: MarkdownOptions): string {
  const stash: string[] = [];
  const keep = (html: string) => `\u0000${stash.push(html) - 1}\u0000`;
  const link = (label: string, url: string, title?: string) =>
    keep(`<a href="${url}"${title ? ` title="${title}"` : ''}>${emphasis(label)}</a>`);
  const spans = text
    .replace(/\u0000/g, '')
    .replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_, __, code: string) =>
      keep(`<code>${escapeCode(code.trim())}</code>`),
    );
  const out = escapeHtml(spans)
    .replace(new RegExp(`!${LINK}`, 'g'), (_, alt: string, src: string, title?: string) =>
      keep(options.images ? `<img src="${src}" alt="${alt}"${title ? ` title="${title}"` : ''}>` : alt),
    )
    .replace(new RegExp(LINK, 'g'), (_, label: string, url: string, title?: string) => link(label, url, title))
    .replace(/&lt;((?:https?:\/\/|mailto:)(?:(?!&gt;)[^\s\u0000])+)&gt;/g, (_, url: string) => link(url, url))
    .replace(/(^|[\s(])(https?:\/\/[^\s\u0000]+)/g, (_, lead: string, found: string) => {
      // A bare URL ends before an escaped bracket or quote and before trailing punctuation.
      const url = (found.split(/&(?:lt|gt|quot);/)[0] ?? '').replace(/[.,;:!?)\]']+$/, '');
      return lead + link(url, url) + found.slice(url.length);
    });
  // A link label may hold a stashed code span: restore recursively.
  const restore = (html: string): string =>
    html.replace(/\u0000(\d+)\u0000/g, (_, i: string) => restore(stash[Number(i)] ?? ''));
  return restore(emphasis(out));
}

function emphasis(text: string): string {
  return text
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '<strong>$2</strong>')
    .replace(/\*(?=[^\s*])([^*]*?[^\s*])\*/g, '<em>$1</em>')
    .replace(/(^|[^\w])_(?=[^\s_])([^_]*?[^\s_])_(?!\w)/g, '$1<em>$2</em>')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '<del>$1</del>');
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/;
const QUOTE = /^\s{0,3}>\s?/;
const ITEM = /^\s{0,3}([-*+]|\d{1,9}[.)])\s+(.*)$/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;

/** Whether a line starts a block other than a paragraph (and so ends a paragraph). */
function startsBlock(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || QUOTE.test(line) || ITEM.test(line) || RULE.test(line);
}

/**
 * Converts markdown to an (unsanitized) HTML string.
 * @param markdown the source
 * @param options rendering options
 * @returns HTML for `sanitize.ts` to parse and clean
 */
export function markdownToHtml(markdown: string, options: MarkdownOptions = {}): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? '').trim().startsWith(fence[1] ?? '```'); i++)
        body.push(lines[i] ?? '');
      i++;
      out.push(`<pre><code>${escapeCode(body.join('\n'))}</code></pre>`);
    } else if (!line.trim()) {
      i++;
    } else if (RULE.test(line)) {
      out.push('<hr>');
      i++;
    } else if (HEADING.test(line)) {
      out.push(`<p><strong>${inline(HEADING.exec(line)?.[1] ?? '', options)}</strong></p>`);
      i++;
    } else if (QUOTE.test(line)) {
      const body: string[] = [];
      for (; i < lines.length && QUOTE.test(lines[i] ?? ''); i++) body.push((lines[i] ?? '').replace(QUOTE, ''));
      out.push(`<blockquote>${markdownToHtml(body.join('\n'), options)}</blockquote>`);
    } else if (ITEM.test(line)) {
      const ordered = /\d/.test(ITEM.exec(line)?.[1] ?? '');
      const start = ordered ? Number.parseInt(line.trim(), 10) : 1;
      const items: string[] = [];
      for (; i < lines.length; i++) {
        const next = lines[i] ?? '';
        const item = ITEM.exec(next);
        if (item && /\d/.test(item[1] ?? '') === ordered) items.push(item[2] ?? '');
        else if (items.length && /^\s{2,}\S/.test(next)) items[items.length - 1] += `\n${next.trim()}`;
        else break;
      }
      const tag = ordered ? 'ol' : 'ul';
      const lis = items.map((item) => `<li>${inline(item, options).replace(/\n/g, '<br>')}</li>`).join('');
      out.push(`<${tag}${ordered && start !== 1 ? ` start="${start}"` : ''}>${lis}</${tag}>`);
    } else {
      const body: string[] = [];
      for (; i < lines.length && (lines[i] ?? '').trim() && (body.length === 0 || !startsBlock(lines[i] ?? '')); i++) {
        body.push((lines[i] ?? '').trim());
      }
      out.push(`<p>${inline(body.join('\n'), options).replace(/\n/g, '<br>')}</p>`);
    }
  }
  return out.join('');
}
