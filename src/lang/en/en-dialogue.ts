/**
 * What the English dialogue layer says itself: cancelling, confirming, re-asking, giving up, the
 * honest "I can't do that here yet" and "I didn't understand", and the runtime's failure replies.
 *
 * @module
 */
import { describeIntent } from './en-intent-phrases.ts';

function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** English dialogue replies; each list is a set of variants one is picked from. */
export const enDialogue = {
  cancelled: ['Okay, cancelled.', "Alright, I've dropped that.", 'No problem, forget it.'],
  cancelledNothing: ['Okay.', 'Alright.', 'Sure, no problem.'],
  confirmedNothing: ['Okay.', 'Alright!'],
  denied: ["Okay, I won't.", "Alright, I'll leave it as it is.", 'No problem, nothing changed.'],
  /** Said after the first of two requests in one line: the part left, to be asked on its own. */
  secondRequestNote: (rest: string) => `That was the first part. For the rest, ask me on its own: “${rest}”.`,
  droppedQuestion: ['Okay, never mind.', 'Alright, forget it.'],
  notCaught: ["Sorry, I didn't catch that.", "Hmm, I didn't get that.", "Sorry, I'm not sure I understood."],
  giveUp: [
    "Sorry, I still didn't get that, so let's leave it for now. Just ask again when you're ready.",
    "I'm having trouble with that answer, so I'll drop it for now. Ask me again any time.",
    "Let's leave that for now, I couldn't make sense of the answer. You can start over whenever you like.",
  ],
  goAhead: 'Shall I go ahead?',
  /** The question for a slot that declares no prompt in this language. */
  slotQuestion: (name: string) => `What ${name.replace(/[_-]/g, ' ')}?`,
  /** Text in a language neither model knows: said instead of acting on a guess. */
  unknownLanguage: [
    'Sorry, I only understand English and Chinese so far, so I did nothing with that.',
    "I can't read that language yet: I understand English and Chinese. Could you say it in one of them?",
  ],
  outOfScope: [
    "Sorry, I didn't understand that.",
    "I'm not sure what you mean.",
    "Hmm, I didn't get that.",
    "Sorry, that's beyond me for now.",
  ],
  /** "Sorry, I can't book flights here yet. I run offline, …" */
  unsupported(intent: string): string[] {
    const { phrase, reason } = describeIntent(intent);
    const why = reason === undefined ? '' : ` ${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`;
    return [
      `Sorry, I can't ${phrase} here yet.${why}`,
      `I can't ${phrase} here yet, sorry.${why}`,
      `That's one I can't do yet: I can't ${phrase} here.${why}`,
    ];
  },
  /** What an intent asks for, to describe a skill that has no description ("help with "store hours""). */
  intentPhrase: (intent: string): string => describeIntent(intent).phrase,
  /** "I can set timers, do maths or roll dice." */
  suggest: (ideas: readonly string[]) => `I can ${joinOr(ideas)}.`,
  /**
   * What each built-in skill does, by skill id, when the pack words it otherwise than the skill's
   * own (English) `description`, which English suggestions use.
   */
  skillDescriptions: {} as Readonly<Record<string, string>>,
  /** Quick replies that show what works, by the intent that answers them. */
  examples: {
    time: 'What time is it?',
    timer: 'Set a timer for 5 minutes',
    calculator: "What's 15% of 80?",
    measurement_conversion: 'How many grams in a pound?',
    shopping_list: "What's on my shopping list?",
    tell_joke: 'Tell me a joke',
  } as Readonly<Record<string, string>>,
  /** The skill runtime's polite replies when a skill fails. */
  failure: {
    error: 'Sorry, something went wrong while doing that. Please try again.',
    timeout: 'Sorry, that took too long. Please try again in a moment.',
    invalid: "Sorry, I couldn't put together a proper answer for that.",
    permission: "I can't do that without your permission.",
  },
};
