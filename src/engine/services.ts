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
import { checkHostSkillIds } from '../skills/manifest.ts';
import { isDeclaration } from '../skills/declaration.ts';
import { reviveSkill } from '../skills/revive-skill.ts';
import { byPriority, checkIntentClaims } from '../skills/intent-claims.ts';
import { createScheduler, type FiredReply, type SkillScheduler } from '../skills/scheduler.ts';
import { createSkillRuntime, type LocalSkillRuntime } from '../skills/runtime.ts';
import { storeAuditSink } from '../skills/audit-sink.ts';
import { createDialogueManager, type DialogueManager } from '../dialogue/manager.ts';
import type { DialoguePolicy } from '../dialogue/types.ts';
import { builtinSkills, createBuiltinSkills } from '../skills/builtin/index.ts';

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
  /** The intents the model in use knows now (it changes when a model is trained or rolled back). @default modelLabels */
  currentLabels?: () => readonly string[];
  /** Skills defined in this realm (in-thread use). */
  localSkills: SkillDefinition[];
  /** The host lending app skills that run on its side (Worker use). */
  host: EngineHost | undefined;
  /** Wraps a callback so it can cross the transport (comlink's `proxy` in the Worker). */
  wrapCallback: <T extends object>(value: T) => T;
  emit: (event: EngineEvent) => void;
  /** Turns a fired timer or reminder into a stored, announced reply. */
  announce: (conversationId: string, text: string, skillId: string) => Promise<Reply>;
  /** How each turn relates to the conversation (the context model's policy). */
  policy: DialoguePolicy;
}

/** Built-in skills trusted with the user's profile without a prompt: they are part of the product. */
const TRUSTED_PROFILE_SKILLS = ['builtin.user-name'];

let permissionCounter = 0;

/** Builds the services on an unlocked store and starts the scheduler. @internal */
export async function startServices(store: Store, hooks: ServiceHooks): Promise<EngineServices> {
  const { options, host, wrapCallback, emit } = hooks;
  // The `builtin.` namespace is the product's: an app skill there would inherit a built-in's grants.
  checkHostSkillIds([...hooks.localSkills, ...(options.appSkills ?? [])], 'skills');
  // Workflows and webhooks arrive as data and run here; code skills run on the host's side.
  const hostSkills = (options.appSkills ?? []).map((entry) => {
    if (isDeclaration(entry)) return reviveSkill(entry, host === undefined ? undefined : (id) => host.skillToken(id));
    if (host === undefined) throw new TypeError(`App skill ${entry.id} has no host to run on`);
    return createRemoteSkill(entry, (call, endpoint) => host.invokeSkill(entry.id, call, wrapCallback(endpoint)), {
      abort: (callId, reason) => host.abortSkill(entry.id, callId, reason),
    });
  });
  checkIntentClaims([...hooks.localSkills, ...hostSkills], hooks.modelLabels);
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
        reason: request.reason,
        ...(request.sends === undefined ? {} : { sends: { ...request.sends } }),
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
  for (const skill of builtinSkills.filter((s) => TRUSTED_PROFILE_SKILLS.includes(s.id))) {
    if (!(await runtime.effectivePermissions(skill)).profile) await runtime.grantPermission(skill, 'profile');
  }

  // App skills come first so a host can replace a built-in skill for the same intent; among them the
  // model must know every intent, and the highest priority answers a shared one.
  // The built-in skills are this engine's own, so that "what can you do?" lists the skills registered here
  // whose intents the model in use knows (after a training that replaced the model, not the vanished ones).
  const labels = hooks.currentLabels ?? (() => hooks.modelLabels);
  const answering = () => {
    const known = new Set(labels());
    return skills.filter((s) => s.intents.some((i) => known.has(i)));
  };
  const skills: SkillDefinition[] = [
    ...byPriority([...hooks.localSkills, ...hostSkills]),
    ...createBuiltinSkills({ registered: answering }),
  ];
  const dialogue = createDialogueManager({
    store,
    runtime,
    skills,
    policy: hooks.policy,
    advertised: answering,
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    ...(options.lang === undefined ? {} : { lang: options.lang }),
    ...(options.uiLang === undefined ? {} : { uiLang: options.uiLang }),
  });
  await scheduler.start();
  // Webhook calls made offline wait in the encrypted outbox; window and WorkerGlobalScope both fire `online`.
  const onOnline = () => void runtime.flushOutbox(skills).catch(() => undefined);
  globalThis.addEventListener?.('online', onOnline);
  // Calls queued in an earlier visit go out now when the device is online (later, on `online`).
  if ((globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine !== false) onOnline();
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
