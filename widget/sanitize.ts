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
 *   checked there, before adoption, by `safeUrl`: the core's link policy (`confidant-assistant/links`:
 *   http, https and mailto by default; no loopback, private or link-local host; the host's allowlist),
 *   which parses with the browser's own URL parser (the one navigation uses, so tabs, entities and
 *   case tricks resolve exactly as on click). Links open in a new tab with `rel="noopener noreferrer"`;
 *   a refused link becomes its text. Images are dropped unless the host allows them, and then only
 *   http(s) on a public host, lazy, without referrer. Cards' URLs go through the same `safeUrl`.
 * - The result is a `DocumentFragment` inserted as nodes: the sanitized tree is never serialized
 *   and parsed again, which is how mutation XSS slips past sanitizers.
 * - Trusted Types: the platform path needs no policy (`setHTML` is a safe sink); DOMPurify parses
 *   through a policy named `confidant` (`trustedTypesPolicyName`).
 *
 * @module
 */
import type { Config } from 'dompurify';
import { createLinkPolicy, DEFAULT_LINK_POLICY, LINK_ATTRIBUTES, linkHref } from '../src/entries/links.ts';
import type { LinkPolicy } from '../src/entries/links.ts';
import { loadDomPurify } from './load-dompurify.ts';
import { markdownToHtml } from './markdown.ts';

type Policy = NonNullable<Config['TRUSTED_TYPES_POLICY']>;
type Engine = (html: string, allowImages: boolean, linkPolicy: LinkPolicy) => DocumentFragment;

/** The Trusted Types policy DOMPurify parses with; list it if your CSP has a `trusted-types` directive. */
export const trustedTypesPolicyName = 'confidant';

/** Options of `renderMarkdown`. */
export interface RenderOptions {
  /** Keep http(s) images (they are fetched by the browser when shown). @default false */
  allowImages?: boolean;
  /**
   * Which links become clickable: a policy from `createLinkPolicy` (`confidant-assistant/links`).
   * @default DEFAULT_LINK_POLICY (http, https and mailto to public hosts)
   */
  linkPolicy?: LinkPolicy;
}

// Images are fetched as soon as they are shown, so a reply must not aim one at the user's router or a
// local service either; the host's link allowlist is about where a click may lead, not about images.
const imagePolicy = createLinkPolicy({ protocols: ['http:', 'https:'] });
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
 * The widget's one link check (markdown links, autolinks, cards): the URL to put in `href` or `src`,
 * or `null`. Relative URLs resolve against the page, whose own origin is always allowed.
 * @param url a URL as written in a reply or card
 * @param kind `link` checks it against `linkPolicy`; `image` allows http(s) on public hosts only
 * @param linkPolicy from `createLinkPolicy` @default DEFAULT_LINK_POLICY
 * @returns the parser's serialization of the URL (what the browser will follow), or `null`
 */
export function safeUrl(
  url: string,
  kind: 'link' | 'image' = 'link',
  linkPolicy: LinkPolicy = DEFAULT_LINK_POLICY,
): string | null {
  // An empty URL would resolve to the page itself: that is no link, just a label.
  if (url.trim() === '') return null;
  return linkHref(url, kind === 'link' ? linkPolicy : imagePolicy, document.baseURI);
}

/** Checks links and images while the tree is still inert, then moves it into a fragment of this document. */
function finish(root: ParentNode, allowImages: boolean, linkPolicy: LinkPolicy): DocumentFragment {
  for (const node of root.querySelectorAll('a')) {
    const href = safeUrl(node.getAttribute('href') ?? '', 'link', linkPolicy);
    if (href === null) {
      // Refused: the label stays, as text (a link without `href` would still look and read like a link).
      node.replaceWith(...node.childNodes);
      continue;
    }
    node.setAttribute('href', href);
    node.setAttribute('target', LINK_ATTRIBUTES.target);
    node.setAttribute('rel', LINK_ATTRIBUTES.rel);
  }
  for (const node of root.querySelectorAll('img')) {
    const src = allowImages ? safeUrl(node.getAttribute('src') ?? '', 'image') : null;
    if (src === null) {
      node.remove();
      continue;
    }
    node.setAttribute('src', src);
    node.setAttribute('loading', 'lazy');
    node.setAttribute('decoding', 'async');
    node.setAttribute('referrerpolicy', 'no-referrer');
  }
  const fragment = document.createDocumentFragment();
  fragment.append(...root.childNodes);
  return fragment;
}

/** The platform HTML Sanitizer API, if this browser has the standard one. */
function platformEngine(): Engine | undefined {
  if (typeof (Element.prototype as { setHTML?: unknown }).setHTML !== 'function') return undefined;
  const inert = document.implementation.createHTMLDocument('');
  const engine: Engine = (html, allowImages, linkPolicy) => {
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
    return finish(container, allowImages, linkPolicy);
  };
  try {
    // An implementation of an older draft of the API would ignore this configuration: use it only if it obeys.
    // (No event handler in the probe: parsing one makes a strict CSP report it, even in an inert document.)
    const probe = engine(
      '<iframe></iframe><img src="x"><a href="https://a.example/" id="x" data-x="x">a</a><center>b</center>',
      false,
      DEFAULT_LINK_POLICY,
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
  return (html, allowImages, linkPolicy) =>
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
      linkPolicy,
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
 * @param linkPolicy which links stay links @default DEFAULT_LINK_POLICY
 * @throws {Error} when no sanitizer is ready yet (see `loadSanitizer`)
 * @internal
 */
export function sanitizeHtml(
  html: string,
  allowImages = false,
  linkPolicy: LinkPolicy = DEFAULT_LINK_POLICY,
): DocumentFragment {
  const engine = current();
  if (!engine) throw new Error('confidant: the sanitizer is not loaded yet (await loadSanitizer())');
  return engine(html, allowImages, linkPolicy);
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
  return sanitizeHtml(markdownToHtml(markdown, { images: allowImages }), allowImages, options.linkPolicy);
}
