/**
 * The skill SDK's shapes: a skill's manifest (`SkillDefinition`), what it is handed when it runs
 * (`SkillContext`), and what it may return (`SkillResult`). Built-in, app, YAML, webhook and
 * third-party skills all share these.
 *
 * @module
 */
import type { Card, QuickReply } from '../engine/types.ts';
import type { Entity, EntityKind } from '../nlu/types.ts';
import type { KeyValueStore } from '../store/types.ts';

/** What a skill may reach. Nothing is granted by default (after browser extension manifests). */
export interface SkillPermissions {
  /** Origins `ctx.fetch` may reach: `https://…` only, plain `http://` only for localhost. @default [] */
  network?: string[];
  /** An encrypted key-value namespace of its own as `ctx.storage`. @default false */
  storage?: boolean;
  /** The user's profile (their name) as `ctx.profile`. @default false */
  profile?: boolean;
  /** Announcing later replies (timers, reminders) through `ctx.schedule`. @default false */
  schedule?: boolean;
  /** Every call changes something for the user: ask for confirmation each time (after GPT Actions). @default false */
  consequential?: boolean;
  /** A credential the host set for this skill alone (`runtime.setSecret`), as `ctx.secret()`. @default false */
  secret?: boolean;
}

/**
 * A question in several languages, keyed by language (`en`, `zh`) or BCP 47 tag: the turn's
 * language picks one, else English, else the first.
 */
export type LocalizedPrompt = { readonly [language: string]: string | readonly string[] };

/** A slot a skill needs filled before it runs. */
export interface SlotDefinition {
  name: string;
  /** The entity kind that fills it; `custom:<name>` for a corpus entity; `text` takes the whole answer. */
  kind: EntityKind | `custom:${string}` | 'text';
  /**
   * The question asked when the slot is missing (one is picked at random when several), or one
   * such question per language (`{ en: 'Which city?', zh: '哪个城市？' }`).
   */
  prompt: string | string[] | LocalizedPrompt;
  /** @default true */
  required?: boolean;
  /**
   * Checks a candidate value; returns `true`, or a message to re-ask with (in `lang`, the
   * language of the turn: `en`, `zh-CN`, …).
   */
  validate?: (value: unknown, lang: string) => true | string;
  /**
   * The slot tagger's slot name whose words fill this slot from the request itself ("weather in
   * Paris" fills a `city` slot tagged `place`), for `text` and `custom:` slots. The default tagger
   * knows `place`, `item`, `task`, `word` and `name`.
   * @default the slot's name, where the default tagger knows it (`city`, `location`, `country` → `place`)
   */
  tag?: string;
}

/** A recent turn of the conversation, as a skill sees it. */
export interface ConversationTurn {
  role: 'user' | 'assistant';
  text: string;
}

/** A reply a skill announces later (timers and reminders). */
export interface ScheduledReply {
  /** Epoch milliseconds when it fires. */
  at: number;
  text: string;
}

/** What a running skill is handed: only what its manifest declares. */
export interface SkillContext {
  readonly intent: string;
  readonly text: string;
  readonly slots: Readonly<Record<string, unknown>>;
  readonly entities: readonly Entity[];
  readonly conversation: { readonly id: string; readonly recentTurns: readonly ConversationTurn[] };
  /** Aborted on timeout, cancel, or dispose. */
  readonly signal: AbortSignal;
  readonly now: Date;
  readonly timeZone: string;
  /** The language to answer in (BCP 47: `en`, `zh-CN`): the turn's, unless the host fixed one. */
  readonly lang: string;
  /** Present only with `permissions.network`; rejects for any undeclared origin. */
  readonly fetch?: (input: string | URL, init?: RequestInit) => Promise<Response>;
  /** Present only with `permissions.storage`. */
  readonly storage?: KeyValueStore;
  /** Present only with `permissions.profile`. */
  readonly profile?: KeyValueStore;
  /** Present only with `permissions.schedule`; returns an id that `cancel` takes. */
  readonly schedule?: {
    add(reply: ScheduledReply): Promise<string>;
    cancel(id: string): Promise<void>;
    list(): Promise<(ScheduledReply & { id: string })[]>;
  };
  /** Present only with `permissions.secret`: this skill's credential, never another skill's. */
  readonly secret?: () => Promise<string | undefined>;
}

/** A structured reply. */
export interface SkillReply {
  text: string;
  markdown?: string;
  quickReplies?: QuickReply[];
  cards?: Card[];
  /** Ask the user something: the next turn is taken as the answer. */
  ask?: { question: string; slot?: string };
}

/** What `execute` may return: text, a structured reply, or a stream of text chunks. */
export type SkillResult = string | SkillReply | AsyncIterable<string>;

/** A skill's manifest and code. */
export interface SkillDefinition {
  /** Unique, lowercase, `[a-z0-9-.]` (e.g. `acme.orders`). */
  id: string;
  /** Semver. */
  version: string;
  /** The intents it answers: intents the model knows (the default model's: docs/intents.md). */
  intents: string[];
  /**
   * Which skill answers when several app skills claim one intent: the highest. Each of them must have
   * a distinct priority, else the assistant refuses to start (`SkillError`, code `intent-conflict`).
   * @default 0
   */
  priority?: number;
  /**
   * What the skill does, said so that it completes "I can …" in the replies that list the
   * assistant's abilities (English only): `'tell where your order is'`. A final full stop is dropped.
   */
  description?: string;
  /**
   * What the skill is made of, for consent: any string that changes when its code or definition
   * does (a sandboxed bundle's integrity pin, a workflow's text, a webhook's endpoint; the factories
   * set it). A grant is bound to the skill's id and this: when it changes, the user is asked again.
   * @default none (the app's own code, vouched for by the page that registers it)
   */
  fingerprint?: string;
  /**
   * What each call sends off the device, shown in the consent prompt and part of the identity a
   * grant is bound to (sending more asks again). The LLM fallback sets it. @default not stated
   */
  sends?: SkillDisclosure;
  /**
   * What each intent asks for, in a few words a user might say ("set, check or cancel a countdown
   * timer"). The context model reads them, with the intent names and slot names, to tell which
   * intent a turn means: a skill added after training is understood from its manifest. @default none
   */
  intentDescriptions?: Record<string, string>;
  slots?: SlotDefinition[];
  permissions?: SkillPermissions;
  /** Returns a question to confirm with before `execute` runs (always asked when `consequential`). */
  confirm?: (ctx: SkillContext) => string | undefined;
  /** @default 10000 */
  timeoutMs?: number;
  execute(ctx: SkillContext): SkillResult | Promise<SkillResult>;
}

/** A reply as the runtime hands it back: always structured, never a stream (streamed text went to `onDelta`). */
export interface NormalizedReply extends SkillReply {
  /** Set when the skill failed, timed out or returned garbage and `text` is the polite fallback. */
  failed?: 'error' | 'timeout' | 'invalid' | 'permission';
}

/** One call of a skill, as the dialogue manager asks for it. */
export interface SkillInvocation {
  skill: SkillDefinition;
  intent: string;
  text: string;
  slots: Readonly<Record<string, unknown>>;
  entities: readonly Entity[];
  conversation: { id: string; recentTurns: readonly ConversationTurn[] };
  signal: AbortSignal;
  now: Date;
  /** Receives streamed text as an `AsyncIterable` result produces it. */
  onDelta?: (text: string) => void;
  /**
   * The language of this turn (BCP 47), given to the skill as `ctx.lang`.
   * @default the runtime's `lang`
   */
  lang?: string;
  /**
   * `true` once the user said yes to this call's confirmation question. A `consequential` skill
   * is refused without it (`failed: 'permission'`). @default false
   */
  confirmed?: boolean;
}

/** A permission that reaches the network or personal data, so the user is asked before first use. */
export type GrantablePermission = 'network' | 'profile';

/** What the runtime asks the host (and through it the user) before a skill first uses a permission. */
export interface PermissionRequest {
  skillId: string;
  skillVersion: string;
  permission: GrantablePermission;
  /** For `network`: the origins not granted yet. */
  origins?: readonly string[];
  /** The skill's manifest description, when it has one. */
  description?: string;
  /**
   * Why the user is asked: `new` (never granted), `changed` (granted to an earlier bundle, endpoint
   * or definition of this skill), `imported` (the grant came in a backup and is confirmed before use).
   */
  reason: ConsentReason;
  /** What the skill will send, when the skill says (the LLM fallback: how many earlier turns, to which origin). */
  sends?: SkillDisclosure;
}

/** Why a permission question is asked. */
export type ConsentReason = 'new' | 'changed' | 'imported';

/** What a skill discloses it sends with each call, shown in the consent prompt. */
export interface SkillDisclosure {
  /** The origin that receives it. */
  origin: string;
  /** The current message is sent. */
  currentTurn: boolean;
  /** How many earlier turns (user and assistant messages) go with it; 0 for none. */
  earlierTurns: number;
}

/**
 * One audit-log entry. `detail` holds codes, counts and origins only: never message text,
 * slot values, error messages or credentials.
 */
export interface SkillAuditEntry {
  /** e.g. `skill-error`, `skill-timeout`, `permission-granted`, `permission-revoked`. */
  type: string;
  skillId: string;
  detail?: Record<string, string | number | boolean>;
}

/**
 * Runs skills in isolation: builds each `SkillContext` from the manifest, enforces the timeout,
 * and turns a throw, hang or garbage result into a polite `NormalizedReply` with `failed` set.
 */
export interface SkillRuntime {
  invoke(invocation: SkillInvocation): Promise<NormalizedReply>;
}
