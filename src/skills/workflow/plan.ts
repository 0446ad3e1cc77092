/**
 * A workflow as plain data: its manifest and steps with every template and condition kept as
 * source text. This is the form a workflow crosses to the engine's Worker in (a compiled template
 * holds functions, which cannot be cloned); the Worker compiles it again with `compilePlan`,
 * without the YAML parser, which stays on the page where `parseWorkflow` reported any error with
 * its line and column.
 *
 * @module
 */
import type { SkillManifest } from '../manifest.ts';
import type { SlotDefinition } from '../types.ts';
import type { ValueTemplate, WorkflowSpec, WorkflowStep } from './types.ts';
import { SkillError } from '../../errors.ts';
import { compileCondition } from './expression.ts';
import { compileTemplate } from './template.ts';
import { toSafeData, type SafeValue } from './safe-data.ts';

/** A workflow whose templates and conditions are source text: structured-cloneable. */
export interface WorkflowPlan {
  manifest: SkillManifest & { slots?: Omit<SlotDefinition, 'validate'>[] };
  steps: WorkflowStep<string, string>[];
}

/** Rewrites the templates, conditions and literals of a value. */
function mapValue<A, B>(
  value: ValueTemplate<A>,
  t: (a: A) => B,
  literal: (v: SafeValue) => SafeValue,
): ValueTemplate<B> {
  switch (value.kind) {
    case 'template':
      return { kind: 'template', template: t(value.template) };
    case 'literal':
      return { kind: 'literal', value: literal(value.value) };
    case 'list':
      return { kind: 'list', items: value.items.map((i) => mapValue(i, t, literal)) };
    case 'record':
      return { kind: 'record', entries: value.entries.map(([k, v]) => [k, mapValue(v, t, literal)]) };
  }
}

/** Rewrites the templates, conditions and literals of steps; everything else is copied as is. */
function mapSteps<A, B, C, D>(
  steps: readonly WorkflowStep<A, C>[],
  t: (a: A) => B,
  c: (x: C) => D,
  literal: (v: SafeValue) => SafeValue,
): WorkflowStep<B, D>[] {
  return steps.map((step): WorkflowStep<B, D> => {
    switch (step.type) {
      case 'ask':
        return { ...step };
      case 'set':
        return { type: 'set', values: step.values.map(([name, v]) => [name, mapValue(v, t, literal)]) };
      case 'if':
        return {
          type: 'if',
          condition: c(step.condition),
          then: mapSteps(step.then, t, c, literal),
          else: mapSteps(step.else, t, c, literal),
        };
      case 'webhook':
        return { ...step, body: step.body === undefined ? undefined : mapValue(step.body, t, literal) };
      case 'reply':
        return {
          type: 'reply',
          text: t(step.text),
          markdown: step.markdown === undefined ? undefined : t(step.markdown),
          quickReplies: step.quickReplies.map(t),
        };
      default:
        throw new TypeError(`unknown workflow step ${JSON.stringify((step as { type?: unknown }).type)}`);
    }
  });
}

/** Plain JSON-like data, as structured cloning makes it (null-prototype records become plain objects). */
const asData = (value: SafeValue): SafeValue => JSON.parse(JSON.stringify(value)) as SafeValue;

/**
 * The plan of a parsed workflow.
 * @param spec from `parseWorkflow`
 * @param manifest the manifest to send with it (the defined skill's, which may say more than the file)
 * @internal
 */
export function planOf(spec: WorkflowSpec, manifest: WorkflowPlan['manifest'] = spec.manifest): WorkflowPlan {
  return {
    manifest: structuredClone(manifest),
    steps: mapSteps(
      spec.steps,
      (t) => t.source,
      (c) => c.source,
      asData,
    ),
  };
}

/**
 * Compiles a plan back into a runnable workflow. Literals become null-prototype safe data again.
 * @throws {SkillError} code `workflow` when a template or condition does not compile (a plan not made by `planOf`)
 * @internal
 */
export function compilePlan(plan: WorkflowPlan): WorkflowSpec {
  try {
    return { manifest: plan.manifest, steps: mapSteps(plan.steps, compileTemplate, compileCondition, toSafeData) };
  } catch (cause) {
    throw new SkillError('The workflow plan does not compile', plan.manifest.id, { code: 'workflow', cause });
  }
}
