/**
 * User consent for permissions that reach the network or personal data. The first time a skill
 * needs one, the runtime asks the host (which asks the user) and waits; a yes is stored in the
 * encrypted settings namespace, one key per skill, and audited; a no is not remembered, so the
 * user is asked again next time. Grants are revocable.
 *
 * @module
 */
import type { KeyValueStore } from '../store/types.ts';
import type { GrantablePermission, PermissionRequest, SkillAuditEntry, SkillDefinition } from './types.ts';

/** What a user granted one skill. */
export interface SkillGrants {
  /** Origins `ctx.fetch` may reach. */
  network: string[];
  profile: boolean;
}

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
  grant(skillId: string, permission: GrantablePermission, origins?: readonly string[], source?: string): Promise<void>;
  revoke(skillId: string, permission?: GrantablePermission): Promise<void>;
  grants(skillId: string): Promise<SkillGrants>;
  /** Answers every open question with no and stops their timers. */
  dispose(): void;
}

const keyOf = (skillId: string) => `skills.grants.${skillId}`;

/** Creates the consent ledger over the encrypted settings namespace. */
export function createConsent(options: ConsentOptions): Consent {
  const { settings, audit } = options;
  const timeoutMs = options.timeoutMs ?? 120_000;
  // Read-modify-write of one skill's grants is serialized, and concurrent invocations waiting on
  // the same question share one prompt instead of stacking dialogs.
  const chains = new Map<string, Promise<unknown>>();
  const pending = new Map<string, Promise<boolean>>();
  const open = new Set<() => void>();

  const read = async (skillId: string): Promise<SkillGrants> => {
    const raw = await settings.get<Partial<SkillGrants>>(keyOf(skillId));
    return {
      network: Array.isArray(raw?.network) ? raw.network.filter((o): o is string => typeof o === 'string') : [],
      profile: raw?.profile === true,
    };
  };
  const update = (skillId: string, change: (g: SkillGrants) => SkillGrants): Promise<void> => {
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

  const grant: Consent['grant'] = async (skillId, permission, origins = [], source = 'user') => {
    await update(skillId, (g) =>
      permission === 'profile' ? { ...g, profile: true } : { ...g, network: [...new Set([...g.network, ...origins])] },
    );
    audit({
      type: 'permission-granted',
      skillId,
      detail: { permission, source, ...(permission === 'network' ? { origins: origins.join(' ') } : {}) },
    });
  };

  const ask = (request: PermissionRequest, signal: AbortSignal): Promise<boolean> => {
    const requestPermission = options.requestPermission;
    if (requestPermission === undefined) return Promise.resolve(false);
    const key = `${request.skillId} ${request.permission} ${(request.origins ?? []).join(' ')}`;
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
          if (granted) await grant(request.skillId, request.permission, request.origins ?? []);
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
      const current = await read(skill.id);
      const wanted: { permission: GrantablePermission; origins?: string[] }[] = [];
      const missing = (declared.network ?? []).filter((o) => !current.network.includes(o));
      if (missing.length > 0) wanted.push({ permission: 'network', origins: missing });
      if (declared.profile === true && !current.profile) wanted.push({ permission: 'profile' });
      for (const want of wanted) {
        const request: PermissionRequest = {
          skillId: skill.id,
          skillVersion: skill.version,
          permission: want.permission,
          ...(want.origins === undefined ? {} : { origins: Object.freeze([...want.origins]) }),
          ...(skill.description === undefined ? {} : { description: skill.description }),
        };
        if (!(await ask(request, signal))) {
          audit({ type: 'permission-denied', skillId: skill.id, detail: detailOf(request) });
          return want.permission;
        }
      }
      return null;
    },
    grant,
    async revoke(skillId, permission) {
      await update(skillId, (g) => ({
        network: permission === undefined || permission === 'network' ? [] : g.network,
        profile: permission === undefined || permission === 'profile' ? false : g.profile,
      }));
      audit({ type: 'permission-revoked', skillId, detail: { permission: permission ?? 'all' } });
    },
    grants: read,
    dispose() {
      for (const cancel of open) cancel();
      open.clear();
    },
  };
}

function detailOf(request: PermissionRequest): Record<string, string> {
  return {
    permission: request.permission,
    ...(request.origins === undefined ? {} : { origins: request.origins.join(' ') }),
  };
}
