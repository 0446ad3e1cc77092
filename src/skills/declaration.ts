/**
 * Declarative skills as data. A YAML workflow or a webhook skill is described by data alone, so
 * when the engine runs in a Worker it is sent there as a `SkillDeclaration` and rebuilt in the
 * Worker's realm (`reviveSkill`) instead of being served from the page like code. Running there is
 * what lets the offline outbox, its replays and the `online` flush work in the default
 * configuration: a page-side wrapper gives the Worker nothing to replay (issue 16).
 *
 * `defineWorkflowSkill` and `defineWebhookSkill` record each definition's declaration here; a
 * webhook with a function in it (a `reply` function, `isOnline`, a slot's `validate`) has none and
 * runs on the page like any app skill. A webhook's `auth.token()` is the one function kept: it stays
 * on the page and the Worker asks for a token through the engine's host before each attempt.
 *
 * @module
 */
import type { SkillDefinition } from './types.ts';
import type { SkillManifest } from './manifest.ts';
import type { WorkflowPlan } from './workflow/plan.ts';
import type { WebhookSkillConfig } from './webhook/webhook-skill.ts';

/** A workflow, as its plan. */
export interface WorkflowDeclaration extends WorkflowPlan {
  declared: 'workflow';
  id: string;
}

/** A webhook skill's configuration without functions. */
export type WebhookData = Omit<WebhookSkillConfig, 'reply' | 'auth' | 'isOnline'> & {
  reply?: string;
  auth?: { secret: true; header?: string; scheme?: string };
};

/** A webhook skill. */
export interface WebhookDeclaration {
  declared: 'webhook';
  id: string;
  config: WebhookData;
  /** Set when the credential comes from the page's `auth.token()`: the header and scheme it goes in. */
  token?: { header?: string; scheme?: string };
}

/** A skill the engine can rebuild from data (structured-cloneable). */
export type SkillDeclaration = WorkflowDeclaration | WebhookDeclaration;

interface Declared {
  declaration: SkillDeclaration;
  /** The page-side token provider of a webhook declared with `token`. */
  token?: (() => string | Promise<string>) | undefined;
}

const registry = new WeakMap<SkillDefinition, Declared>();

/**
 * Records that a definition can be rebuilt from `declaration`; a declaration that cannot be cloned
 * (a host put a function somewhere unexpected) is not recorded, and the skill runs on the page.
 * @returns whether it was recorded
 * @internal
 */
export function declareSkill(
  skill: SkillDefinition,
  declaration: SkillDeclaration,
  token?: () => string | Promise<string>,
): boolean {
  let copy: SkillDeclaration;
  try {
    copy = structuredClone(declaration);
  } catch {
    return false;
  }
  registry.set(skill, { declaration: copy, token });
  return true;
}

/**
 * The declaration of a definition, or `undefined` for a skill that only code describes.
 * @internal
 */
export function declarationOf(skill: SkillDefinition): SkillDeclaration | undefined {
  const declared = registry.get(skill);
  return declared === undefined ? undefined : structuredClone(declared.declaration);
}

/**
 * The page-side token provider of a declared webhook skill.
 * @internal
 */
export function tokenProviderOf(skill: SkillDefinition): (() => string | Promise<string>) | undefined {
  return registry.get(skill)?.token;
}

/**
 * Tells a declaration from a manifest among the skills sent to the engine.
 * @internal
 */
export function isDeclaration(entry: SkillManifest | SkillDeclaration): entry is SkillDeclaration {
  return typeof entry === 'object' && entry !== null && 'declared' in entry;
}
