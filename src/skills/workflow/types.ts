/**
 * A parsed, validated workflow: the manifest plus compiled steps. Produced by `parseWorkflow`,
 * run by `runWorkflow`.
 *
 * @module
 */
import type { SlotDefinition } from '../types.ts';
import type { SkillManifest } from '../manifest.ts';
import type { SafeValue } from './safe-data.ts';
import type { Condition } from './expression.ts';
import type { Template } from './template.ts';

/**
 * A JSON shape whose strings are templates (a webhook body, a `set` value). `T` is a compiled
 * `Template`, or its source text in a `WorkflowPlan` (see `./plan.ts`).
 */
export type ValueTemplate<T = Template> =
  | { kind: 'template'; template: T }
  | { kind: 'literal'; value: SafeValue }
  | { kind: 'list'; items: ValueTemplate<T>[] }
  | { kind: 'record'; entries: [string, ValueTemplate<T>][] };

/**
 * One step. `T` and `C` are the compiled `Template` and `Condition`, or their source text in a
 * `WorkflowPlan`, the form that crosses to the engine's Worker.
 */
export type WorkflowStep<T = Template, C = Condition> =
  /** Asks for a slot when it is not filled yet (the answer comes back as the slot on the next call). */
  | { type: 'ask'; slot: string; prompt: string }
  /** Sets variables (`vars.<name>`). */
  | { type: 'set'; values: [string, ValueTemplate<T>][] }
  /** Runs `then` or `else`. */
  | { type: 'if'; condition: C; then: WorkflowStep<T, C>[]; else: WorkflowStep<T, C>[] }
  /** POSTs JSON to a declared origin; the parsed response goes to `vars.<as>`. */
  | {
      type: 'webhook';
      url: string;
      body: ValueTemplate<T> | undefined;
      as: string | undefined;
      /** Safe to send twice: retried, and sent with an `Idempotency-Key` kept across the retries. */
      idempotent: boolean;
      timeoutMs: number | undefined;
      retries: number | undefined;
      /** Sends `ctx.secret()` as a bearer token. */
      auth: 'secret' | undefined;
    }
  /** Replies and ends the workflow. */
  | { type: 'reply'; text: T; markdown: T | undefined; quickReplies: T[] };

/** A workflow ready to run. */
export interface WorkflowSpec {
  manifest: SkillManifest & { slots?: SlotDefinition[] };
  steps: WorkflowStep[];
}
