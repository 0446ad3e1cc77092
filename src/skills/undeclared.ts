/**
 * A skill that uses a capability its manifest does not declare: `ctx` does not hold it (least
 * privilege), so the skill fails with the platform's `TypeError` ("ctx.fetch is not a function"),
 * which names neither the cause nor the fix. The contexts remember which absent capabilities a
 * skill read, and such a failure (a `TypeError` whose message names the capability or one of its
 * members) becomes a `PermissionError` (code `not-declared`, the one a sandboxed skill gets for the
 * same thing) naming the permission to declare, said once per skill and capability in the console of
 * the realm the skill runs in, where its developer looks.
 *
 * @module
 */
import { PermissionError } from '../errors.ts';
import type { KeyValueStore } from '../store/types.ts';
import type { SkillContext } from './types.ts';

/** Each capability of `ctx` and the permission that puts it there. */
const CAPABILITIES = {
  fetch: 'network',
  storage: 'storage',
  profile: 'profile',
  schedule: 'schedule',
  secret: 'secret',
} as const;

type Capability = keyof typeof CAPABILITIES;

const STORE_METHODS: readonly (keyof KeyValueStore)[] = ['get', 'set', 'delete', 'keys'];

/** The members of each capability: reading one of them on `undefined` is using the capability. */
const MEMBERS: Record<Capability, readonly string[]> = {
  fetch: [],
  storage: STORE_METHODS,
  profile: STORE_METHODS,
  schedule: ['add', 'cancel', 'list'] satisfies (keyof NonNullable<SkillContext['schedule']>)[],
  secret: [],
};

/**
 * Whether a `TypeError`'s message is about the capability itself, in the engines' words: V8 "ctx.fetch is
 * not a function", "Cannot read properties of undefined (reading 'set')" (a member of the capability);
 * SpiderMonkey "ctx.storage is undefined"; JSC "undefined is not an object (evaluating 'ctx.storage.get')".
 * A skill's own error after it checked the capability ("reading 'toUpperCase'", "Failed to fetch") is not.
 */
function pointsAt(message: string, name: Capability): boolean {
  if (new RegExp(`\\b${name} is (?:not a function|undefined)|evaluating '[^']*\\b${name}\\b`).test(message))
    return true;
  return MEMBERS[name].some((member) => message.includes(`(reading '${member}')`));
}

/** Already said in this realm's console: `skill id` + capability. */
const said = new Set<string>();

/**
 * Gives `ctx` (before it is frozen) a getter for each capability it does not hold: it reads
 * `undefined`, as documented, and remembers the read in `reads`. The getters are not enumerable, so
 * copies and `structuredClone` of the context neither see nor trigger them.
 * @internal
 */
export function watchUndeclared(ctx: object, reads: Set<string>): void {
  for (const name of Object.keys(CAPABILITIES)) {
    if (Object.hasOwn(ctx, name)) continue;
    Object.defineProperty(ctx, name, {
      get: () => {
        reads.add(name);
        return undefined;
      },
      enumerable: false,
    });
  }
}

/**
 * The error a skill's failure is reported as: a `TypeError` after the skill read a capability it
 * does not hold becomes a `PermissionError` (code `not-declared`, the original as `cause`); any other
 * error is returned as it is.
 * @internal
 */
export function explainUndeclared(error: unknown, reads: ReadonlySet<string>, skillId: string): unknown {
  if (reads.size === 0 || !(error instanceof TypeError)) return error;
  const names = ([...reads] as Capability[]).filter((name) => pointsAt(error.message, name));
  if (names.length === 0) return error;
  const used = names.map((name) => `ctx.${name}`).join(', ');
  const needs = names.map((name) => `permissions.${CAPABILITIES[name]}`).join(', ');
  const explained = new PermissionError(
    `Skill ${skillId} failed (${error.message}) after reading ${used}, which ctx holds only with ${needs} ` +
      `in the skill's manifest: declare it (network: the origins it calls)`,
    { code: 'not-declared', cause: error },
  );
  const key = `${skillId} ${used}`;
  if (!said.has(key)) {
    said.add(key);
    console.warn(`Confidant: ${explained.message}`);
  }
  return explained;
}
