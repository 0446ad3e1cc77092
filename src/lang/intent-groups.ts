/**
 * The shape both languages' "can't do that here yet" tables share: intents grouped by why they
 * cannot be done on the device, each with a phrase saying what it asks for.
 *
 * @module
 */

/** Intents that cannot be done here for one reason, and what each asks for, in one language. */
export interface IntentGroup {
  /** Why, said after the apology ("I run offline, so …"). */
  reason: string;
  /** Intent label → what it asks for ("book flights"). */
  phrases: Record<string, string>;
}

/** What an intent asks for and why it cannot be done here (`reason` unknown for an unlisted label). */
export interface IntentDescription {
  phrase: string;
  reason: string | undefined;
}

/**
 * Builds a lookup over a language's groups.
 * @param groups the table
 * @param fallback what to say for a label the table does not list, from its words ("order pizza")
 * @returns a function from an intent label to its description
 */
export function describeIntents(
  groups: readonly IntentGroup[],
  fallback: (words: string) => string,
): (intent: string) => IntentDescription {
  const index = new Map<string, IntentDescription>();
  for (const { reason, phrases } of groups)
    for (const [intent, phrase] of Object.entries(phrases)) index.set(intent, { phrase, reason });
  return (intent) => index.get(intent) ?? { phrase: fallback(intent.replace(/[_.-]+/g, ' ')), reason: undefined };
}
