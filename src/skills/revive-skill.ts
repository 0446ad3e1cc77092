/**
 * The engine's side of declarative skills: rebuilds a workflow or webhook skill from the
 * `SkillDeclaration` the page sent, so it runs in the engine's realm (the Worker) exactly as
 * `defineWorkflowSkill` / `defineWebhookSkill` made it on the page.
 *
 * @module
 */
import type { SkillDefinition } from './types.ts';
import type { SkillDeclaration } from './declaration.ts';
import { defineSkill } from './define-skill.ts';
import { defineWebhookSkill } from './webhook/webhook-skill.ts';
import { compilePlan } from './workflow/plan.ts';
import { runWorkflow } from './workflow/run.ts';

/** Where a declared webhook gets its token when its provider stays on the page. */
export type TokenSource = (skillId: string) => Promise<string | undefined>;

/**
 * Rebuilds a declared skill.
 *
 * @param declaration from the page (`declarationOf`)
 * @param token asks the page for a webhook's token; needed only by webhooks declared with `token`
 * @returns a frozen definition, validated again here
 * @throws {TypeError | RangeError} for a declaration that does not validate
 * @throws {SkillError} code `workflow` for a workflow plan that does not compile
 */
export function reviveSkill(declaration: SkillDeclaration, token?: TokenSource): SkillDefinition {
  if (declaration.declared === 'workflow') {
    const spec = compilePlan(declaration);
    return defineSkill({ ...spec.manifest, execute: (ctx) => runWorkflow(spec, ctx) });
  }
  if (declaration.declared === 'webhook') {
    const { config, id } = declaration;
    if (declaration.token === undefined) return defineWebhookSkill(config);
    if (token === undefined) throw new TypeError(`Webhook skill ${id} takes its token from a host, and has none`);
    return defineWebhookSkill({
      ...config,
      auth: {
        ...declaration.token,
        // An empty answer sends no credential, as a provider returning '' does on the page.
        token: async () => (await token(id)) ?? '',
      },
    });
  }
  throw new TypeError(`Unknown skill declaration ${JSON.stringify((declaration as { declared?: unknown }).declared)}`);
}
