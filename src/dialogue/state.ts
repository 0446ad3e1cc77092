/**
 * The dialogue state of one conversation: creating it, checking what comes back from the store,
 * aging it out, and keeping the recent turns bounded.
 *
 * Hand-written rather than a state-machine library: the state is a small JSON record that must
 * round-trip through the encrypted store unchanged, and the rules (expiry by turns or minutes,
 * a bounded window of turns) are a few lines each; a library would add a serialization format
 * of its own to keep stable across versions.
 *
 * @module
 */
import {
  DIALOGUE_ACTION_TYPES,
  type ActiveTask,
  type DialogueActionType,
  type DialogueState,
  type PendingQuestion,
  type RecentAct,
  type RecentTurn,
  type SlotRecord,
} from './types.ts';

/** Limits the state is kept within. */
export interface StateLimits {
  /** A task untouched for this many turns is forgotten. */
  contextTurns: number;
  /** A task untouched for this many minutes is forgotten. */
  contextMinutes: number;
}

/** A fresh state for a conversation that has none. */
export function emptyState(): DialogueState {
  return { version: 1, turn: 0, at: 0, recent: [] };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function restoreSlots(v: unknown): Record<string, SlotRecord> | undefined {
  if (!isObject(v)) return undefined;
  const out: Record<string, SlotRecord> = {};
  for (const [name, rec] of Object.entries(v)) {
    if (isObject(rec) && 'value' in rec && isCount(rec['turn']) && typeof rec['at'] === 'number') {
      out[name] = { value: rec['value'], turn: rec['turn'], at: rec['at'] };
    }
  }
  return out;
}

function restoreTask(v: unknown): ActiveTask | undefined {
  if (!isObject(v)) return undefined;
  const { intent, skillId, text, turn, at } = v;
  const slots = restoreSlots(v['slots']);
  if (typeof intent !== 'string' || typeof skillId !== 'string' || typeof text !== 'string') return undefined;
  if (!isCount(turn) || typeof at !== 'number' || slots === undefined) return undefined;
  return { intent, skillId, text, slots, turn, at };
}

function restorePending(v: unknown): PendingQuestion | undefined {
  if (!isObject(v) || typeof v['question'] !== 'string') return undefined;
  const reasked = v['reasked'] === true ? { reasked: true } : {};
  if (v['type'] === 'confirm') return { type: 'confirm', question: v['question'], ...reasked };
  if (v['type'] === 'slot' && typeof v['slot'] === 'string' && isCount(v['asks'])) {
    return { type: 'slot', slot: v['slot'], question: v['question'], asks: v['asks'], ...reasked };
  }
  return undefined;
}

const ACTION_TYPES: ReadonlySet<string> = new Set(DIALOGUE_ACTION_TYPES);

function restoreActs(v: unknown): RecentAct[] {
  if (!Array.isArray(v)) return [];
  const out: RecentAct[] = [];
  for (const a of v.slice(-MAX_ACTS)) {
    if (!isObject(a) || typeof a['action'] !== 'string' || !ACTION_TYPES.has(a['action']) || !isCount(a['turn']))
      continue;
    const intent = typeof a['intent'] === 'string' ? a['intent'] : null;
    const act: RecentAct = { action: a['action'] as DialogueActionType, intent, turn: a['turn'] };
    if (typeof a['skillId'] === 'string') act.skillId = a['skillId'];
    out.push(act);
  }
  return out;
}

/** How many recent acts the state keeps. */
export const MAX_ACTS = 3;

/**
 * Records what a turn came to, keeping the last {@link MAX_ACTS}.
 * @param state the state, changed in place
 * @param act the turn's action and intent
 */
export function pushAct(state: DialogueState, act: RecentAct): void {
  state.acts = [...(state.acts ?? []), act].slice(-MAX_ACTS);
}

/**
 * Checks a state read back from the store and keeps only what is well formed: a record written by
 * another version, or damaged, must not break the conversation — it starts over instead.
 *
 * @param stored whatever `getDialogueState` returned
 * @returns a valid state (a fresh one when `stored` is unusable)
 */
export function restoreState(stored: unknown): DialogueState {
  if (!isObject(stored) || stored['version'] !== 1 || !isCount(stored['turn'])) return emptyState();
  const state: DialogueState = {
    version: 1,
    turn: stored['turn'],
    at: typeof stored['at'] === 'number' ? stored['at'] : 0,
    recent: Array.isArray(stored['recent'])
      ? stored['recent'].filter(
          (t): t is RecentTurn =>
            isObject(t) &&
            (t['role'] === 'user' || t['role'] === 'assistant') &&
            typeof t['text'] === 'string' &&
            isCount(t['turn']),
        )
      : [],
  };
  const acts = restoreActs(stored['acts']);
  if (acts.length > 0) state.acts = acts;
  if (stored['lang'] === 'en' || stored['lang'] === 'zh') state.lang = stored['lang'];
  const task = restoreTask(stored['task']);
  if (task !== undefined) state.task = task;
  // A question without the task it belongs to cannot be answered: drop it.
  const pending = task === undefined ? undefined : restorePending(stored['pending']);
  if (pending !== undefined) state.pending = pending;
  return state;
}

/**
 * Forgets the active task (and its question) once it is older than the limits, and trims the
 * recent turns to the window. Called at the start of each turn, before the policy looks.
 *
 * @param state the state, changed in place
 * @param now epoch milliseconds of this turn
 * @param limits the expiry limits
 * @returns `true` when a task was forgotten
 */
export function expireState(state: DialogueState, now: number, limits: StateLimits): boolean {
  const task = state.task;
  const tooManyTurns = task !== undefined && state.turn - task.turn >= limits.contextTurns;
  const tooOld = task !== undefined && now - task.at > limits.contextMinutes * 60_000;
  const expired = tooManyTurns || tooOld;
  if (expired) {
    delete state.task;
    delete state.pending;
  }
  trimRecent(state, limits.contextTurns);
  return expired;
}

/** Keeps the last `turns` exchanges (a user message and a reply each). */
function trimRecent(state: DialogueState, turns: number): void {
  const keep = Math.max(2, turns * 2);
  if (state.recent.length > keep) state.recent = state.recent.slice(-keep);
}

/**
 * Appends a message to the recent turns and keeps the window bounded.
 * @param state the state, changed in place
 * @param turn the message
 * @param contextTurns the window, in exchanges
 */
export function pushRecent(state: DialogueState, turn: RecentTurn, contextTurns: number): void {
  state.recent.push(turn);
  trimRecent(state, contextTurns);
}

/**
 * The plain values of a task's slots (what skills and `Understanding.slots` see).
 * @param task the task, if any
 */
export function slotValues(task: ActiveTask | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (task === undefined) return out;
  for (const [name, rec] of Object.entries(task.slots)) out[name] = rec.value;
  return out;
}
