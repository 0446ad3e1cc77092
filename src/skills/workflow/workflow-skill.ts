/**
 * `defineWorkflowSkill`: a YAML workflow as a `SkillDefinition`. With the engine in a Worker it is
 * sent there as data (its plan, see `./plan.ts`) and runs there like a built-in skill.
 *
 * @module
 */
import type { SkillDefinition } from '../types.ts';
import { defineSkill } from '../define-skill.ts';
import { declareSkill } from '../declaration.ts';
import { manifestOf } from '../remote-skill.ts';
import { parseWorkflow, type ParseWorkflowOptions } from './parse.ts';
import { planOf } from './plan.ts';
import { runWorkflow } from './run.ts';

/**
 * Parses a YAML workflow and returns it as a skill.
 *
 * @param yaml the workflow source
 * @returns a frozen definition whose `execute` runs the steps
 * @throws {SkillError} code `workflow`, naming line and column, for an invalid workflow
 * @example
 * ```ts
 * const skill = defineWorkflowSkill(`
 * id: acme.weather
 * version: 1.0.0
 * intents: [weather]
 * permissions: { network: [https://api.acme.com] }
 * slots: [{ name: city, kind: text, prompt: Which city? }]
 * steps:
 *   - ask: city
 *   - webhook: { url: https://api.acme.com/weather, body: { city: "{{ slots.city }}" }, as: w, idempotent: true }
 *   - if: "vars.w.temp >= 25"
 *     then: [{ reply: "It's a warm {{ vars.w.temp }}° in {{ slots.city }}." }]
 *     else: [{ reply: "{{ vars.w.temp }}° in {{ slots.city }}." }]
 * `);
 * ```
 */
export function defineWorkflowSkill(yaml: string, options: ParseWorkflowOptions = {}): SkillDefinition {
  const spec = parseWorkflow(yaml, options);
  // Consent is bound to the workflow's text: a changed workflow is asked again.
  const skill = defineSkill({
    ...spec.manifest,
    fingerprint: `workflow ${yaml}`,
    execute: (ctx) => runWorkflow(spec, ctx),
  });
  declareSkill(skill, { declared: 'workflow', id: skill.id, ...planOf(spec, manifestOf(skill)) });
  return skill;
}
