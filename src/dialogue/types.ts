/**
 * The dialogue layer's shapes: the state kept per conversation (encrypted in the store), the
 * actions the policy decides on, and the optional slot extractor skills may declare.
 *
 * @module
 */
import type { Language } from '../lang/pack.ts';
import type { Entity, NluResult } from '../nlu/types.ts';
import type { SkillDefinition, SlotDefinition } from '../skills/types.ts';

/** A follow-up or correction opener found at the start of a turn, and what follows it. */
export interface TurnCue {
  type: 'follow-up' | 'correction';
  /** The turn without its opener: "no, I meant oat milk" → "oat milk". */
  rest: string;
}

/** What a slot extractor is given: the turn's text and entities, and the task's slots so far. */
export interface SlotExtractInput {
  /** The whole utterance as typed. */
  text: string;
  entities: readonly Entity[];
  /** The slots already filled for the active task (for follow-ups that change one part). */
  slots: Readonly<Record<string, unknown>>;
  /** `true` when the text answers a question about this very slot, so it may take the whole text. */
  answer: boolean;
  /** Set when the turn continues the active task with a cue ("and …", "no, I meant …"). */
  cue?: TurnCue;
  /** The time of the turn, for values relative to now ("in 20 minutes" as a length). */
  now?: Date;
  /** The user's IANA zone, for a clock time said bare in an answer ("7" after "When should it go off?"). */
  timeZone?: string;
}

/**
 * A slot that can also be read from the words of a turn, not only from an entity of its kind:
 * a to-do item, a city, an arithmetic expression. The dialogue manager calls `extract` when it is
 * present and falls back to the slot's `kind` when it returns `undefined`.
 */
export interface DialogueSlot extends SlotDefinition {
  /** Returns the slot's value found in the turn, or `undefined`. Must be pure and fast. */
  extract?: (input: SlotExtractInput) => unknown;
  /**
   * `false` for a value that belongs to one turn only (an item added to a list): a follow-up
   * does not carry it over, so "and eggs" after "add milk" does not add milk again. @default true
   */
  carry?: boolean;
}

/**
 * A skill as the dialogue layer reads it: slots may be {@link DialogueSlot}s, and a skill that
 * answers several intents may settle which one a request means from the slots read from it.
 */
export interface DialogueSkill extends SkillDefinition {
  /**
   * Returns the intent among `intents` that the request means, given its slots (and its words, for
   * a question that reads what exists and fills no slot: "我的提醒都有啥"): intent models often mix
   * up reading and changing a list, and "my name is Priya" with asking for one's name.
   */
  refineIntent?: (intent: string, slots: Readonly<Record<string, unknown>>, text: string) => string;
}

/** A filled slot and where it came from, so context can age out. */
export interface SlotRecord {
  value: unknown;
  /** The dialogue turn (1-based, per conversation) that filled it. */
  turn: number;
  /** Epoch milliseconds when it was filled. */
  at: number;
}

/** The task the conversation is about: the last intent acted on that has something to follow up on. */
export interface ActiveTask {
  intent: string;
  skillId: string;
  /** The utterance that started the task; skills get it as `ctx.text` on later turns too. */
  text: string;
  slots: Record<string, SlotRecord>;
  /** The turn that last touched the task. */
  turn: number;
  /** Epoch milliseconds when it was last touched. */
  at: number;
}

/** A question the assistant asked and the next turn is expected to answer. */
export type PendingQuestion =
  | {
      type: 'slot';
      slot: string;
      question: string;
      /** How many times it has been asked. */ asks: number;
      /** Asked again once after a turn that interrupted it: later interruptions leave it open quietly. */
      reasked?: boolean;
    }
  | { type: 'confirm'; question: string; reasked?: boolean };

/** What one recent turn came to: the dialogue action and the intent acted on (context for the next turn). */
export interface RecentAct {
  action: DialogueActionType;
  /** The intent acted on, or `null` when none was (out of scope, cancel without a task). */
  intent: string | null;
  /** The skill that answered, when one did. */
  skillId?: string;
  turn: number;
}

/** A message of the recent conversation kept in the state (for `repeat` and skills' context). */
export interface RecentTurn {
  role: 'user' | 'assistant';
  text: string;
  turn: number;
}

/**
 * Everything the dialogue manager remembers of one conversation. Plain JSON-safe data: it is
 * stored encrypted with `putDialogueState` and must survive a reload.
 */
export interface DialogueState {
  version: 1;
  /** Turns handled so far in this conversation. */
  turn: number;
  /** Epoch milliseconds of the last turn. */
  at: number;
  task?: ActiveTask;
  pending?: PendingQuestion;
  recent: RecentTurn[];
  /** What the last turns came to, oldest first (at most a few): "another one" repeats the last intent. */
  acts?: RecentAct[];
  /** The language of the last turn that showed one, for turns that do not ("42", "👍"). */
  lang?: Language;
}

/**
 * How a turn relates to the dialogue context, decided by the policy. A discriminated union on `type`;
 * `confidence` is how sure the rule that fired is (the model's score when the model decided).
 */
export type DialogueAction =
  /**
   * A fresh request for an intent a skill answers. A request to another skill while a question is
   * open is answered, and then the question is asked again.
   */
  | { type: 'new-intent'; intent: string; skillId: string; confidence: number }
  /** The answer to the pending slot question (the value may still be invalid). */
  | { type: 'fill-slot'; intent: string; slot: string; confidence: number }
  /** "What about tomorrow?": the active intent again with the slots this turn names replaced. */
  | { type: 'follow-up'; intent: string; slots: string[]; confidence: number }
  /** "No, I meant 7pm": the last turn's task with a slot replaced, redone. */
  | { type: 'correction'; intent: string; slots: string[]; confidence: number }
  /** "Cancel" / "never mind": drop the active task and any question. */
  | { type: 'cancel'; confidence: number }
  /** "Yes" to the pending confirmation. */
  | { type: 'confirm'; confidence: number }
  /** "No" to the pending confirmation. */
  | { type: 'deny'; confidence: number }
  /** An intent the model knows but no skill answers here. */
  | { type: 'unsupported'; intent: string; confidence: number }
  /** Nothing the assistant understands. */
  | { type: 'out-of-scope'; confidence: number };

/** The names of the dialogue actions. */
export type DialogueActionType = DialogueAction['type'];

/** Every dialogue action type, in a fixed order (the context model's features list them in it). */
export const DIALOGUE_ACTION_TYPES: readonly DialogueActionType[] = [
  'new-intent',
  'fill-slot',
  'follow-up',
  'correction',
  'cancel',
  'confirm',
  'deny',
  'unsupported',
  'out-of-scope',
];

/** What the policy decides from. */
export interface PolicyInput {
  nlu: NluResult;
  state: DialogueState;
  skills: readonly SkillDefinition[];
  /** The raw utterance (same as `nlu.text`, passed so a policy need not trust the model for it). */
  text: string;
  /** The time of the turn. @default unknown: extractors that need it find nothing */
  now?: Date;
}

/**
 * The one swappable decision: how this turn relates to the context. It may be asynchronous (the
 * default runs the context model in ONNX Runtime); it must not change its input.
 */
export type DialoguePolicy = (input: PolicyInput) => DialogueAction | Promise<DialogueAction>;

/**
 * Reserved slot names the manager adds for a skill's `execute` (never shown in `Understanding.slots`):
 * `$action` is the dialogue action of the turn (`correction` lets a skill undo what it did last turn).
 */
export const RESERVED_SLOTS = { action: '$action' } as const;
