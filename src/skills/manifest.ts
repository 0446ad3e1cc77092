/**
 * Synchronous validation of a skill manifest, shared by `defineSkill`, remote, sandboxed, YAML and
 * webhook skills. Bad manifests throw the standard `TypeError` (wrong type) or `RangeError` (a value
 * outside what is allowed) naming the field, so a typo fails at definition time, not mid-turn.
 *
 * @module
 */
import type { SkillDefinition, SkillDisclosure, SkillPermissions, SlotDefinition } from './types.ts';
import { normalizeDeclaredOrigin } from './origins.ts';

/** A manifest without code: what crosses a thread or frame boundary (structured-cloneable). */
export type SkillManifest = Omit<SkillDefinition, 'execute' | 'confirm' | 'slots'> & {
  slots?: Omit<SlotDefinition, 'validate'>[];
};

/** Skill ids: lowercase dot-separated labels, e.g. `acme.orders`, `weather-now`. */
const SKILL_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*$/;
/** Semantic Versioning 2.0.0, the official regular expression shortened to what we need. */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
/** Intent labels as corpora write them: `weather.current`, `BookRestaurant`, `out-of-scope`. */
const INTENT = /^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,79}$/;
const SLOT_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const SLOT_KINDS: ReadonlySet<string> = new Set([
  'number',
  'ordinal',
  'date',
  'time',
  'datetime',
  'duration',
  'money',
  'percentage',
  'email',
  'url',
  'phone',
  'custom',
  'text',
]);
const PERMISSION_KEYS: ReadonlySet<string> = new Set([
  'network',
  'storage',
  'profile',
  'schedule',
  'consequential',
  'secret',
]);
/** The longest timeout a manifest may ask for: long enough for an LLM answer, short enough to never look stuck. */
export const MAX_TIMEOUT_MS = 120_000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkSlot(raw: unknown, where: string): SlotDefinition {
  if (!isRecord(raw)) throw new TypeError(`${where} must be an object`);
  const { name, kind, prompt, required, validate, tag } = raw;
  if (typeof name !== 'string') throw new TypeError(`${where}.name must be a string`);
  if (!SLOT_NAME.test(name)) throw new RangeError(`${where}.name must match ${SLOT_NAME}: ${JSON.stringify(name)}`);
  if (typeof kind !== 'string') throw new TypeError(`${where}.kind must be a string`);
  if (!SLOT_KINDS.has(kind) && !/^custom:[A-Za-z0-9_.-]{1,64}$/.test(kind))
    throw new RangeError(`${where}.kind is not a slot kind: ${JSON.stringify(kind)}`);
  const checkPrompts = (value: unknown, at: string): string | string[] => {
    const prompts = typeof value === 'string' ? [value] : value;
    if (
      !Array.isArray(prompts) ||
      prompts.length === 0 ||
      !prompts.every((p) => typeof p === 'string' && p.trim() !== '')
    ) {
      throw new TypeError(`${at} must be a non-empty string or a non-empty array of them`);
    }
    return typeof value === 'string' ? value : (Object.freeze([...(prompts as string[])]) as string[]);
  };
  // A prompt per language: `{ en: 'Which city?', zh: '哪个城市？' }`.
  let checkedPrompt: SlotDefinition['prompt'];
  if (isRecord(prompt)) {
    const entries = Object.entries(prompt);
    if (entries.length === 0) throw new TypeError(`${where}.prompt must name at least one language`);
    const out: Record<string, string | string[]> = {};
    for (const [language, value] of entries) {
      if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(language))
        throw new RangeError(`${where}.prompt: ${JSON.stringify(language)} is not a language tag`);
      out[language] = checkPrompts(value, `${where}.prompt.${language}`);
    }
    checkedPrompt = Object.freeze(out);
  } else checkedPrompt = checkPrompts(prompt, `${where}.prompt`);
  if (required !== undefined && typeof required !== 'boolean')
    throw new TypeError(`${where}.required must be a boolean`);
  if (validate !== undefined && typeof validate !== 'function')
    throw new TypeError(`${where}.validate must be a function`);
  if (tag !== undefined && (typeof tag !== 'string' || !SLOT_NAME.test(tag)))
    throw new TypeError(`${where}.tag must be a slot name matching ${SLOT_NAME}`);
  return Object.freeze({
    name,
    kind: kind as SlotDefinition['kind'],
    prompt: checkedPrompt,
    ...(required === undefined ? {} : { required }),
    ...(validate === undefined ? {} : { validate: validate as NonNullable<SlotDefinition['validate']> }),
    ...(tag === undefined ? {} : { tag: tag as string }),
  });
}

function checkDisclosure(raw: unknown, where: string): SkillDisclosure {
  if (!isRecord(raw)) throw new TypeError(`${where} must be an object`);
  const { origin, currentTurn, earlierTurns } = raw;
  if (typeof currentTurn !== 'boolean') throw new TypeError(`${where}.currentTurn must be a boolean`);
  if (typeof earlierTurns !== 'number' || !Number.isInteger(earlierTurns) || earlierTurns < 0)
    throw new RangeError(`${where}.earlierTurns must be an integer >= 0`);
  return Object.freeze({ origin: normalizeDeclaredOrigin(origin, `${where}.origin`), currentTurn, earlierTurns });
}

/** The longest description of one intent: a sentence, not a document (it is read on every turn). */
export const MAX_INTENT_DESCRIPTION = 300;

function checkIntentDescriptions(raw: unknown, intents: readonly string[], where: string): Record<string, string> {
  if (!isRecord(raw)) throw new TypeError(`${where} must be an object of intent → description`);
  const out: Record<string, string> = {};
  for (const [intent, text] of Object.entries(raw)) {
    if (!intents.includes(intent))
      throw new RangeError(`${where}: ${JSON.stringify(intent)} is not one of the intents`);
    if (typeof text !== 'string') throw new TypeError(`${where}.${intent} must be a string`);
    if (text.length > MAX_INTENT_DESCRIPTION)
      throw new RangeError(`${where}.${intent} is longer than ${MAX_INTENT_DESCRIPTION} characters`);
    out[intent] = text;
  }
  return Object.freeze(out);
}

function checkPermissions(raw: unknown, where: string): SkillPermissions {
  if (!isRecord(raw)) throw new TypeError(`${where} must be an object`);
  for (const key of Object.keys(raw)) {
    // Fail closed: an unknown permission is a typo or a newer manifest, never silently granted or ignored.
    if (!PERMISSION_KEYS.has(key))
      throw new RangeError(`${where}.${key} is not a permission (known: ${[...PERMISSION_KEYS].join(', ')})`);
  }
  const out: SkillPermissions = {};
  if (raw.network !== undefined) {
    if (!Array.isArray(raw.network)) throw new TypeError(`${where}.network must be an array of origins`);
    const origins = raw.network.map((o, i) => normalizeDeclaredOrigin(o, `${where}.network[${i}]`));
    out.network = Object.freeze([...new Set(origins)]) as string[];
  }
  for (const key of ['storage', 'profile', 'schedule', 'consequential', 'secret'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') throw new TypeError(`${where}.${key} must be a boolean`);
    out[key] = value;
  }
  return Object.freeze(out);
}

/** Ids under this prefix belong to the built-in skills: an app or third-party skill may not take one. */
export const RESERVED_SKILL_PREFIX = 'builtin.';

/**
 * Checks the skills a host registers: none in the reserved `builtin.` namespace (a skill named
 * `builtin.user-name` would otherwise inherit that skill's grants and answer its turns, issue 16),
 * and no id twice (two skills would share one grant).
 * @param skills app, workflow, webhook, sandboxed or remote skills
 * @param where the option path for messages, e.g. `options.skills`
 * @throws {RangeError} for a reserved or repeated id
 */
export function checkHostSkillIds(skills: readonly { id?: unknown }[], where: string): void {
  const seen = new Set<unknown>();
  skills.forEach((skill, i) => {
    const id = skill?.id;
    if (typeof id === 'string' && (id === 'builtin' || id.startsWith(RESERVED_SKILL_PREFIX)))
      throw new RangeError(`${where}[${i}]: the id ${JSON.stringify(id)} is reserved for built-in skills`);
    if (seen.has(id)) throw new RangeError(`${where}[${i}]: the id ${JSON.stringify(id)} is used twice`);
    seen.add(id);
  });
}

/**
 * Validates a manifest and returns a frozen, normalized copy (origins canonical, arrays copied).
 *
 * @param raw the manifest or definition
 * @param fn the calling function, for messages (e.g. `defineSkill`)
 * @throws {TypeError} for a missing field or a field of the wrong type
 * @throws {RangeError} for an invalid id, version, intent, slot, permission or timeout
 */
export function validateManifest(raw: unknown, fn: string): SkillManifest & Pick<SkillDefinition, 'slots'> {
  if (!isRecord(raw)) throw new TypeError(`${fn}: the skill must be an object`);
  const {
    id,
    version,
    intents,
    priority,
    description,
    intentDescriptions,
    fingerprint,
    sends,
    slots,
    permissions,
    timeoutMs,
  } = raw;
  if (typeof id !== 'string') throw new TypeError(`${fn}: id must be a string`);
  if (id.length > 128 || !SKILL_ID.test(id))
    throw new RangeError(`${fn}: id must be lowercase [a-z0-9-] labels joined by dots: ${JSON.stringify(id)}`);
  const at = `${fn}(${id})`;
  if (typeof version !== 'string') throw new TypeError(`${at}: version must be a string`);
  if (!SEMVER.test(version))
    throw new RangeError(`${at}: version must be semver (e.g. 1.0.0): ${JSON.stringify(version)}`);
  if (!Array.isArray(intents) || intents.length === 0)
    throw new TypeError(`${at}: intents must be a non-empty array of strings`);
  for (const intent of intents) {
    if (typeof intent !== 'string') throw new TypeError(`${at}: every intent must be a string`);
    if (!INTENT.test(intent)) throw new RangeError(`${at}: intent ${JSON.stringify(intent)} must match ${INTENT}`);
  }
  if (new Set(intents).size !== intents.length) throw new RangeError(`${at}: intents must not repeat`);
  if (priority !== undefined && (typeof priority !== 'number' || !Number.isFinite(priority)))
    throw new TypeError(`${at}: priority must be a finite number`);
  if (description !== undefined && typeof description !== 'string')
    throw new TypeError(`${at}: description must be a string`);
  if (fingerprint !== undefined && typeof fingerprint !== 'string')
    throw new TypeError(`${at}: fingerprint must be a string`);
  const checkedSends = sends === undefined ? undefined : checkDisclosure(sends, `${at}: sends`);
  const checkedDescriptions =
    intentDescriptions === undefined
      ? undefined
      : checkIntentDescriptions(intentDescriptions, intents as string[], `${at}: intentDescriptions`);
  let checkedSlots: SlotDefinition[] | undefined;
  if (slots !== undefined) {
    if (!Array.isArray(slots)) throw new TypeError(`${at}: slots must be an array`);
    checkedSlots = slots.map((s, i) => checkSlot(s, `${at}: slots[${i}]`));
    if (new Set(checkedSlots.map((s) => s.name)).size !== checkedSlots.length)
      throw new RangeError(`${at}: slot names must not repeat`);
  }
  const checkedPermissions =
    permissions === undefined ? Object.freeze({}) : checkPermissions(permissions, `${at}: permissions`);
  if (timeoutMs !== undefined) {
    if (typeof timeoutMs !== 'number') throw new TypeError(`${at}: timeoutMs must be a number`);
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS) {
      throw new RangeError(`${at}: timeoutMs must be an integer from 1 to ${MAX_TIMEOUT_MS}`);
    }
  }
  return {
    id,
    version,
    intents: Object.freeze([...(intents as string[])]) as string[],
    permissions: checkedPermissions,
    ...(priority === undefined ? {} : { priority }),
    ...(description === undefined ? {} : { description }),
    ...(fingerprint === undefined ? {} : { fingerprint }),
    ...(checkedSends === undefined ? {} : { sends: checkedSends }),
    ...(checkedDescriptions === undefined ? {} : { intentDescriptions: checkedDescriptions }),
    ...(checkedSlots === undefined ? {} : { slots: Object.freeze(checkedSlots) as SlotDefinition[] }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  };
}
