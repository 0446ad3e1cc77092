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
} from './manager.ts';
export type { DialoguePolicy } from './types.ts';
