/**
 * The English word tables the slot readers share (issue 15: they were copied, and drifted, across
 * src/dialogue/slots.ts, spelling.ts, list-parse.ts and reminders.ts): words that stand for a value
 * still to be said ("add smth to my list"), and the polite words and laughs people type after a value
 * without it being part of it ("invoice then", "dish soap pls", "call mum lol"). Each is an
 * alternation's source, for a reader to put in its own pattern with its own extras.
 *
 * @module
 */

/** Words that stand for something still to be said, as people type them: "something", "smth", "stuff". */
export const STAND_IN_WORDS = String.raw`something|smth|sth|smthg|somethin|stuff`;

/** Pronouns that stand for a thing named before, never a value themselves. */
export const PRONOUNS: readonly string[] = ['it', 'that', 'this'];
/** {@link PRONOUNS} as a regex alternation. */
export const PRONOUN_WORDS = PRONOUNS.join('|');

/** Laughs typed after a value: "lol", "haha", "xd". */
export const LAUGH_WORDS = String.raw`lol|lmao|haha+|hehe+|xd`;

/** Polite words shortened as people type them, never part of a task or an item: "pls", "thx". */
export const SHORT_POLITE_WORDS = String.raw`pls|plz|thx|ty`;

/** Polite words after a value, spelled out or short: "please", "thanks", "pls". */
export const POLITE_WORDS = String.raw`${SHORT_POLITE_WORDS}|please|thanks|thank you`;

/**
 * Stance words typed after a value, never part of it: "tomato sauce obviously", "rhythm ngl", "bread tbh"
 * (round 13, en-train-12: texting and Australian / New Zealand English).
 */
export const STANCE_WORDS = String.raw`obviously|obvs|ofc|of course|naturally|ngl|fr|tbh|tbf|honestly|for real|for sure|innit|deffo|defo|lowkey|bestie|fam`;

/** Emoji typed after a value ("rhythm 😭", "oat milk 💀"): pictographs, skin tones and joiners. For a `u` pattern. */
export const EMOJI_RUN = String.raw`[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0F}\u{200D}]+`;
