/**
 * User consent for permissions that reach the network or personal data. The first time a skill
 * needs one, the runtime asks the host (which asks the user) and waits; a yes is stored in the
 * encrypted settings namespace, one key per skill, and audited; a no is not remembered, so the
 * user is asked again next time. Grants are revocable.
 *
 * A grant is bound to the skill's identity (`skill-identity.ts`: its id, its fingerprint — bundle,
 * workflow or endpoint — and what it says it sends), not to its id alone: a new bundle or endpoint
 * under a granted id asks again, and so does a grant that came in a backup (`imported`), once,
 * before it is used (issue 16). Grants the host gives by id (`grant`) are vouched for by the host.
 *
 * @module
 */
import { IMPORT_CONFIRMED_PREFIX } from '../store/backup-io.ts';
import type { KeyValueStore } from '../store/types.ts';
import { HOST_VOUCHED, skillIdentity } from './skill-identity.ts';
import type {
  ConsentReason,
  GrantablePermission,
  PermissionRequest,
  SkillAuditEntry,
  SkillDefinition,
} from './types.ts';

/** What a user granted one skill. */
export interface SkillGrants {
  /** Origins `ctx.fetch` may reach. */
  network: string[];
  profile: boolean;
}

/** A stored grant: the permissions, whom they were given to, and whether they came in a backup. */
interface StoredGrants extends SkillGrants {
  /** The skill identity the grant was given to; {@link HOST_VOUCHED} for host grants; absent on grants from before identities. */
  identity?: string;
  /** Brought in by `importBackup`: confirmed by the user before first use. */
  imported?: boolean;
}

/** The settings key prefix of stored grants (`importBackup` marks what it brings in under it). */
const GRANTS_PREFIX = IMPORT_CONFIRMED_PREFIX;

/** Options of {@link createConsent}. */
export interface ConsentOptions {
  /** Where grants live (the store's encrypted settings). */
  settings: KeyValueStore;
  /** Asks the user; resolves `true` to grant. Without it every request is denied. */
  requestPermission?: ((request: PermissionRequest) => Promise<boolean>) | undefined;
  audit: (entry: SkillAuditEntry) => void;
  /** How long to wait for an answer before treating silence as no. @default 120000 */
  timeoutMs?: number;
}

/** The consent ledger. */
export interface Consent {
  /**
   * Makes sure every grantable permission the skill declares is granted, asking for what is not.
   * @returns `null` when all are granted, else the first permission the user refused
   */
  ensure(skill: SkillDefinition, signal: AbortSignal): Promise<GrantablePermission | null>;
  /**
   * Grants a permission: to `skill`'s identity, or, given an id, to whatever skill the host
   * registers under it (the host vouches for it).
   */
  grant(
    skill: SkillDefinition | string,
    permission: GrantablePermission,
    origins?: readonly string[],
    source?: string,
  ): Promise<void>;
  revoke(skillId: string, permission?: GrantablePermission): Promise<void>;
  /** What is stored for a skill id, whoever it was given to (for listings). */
  grants(skillId: string): Promise<SkillGrants>;
  /** What this very skill may use now: nothing given to another identity, nothing imported and unconfirmed. */
  effective(skill: SkillDefinition): Promise<SkillGrants>;
  /** Answers every open question with no and stops their timers. */
  dispose(): void;
}

const keyOf = (skillId: string) => `${GRANTS_PREFIX}${skillId}`;
const NONE: SkillGrants = Object.freeze({ network: [], profile: false }) as SkillGrants;

/** Creates the consent ledger over the encrypted settings namespace. */
export function createConsent(options: ConsentOptions): Consent {
  const { settings, audit } = options;
  const timeoutMs = options.timeoutMs ?? 120_000;
  // Read-modify-write of one skill's grants is serialized, and concurrent invocations waiting on
  // the same question share one prompt instead of stacking dialogs.
  const chains = new Map<string, Promise<unknown>>();
  const pending = new Map<string, Promise<boolean>>();
  const open = new Set<() => void>();

  const read = async (skillId: string): Promise<StoredGrants> => {
    const raw = await settings.get<Partial<StoredGrants>>(keyOf(skillId));
    return {
      network: Array.isArray(raw?.network) ? raw.network.filter((o): o is string => typeof o === 'string') : [],
      profile: raw?.profile === true,
      ...(typeof raw?.identity === 'string' ? { identity: raw.identity } : {}),
      ...(raw?.imported === true ? { imported: true } : {}),
    };
  };
  const update = (skillId: string, change: (g: StoredGrants) => StoredGrants): Promise<void> => {
    const next = (chains.get(skillId) ?? Promise.resolve()).then(async () => {
      const g = change(await read(skillId));
      if (g.network.length === 0 && !g.profile) await settings.delete(keyOf(skillId));
      else await settings.set(keyOf(skillId), g);
    });
    chains.set(
      skillId,
      next.catch(() => undefined),
    );
    return next;
  };
  /** Whether a stored grant holds for a skill of this identity. */
  const holds = (g: StoredGrants, identity: string) =>
    g.imported !== true && (g.identity === identity || g.identity === HOST_VOUCHED);
  const effective = async (skill: SkillDefinition): Promise<SkillGrants> => {
    const g = await read(skill.id);
    if (g.network.length === 0 && !g.profile) return NONE;
    return holds(g, await skillIdentity(skill)) ? { network: g.network, profile: g.profile } : NONE;
  };

  const grant: Consent['grant'] = async (skill, permission, origins = [], source = 'user') => {
    const skillId = typeof skill === 'string' ? skill : skill.id;
    const identity = typeof skill === 'string' ? HOST_VOUCHED : await skillIdentity(skill);
    await update(skillId, (stored) => {
      // A grant to another identity, or an unconfirmed import, is replaced rather than extended.
      const g = holds(stored, identity) ? stored : { network: [], profile: false };
      const next: StoredGrants = {
        network: permission === 'network' ? [...new Set([...g.network, ...origins])] : g.network,
        profile: permission === 'profile' ? true : g.profile,
        identity,
      };
      return next;
    });
    audit({
      type: 'permission-granted',
      skillId,
      detail: {
        permission,
        source,
        identity: identity.slice(0, 16),
        ...(permission === 'network' ? { origins: origins.join(' ') } : {}),
      },
    });
  };

  const ask = (skill: SkillDefinition, request: PermissionRequest, signal: AbortSignal): Promise<boolean> => {
    const requestPermission = options.requestPermission;
    if (requestPermission === undefined) return Promise.resolve(false);
    const key = `${request.skillId} ${request.permission} ${request.reason} ${(request.origins ?? []).join(' ')}`;
    let shared = pending.get(key);
    if (shared === undefined) {
      audit({ type: 'permission-requested', skillId: request.skillId, detail: detailOf(request) });
      shared = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        const cancel = () => {
          clearTimeout(timer);
          resolve(false);
        };
        open.add(cancel);
        Promise.resolve()
          .then(() => requestPermission(request))
          .then(
            (granted) => resolve(granted === true),
            () => resolve(false),
          )
          .finally(() => {
            clearTimeout(timer);
            open.delete(cancel);
          });
      })
        // Granted once for every invocation that shared this question.
        .then(async (granted) => {
          if (granted) await grant(skill, request.permission, request.origins ?? []);
          return granted;
        })
        .finally(() => pending.delete(key));
      pending.set(key, shared);
    }
    const answer = shared;
    // Each waiting invocation stops waiting when its own turn is cancelled; the question stays open for the others.
    return new Promise<boolean>((resolve) => {
      const onAbort = () => resolve(false);
      if (signal.aborted) return resolve(false);
      signal.addEventListener('abort', onAbort, { once: true });
      answer.then(resolve, () => resolve(false)).finally(() => signal.removeEventListener('abort', onAbort));
    });
  };

  return {
    async ensure(skill, signal) {
      const declared = skill.permissions ?? {};
      // Most skills ask for nothing grantable (storage, schedule and secret need no consent): no
      // read of the stored grants then, which was one IndexedDB transaction on every turn.
      if ((declared.network ?? []).length === 0 && declared.profile !== true) return null;
      const stored = await read(skill.id);
      const identity = await skillIdentity(skill);
      const current = holds(stored, identity) ? stored : NONE;
      const reason: ConsentReason =
        current !== NONE || (stored.network.length === 0 && !stored.profile)
          ? 'new'
          : stored.imported === true
            ? 'imported'
            : 'changed';
      const wanted: { permission: GrantablePermission; origins?: string[] }[] = [];
      // After a change of identity or an import, every declared origin is asked, not only the new ones.
      const missing = (declared.network ?? []).filter((o) => !current.network.includes(o));
      if (missing.length > 0) wanted.push({ permission: 'network', origins: missing });
      if (declared.profile === true && !current.profile) wanted.push({ permission: 'profile' });
      for (const want of wanted) {
        const request: PermissionRequest = {
          skillId: skill.id,
          skillVersion: skill.version,
          permission: want.permission,
          reason,
          ...(want.origins === undefined ? {} : { origins: Object.freeze([...want.origins]) }),
          ...(skill.description === undefined ? {} : { description: skill.description }),
          ...(skill.sends === undefined ? {} : { sends: { ...skill.sends } }),
        };
        if (!(await ask(skill, request, signal))) {
          audit({ type: 'permission-denied', skillId: skill.id, detail: detailOf(request) });
          return want.permission;
        }
      }
      return null;
    },
    grant,
    async revoke(skillId, permission) {
      await update(skillId, (g) => ({
        ...g,
        network: permission === undefined || permission === 'network' ? [] : g.network,
        profile: permission === undefined || permission === 'profile' ? false : g.profile,
      }));
      audit({ type: 'permission-revoked', skillId, detail: { permission: permission ?? 'all' } });
    },
    async grants(skillId) {
      const { network, profile } = await read(skillId);
      return { network, profile };
    },
    effective,
    dispose() {
      for (const cancel of open) cancel();
      open.clear();
    },
  };
}

function detailOf(request: PermissionRequest): Record<string, string> {
  return {
    permission: request.permission,
    reason: request.reason,
    ...(request.origins === undefined ? {} : { origins: request.origins.join(' ') }),
  };
}
