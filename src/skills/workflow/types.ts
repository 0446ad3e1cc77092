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

/** A JSON shape whose strings are templates (a webhook body, a `set` value). */
export type ValueTemplate =
  | { kind: 'template'; template: Template }
  | { kind: 'literal'; value: SafeValue }
  | { kind: 'list'; items: ValueTemplate[] }
  | { kind: 'record'; entries: [string, ValueTemplate][] };

/** One step. */
export type WorkflowStep =
  /** Asks for a slot when it is not filled yet (the answer comes back as the slot on the next call). */
  | { type: 'ask'; slot: string; prompt: string }
  /** Sets variables (`vars.<name>`). */
  | { type: 'set'; values: [string, ValueTemplate][] }
  /** Runs `then` or `else`. */
  | { type: 'if'; condition: Condition; then: WorkflowStep[]; else: WorkflowStep[] }
  /** POSTs JSON to a declared origin; the parsed response goes to `vars.<as>`. */
  | {
      type: 'webhook';
      url: string;
      body: ValueTemplate | undefined;
      as: string | undefined;
      idempotent: boolean;
      timeoutMs: number | undefined;
      retries: number | undefined;
      /** Sends `ctx.secret()` as a bearer token. */
      auth: 'secret' | undefined;
    }
  /** Replies and ends the workflow. */
  | { type: 'reply'; text: Template; markdown: Template | undefined; quickReplies: Template[] };

/** A workflow ready to run. */
export interface WorkflowSpec {
  manifest: SkillManifest & { slots?: SlotDefinition[] };
  steps: WorkflowStep[];
}
