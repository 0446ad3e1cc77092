/**
 * Webhook skills: a skill that POSTs the turn's intent and slots as JSON to a service the site
 * already runs, and replies from the answer. Runs in the Worker. Its only network permission is the
 * webhook's own origin; its credential comes from a token provider (the host fetches a short-lived
 * token from its own backend) or a secret stored encrypted for this skill alone, and is never logged.
 * With the engine in a Worker, a webhook skill without functions (other than `auth.token`) is sent
 * there as data (`../declaration.ts`), so its outbox is replayed there.
 *
 * @module
 */
import type { SkillContext, SkillDefinition, SkillResult, SlotDefinition } from '../types.ts';
import { defineSkill } from '../define-skill.ts';
import { originOfEndpoint } from '../origins.ts';
import { compileTemplate } from '../workflow/template.ts';
import { safeRecord, toSafeData } from '../workflow/safe-data.ts';
import { postJson } from './post-json.ts';
import { enqueue } from './outbox.ts';
import { declareSkill, type WebhookData } from '../declaration.ts';

/** How the webhook authenticates. */
export type WebhookAuth =
  /** Calls the host for a (short-lived) token before each attempt. */
  | { token: () => string | Promise<string>; header?: string; scheme?: string }
  /** Uses the secret set with `runtime.setSecret(id, …)`. */
  | { secret: true; header?: string; scheme?: string };

/** A webhook skill's configuration. */
export interface WebhookSkillConfig {
  id: string;
  version: string;
  intents: string[];
  description?: string;
  slots?: SlotDefinition[];
  /** The whole call, retries included. @default 10000 */
  timeoutMs?: number;
  /** The endpoint: https (http only on localhost). Its origin becomes the skill's only network permission. */
  url: string;
  /** Safe to send twice: enables retries and replays from the outbox after a failed send. @default false */
  idempotent?: boolean;
  /** @default 2 (idempotent calls only) */
  retries?: number;
  /** @default 5000 */
  attemptTimeoutMs?: number;
  /** First retry delay, doubled each retry (with jitter). @default 300 */
  backoffMs?: number;
  /** @default 262144 */
  maxResponseBytes?: number;
  /** Ask the user to confirm every call. @default false */
  consequential?: boolean;
  /** What the JSON body carries besides `intent`, `slots`, `lang` and `timeZone`. @default {} */
  send?: { text?: boolean; entities?: boolean };
  /** Static extra headers (not for credentials: use `auth`). */
  headers?: Record<string, string>;
  auth?: WebhookAuth;
  /**
   * The reply: a template over `{ response, slots, intent }` (`"Order {{ slots.order }} is {{ response.status }}."`),
   * or a function of the parsed response. @default the response's `reply` or `text` field
   */
  reply?: string | ((response: unknown, ctx: SkillContext) => SkillResult);
  /** Queue calls made while offline (encrypted, in this skill's storage) and send them on `flushOutbox()`. @default false */
  outbox?: boolean;
  /** @default "You're offline. I'll send this as soon as you're back online." */
  offlineReply?: string;
  /** @default `navigator.onLine` where it exists, else true */
  isOnline?: () => boolean;
}

/** What the outbox needs to replay a skill's calls. @internal */
export interface WebhookInternals {
  url: string;
  origin: string;
  headers: Record<string, string>;
  attemptTimeoutMs: number;
  maxResponseBytes: number;
  /** The credential header(s) for one attempt: `{ authorization: 'Bearer …' }`, or `{}`. */
  credentials: (secret: (() => Promise<string | undefined>) | undefined) => Promise<Record<string, string>>;
}

const registry = new WeakMap<SkillDefinition, WebhookInternals>();
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** The internals of a webhook skill, or `undefined` for any other skill. @internal */
export function webhookOf(skill: SkillDefinition): WebhookInternals | undefined {
  return registry.get(skill);
}

const navigatorOnline = () => (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine !== false;

/**
 * Defines a webhook skill.
 * @throws {TypeError | RangeError} for a bad URL, header, auth or manifest field
 * @example
 * ```ts
 * defineWebhookSkill({
 *   id: 'acme.book', version: '1.0.0', intents: ['book_table'],
 *   slots: [{ name: 'time', kind: 'time', prompt: 'For what time?' }],
 *   url: 'https://api.acme.com/hooks/book', consequential: true, outbox: true,
 *   auth: { token: () => fetch('/my-backend/token').then((r) => r.text()) },
 *   reply: 'Booked for {{ slots.time }}: reference {{ response.ref }}.',
 * });
 * ```
 */
export function defineWebhookSkill(config: WebhookSkillConfig): SkillDefinition {
  if (typeof config !== 'object' || config === null)
    throw new TypeError('defineWebhookSkill: config must be an object');
  const origin = originOfEndpoint(config.url, `defineWebhookSkill(${String(config.id)}): url`);
  const headers = { ...config.headers };
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name) || typeof value !== 'string')
      throw new TypeError(`defineWebhookSkill: bad header ${JSON.stringify(name)}`);
    if (/^(authorization|cookie)$/i.test(name))
      throw new RangeError('defineWebhookSkill: put credentials in auth, not headers');
  }
  const limits: [keyof WebhookSkillConfig, number, number][] = [
    ['retries', 0, 5],
    ['attemptTimeoutMs', 1, 60_000],
    ['backoffMs', 0, 30_000],
    ['maxResponseBytes', 1, 16 * 1024 * 1024],
  ];
  for (const [name, min, max] of limits) {
    const v = config[name];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)) {
      throw new RangeError(`defineWebhookSkill: ${name} must be an integer from ${min} to ${max}`);
    }
  }
  const auth = config.auth;
  if (
    auth !== undefined &&
    !('secret' in auth && auth.secret === true) &&
    typeof (auth as { token?: unknown }).token !== 'function'
  ) {
    throw new TypeError('defineWebhookSkill: auth needs token() or secret: true');
  }
  const header = auth?.header ?? 'authorization';
  if (!HEADER_NAME.test(header)) throw new TypeError('defineWebhookSkill: bad auth.header');
  const scheme = auth?.scheme ?? (header.toLowerCase() === 'authorization' ? 'Bearer' : '');
  const template = typeof config.reply === 'string' ? compileTemplate(config.reply) : undefined;
  const isOnline = config.isOnline ?? navigatorOnline;
  const outbox = config.outbox === true;

  const internals: WebhookInternals = {
    url: config.url,
    origin,
    headers,
    attemptTimeoutMs: config.attemptTimeoutMs ?? 5_000,
    maxResponseBytes: config.maxResponseBytes ?? 262_144,
    async credentials(secret) {
      if (auth === undefined) return {};
      const token = 'token' in auth ? await auth.token() : await secret?.();
      if (typeof token !== 'string' || token === '') return {};
      return { [header.toLowerCase()]: scheme === '' ? token : `${scheme} ${token}` };
    },
  };

  const execute = async (ctx: SkillContext): Promise<SkillResult> => {
    const body = {
      intent: ctx.intent,
      // Reserved dialogue slots (`$action`, `$confirmed`) are the assistant's business, not the service's.
      slots: JSON.parse(
        JSON.stringify(Object.fromEntries(Object.entries(ctx.slots).filter(([k]) => !k.startsWith('$')))),
      ) as unknown,
      lang: ctx.lang,
      timeZone: ctx.timeZone,
      ...(config.send?.text === true ? { text: ctx.text } : {}),
      ...(config.send?.entities === true ? { entities: JSON.parse(JSON.stringify(ctx.entities)) as unknown } : {}),
    };
    const idempotencyKey = crypto.randomUUID();
    const offline = () => config.offlineReply ?? "You're offline. I'll send this as soon as you're back online.";
    if (outbox && !isOnline()) {
      await enqueue(ctx.storage!, { body, idempotencyKey });
      return offline();
    }
    let response;
    try {
      response = await postJson({
        skillId: config.id,
        fetch: ctx.fetch!,
        url: config.url,
        body,
        headers: { ...headers, ...(await internals.credentials(ctx.secret)) },
        signal: ctx.signal,
        idempotent: config.idempotent === true,
        idempotencyKey,
        timeoutMs: internals.attemptTimeoutMs,
        maxBytes: internals.maxResponseBytes,
        ...(config.retries === undefined ? {} : { retries: config.retries }),
        ...(config.backoffMs === undefined ? {} : { backoffMs: config.backoffMs }),
      });
    } catch (error) {
      // Only a call that is safe to send twice is queued after a failed send: it may have arrived.
      if (outbox && config.idempotent === true && (error as { code?: unknown })?.code === 'network') {
        await enqueue(ctx.storage!, { body, idempotencyKey });
        return offline();
      }
      throw error;
    }
    if (typeof config.reply === 'function') return config.reply(response.data, ctx);
    if (template !== undefined) {
      return template.render(
        safeRecord({ response: toSafeData(response.data), slots: toSafeData({ ...ctx.slots }), intent: ctx.intent }),
      );
    }
    const data = response.data as { reply?: unknown; text?: unknown } | string | null;
    if (typeof data === 'string' && data.trim() !== '') return data;
    if (typeof data === 'object' && data !== null) {
      if (typeof data.reply === 'string') return data.reply;
      if (typeof data.text === 'string') return data.text;
    }
    return 'Done.';
  };

  const skill = defineSkill({
    id: config.id,
    version: config.version,
    intents: config.intents,
    ...(config.description === undefined ? {} : { description: config.description }),
    // Consent is bound to where the data goes: a new endpoint is asked again.
    fingerprint: `webhook ${config.url}`,
    ...(config.slots === undefined ? {} : { slots: config.slots }),
    ...(config.timeoutMs === undefined ? {} : { timeoutMs: config.timeoutMs }),
    permissions: {
      network: [origin],
      ...(outbox ? { storage: true } : {}),
      ...(config.consequential === true ? { consequential: true } : {}),
      ...(auth !== undefined && 'secret' in auth ? { secret: true } : {}),
    },
    execute,
  });
  registry.set(skill, internals);
  // Data alone describes it unless a function does part of the work (`auth.token` stays on the page).
  const { reply, auth: _auth, isOnline: _isOnline, ...data } = config;
  if (typeof reply !== 'function' && config.isOnline === undefined && !config.slots?.some((s) => s.validate)) {
    const declared: WebhookData = {
      ...data,
      ...(reply === undefined ? {} : { reply }),
      ...(auth !== undefined && 'secret' in auth ? { auth: { ...auth } } : {}),
    };
    const token = auth !== undefined && 'token' in auth ? auth.token : undefined;
    declareSkill(
      skill,
      {
        declared: 'webhook',
        id: skill.id,
        config: declared,
        ...(token === undefined
          ? {}
          : {
              token: {
                ...(auth?.header === undefined ? {} : { header: auth.header }),
                ...(auth?.scheme === undefined ? {} : { scheme: auth.scheme }),
              },
            }),
      },
      token,
    );
  }
  return skill;
}
