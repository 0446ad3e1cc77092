/**
 * Builds the engine's services on an open (unlocked) store: metrics, the skills runtime with its
 * scheduler and consent, and the dialogue manager. Kept apart from the engine's lifecycle so the
 * passphrase flow (open locked, build on unlock) and the plain flow share one path.
 *
 * @module
 */
import type { EngineEvent, EngineHost, EngineOptions, PermissionRequestInfo, Reply } from './types.ts';
import type { Store } from '../store/index.ts';
import type { SkillDefinition, PermissionRequest } from '../skills/types.ts';
import { createMetrics, type Metrics } from '../metrics/index.ts';
import { createRemoteSkill } from '../skills/remote-skill.ts';
import { byPriority, checkIntentClaims } from '../skills/intent-claims.ts';
import { createScheduler, type FiredReply, type SkillScheduler } from '../skills/scheduler.ts';
import { createSkillRuntime, type LocalSkillRuntime } from '../skills/runtime.ts';
import { storeAuditSink } from '../skills/audit-sink.ts';
import { createDialogueManager, type DialogueManager } from '../dialogue/manager.ts';
import { builtinSkills } from '../skills/builtin/index.ts';

/** The services of an unlocked engine. @internal */
export interface EngineServices {
  metrics: Metrics;
  runtime: LocalSkillRuntime;
  scheduler: SkillScheduler;
  dialogue: DialogueManager;
  skills: SkillDefinition[];
  /** Pending permission questions by id. */
  pendingPermissions: Map<string, (granted: boolean) => void>;
  /** Removes the listeners the services added to the global scope. */
  detach: () => void;
}

/** What the services need from the engine around them. @internal */
export interface ServiceHooks {
  options: EngineOptions;
  /** The intents the model knows: every app skill's intents must be among them. */
  modelLabels: readonly string[];
  /** Skills defined in this realm (in-thread use). */
  localSkills: SkillDefinition[];
  /** The host lending app skills that run on its side (Worker use). */
  host: EngineHost | undefined;
  /** Wraps a callback so it can cross the transport (comlink's `proxy` in the Worker). */
  wrapCallback: <T extends object>(value: T) => T;
  emit: (event: EngineEvent) => void;
  /** Turns a fired timer or reminder into a stored, announced reply. */
  announce: (conversationId: string, text: string, skillId: string) => Promise<Reply>;
}

/** Built-in skills trusted with the user's profile without a prompt: they are part of the product. */
const TRUSTED_PROFILE_SKILLS = ['builtin.user-name'];

let permissionCounter = 0;

/** Builds the services on an unlocked store and starts the scheduler. @internal */
export async function startServices(store: Store, hooks: ServiceHooks): Promise<EngineServices> {
  const { options, host, wrapCallback, emit } = hooks;
  checkIntentClaims([...hooks.localSkills, ...(options.appSkills ?? [])], hooks.modelLabels);
  const metrics = createMetrics();
  const pendingPermissions = new Map<string, (granted: boolean) => void>();
  const requestPermission = (request: PermissionRequest) =>
    new Promise<boolean>((resolve) => {
      const id = `p${++permissionCounter}`;
      pendingPermissions.set(id, (granted) => {
        pendingPermissions.delete(id);
        resolve(granted);
      });
      const info: PermissionRequestInfo = {
        id,
        skillId: request.skillId,
        skillVersion: request.skillVersion,
        permission: request.permission,
        ...(request.origins === undefined ? {} : { origins: [...request.origins] }),
        ...(request.description === undefined ? {} : { description: request.description }),
      };
      emit({ type: 'permission-request', ...info });
    });

  const scheduler = createScheduler({
    store,
    onFire: async (conversationId: string, fired: FiredReply) => {
      await hooks.announce(conversationId, fired.text, fired.skillId);
    },
  });
  const runtime = createSkillRuntime({
    store,
    metrics,
    scheduler,
    requestPermission,
    audit: storeAuditSink(store),
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    ...(options.lang === undefined ? {} : { lang: options.lang }),
  });
  for (const id of TRUSTED_PROFILE_SKILLS) {
    if (!(await runtime.permissions(id)).profile) await runtime.grantPermission(id, 'profile');
  }

  const remoteSkills = (options.appSkills ?? []).map((manifest) => {
    if (host === undefined) throw new TypeError(`App skill ${manifest.id} has no host to run on`);
    return createRemoteSkill(
      manifest,
      (call, endpoint) => host.invokeSkill(manifest.id, call, wrapCallback(endpoint)),
      { abort: (callId, reason) => host.abortSkill(manifest.id, callId, reason) },
    );
  });
  // App skills come first so a host can replace a built-in skill for the same intent; among them the
  // model must know every intent, and the highest priority answers a shared one.
  const skills = [...byPriority([...hooks.localSkills, ...remoteSkills]), ...builtinSkills];
  const dialogue = createDialogueManager({
    store,
    runtime,
    skills,
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    ...(options.lang === undefined ? {} : { lang: options.lang }),
    ...(options.uiLang === undefined ? {} : { uiLang: options.uiLang }),
  });
  await scheduler.start();
  // Webhook calls made offline wait in the encrypted outbox; window and WorkerGlobalScope both fire `online`.
  const onOnline = () => void runtime.flushOutbox(skills).catch(() => undefined);
  globalThis.addEventListener?.('online', onOnline);
  const detach = () => globalThis.removeEventListener?.('online', onOnline);
  return { metrics, runtime, scheduler, dialogue, skills, pendingPermissions, detach };
}

/** Stops what `startServices` started; open permission questions are answered with no. @internal */
export function stopServices(services: EngineServices | undefined): void {
  if (services === undefined) return;
  services.detach();
  services.scheduler.stop();
  services.runtime.dispose();
  for (const answer of [...services.pendingPermissions.values()]) answer(false);
}
