/**
 * Thumbs up and down on replies, kept on the device and exportable as a labelled corpus, so a site
 * can improve its model from real use — when the user hands the file over.
 *
 * A rating lives in the reply's own encrypted `meta`, so deleting the conversation, retention and
 * "delete all history" take it with the message, and a backup carries it. An encrypted list of the
 * rated ids (in settings) lets the export find them without decrypting the whole history.
 *
 * @module
 */
import type { Corpus } from '../nlu/types.ts';
import type { HistoryMessage, Store } from '../store/index.ts';
import type { FeedbackExample, FeedbackExport, Rating, StoredMessage, Understanding } from './types.ts';

const RATED_KEY = 'feedback.rated';

/** What a rated reply's `meta` holds besides what the engine stored with it. */
interface RatedMeta {
  understanding?: Understanding;
  rating?: { value: Rating; at: number };
}

/** The rating kept in a stored message's meta, if any. */
export function ratingOf(meta: unknown): Rating | undefined {
  const value = (meta as RatedMeta | undefined)?.rating?.value;
  return value === 'up' || value === 'down' ? value : undefined;
}

/**
 * A stored message as the engine hands it out: its rating kept, the rest of its meta (NLU details)
 * left inside, and its text cut to `maxTextLength` (at a code point) when given.
 */
export function toStoredMessage(message: HistoryMessage, maxTextLength = Infinity): StoredMessage {
  const { meta, text, ...rest } = message;
  const rating = ratingOf(meta);
  let end = Math.min(text.length, maxTextLength);
  if (end < text.length && /[\ud800-\udbff]/.test(text.charAt(end - 1))) end--;
  const out: StoredMessage =
    end < text.length ? { ...rest, text: text.slice(0, end), fullLength: text.length } : { ...rest, text };
  return rating === undefined ? out : { ...out, rating };
}

/**
 * Rates a reply, or clears its rating with `null`.
 * @throws {TypeError} for a rating other than `'up'`, `'down'` or `null`
 * @throws {RangeError} when there is no such reply (or it is the user's own message)
 */
export async function rateMessage(store: Store, messageId: string, rating: Rating | null): Promise<void> {
  if (rating !== null && rating !== 'up' && rating !== 'down')
    throw new TypeError(`rating must be 'up', 'down' or null`);
  const message = await store.getMessage(messageId);
  if (message === undefined || message.role !== 'assistant')
    throw new RangeError(`No reply ${messageId} to rate (only the assistant's messages can be rated)`);
  await store.updateMessageMeta(messageId, (meta) => {
    const { rating: _old, ...rest } = (meta ?? {}) as RatedMeta;
    return rating === null ? rest : { ...rest, rating: { value: rating, at: Date.now() } };
  });
  const rated = new Set((await store.settings().get<string[]>(RATED_KEY)) ?? []);
  if (rating === null) rated.delete(messageId);
  else rated.add(messageId);
  await store.settings().set(RATED_KEY, [...rated]);
}

/**
 * Every rated reply with the utterance it answered, and the thumbs-up ones as a `Corpus`.
 * Ratings of messages deleted since are dropped from the list on the way.
 * @param language the corpus language (the engine's `lang`)
 */
export async function exportFeedback(store: Store, language: string): Promise<FeedbackExport> {
  const ids = (await store.settings().get<string[]>(RATED_KEY)) ?? [];
  const messages = await Promise.all(ids.map((id) => store.getMessage(id)));
  const examples: FeedbackExample[] = [];
  const kept: string[] = [];
  messages.forEach((message, i) => {
    const meta = message?.meta as RatedMeta | undefined;
    if (message === undefined || meta?.rating === undefined) return;
    kept.push(ids[i] as string);
    const understanding = meta.understanding;
    // A notification (a timer firing) answered no utterance: nothing to learn from.
    if (understanding === undefined || understanding.nlu.text === '') return;
    examples.push({
      text: understanding.nlu.text,
      intent: understanding.intent,
      confidence: understanding.confidence,
      rating: meta.rating.value,
      modelVersion: understanding.nlu.modelVersion,
      ratedAt: meta.rating.at,
    });
  });
  if (kept.length !== ids.length) await store.settings().set(RATED_KEY, kept);
  const liked = examples.filter((example) => example.rating === 'up');
  const corpus: Corpus = {
    language,
    name: 'feedback',
    train: liked.flatMap((e) => (e.intent === null ? [] : [{ text: e.text, intent: e.intent }])),
    outOfScope: liked.filter((e) => e.intent === null).map((e) => e.text),
    entities: [],
  };
  return { format: 'confidant-feedback', version: 1, exportedAt: Date.now(), examples, corpus };
}
