/**
 * Conversation titles made on the device from the first turns, so a list of past conversations
 * reads "Remind me to call mum at 6" rather than "Untitled conversation" — without sending the
 * text anywhere. The title is the user's first request that is about something: greetings,
 * thanks and yes/no carry no topic, so a conversation opened with "hello" is titled by its next
 * turn. It is stored encrypted like every title (`store.setTitle`), and a rename replaces it.
 *
 * @module
 */

/** Intents whose turns say nothing about what the conversation is about. */
const NO_TOPIC: ReadonlySet<string> = new Set([
  'greeting',
  'goodbye',
  'thank_you',
  'yes',
  'no',
  'maybe',
  'repeat',
  'cancel',
  'are_you_a_bot',
  'what_is_your_name',
  'how_old_are_you',
]);

/** How many user turns may pass without a topic before the first one is taken anyway. */
export const TITLE_TURNS = 3;

/** Longest title made, in characters (wide CJK characters count double: they take twice the room). */
const TITLE_WIDTH = 48;

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/**
 * A title for a conversation from one of its user turns, or `undefined` when the turn has no topic.
 * @param text what the user wrote
 * @param intent the intent the assistant acted on (`null` when out of scope)
 * @param turn 1 for the conversation's first user turn; from `TITLE_TURNS` on, any text makes a title
 */
export function titleFromTurn(text: string, intent: string | null, turn: number): string | undefined {
  // Only the start matters; the whole message may be long (up to the message bound).
  const line = text
    .slice(0, TITLE_WIDTH * 8)
    .replace(/\s+/g, ' ')
    .trim();
  if (line === '') return undefined;
  if (turn < TITLE_TURNS && intent !== null && NO_TOPIC.has(intent)) return undefined;
  return clip(line.replace(/[\s.,;:!?。，！？；：、]+$/u, '') || line);
}

/** Cuts a line to `TITLE_WIDTH` columns at a word boundary where there is one, at a code point otherwise. */
function clip(line: string): string {
  let width = 0;
  let end = 0;
  for (const char of line) {
    width += WIDE.test(char) ? 2 : 1;
    if (width > TITLE_WIDTH) break;
    end += char.length;
  }
  if (end >= line.length) return capitalize(line);
  const head = line.slice(0, end);
  const space = head.lastIndexOf(' ');
  return `${capitalize(space > TITLE_WIDTH / 2 ? head.slice(0, space) : head)}…`;
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
