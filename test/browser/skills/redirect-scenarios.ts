/**
 * The `ctx.fetch` redirect scenarios, run the same way on the page and in a Worker
 * (test/browser/skills/redirects.test.ts). Each returns what the skill saw: `ok <body>`, or the
 * error's class and code.
 */
import { createScopedFetch } from '../../../src/skills/scoped-fetch.ts';
import { normalizeDeclaredOrigin } from '../../../src/skills/origins.ts';
import { ConfidantError } from '../../../src/errors.ts';

/** The listeners of test/browser/test-server-plugin.mjs. */
export interface RedirectPorts {
  declared: number;
  trap: number;
}

/** One scenario's outcome by name. */
export type Outcomes = Record<string, string>;

async function outcome(run: () => Promise<Response>): Promise<string> {
  try {
    const response = await run();
    return `ok ${await response.text()}`;
  } catch (error) {
    if (error instanceof ConfidantError) return `${error.name}:${error.code}`;
    return (error as Error).name;
  }
}

/**
 * Runs every scenario from this context (page or Worker).
 * @param ports the plugin's listeners
 */
export async function runRedirectScenarios(ports: RedirectPorts): Promise<Outcomes> {
  const own = location.origin;
  const declared = `http://127.0.0.1:${ports.declared}`;
  const trap = `http://127.0.0.1:${ports.trap}`;
  const redirect = (from: string, to: string, status = 302) =>
    `${from}/__redirect?status=${status}&to=${encodeURIComponent(to)}`;
  const scoped = (origins: string[]) =>
    createScopedFetch({
      skillId: 'test.redirects',
      origins: origins.map((o, i) => normalizeDeclaredOrigin(o, `o${i}`)),
    });
  const ownOnly = scoped([own]);
  const both = scoped([own, declared]);
  const declaredOnly = scoped([declared]);
  return {
    'own origin, one hop on it': await outcome(() => ownOnly(redirect(own, '/__ok/a'))),
    'own origin, three hops on it (301, 307, 308)': await outcome(() =>
      ownOnly(redirect(own, redirect('', redirect('', '/__ok/b', 308), 307), 301)),
    ),
    'own origin, a POST through a 303 becomes a GET': await outcome(() =>
      ownOnly(redirect(own, '/__ok/c', 303), { method: 'POST', body: 'x' }),
    ),
    'own origin, a hop to an undeclared origin': await outcome(() => ownOnly(redirect(own, `${trap}/stolen`))),
    'own origin, a hop to another declared origin': await outcome(() => both(redirect(own, `${declared}/__ok/d`))),
    'another declared origin, no redirect': await outcome(() => declaredOnly(`${declared}/__ok/e`)),
    'another declared origin, a hop on it': await outcome(() => declaredOnly(redirect(declared, '/__ok/f'))),
    'another declared origin, a hop to an undeclared origin': await outcome(() =>
      declaredOnly(redirect(declared, `${trap}/stolen`)),
    ),
    'an undeclared origin, directly': await outcome(() => ownOnly(`${trap}/stolen`)),
  };
}
