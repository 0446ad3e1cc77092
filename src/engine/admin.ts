/**
 * The engine methods an assistant groups (`assistant.store`, `assistant.skills`, `assistant.models`
 * in `./contract.ts`): history and privacy controls (backup, erase, retention, search), the audit
 * log, skill permissions and secrets, and in-place training. They share the engine's state through
 * accessors, so `local-engine.ts` keeps only the lifecycle, the turns and the top level.
 *
 * @module
 */
import type { Engine, EngineMethodName } from './contract.ts';
import type {
  ContextModelInfo,
  EngineEvent,
  EngineOptions,
  EngineStatus,
  KeyState,
  ModelSource,
  PermissionGrant,
  Rating,
} from './types.ts';
import type { GrantablePermission } from '../skills/types.ts';
import type { IntentModel } from '../nlu/runtime/intent-model.ts';
import type { EngineServices } from './services.ts';
import type { EngineState } from './local-engine.ts';
import { manifestOf } from '../skills/remote-skill.ts';
import { loadEngineContextModel, contextModelInfo } from './context-loader.ts';
import { exportFeedback, rateMessage, toStoredMessage } from './feedback.ts';
import { startingModel } from './model-loader.ts';
import { modelMethods } from './model-admin.ts';
import { loadEngineTagger } from './tagger-loader.ts';

const RETENTION_KEY = 'retention.days';
const SPEECH_KEY = 'speech.remote-allowed';

type Unlocked = EngineState & { services: EngineServices; conversationId: string };

/** What the admin methods need from the engine. @internal */
export interface AdminContext {
  current(): EngineState;
  unlocked(): Unlocked;
  inflight: Map<string, AbortController>;
  emit(event: EngineEvent): void;
  setStatus(s: EngineState, status: EngineStatus): void;
  swapModel(s: EngineState, next: IntentModel): Promise<void>;
  loadModel(source: ModelSource, options: EngineOptions): Promise<IntentModel>;
  /** Stops and restarts the services (after erase or import), picking the conversation again. */
  restart(s: EngineState): Promise<void>;
  /** Closes and reopens the store (after a wipe): a fresh key, or locked waiting for a new passphrase. */
  reopen(s: EngineState): Promise<void>;
}

/** The grouped methods, all of them: the contract's table decides which they are. */
type AdminMethods = Pick<Engine, EngineMethodName<'store' | 'skills' | 'models'>>;

/** The grouped methods but the model ones (`model-admin.ts`). */
type OwnAdminMethods = Omit<AdminMethods, 'train' | 'listModels' | 'useModel'>;

/** Registers an abortable request under its id for `cancel()`. */
export type Track = (requestId: string | undefined) => { signal: AbortSignal; done(): void };

function track(
  inflight: Map<string, AbortController>,
  requestId: string | undefined,
): { signal: AbortSignal; done(): void } {
  const controller = new AbortController();
  if (requestId !== undefined) inflight.set(requestId, controller);
  return { signal: controller.signal, done: () => requestId !== undefined && inflight.delete(requestId) };
}

/** A model trained in place went with the data (erase, start over): go back to the configured one. */
async function defaultModel(ctx: AdminContext, s: EngineState): Promise<void> {
  if (s.modelVersion !== undefined) {
    await ctx.swapModel(s, await ctx.loadModel(startingModel(s.options).source, s.options));
    s.modelVersion = undefined;
  }
}

/** The admin half of the engine. @internal */
export function adminMethods(ctx: AdminContext): AdminMethods {
  return { ...ownAdminMethods(ctx), ...modelMethods(ctx, (requestId) => track(ctx.inflight, requestId)) };
}

function ownAdminMethods(ctx: AdminContext): OwnAdminMethods {
  return {
    async history(conversationId?: string, options: { limit?: number; before?: number; maxTextLength?: number } = {}) {
      const { maxTextLength, ...page } = options;
      if (maxTextLength !== undefined && !(Number.isInteger(maxTextLength) && maxTextLength > 0))
        throw new RangeError('maxTextLength must be a positive integer');
      const s = ctx.unlocked();
      const messages = await s.store.listMessages(conversationId ?? s.conversationId, page);
      return messages.map((message) => toStoredMessage(message, maxTextLength));
    },

    async readMessage(messageId: string, start?: number, end?: number) {
      const message = await ctx.unlocked().store.getMessage(messageId);
      if (message === undefined) throw new RangeError(`No message ${messageId}`);
      return message.text.slice(start, end);
    },

    async conversations() {
      return ctx.unlocked().store.listConversations();
    },

    async newConversation() {
      const s = ctx.unlocked();
      s.conversationId = (await s.store.createConversation()).id;
      s.sync.post({ kind: 'conversations' });
      return s.conversationId;
    },

    async passkeys() {
      return ctx.current().store.passkeys();
    },
    async addPasskey(currentPassphrase, enrollment) {
      await ctx.unlocked().store.addPasskey(currentPassphrase, enrollment);
    },
    async removePasskey(credentialId) {
      await ctx.unlocked().store.removePasskey(credentialId);
    },

    async renameConversation(conversationId: string, title: string) {
      if (typeof title !== 'string') throw new TypeError('title must be a string');
      const s = ctx.unlocked();
      await s.store.setTitle(conversationId, title.replace(/\s+/g, ' ').trim());
      // A name the user chose is never replaced by one made from the turns.
      s.untitled.set(conversationId, -1);
      s.sync.post({ kind: 'conversations' });
    },

    async rateMessage(messageId: string, rating: Rating | null) {
      await rateMessage(ctx.unlocked().store, messageId, rating);
    },

    async keyState(): Promise<KeyState> {
      const { store } = ctx.current();
      const stored = store.locked ? await store.storedKeyMode() : store.keyMode;
      return { mode: stored ?? 'unset', locked: store.locked, persistent: store.persistent };
    },

    async startOver() {
      const s = ctx.current();
      await s.store.wipe();
      await defaultModel(ctx, s);
      s.sync.post({ kind: 'reset' });
      await ctx.reopen(s);
    },

    async speechConsent() {
      return (await ctx.unlocked().store.settings().get<boolean>(SPEECH_KEY)) === true;
    },

    async setSpeechConsent(allowed: boolean) {
      if (typeof allowed !== 'boolean') throw new TypeError('allowed must be a boolean');
      const settings = ctx.unlocked().store.settings();
      await (allowed ? settings.set(SPEECH_KEY, true) : settings.delete(SPEECH_KEY));
    },

    async exportFeedback() {
      const s = ctx.unlocked();
      return exportFeedback(s.store, s.options.lang ?? 'en');
    },

    async changePassphrase(currentPassphrase: string | undefined, next: string) {
      await ctx.unlocked().store.changePassphrase(currentPassphrase, next);
    },

    async exportBackup(passphrase: string) {
      return ctx.unlocked().store.exportBackup(passphrase);
    },

    async importBackup(file: Uint8Array, passphrase: string) {
      const s = ctx.unlocked();
      const result = await s.store.importBackup(file, passphrase);
      await ctx.restart(s);
      s.sync.post({ kind: 'conversations' });
      return result;
    },

    async erase() {
      const s = ctx.unlocked();
      await s.store.eraseAll();
      await defaultModel(ctx, s);
      s.sync.post({ kind: 'erased' });
      await ctx.restart(s);
    },

    async deleteConversation(conversationId: string) {
      const s = ctx.unlocked();
      await s.store.deleteConversation(conversationId);
      s.services.dialogue.forget(conversationId);
      if (conversationId === s.conversationId) {
        const [latest] = await s.store.listConversations();
        s.conversationId = latest?.id ?? (await s.store.createConversation()).id;
      }
      s.sync.post({ kind: 'conversations' });
    },

    async retention() {
      const days = await ctx.unlocked().store.settings().get<number>(RETENTION_KEY);
      return typeof days === 'number' ? days : null;
    },

    async setRetention(days: number | null) {
      if (days !== null && (!Number.isFinite(days) || days <= 0))
        throw new RangeError('retention days must be a positive number or null');
      const s = ctx.unlocked();
      if (days === null) {
        await s.store.settings().delete(RETENTION_KEY);
        return;
      }
      await s.store.settings().set(RETENTION_KEY, days);
      await s.store.applyRetention(days);
      s.services.dialogue.forget();
      s.sync.post({ kind: 'conversations' });
    },

    async search(query: string, options: { limit?: number; conversationId?: string; requestId?: string } = {}) {
      const s = ctx.unlocked();
      const { signal, done } = track(ctx.inflight, options.requestId);
      try {
        return await s.store.searchMessages(query, {
          signal,
          ...(options.limit === undefined ? {} : { limit: options.limit }),
          ...(options.conversationId === undefined ? {} : { conversationId: options.conversationId }),
        });
      } finally {
        done();
      }
    },

    async verifyAudit(anchor) {
      return ctx.unlocked().store.verifyAudit(anchor);
    },

    async auditHead() {
      return ctx.unlocked().store.auditHead();
    },

    async listSkills() {
      return ctx.unlocked().services.skills.map(manifestOf);
    },

    async permissions(): Promise<PermissionGrant[]> {
      const { services } = ctx.unlocked();
      const grants: PermissionGrant[] = [];
      for (const skill of services.skills) {
        const g = await services.runtime.permissions(skill.id);
        if (g.network.length > 0) grants.push({ skillId: skill.id, permission: 'network', origins: [...g.network] });
        if (g.profile) grants.push({ skillId: skill.id, permission: 'profile' });
      }
      return grants;
    },

    async revokePermission(skillId: string, permission?: GrantablePermission) {
      await ctx.unlocked().services.runtime.revokePermission(skillId, permission);
    },

    async respondToPermission(id: string, granted: boolean) {
      const answer = ctx.current().services?.pendingPermissions.get(id);
      if (answer === undefined) throw new RangeError(`No open permission request ${id}`);
      answer(granted === true);
    },

    async setSkillSecret(skillId: string, secret: string | undefined) {
      await ctx.unlocked().services.runtime.setSecret(skillId, secret);
    },

    async flushOutbox() {
      const { services } = ctx.unlocked();
      return services.runtime.flushOutbox(services.skills);
    },

    async setContextModel(source: string | ArrayBuffer | Uint8Array): Promise<ContextModelInfo> {
      const s = ctx.current();
      // Loaded and checked before anything changes: a refused model leaves the one in use answering.
      const next = await loadEngineContextModel(source, s.options);
      const previous = s.contextModel;
      s.contextModel = next;
      await previous.dispose();
      return contextModelInfo(next);
    },

    async setSlotTagger(source) {
      const s = ctx.current();
      // Loaded (and checked) before the swap: a tagger that fails leaves the previous one in place.
      const next = source === null ? undefined : await loadEngineTagger(source, s.options);
      const previous = s.tagger;
      s.tagger = next;
      await previous?.dispose();
      return next === undefined ? null : { ...next.info };
    },
  };
}
