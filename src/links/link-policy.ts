/**
 * The link policy: which URLs in replies (markdown links, autolinks, cards) may become clickable
 * links. One pure function, with no DOM, so the widget, a host's own renderer and the tests apply
 * the very same rule:
 *
 * - only `http:`, `https:` and `mailto:` by default (a host may add `tel:` or drop some);
 * - no user name or password in the URL (`https://bank.example@evil.example/` reads as the bank);
 * - never a loopback, private-network, link-local or otherwise reserved host (a reply must not
 *   point the user at their router, a local admin page or a service on their own machine), except
 *   the page's own origin when `base` is given;
 * - when the host lists `allowedHosts`, only those hosts (and the page's own origin): the list
 *   narrows the default, it never re-admits a local host.
 *
 * Links are checked as the browser will follow them: the URL is parsed by the WHATWG URL parser
 * (the one navigation uses) and its serialization is what the caller must put in `href`, so the
 * check and the click cannot read the URL differently.
 *
 * @module
 */
import { specialHostKind, type SpecialHostKind } from './special-hosts.ts';

/** A scheme a link may have. */
export type LinkProtocol = 'http:' | 'https:' | 'mailto:' | 'tel:';

/** The schemes linked by default. */
export const DEFAULT_LINK_PROTOCOLS: readonly LinkProtocol[] = Object.freeze(['http:', 'https:', 'mailto:']);

const KNOWN_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** What a host may configure. */
export interface LinkPolicyOptions {
  /** Schemes that may be linked. @default ['http:', 'https:', 'mailto:'] */
  protocols?: readonly LinkProtocol[];
  /**
   * Hosts that http(s) links may point to: `example.com` (that host only) or `*.example.com` (its
   * subdomains, not `example.com` itself). Names are compared after IDNA (punycode) as the URL parser
   * writes them. @default every public host
   */
  allowedHosts?: readonly string[];
}

/** A checked, normalized policy (see {@link createLinkPolicy}). */
export interface LinkPolicy {
  readonly protocols: readonly LinkProtocol[];
  /** `undefined`: every public host. */
  readonly allowedHosts: readonly string[] | undefined;
}

/** Why a URL is not linked. */
export type LinkRefusal = 'unparsable' | 'protocol' | 'credentials' | SpecialHostKind | 'not-allowed';

/** The verdict on one URL: the `href` to use, or why there is none. */
export type LinkVerdict =
  { readonly ok: true; readonly href: string } | { readonly ok: false; readonly reason: LinkRefusal };

/** The policy with every default. */
export const DEFAULT_LINK_POLICY: LinkPolicy = Object.freeze({
  protocols: DEFAULT_LINK_PROTOCOLS,
  allowedHosts: undefined,
});

const HOST_PATTERN = /^(\*\.)?([^*/?#@:\s\\[\]]+)$/;

/**
 * Checks link-policy options and returns the normalized policy.
 *
 * @param options what the host allows
 * @returns a frozen policy for {@link checkLink}
 * @throws {TypeError} when an option has the wrong type
 * @throws {RangeError} for an unknown scheme or a host entry that is not a host name (or `*.` and one)
 * @example
 * ```ts
 * const policy = createLinkPolicy({ allowedHosts: ['shop.example', '*.shop.example'] });
 * checkLink('https://evil.example/login', policy);   // { ok: false, reason: 'not-allowed' }
 * ```
 */
export function createLinkPolicy(options: LinkPolicyOptions = {}): LinkPolicy {
  if (options === null || typeof options !== 'object') throw new TypeError('createLinkPolicy takes an options object');
  let protocols = DEFAULT_LINK_PROTOCOLS;
  if (options.protocols !== undefined) {
    if (!Array.isArray(options.protocols)) throw new TypeError('linkPolicy.protocols must be an array');
    for (const p of options.protocols as unknown[]) {
      if (typeof p !== 'string' || !KNOWN_PROTOCOLS.has(p))
        throw new RangeError(`linkPolicy.protocols: ${JSON.stringify(p)} is not one of http:, https:, mailto:, tel:`);
    }
    protocols = Object.freeze([...new Set(options.protocols)]);
  }
  let allowedHosts: readonly string[] | undefined;
  if (options.allowedHosts !== undefined) {
    if (!Array.isArray(options.allowedHosts)) throw new TypeError('linkPolicy.allowedHosts must be an array');
    allowedHosts = Object.freeze(
      (options.allowedHosts as unknown[]).map((entry, i) => normalizeHostEntry(entry, `linkPolicy.allowedHosts[${i}]`)),
    );
  }
  return Object.freeze({ protocols, allowedHosts });
}

function normalizeHostEntry(entry: unknown, where: string): string {
  if (typeof entry !== 'string') throw new TypeError(`${where} must be a string`);
  const m = HOST_PATTERN.exec(entry.trim());
  if (m === null) throw new RangeError(`${where} must be a host name like "example.com" or "*.example.com"`);
  let hostname: string;
  try {
    hostname = new URL(`https://${m[2]}/`).hostname;
  } catch (cause) {
    throw new RangeError(`${where} is not a valid host name: ${JSON.stringify(entry)}`, { cause });
  }
  return `${m[1] ?? ''}${hostname.replace(/\.$/, '')}`;
}

function hostAllowed(hostname: string, allowed: readonly string[]): boolean {
  const host = hostname.replace(/\.$/, '');
  return allowed.some((entry) => (entry.startsWith('*.') ? host.endsWith(entry.slice(1)) : host === entry));
}

/**
 * Decides whether a URL from a reply may be a clickable link, and with which `href`.
 *
 * @param url the URL as written (relative URLs need `base`)
 * @param policy from {@link createLinkPolicy} @default {@link DEFAULT_LINK_POLICY}
 * @param base the page's URL: relative links resolve against it, and its own origin is always
 *   linkable (it is the host's site, even on `localhost` in development) @default none
 * @returns `{ ok: true, href }` with the parser's serialization to put in `href`, else the reason
 * @example
 * ```ts
 * checkLink('https://example.com/a b');           // { ok: true, href: 'https://example.com/a%20b' }
 * checkLink('http://192.168.1.1/admin');          // { ok: false, reason: 'private' }
 * checkLink('javascript:alert(1)');               // { ok: false, reason: 'protocol' }
 * ```
 */
export function checkLink(url: string, policy: LinkPolicy = DEFAULT_LINK_POLICY, base?: string): LinkVerdict {
  if (typeof url !== 'string') return { ok: false, reason: 'unparsable' };
  let parsed: URL;
  let page: URL | undefined;
  try {
    page = base === undefined ? undefined : new URL(base);
    parsed = page === undefined ? new URL(url) : new URL(url, page);
  } catch {
    return { ok: false, reason: 'unparsable' };
  }
  if (!(policy.protocols as readonly string[]).includes(parsed.protocol)) return { ok: false, reason: 'protocol' };
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: true, href: parsed.href };
  if (parsed.username !== '' || parsed.password !== '') return { ok: false, reason: 'credentials' };
  // The page's own origin is the host's site: linking to it exposes nothing new.
  if (page !== undefined && parsed.origin === page.origin) return { ok: true, href: parsed.href };
  const special = specialHostKind(parsed.hostname);
  if (special !== null) return { ok: false, reason: special };
  if (policy.allowedHosts !== undefined && !hostAllowed(parsed.hostname, policy.allowedHosts))
    return { ok: false, reason: 'not-allowed' };
  return { ok: true, href: parsed.href };
}

/**
 * The `href` a link may have under the policy, or `null` (render the label as plain text).
 * Shorthand for `checkLink(...)` when the reason does not matter.
 */
export function linkHref(url: string, policy: LinkPolicy = DEFAULT_LINK_POLICY, base?: string): string | null {
  const verdict = checkLink(url, policy, base);
  return verdict.ok ? verdict.href : null;
}

/** The attributes every link the policy allows is rendered with: a new tab, no opener, no referrer. */
export const LINK_ATTRIBUTES = Object.freeze({ target: '_blank', rel: 'noopener noreferrer' } as const);
