/**
 * The dialogue layer: context per conversation, slot filling, follow-ups and corrections.
 *
 * @module
 */
export {
  createDialogueManager,
  type DialogueManager,
  type DialogueManagerOptions,
  type DialogueResult,
  type DialogueTurn,
} from './manager.ts';
export type { DialogueReply } from './run-task.ts';
export type {
  ActiveTask,
  DialogueAction,
  DialogueActionType,
  DialoguePolicy,
  DialogueSkill,
  DialogueSlot,
  DialogueState,
  PendingQuestion,
  PolicyInput,
  RecentAct,
  SlotExtractInput,
  SlotRecord,
  TurnCue,
} from './types.ts';
