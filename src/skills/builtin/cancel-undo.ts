/**
 * "No, not that one" or "no, keep it" after a cancel: a cancel that stopped one timer or alarm (the only
 * one, or of several the one set last) keeps what it stopped in the skill's storage, so the correction
 * that follows can put it back before it stops the one meant. Any other request of the skill forgets it.
 *
 * @module
 */
import { saysKeepIt } from '../../lang/en/en-turn-words.ts';
import { keepsItZh } from '../../lang/zh/zh-turn-words.ts';
import type { SkillContext } from '../types.ts';

/** A scheduled reply as `ctx.schedule.list()` gives it. */
export type Scheduled = Awaited<ReturnType<NonNullable<SkillContext['schedule']>['list']>>[number];

/** What the last cancel stopped, as stored. */
interface Cancelled {
  at: number;
  text: string;
  /** It was the last one set (the one "that timer" means), so it is again once it is back. */
  last: boolean;
}

const isCancelled = (value: unknown): value is Cancelled =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Cancelled).at === 'number' &&
  typeof (value as Cancelled).text === 'string' &&
  typeof (value as Cancelled).last === 'boolean';

/** Keeps the one a cancel stopped, for a correction right after it. */
export async function keepCancelled(ctx: SkillContext, key: string, entry: Scheduled, last: boolean): Promise<void> {
  const kept: Cancelled = { at: entry.at, text: entry.text, last };
  await ctx.storage?.set(key, kept);
}

/** Forgets what the last cancel stopped: the request after it was not its correction. */
export async function forgetCancelled(ctx: SkillContext, key: string): Promise<void> {
  await ctx.storage?.delete(key);
}

/**
 * Schedules again what the last cancel stopped, when it is still ahead, and forgets it.
 * @param lastKey where the skill keeps the id of the last one set (the one put back is it again, if it was)
 * @returns the entry as scheduled now, or `undefined` when there is nothing to put back
 */
export async function putBackCancelled(
  ctx: SkillContext,
  key: string,
  lastKey: string,
): Promise<Scheduled | undefined> {
  const kept = await ctx.storage?.get<unknown>(key);
  if (kept === undefined) return undefined;
  await forgetCancelled(ctx, key);
  if (!isCancelled(kept) || kept.at <= ctx.now.getTime() || ctx.schedule === undefined) return undefined;
  const id = await ctx.schedule.add({ at: kept.at, text: kept.text });
  if (kept.last) await ctx.storage?.set(lastKey, id);
  return { id, at: kept.at, text: kept.text };
}

/** What the user said in this turn: a correction runs with the task's first request as `ctx.text`. */
export function saidNow(ctx: SkillContext): string {
  const turns = ctx.conversation.recentTurns;
  const last = turns[turns.length - 1];
  return last !== undefined && last.role === 'user' ? last.text : ctx.text;
}

/**
 * Whether a correction of a cancel only takes the cancel back: "no, keep it", "don't cancel that", "别取消",
 * "留着" (the language packs' words, which never keep another one: "leave the other one running").
 */
export function keepsIt(said: string): boolean {
  return saysKeepIt(said) || keepsItZh(said);
}

/**
 * "No, not that one", "wrong one", "the other timer", "不是这个", "另一个": a correction that rejects the one
 * cancelled, so the only other one is meant. A bare "no", "no wait", "不对" rejects nothing.
 */
const REJECTS_IT =
  /\bnot\s+(?:that|this|the)\b|\bwrong\s+(?:one|timer|alarm)\b|\bother\b|不是(?:这|那)|另(?:一|外)|别的那个|取消错了|关错了|删错了/iu;

/** Whether a correction of a cancel rejects the one cancelled ("not that one"), rather than only saying no. */
export function rejectsIt(said: string): boolean {
  return REJECTS_IT.test(said);
}
