/**
 * Runs a compiled workflow against one skill context. A workflow is stateless between turns: each
 * call starts from the first step, so an `ask` for a missing slot ends this call with the question,
 * and the next call (with the answer as the slot) runs through. Put `ask` steps before webhooks.
 *
 * @module
 */
import { promptsIn } from '../../lang/pack.ts';
import type { SkillContext, SkillReply } from '../types.ts';
import type { SafeValue, SafeRecord } from './safe-data.ts';
import type { ValueTemplate, WorkflowSpec, WorkflowStep } from './types.ts';
import { SkillError } from '../../errors.ts';
import { postJson } from '../webhook/post-json.ts';
import { safeRecord, toSafeData } from './safe-data.ts';

/** The most steps one call may execute (a guard against a huge branching file, not loops: there are none). */
const MAX_STEPS = 1_000;

function materialize(t: ValueTemplate, data: SafeValue): SafeValue {
  switch (t.kind) {
    case 'template':
      return t.template.value(data) ?? null;
    case 'literal':
      return t.value;
    case 'list':
      return t.items.map((i) => materialize(i, data));
    case 'record': {
      const out: Record<string, SafeValue> = {};
      for (const [k, v] of t.entries) out[k] = materialize(v, data);
      return safeRecord(out);
    }
  }
}

/** Plain JSON-able copy of safe data for a request body. */
function toJson(value: SafeValue): unknown {
  if (Array.isArray(value)) return (value as readonly SafeValue[]).map(toJson);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = toJson((value as SafeRecord)[key]!);
    return out;
  }
  return value;
}

const bearer = (token: string | undefined) => (token === undefined ? undefined : `Bearer ${token}`);
const isMissing = (v: unknown) => v === undefined || v === null || v === '';

/**
 * Runs a workflow.
 *
 * @param spec from `parseWorkflow`
 * @param ctx the context the runtime built
 * @returns the reply of the first `reply` (or `ask`) step reached
 * @throws {SkillError} code `workflow-no-reply` when the steps end without replying; webhook errors as `postJson` throws them
 */
export async function runWorkflow(spec: WorkflowSpec, ctx: SkillContext): Promise<SkillReply> {
  const slots = toSafeData({ ...ctx.slots });
  const vars: Record<string, SafeValue> = safeRecord();
  const data = () =>
    safeRecord({ slots, vars: safeRecord(vars), intent: ctx.intent, lang: ctx.lang, timeZone: ctx.timeZone });
  let executed = 0;

  const run = async (list: readonly WorkflowStep[]): Promise<SkillReply | undefined> => {
    for (const step of list) {
      if (++executed > MAX_STEPS)
        throw new SkillError('The workflow ran too many steps', spec.manifest.id, { code: 'workflow-steps' });
      ctx.signal.throwIfAborted();
      switch (step.type) {
        case 'ask': {
          if (!isMissing(ctx.slots[step.slot])) break;
          const declared = spec.manifest.slots?.find((s) => s.name === step.slot)?.prompt;
          const question =
            step.prompt !== ''
              ? step.prompt
              : ((declared === undefined ? undefined : promptsIn(declared, ctx.lang)[0]) ??
                `What is the ${step.slot}?`);
          return { text: question, ask: { question, slot: step.slot } };
        }
        case 'set':
          for (const [name, value] of step.values) vars[name] = materialize(value, data());
          break;
        case 'if': {
          const reply = await run(step.condition.test(data()) ? step.then : step.else);
          if (reply !== undefined) return reply;
          break;
        }
        case 'webhook': {
          const fetch = ctx.fetch;
          if (fetch === undefined)
            throw new SkillError('The workflow has no network permission', spec.manifest.id, { code: 'workflow' });
          const secret = step.auth === 'secret' ? ctx.secret : undefined;
          if (step.auth === 'secret' && secret === undefined)
            throw new SkillError('The workflow did not declare secret', spec.manifest.id, { code: 'workflow' });
          const response = await postJson({
            skillId: spec.manifest.id,
            fetch,
            url: step.url,
            body: step.body === undefined ? toJson(data().slots ?? null) : toJson(materialize(step.body, data())),
            signal: ctx.signal,
            idempotent: step.idempotent,
            // One key per step run, kept across its retries, so the service can drop a repeat.
            ...(step.idempotent ? { idempotencyKey: crypto.randomUUID() } : {}),
            ...(step.timeoutMs === undefined ? {} : { timeoutMs: step.timeoutMs }),
            ...(step.retries === undefined ? {} : { retries: step.retries }),
            ...(secret === undefined ? {} : { authorization: async () => bearer(await secret()) }),
          });
          if (step.as !== undefined) vars[step.as] = toSafeData(response.data);
          break;
        }
        case 'reply': {
          const d = data();
          const reply: SkillReply = { text: step.text.render(d) };
          if (step.markdown !== undefined) reply.markdown = step.markdown.render(d);
          const quick = step.quickReplies.map((q) => q.render(d)).filter((label) => label !== '');
          if (quick.length > 0) reply.quickReplies = quick.map((label) => ({ label }));
          return reply;
        }
      }
    }
    return undefined;
  };

  const reply = await run(spec.steps);
  if (reply === undefined)
    throw new SkillError('The workflow ended without a reply step', spec.manifest.id, { code: 'workflow-no-reply' });
  return reply;
}
