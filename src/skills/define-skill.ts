/**
 * `defineSkill`: the code-skill SDK's entry. It validates the manifest at definition time and
 * returns a frozen definition the runtime trusts without checking again.
 *
 * @module
 */
import type { SkillDefinition } from './types.ts';
import { validateManifest } from './manifest.ts';
import { didYouMean } from '../closest-names.ts';

/**
 * Every field a definition may have: a typo (`permisions`, `exectue`) is refused with the closest name
 * instead of silently leaving the skill without it (with no permissions, or no code). `refineIntent`
 * is the built-in skills' own.
 */
const FIELDS: ReadonlySet<string> = new Set([
  'id',
  'version',
  'intents',
  'priority',
  'description',
  'fingerprint',
  'sends',
  'intentDescriptions',
  'slots',
  'permissions',
  'timeoutMs',
  'execute',
  'confirm',
  'refineIntent',
]);

/** Definitions that went through validation, so the runtime does not re-check them per call. */
const defined = new WeakSet<SkillDefinition>();

/**
 * Validates a skill's manifest and returns a frozen copy of it.
 *
 * Nothing is granted by default: `ctx.fetch`, `ctx.storage`, `ctx.profile`, `ctx.schedule` and
 * `ctx.secret` exist only when `permissions` declares them.
 *
 * @param definition the manifest and its `execute`
 * @returns a frozen definition with canonical network origins
 * @throws {TypeError} for a missing field, a field of the wrong type, or a field it does not know (with the closest name)
 * @throws {RangeError} for a bad id, version, intent, slot, permission or timeout
 * @example
 * ```ts
 * export const orders = defineSkill({
 *   id: 'acme.orders',
 *   version: '1.0.0',
 *   intents: ['order.status'],
 *   slots: [{ name: 'order', kind: 'number', prompt: 'Which order number?' }],
 *   permissions: { network: ['https://api.acme.com'] },
 *   async execute(ctx) {
 *     const res = await ctx.fetch!(`https://api.acme.com/orders/${ctx.slots.order}`);
 *     const { status } = await res.json();
 *     return `Order ${ctx.slots.order} is ${status}.`;
 *   },
 * });
 * ```
 */
export function defineSkill(definition: SkillDefinition): SkillDefinition {
  const manifest = validateManifest(definition, 'defineSkill');
  for (const key of Object.keys(definition)) {
    if (!FIELDS.has(key))
      throw new TypeError(
        `defineSkill(${manifest.id}): unknown field ${JSON.stringify(key)}${didYouMean(key, [...FIELDS].slice(0, -1))}`,
      );
  }
  const { execute, confirm } = definition as Partial<SkillDefinition>;
  if (typeof execute !== 'function') throw new TypeError(`defineSkill(${manifest.id}): execute must be a function`);
  if (confirm !== undefined && typeof confirm !== 'function')
    throw new TypeError(`defineSkill(${manifest.id}): confirm must be a function`);
  const frozen: SkillDefinition = Object.freeze({
    ...manifest,
    execute,
    ...(confirm === undefined ? {} : { confirm }),
  });
  defined.add(frozen);
  return frozen;
}

/**
 * Returns the validated form of any definition: itself when it came from `defineSkill`, else a
 * validated frozen copy (built-in skills may be plain objects).
 * @throws {TypeError | RangeError} as `defineSkill` does
 * @internal
 */
export function ensureDefined(skill: SkillDefinition): SkillDefinition {
  return defined.has(skill) ? skill : defineSkill(skill);
}

/**
 * Checks an assistant's app skills when it starts, in the page with the engine in a Worker and in the
 * thread without one, so a skill `defineSkill` would refuse (a plain object with a field it does not know)
 * rejects `createAssistant` with the same error, not every turn with the user's "couldn't put together an
 * answer". Workflows and webhooks are definitions too and pass.
 * @throws {TypeError | RangeError} as `defineSkill` does, for the first skill it refuses
 * @internal
 */
export function checkAppSkills(skills: readonly SkillDefinition[]): void {
  for (const skill of skills) ensureDefined(skill);
}
