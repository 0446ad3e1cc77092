/**
 * The hybrid mode: an optional skill that answers out-of-scope turns with an OpenAI-compatible
 * chat model. Off by default: it exists only when the host creates it and registers it. It is a
 * skill like any other, so the user is asked before its first call (network permission on the
 * model's origin), it has a timeout, and it streams. It sends only the current turn, and the
 * recent turns the host allows with `historyTurns` (none by default); the consent prompt says
 * how many earlier turns go to which origin (`sends`), and a grant is bound to that. It holds
 * no storage, profile or secret permission, so nothing kept on the device can reach its prompt
 * except those turns. Its answer is plain text (never markdown): nothing in it becomes a link.
 *
 * @module
 */
import type { SkillDefinition } from '../types.ts';
import type { ChatMessage } from './chat-client.ts';
import { defineSkill } from '../define-skill.ts';
import { originOfEndpoint } from '../origins.ts';
import { streamChatCompletion } from './chat-client.ts';

/** The intent the dialogue manager invokes the fallback skill with for out-of-scope turns. */
export const LLM_FALLBACK_INTENT = 'out-of-scope';

/** Options of {@link createLlmFallback}. */
export interface LlmFallbackOptions {
  /** The API root (`https://api.example.com/v1`); https, or http on localhost. */
  baseUrl: string;
  /** The model name the server expects. */
  model: string;
  /** Returns a (short-lived) token for `Authorization: Bearer`; called per turn. @default no header */
  token?: () => string | Promise<string>;
  /** Recent turns sent along with the current one. @default 0 (only the current turn) */
  historyTurns?: number;
  /** A system message, e.g. the site's voice and limits. @default none */
  systemPrompt?: string;
  /** @default 60000 */
  timeoutMs?: number;
  temperature?: number;
  maxTokens?: number;
  /** @default 'confidant.llm-fallback' */
  id?: string;
  /** Shown in the permission request. @default 'Answers questions the assistant does not know, using an online language model.' */
  description?: string;
}

/**
 * Creates the LLM fallback skill.
 *
 * @returns a skill answering `LLM_FALLBACK_INTENT` by streaming the model's answer
 * @throws {TypeError | RangeError} for a bad base URL, model, or history length
 * @example
 * ```ts
 * const llm = createLlmFallback({ baseUrl: 'https://llm.example.com/v1', model: 'small-chat', historyTurns: 2,
 *   token: () => fetch('/api/llm-token').then((r) => r.text()) });
 * ```
 */
export function createLlmFallback(options: LlmFallbackOptions): SkillDefinition {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('createLlmFallback: options must be an object');
  const origin = originOfEndpoint(options.baseUrl, 'createLlmFallback: baseUrl');
  if (typeof options.model !== 'string' || options.model === '')
    throw new TypeError('createLlmFallback: model must be a non-empty string');
  const historyTurns = options.historyTurns ?? 0;
  if (!Number.isInteger(historyTurns) || historyTurns < 0 || historyTurns > 50)
    throw new RangeError('createLlmFallback: historyTurns must be 0–50');
  if (options.token !== undefined && typeof options.token !== 'function')
    throw new TypeError('createLlmFallback: token must be a function');
  if (options.systemPrompt !== undefined && typeof options.systemPrompt !== 'string')
    throw new TypeError('createLlmFallback: systemPrompt must be a string');

  return defineSkill({
    id: options.id ?? 'confidant.llm-fallback',
    version: '1.0.0',
    intents: [LLM_FALLBACK_INTENT],
    description:
      options.description ?? 'Answers questions the assistant does not know, using an online language model.',
    timeoutMs: options.timeoutMs ?? 60_000,
    // Said in the consent prompt, and part of what the user's yes is bound to: more turns ask again.
    sends: { origin, currentTurn: true, earlierTurns: historyTurns },
    permissions: { network: [origin] },
    async execute(ctx) {
      // The dialogue manager lists the current turn last in recentTurns: it is sent once, as the question.
      const turns = ctx.conversation.recentTurns;
      const last = turns[turns.length - 1];
      const past = last?.role === 'user' && last.text === ctx.text ? turns.slice(0, -1) : turns;
      const history = historyTurns === 0 ? [] : past.slice(-historyTurns);
      const messages: ChatMessage[] = [
        ...(options.systemPrompt === undefined ? [] : [{ role: 'system' as const, content: options.systemPrompt }]),
        ...history.map((t) => ({ role: t.role, content: t.text })),
        { role: 'user', content: ctx.text },
      ];
      const token = options.token === undefined ? undefined : await options.token();
      return streamChatCompletion({
        skillId: options.id ?? 'confidant.llm-fallback',
        baseUrl: options.baseUrl,
        model: options.model,
        messages,
        fetch: ctx.fetch!,
        signal: ctx.signal,
        token,
        temperature: options.temperature,
        maxTokens: options.maxTokens,
      });
    },
  });
}
