/**
 * The turn mix the dialogue benchmark plays, in the Worker and in Node alike: one cycle of ten
 * turns of the everyday things the default assistant does, with what each turn must be understood
 * as. The expectations are checked on every turn, so a benchmark never times an error path or a
 * misunderstanding without saying so.
 *
 * The cycle keeps the store's state steady over hundreds of turns: the shopping list cycles
 * through five items (a second "add milk" is answered "already on it"), and the timer that
 * "ten minutes" sets is cancelled in the same cycle, so no turn gets slower because earlier
 * cycles left more data behind.
 */

/** One turn of the mix and what it must be understood as. */
export interface MixTurn {
  /** What the user types. */
  text: string;
  /** `understanding.intent` the assistant must act on. */
  intent: string;
  /** `understanding.action`, when it matters (slot filling, follow-up). */
  action?: string;
  /** `reply.expectsAnswer`, when it matters (the slot-filling question). */
  expectsAnswer?: boolean;
}

const ITEMS = ['milk', 'eggs', 'bread', 'coffee', 'apples'];

/**
 * The turns of cycle `cycle` (0-based): greeting, time, calculator and its follow-up, shopping
 * list add and show, the slot-filling timer ("set a timer" → "ten minutes") and its cancel, thanks.
 * @param cycle which cycle; only the shopping-list item changes with it
 */
export function mixCycle(cycle: number): MixTurn[] {
  const item = ITEMS[cycle % ITEMS.length]!;
  return [
    { text: 'hello', intent: 'greeting' },
    { text: 'what time is it', intent: 'time' },
    { text: "what's 15% of 80", intent: 'calculator', action: 'new-intent' },
    { text: 'and of 120?', intent: 'calculator', action: 'follow-up' },
    { text: `add ${item} to my shopping list`, intent: 'shopping_list_update' },
    { text: "what's on my shopping list?", intent: 'shopping_list' },
    { text: 'set a timer', intent: 'timer', action: 'new-intent', expectsAnswer: true },
    { text: 'ten minutes', intent: 'timer', action: 'fill-slot' },
    { text: 'stop the timer', intent: 'timer' },
    { text: 'thanks', intent: 'thank_you' },
  ];
}

/** Turns in one cycle. */
export const MIX_CYCLE_LENGTH = mixCycle(0).length;

/**
 * The `index`-th turn of the endless mix (warm-up and measured turns share one sequence, so
 * the measured phase continues the conversation where warm-up left it).
 * @param index 0-based turn number
 */
export function mixTurn(index: number): MixTurn {
  return mixCycle(Math.floor(index / MIX_CYCLE_LENGTH))[index % MIX_CYCLE_LENGTH]!;
}

/**
 * Describes how a reply differs from what the mix expects, or returns `undefined` when it matches.
 * @param turn the expected turn
 * @param reply what the assistant answered
 */
export function mismatch(
  turn: MixTurn,
  reply: { text: string; expectsAnswer?: boolean; understanding: { intent: string | null; action: string } },
): string | undefined {
  const { intent, action } = reply.understanding;
  const wrong =
    intent !== turn.intent ||
    (turn.action !== undefined && action !== turn.action) ||
    (turn.expectsAnswer !== undefined && (reply.expectsAnswer === true) !== turn.expectsAnswer);
  return wrong
    ? `${JSON.stringify(turn.text)} → ${intent}/${action}${reply.expectsAnswer === true ? ' (asks)' : ''}: ${JSON.stringify(reply.text)}`
    : undefined;
}
