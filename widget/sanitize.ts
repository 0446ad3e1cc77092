/**
 * The widget's one way from untrusted text to DOM. Everything a skill or model wrote that is
 * rendered as markup goes through `renderMarkdown`; everything else is rendered as text by Lit.
 * No other module uses `innerHTML` or `unsafeHTML`.
 *
 * - Markdown is converted with raw HTML escaped (`markdown.ts`), then sanitized all the same.
 * - The sanitizer is the browser's own HTML Sanitizer API (`setHTML` with an allowlist) where it
 *   exists and passes a self-test, else DOMPurify (a private instance, loaded on first use). Both
 *   get the same short tag and attribute allowlist: no `style`, `class`, `id`, event handler or
 *   data attribute survives; unknown wrappers keep their text; script-like content is dropped.
 * - Both parse into an inert document, where nothing is fetched or run. Links and images are then
 *   checked there, before adoption: the URL is parsed with the browser's own URL parser (the one
 *   navigation uses, so tabs, entities and case tricks resolve exactly as on click) and kept only
 *   for http, https, mailto and tel; links open in a new tab with `rel="noopener noreferrer"`.
 *   Images are dropped unless the host allows them, and then only http(s), lazy, without referrer.
 * - The result is a `DocumentFragment` inserted as nodes: the sanitized tree is never serialized
 *   and parsed again, which is how mutation XSS slips past sanitizers.
 * - Trusted Types: the platform path needs no policy (`setHTML` is a safe sink); DOMPurify parses
 *   through a policy named `confidant` (`trustedTypesPolicyName`).
 *
 * @module
 */
import type { Config } from 'dompurify';
import { loadDomPurify } from './load-dompurify.ts';
import { markdownToHtml } from './markdown.ts';

type Policy = NonNullable<Config['TRUSTED_TYPES_POLICY']>;
type Engine = (html: string, allowImages: boolean) => DocumentFragment;

/** The Trusted Types policy DOMPurify parses with; list it if your CSP has a `trusted-types` directive. */
export const trustedTypesPolicyName = 'confidant';

/** Options of `renderMarkdown`. */
export interface RenderOptions {
  /** Keep http(s) images (they are fetched by the browser when shown). @default false */
  allowImages?: boolean;
}

const linkProtocols = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const imageProtocols = new Set(['http:', 'https:']);
const tags = [
  'a',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'del',
  'code',
  'pre',
  'p',
  'br',
  'hr',
  'ul',
  'ol',
  'li',
  'blockquote',
  'span',
  'sub',
  'sup',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];
const attributes = ['href', 'title', 'start'];
// Wrappers whose text is kept when the element goes (DOMPurify does this for every element it drops
// except script-like ones; the platform sanitizer only for those it is told).
const unwrap = [
  'div',
  'center',
  'font',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'small',
  'big',
  'mark',
  'abbr',
  'cite',
  'q',
  'dfn',
  'kbd',
  'samp',
  'var',
  'time',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figure',
  'figcaption',
  'details',
  'summary',
  'label',
  'address',
  'ins',
];

/**
 * Returns the absolute URL if it is allowed, else `null`. Relative URLs resolve against the page.
 * @param url a URL as written in a reply or card
 * @param kind `link` allows http, https, mailto and tel; `image` only http and https
 */
export function safeUrl(url: string, kind: 'link' | 'image' = 'link'): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url, document.baseURI);
  } catch {
    return null;
  }
  return (kind === 'link' ? linkProtocols : imageProtocols).has(parsed.protocol) ? parsed.href : null;
}

/** Checks links and images while the tree is still inert, then moves it into a fragment of this document. */
function finish(root: ParentNode, allowImages: boolean): DocumentFragment {
  for (const node of root.querySelectorAll('a, img')) {
    const isLink = node.localName === 'a';
    const url = node.getAttribute(isLink ? 'href' : 'src');
    const safe = url === null || (!isLink && !allowImages) ? null : safeUrl(url, isLink ? 'link' : 'image');
    if (isLink && safe) node.setAttribute('href', safe);
    else if (isLink) node.removeAttribute('href');
    else if (safe) node.setAttribute('src', safe);
    else node.remove();
    if (isLink && safe) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    } else if (safe) {
      node.setAttribute('loading', 'lazy');
      node.setAttribute('decoding', 'async');
      node.setAttribute('referrerpolicy', 'no-referrer');
    }
  }
  const fragment = document.createDocumentFragment();
  fragment.append(...root.childNodes);
  return fragment;
}

/** The platform HTML Sanitizer API, if this browser has the standard one. */
function platformEngine(): Engine | undefined {
  if (typeof (Element.prototype as { setHTML?: unknown }).setHTML !== 'function') return undefined;
  const inert = document.implementation.createHTMLDocument('');
  const engine: Engine = (html, allowImages) => {
    const container = inert.createElement('div') as HTMLDivElement & { setHTML(html: string, options: object): void };
    container.setHTML(html, {
      sanitizer: {
        elements: allowImages ? [...tags, 'img'] : tags,
        attributes: allowImages ? [...attributes, 'src', 'alt'] : attributes,
        replaceWithChildrenElements: unwrap,
        comments: false,
        dataAttributes: false,
      },
    });
    return finish(container, allowImages);
  };
  try {
    // An implementation of an older draft of the API would ignore this configuration: use it only if it obeys.
    // (No event handler in the probe: parsing one makes a strict CSP report it, even in an inert document.)
    const probe = engine(
      '<iframe></iframe><img src="x"><a href="https://a.example/" id="x" data-x="x">a</a><center>b</center>',
      false,
    );
    const link = probe.firstChild as Element | null;
    if (
      probe.childNodes.length !== 2 ||
      link?.localName !== 'a' ||
      link.attributes.length !== 3 ||
      probe.textContent !== 'ab'
    )
      return undefined;
  } catch {
    return undefined;
  }
  return engine;
}

function createPolicy(): Policy | undefined {
  const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): Policy } }).trustedTypes;
  try {
    return factory?.createPolicy(trustedTypesPolicyName, {
      // Only DOMPurify holds this policy, and only to parse its input into an inert document.
      createHTML: (html: string) => html,
      createScriptURL: () => {
        throw new TypeError('confidant: script URLs are never created');
      },
    });
  } catch {
    // The page's `trusted-types` directive does not list the name: DOMPurify then throws, and replies show as text.
    return undefined;
  }
}

async function domPurifyEngine(): Promise<Engine> {
  const { default: createDOMPurify } = await loadDomPurify();
  const purify = createDOMPurify(window);
  const policy = createPolicy();
  return (html, allowImages) =>
    finish(
      purify.sanitize(html, {
        ALLOWED_TAGS: allowImages ? [...tags, 'img'] : tags,
        ALLOWED_ATTR: allowImages ? [...attributes, 'src', 'alt'] : attributes,
        ALLOW_DATA_ATTR: false,
        ALLOW_ARIA_ATTR: false,
        RETURN_DOM_FRAGMENT: true,
        ...(policy ? { TRUSTED_TYPES_POLICY: policy } : {}),
      }),
      allowImages,
    );
}

let preferPlatform = true;
let platform: Engine | undefined;
let platformChecked = false;
let purify: Engine | undefined;
let loading: Promise<void> | undefined;

function current(): Engine | undefined {
  if (preferPlatform && !platformChecked) {
    platformChecked = true;
    platform = platformEngine();
  }
  return (preferPlatform ? platform : undefined) ?? purify;
}

/** Whether `renderMarkdown` can run now (true at once where the platform sanitizer exists). */
export function sanitizerReady(): boolean {
  return current() !== undefined;
}

/**
 * Makes the sanitizer ready: at once with the platform's, else after loading DOMPurify.
 * @param prefer `dompurify` uses the fallback even where the platform has a sanitizer (tests run both paths) @internal
 */
export function loadSanitizer(prefer: 'platform' | 'dompurify' = 'platform'): Promise<void> {
  preferPlatform = prefer === 'platform';
  if (sanitizerReady()) return Promise.resolve();
  loading ??= domPurifyEngine().then(
    (engine) => void (purify = engine),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * Sanitizes an HTML string to a `DocumentFragment` (the allowlists above, links and images checked).
 * The widget renders only markdown, whose converter escapes raw HTML; this is the layer under it.
 * @param html untrusted HTML
 * @param allowImages keep http(s) images
 * @throws {Error} when no sanitizer is ready yet (see `loadSanitizer`)
 * @internal
 */
export function sanitizeHtml(html: string, allowImages = false): DocumentFragment {
  const engine = current();
  if (!engine) throw new Error('confidant: the sanitizer is not loaded yet (await loadSanitizer())');
  return engine(html, allowImages);
}

/**
 * Renders markdown from a reply to a sanitized `DocumentFragment`, ready to insert as nodes.
 * @param markdown untrusted markdown (raw HTML in it is shown as text)
 * @param options what the host allows
 * @returns the sanitized nodes
 * @throws {Error} when no sanitizer is ready yet (see `sanitizerReady` and `loadSanitizer`), or
 *   when Trusted Types are enforced and the `confidant` policy is not allowed
 */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): DocumentFragment {
  const allowImages = options.allowImages === true;
  return sanitizeHtml(markdownToHtml(markdown, { images: allowImages }), allowImages);
}
