/**
 * The element's link policy, from its `linkPolicy` property and its `link-hosts` attribute: the
 * core's policy (`confidant-assistant/links`) as the host narrowed it. The widget applies it in
 * one place, `safeUrl` in `sanitize.ts`, to markdown links, autolinks and card URLs alike.
 *
 * @module
 */
import { createLinkPolicy, DEFAULT_LINK_POLICY } from '../src/entries/links.ts';
import type { LinkPolicy, LinkPolicyOptions } from '../src/entries/links.ts';

/** A policy under which nothing is a link: what a host's invalid setting falls back to (fail closed). */
export const NO_LINKS: LinkPolicy = createLinkPolicy({ protocols: [] });

/**
 * Builds the element's policy.
 * @param options the `linkPolicy` property (`createLinkPolicy` options, or a policy it returned)
 * @param hosts the `link-hosts` attribute: host names separated by spaces or commas
 *   (`example.com *.example.com`); when set, it takes the place of `options.allowedHosts`
 * @returns the policy to render with
 * @throws {TypeError} when an option has the wrong type
 * @throws {RangeError} for an unknown scheme or an entry that is not a host name
 */
export function elementLinkPolicy(
  options: LinkPolicyOptions | LinkPolicy | undefined,
  hosts: string | null | undefined,
): LinkPolicy {
  if (options === undefined && (hosts === undefined || hosts === null)) return DEFAULT_LINK_POLICY;
  // A policy is its own options (`allowedHosts: undefined` reads as unset); createLinkPolicy checks either.
  const base = (options ?? {}) as LinkPolicyOptions;
  if (hosts === undefined || hosts === null) return createLinkPolicy(base);
  // An empty attribute is an empty allowlist: only the page's own origin is linked. Dropping the
  // attribute (null) is what restores every public host.
  const allowedHosts = hosts.split(/[\s,]+/).filter((host) => host !== '');
  return createLinkPolicy({ ...base, allowedHosts });
}
