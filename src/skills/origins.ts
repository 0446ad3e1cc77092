/**
 * Origin rules for skills' network access (after browser extension host permissions and Figma's
 * `allowedDomains`): a manifest declares exact origins, and every request URL must parse to one of
 * them. Both sides go through the WHATWG URL parser, so the comparison is between the parser's own
 * serializations: case, IDN (punycode), IPv4 spellings (`0x7f.1`, `2130706433`) and default ports are
 * normalized the same way the `fetch` that follows will normalize them.
 *
 * @module
 */
import { PermissionError } from '../errors.ts';

/** Hosts allowed over plain `http:`: the local machine, spelled the usual ways. */
const LOCAL_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * What a declared origin may look like before parsing: a scheme, `//`, an authority with no
 * userinfo, path, query, fragment, backslash, whitespace or wildcard, and at most a trailing `/`.
 * Checked on the raw text because the URL parser forgives things (`https:example.com`,
 * `https://a.com\\path`) that a manifest should not rely on.
 */
const DECLARED_ORIGIN = /^https?:\/\/[^/?#\\@*\s%]+\/?$/i;

/**
 * Checks one origin a manifest declares and returns its canonical form.
 *
 * @param raw e.g. `https://api.example.com`, `http://localhost:8080`
 * @param where the option path for error messages, e.g. `permissions.network[0]`
 * @returns the parser's origin, e.g. `https://xn--mnchen-3ya.de` for `https://München.de/`
 * @throws {TypeError} when `raw` is not a string
 * @throws {RangeError} for a path, wildcard, userinfo, another scheme, or `http:` off localhost
 */
export function normalizeDeclaredOrigin(raw: unknown, where: string): string {
  if (typeof raw !== 'string') throw new TypeError(`${where} must be a string origin like "https://api.example.com"`);
  if (!DECLARED_ORIGIN.test(raw)) {
    throw new RangeError(
      `${where} must be a bare origin ("https://host[:port]"), without path, query, wildcard or credentials: ${JSON.stringify(raw)}`,
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new RangeError(`${where} is not a valid origin: ${JSON.stringify(raw)}`, { cause });
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    throw new RangeError(`${where}: plain http is allowed only for localhost and 127.0.0.1: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new RangeError(`${where} must use https: ${JSON.stringify(raw)}`);
  if (url.hostname === '' || url.hostname.endsWith('.')) {
    throw new RangeError(`${where} must name a host without a trailing dot: ${JSON.stringify(raw)}`);
  }
  return url.origin;
}

/**
 * Checks whether a URL may be requested: it must be absolute, `http(s):`, free of userinfo, and
 * its origin one of `allowed`. Returns the parsed URL, whose `href` is what must be fetched (never
 * the raw input, so the check and the request cannot parse it differently).
 *
 * @param input what the skill passed to `ctx.fetch`
 * @param allowed canonical origins from {@link normalizeDeclaredOrigin}
 * @param skillId named in the error
 * @throws {TypeError} when `input` is neither a string nor a `URL`
 * @throws {PermissionError} with code `undeclared-origin` (or `bad-url`) for anything else
 */
export function checkRequestUrl(input: unknown, allowed: ReadonlySet<string>, skillId: string): URL {
  let raw: string;
  if (typeof input === 'string') raw = input;
  else if (input instanceof URL) raw = input.href;
  else throw new TypeError(`ctx.fetch takes a URL string or a URL object (skill: ${skillId})`);
  let url: URL;
  try {
    // No base URL on purpose: a relative URL would resolve against the Worker's own location.
    url = new URL(raw);
  } catch {
    throw new PermissionError(`ctx.fetch needs an absolute http(s) URL (skill: ${skillId})`, { code: 'bad-url' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PermissionError(`ctx.fetch only requests http(s) URLs, not ${url.protocol} (skill: ${skillId})`, {
      code: 'bad-url',
    });
  }
  if (url.username !== '' || url.password !== '') {
    throw new PermissionError(`ctx.fetch refuses URLs with credentials in them (skill: ${skillId})`, {
      code: 'bad-url',
    });
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    throw new PermissionError(`ctx.fetch requests plain http only on localhost (skill: ${skillId})`, {
      code: 'undeclared-origin',
    });
  }
  if (!allowed.has(url.origin)) {
    throw new PermissionError(`Skill ${skillId} did not declare the origin ${url.origin}`, {
      code: 'undeclared-origin',
    });
  }
  return url;
}

/**
 * The canonical origin of a full URL a manifest or option declares (a webhook endpoint, an LLM
 * base URL), with the same rules as declared origins but allowing a path.
 *
 * @throws {TypeError} when `raw` is not a string
 * @throws {RangeError} for userinfo, query, fragment, another scheme, or `http:` off localhost
 */
export function originOfEndpoint(raw: unknown, where: string): string {
  if (typeof raw !== 'string') throw new TypeError(`${where} must be a URL string`);
  const match = /^(https?:\/\/[^/?#\\@*\s%]+)(\/[^?#\\\s]*)?$/i.exec(raw);
  if (match === null)
    throw new RangeError(
      `${where} must be an http(s) URL without credentials, query or fragment: ${JSON.stringify(raw)}`,
    );
  return normalizeDeclaredOrigin(match[1], where);
}
