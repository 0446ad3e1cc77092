/**
 * Turns whatever a skill returned into a clean `SkillReply`, or says it is garbage. Only known
 * fields of the right types are copied into fresh objects, so getters, prototypes and extra
 * properties of the skill's object never travel further (to the store, the Worker boundary, the widget).
 *
 * @module
 */
import type { Card, QuickReply } from '../engine/types.ts';
import type { SkillReply } from './types.ts';

/** The longest reply text kept: longer is treated as garbage rather than stored and rendered. */
export const MAX_REPLY_CHARS = 100_000;
const MAX_ITEMS = 50;
const MAX_FIELD = 2_000;
/** Links a card may carry (as `Card.url` documents); anything else is dropped here already. */
const SAFE_LINK = /^(?:https:\/\/|mailto:|tel:)/i;

/** Why a result was refused; never contains the result's content. */
export class InvalidReplyError extends Error {
  override get name(): string {
    return 'InvalidReplyError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const shortString = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_FIELD;

function quickReplies(raw: unknown): QuickReply[] {
  if (!Array.isArray(raw) || raw.length > MAX_ITEMS)
    throw new InvalidReplyError('quickReplies must be an array of at most 50');
  return raw.map((q) => {
    if (!isRecord(q) || !shortString(q.label) || q.label === '')
      throw new InvalidReplyError('a quick reply needs a label');
    if (q.value !== undefined && !shortString(q.value))
      throw new InvalidReplyError('a quick reply value must be a string');
    return q.value === undefined ? { label: q.label } : { label: q.label, value: q.value };
  });
}

function cards(raw: unknown): Card[] {
  if (!Array.isArray(raw) || raw.length > MAX_ITEMS)
    throw new InvalidReplyError('cards must be an array of at most 50');
  return raw.map((c) => {
    if (!isRecord(c) || !shortString(c.title)) throw new InvalidReplyError('a card needs a title');
    const card: Card = { title: c.title };
    if (c.text !== undefined) {
      if (typeof c.text !== 'string' || c.text.length > MAX_REPLY_CHARS)
        throw new InvalidReplyError('card text must be a string');
      card.text = c.text;
    }
    if (shortString(c.url) && SAFE_LINK.test(c.url)) card.url = c.url;
    if (shortString(c.image) && /^https:\/\//i.test(c.image)) card.image = c.image;
    return card;
  });
}

/**
 * Checks a non-streamed skill result and copies it into a plain `SkillReply`.
 *
 * @param result what `execute` resolved to (streams are handled by the caller)
 * @returns a fresh reply object with only known fields
 * @throws {InvalidReplyError} when the result is not a reply (the message never quotes it)
 */
export function normalizeReply(result: unknown): SkillReply {
  if (typeof result === 'string') {
    if (result.trim() === '' || result.length > MAX_REPLY_CHARS)
      throw new InvalidReplyError('the reply text is empty or too long');
    return { text: result };
  }
  if (!isRecord(result))
    throw new InvalidReplyError(
      `a skill must return a string, a reply object or an async iterable, not ${typeof result}`,
    );
  const { text, markdown, quickReplies: qr, cards: cs, ask } = result;
  if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_REPLY_CHARS) {
    throw new InvalidReplyError('reply.text must be a non-empty string');
  }
  const reply: SkillReply = { text };
  if (markdown !== undefined) {
    if (typeof markdown !== 'string' || markdown.length > MAX_REPLY_CHARS)
      throw new InvalidReplyError('reply.markdown must be a string');
    reply.markdown = markdown;
  }
  if (qr !== undefined) reply.quickReplies = quickReplies(qr);
  if (cs !== undefined) reply.cards = cards(cs);
  if (ask !== undefined) {
    if (!isRecord(ask) || !shortString(ask.question) || ask.question === '')
      throw new InvalidReplyError('reply.ask needs a question');
    if (ask.slot !== undefined && !shortString(ask.slot))
      throw new InvalidReplyError('reply.ask.slot must be a string');
    reply.ask = ask.slot === undefined ? { question: ask.question } : { question: ask.question, slot: ask.slot };
  }
  return reply;
}

/**
 * The async iterator of a result, or `undefined` when it is not an `AsyncIterable`.
 * @throws {InvalidReplyError} when probing the result throws (a hostile getter)
 */
export function asyncIteratorOf(result: unknown): AsyncIterator<unknown> | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  try {
    const method = (result as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator];
    if (typeof method !== 'function') return undefined;
    const iterator: unknown = method.call(result);
    if (
      typeof iterator !== 'object' ||
      iterator === null ||
      typeof (iterator as AsyncIterator<unknown>).next !== 'function'
    ) {
      throw new InvalidReplyError('the async iterator has no next()');
    }
    return iterator as AsyncIterator<unknown>;
  } catch (error) {
    if (error instanceof InvalidReplyError) throw error;
    throw new InvalidReplyError('the result could not be read');
  }
}
