/**
 * A skill that uses a capability its manifest does not declare: `ctx` does not hold it (least
 * privilege), so the skill fails with the platform's `TypeError` ("ctx.fetch is not a function"),
 * which names neither the cause nor the fix. The contexts remember which absent capabilities a
 * skill read, and such a failure (a `TypeError` of a value not there) becomes a `PermissionError` (code `not-declared`, the one a
 * sandboxed skill gets for the same thing) naming the permission to declare, said once per skill
 * and capability in the console of the realm the skill runs in, where its developer looks.
 *
 * @module
 */
import { PermissionError } from '../errors.ts';

/** Each capability of `ctx` and the permission that puts it there. */
const CAPABILITIES = {
  fetch: 'network',
  storage: 'storage',
  profile: 'profile',
  schedule: 'schedule',
  secret: 'secret',
} as const;

type Capability = keyof typeof CAPABILITIES;

/**
 * The engines' words for using a value that is not there (V8: "ctx.fetch is not a function", "Cannot
 * read properties of undefined (reading 'set')"; SpiderMonkey: "ctx.storage is undefined"; JSC:
 * "undefined is not an object"). A `TypeError` of another kind ("Failed to fetch") is the skill's own.
 */
const ABSENT_VALUE_USED = /is not a function|of undefined|is undefined|undefined is not|has no properties/;

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
  if (reads.size === 0 || !(error instanceof TypeError) || !ABSENT_VALUE_USED.test(error.message)) return error;
  const names = [...reads] as Capability[];
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
