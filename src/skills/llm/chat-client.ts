/**
 * A minimal client for OpenAI-compatible `POST /v1/chat/completions` with `stream: true`
 * (https://platform.openai.com/docs/api-reference/chat/streaming): it yields the text of each
 * `choices[0].delta.content` as it arrives. Servers that ignore `stream` and answer with one JSON
 * body are accepted too. Errors carry the HTTP status and the API's error type, never the prompt.
 *
 * @module
 */
import { SkillError } from '../../errors.ts';
import { readCapped } from '../read-capped.ts';
import { readSse } from './sse.ts';

/** One chat message. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Options of {@link streamChatCompletion}. */
export interface ChatCompletionRequest {
  /** Named in errors. */
  skillId: string;
  /** The API root, e.g. `https://api.openai.com/v1` or `http://127.0.0.1:8080`. */
  baseUrl: string;
  model: string;
  messages: ChatMessage[];
  /** A fetch (the skill's scoped `ctx.fetch`). */
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  signal: AbortSignal;
  /** Sent as `Authorization: Bearer …`. */
  token?: string | undefined;
  temperature?: number | undefined;
  maxTokens?: number | undefined;
  /** Stops with an error past this many characters of answer. @default 32000 */
  maxChars?: number;
}

/**
 * The completions URL for a base URL: `…/v1` gets `/chat/completions`, anything else
 * `/v1/chat/completions` (so both `https://host` and `https://host/v1` work).
 */
export function chatCompletionsUrl(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return /\/v1$/.test(trimmed) ? `${trimmed}/chat/completions` : `${trimmed}/v1/chat/completions`;
}

const IDENT = /^[A-Za-z0-9_.-]{1,64}$/;

async function statusError(response: Response, skillId: string): Promise<SkillError> {
  let kind = '';
  try {
    const body = JSON.parse(new TextDecoder().decode(await readCapped(response, 65_536, skillId))) as {
      error?: { type?: unknown; code?: unknown };
    };
    const t = body.error?.code ?? body.error?.type;
    if (typeof t === 'string' && IDENT.test(t)) kind = ` (${t})`;
  } catch {
    // The body is not the API's error JSON: the status says enough.
  }
  return new SkillError(`The language model answered with status ${response.status}${kind}`, skillId, {
    code: 'llm-status',
  });
}

/**
 * Streams one chat completion.
 *
 * @returns the answer's text, chunk by chunk
 * @throws {SkillError} code `llm-status`, `llm-dropped` (the connection broke before the end),
 *   `llm-protocol` (not the expected JSON) or `llm-too-long`; the signal's reason when aborted
 */
export async function* streamChatCompletion(request: ChatCompletionRequest): AsyncGenerator<string> {
  const { skillId, signal } = request;
  const maxChars = request.maxChars ?? 32_000;
  const response = await request.fetch(chatCompletionsUrl(request.baseUrl), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream, application/json',
      ...(request.token === undefined ? {} : { authorization: `Bearer ${request.token}` }),
    },
    body: JSON.stringify({
      model: request.model,
      messages: request.messages,
      stream: true,
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      ...(request.maxTokens === undefined ? {} : { max_tokens: request.maxTokens }),
    }),
    signal,
  });
  if (!response.ok) throw await statusError(response, skillId);
  const protocol = () =>
    new SkillError('The language model sent something that is not a chat completion', skillId, {
      code: 'llm-protocol',
    });

  if (!/text\/event-stream/i.test(response.headers.get('content-type') ?? '')) {
    const body = JSON.parse(new TextDecoder().decode(await readCapped(response, maxChars * 4 + 65_536, skillId))) as {
      choices?: { message?: { content?: unknown } }[];
    };
    const content = body.choices?.[0]?.message?.content;
    if (typeof content !== 'string') throw protocol();
    yield content.slice(0, maxChars);
    return;
  }
  if (response.body === null) throw protocol();

  let chars = 0;
  let finished = false;
  try {
    for await (const event of readSse(response.body)) {
      if (event.data === '[DONE]') {
        finished = true;
        break;
      }
      let chunk: { choices?: { delta?: { content?: unknown }; finish_reason?: unknown }[]; error?: unknown };
      try {
        chunk = JSON.parse(event.data) as typeof chunk;
      } catch {
        throw protocol();
      }
      if (chunk.error !== undefined)
        throw new SkillError('The language model reported an error mid-answer', skillId, { code: 'llm-error' });
      const choice = chunk.choices?.[0];
      const content = choice?.delta?.content;
      if (typeof content === 'string' && content !== '') {
        chars += content.length;
        if (chars > maxChars)
          throw new SkillError('The language model answer is too long', skillId, { code: 'llm-too-long' });
        yield content;
      }
      if (typeof choice?.finish_reason === 'string') finished = true;
    }
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    if (error instanceof SkillError) throw error;
    throw new SkillError('The connection to the language model broke off', skillId, { code: 'llm-dropped' });
  }
  if (!finished)
    throw new SkillError('The connection to the language model broke off', skillId, { code: 'llm-dropped' });
}
