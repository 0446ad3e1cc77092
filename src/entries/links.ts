/**
 * `confidant-assistant/links`: the link policy — which URLs in replies may become clickable links.
 * The widget applies it to markdown links, autolinks and cards; a host rendering replies itself
 * applies the same function.
 *
 * @module
 */
export {
  checkLink,
  createLinkPolicy,
  DEFAULT_LINK_POLICY,
  DEFAULT_LINK_PROTOCOLS,
  LINK_ATTRIBUTES,
  linkHref,
  type LinkPolicy,
  type LinkPolicyOptions,
  type LinkProtocol,
  type LinkRefusal,
  type LinkVerdict,
} from '../links/link-policy.ts';
export type { SpecialHostKind } from '../links/special-hosts.ts';
