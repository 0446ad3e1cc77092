/**
 * A skill's identity for consent: a digest of its id, its fingerprint (the bundle's integrity
 * pin, the workflow's text, the webhook's endpoint; see `SkillDefinition.fingerprint`) and what it
 * says it sends (`SkillDefinition.sends`). A grant
 * records the identity it was given to, so a different skill under the same id — a new bundle,
 * another endpoint — does not inherit it (issue 16).
 *
 * @module
 */
import { toHex, utf8 } from '../crypto/bytes.ts';
import { canonicalJson, sha256 } from '../crypto/hash.ts';
import type { SkillDefinition } from './types.ts';

/** The identity of grants the host gave by skill id (`grantPermission`): it vouches for what it registers. */
export const HOST_VOUCHED = 'host';

const cache = new WeakMap<object, Promise<string>>();

/**
 * The identity of a skill (hex SHA-256 of the canonical JSON of its id, fingerprint and disclosure).
 * Computed once per definition.
 */
export function skillIdentity(skill: Pick<SkillDefinition, 'id' | 'fingerprint' | 'sends'>): Promise<string> {
  let identity = cache.get(skill);
  if (identity === undefined) {
    const { id, fingerprint = null, sends = null } = skill;
    identity = sha256(utf8(canonicalJson({ id, fingerprint, sends: sends === null ? null : { ...sends } }))).then(
      toHex,
    );
    cache.set(skill, identity);
  }
  return identity;
}
