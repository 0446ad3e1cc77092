/**
 * One webhook call: POST JSON, a timeout per attempt, retries with exponential backoff and jitter
 * for idempotent calls only (a retried non-idempotent POST could book the table twice), and a
 * capped, streamed read of the response. Errors carry a code and the HTTP status, never the body,
 * the headers or the credentials.
 *
 * @module
 */
import type { ScopedFetch } from '../scoped-fetch.ts';
import { SkillError } from '../../errors.ts';
import { readCapped } from '../read-capped.ts';

/** Options of {@link postJson}. */
export interface PostJsonOptions {
  skillId: string;
  /** A scoped fetch (the skill's `ctx.fetch`): the URL's origin must be declared. */
  fetch: ScopedFetch;
  url: string;
  body: unknown;
  /** Extra headers; `authorization` here is sent but never appears in errors. */
  headers?: Record<string, string>;
  /** Fetches a credential per attempt (a short-lived token may expire between retries). */
  authorization?: () => Promise<string | undefined>;
  signal: AbortSignal;
  /** Safe to send twice: enables retries. @default false */
  idempotent?: boolean;
  /** Sent as `Idempotency-Key` so the server can drop duplicates (outbox replays). */
  idempotencyKey?: string;
  /** Per attempt. @default 5000 */
  timeoutMs?: number;
  /** Extra attempts for idempotent calls. @default 2 */
  retries?: number;
  /** First backoff; doubled each retry, with ±50% jitter. @default 300 */
  backoffMs?: number;
  /** @default 262144 (256 KiB) */
  maxBytes?: number;
}

/** A successful call. */
export interface WebhookResponse {
  status: number;
  /** Parsed JSON, the text when the response is not JSON, or `null` when empty. */
  data: unknown;
}

const retryable = (error: unknown) =>
  error instanceof SkillError &&
  (error.code === 'network' ||
    error.code === 'timeout' ||
    (error.code === 'status' && /status (5\d\d|408|429)\b/.test(error.message)));

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

async function attempt(o: PostJsonOptions): Promise<WebhookResponse> {
  const { skillId } = o;
  const timeout = AbortSignal.timeout(o.timeoutMs ?? 5_000);
  const signal = AbortSignal.any([o.signal, timeout]);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
    ...o.headers,
  };
  const auth = await o.authorization?.();
  if (auth !== undefined) headers.authorization = auth;
  if (o.idempotencyKey !== undefined) headers['idempotency-key'] = o.idempotencyKey;
  let response: Response;
  try {
    response = await o.fetch(o.url, { method: 'POST', headers, body: JSON.stringify(o.body), signal });
  } catch (error) {
    if (o.signal.aborted) throw o.signal.reason;
    if (timeout.aborted) throw new SkillError('The webhook did not answer in time', skillId, { code: 'timeout' });
    if (error instanceof SkillError || (error as { name?: unknown })?.name === 'PermissionError') throw error;
    throw new SkillError('The webhook could not be reached', skillId, { code: 'network' });
  }
  let bytes: Uint8Array;
  try {
    bytes = await readCapped(response, o.maxBytes ?? 262_144, skillId);
  } catch (error) {
    if (o.signal.aborted) throw o.signal.reason;
    if (error instanceof SkillError) throw error;
    throw new SkillError(
      timeout.aborted ? 'The webhook did not answer in time' : 'The webhook response broke off',
      skillId,
      { code: timeout.aborted ? 'timeout' : 'network' },
    );
  }
  if (!response.ok)
    throw new SkillError(`The webhook answered with status ${response.status}`, skillId, { code: 'status' });
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') return { status: response.status, data: null };
  try {
    return { status: response.status, data: JSON.parse(text) as unknown };
  } catch {
    if (/json/i.test(response.headers.get('content-type') ?? ''))
      throw new SkillError('The webhook answered with invalid JSON', skillId, { code: 'json' });
    return { status: response.status, data: text };
  }
}

/**
 * POSTs JSON and reads the answer.
 *
 * @returns the status and the parsed body
 * @throws {SkillError} code `network`, `timeout`, `status` (message names the status), `too-large` or `json`
 * @throws {PermissionError} when the URL (or a redirect) is not on a declared origin
 * @throws the signal's reason when aborted
 */
export async function postJson(options: PostJsonOptions): Promise<WebhookResponse> {
  const retries = options.idempotent === true ? (options.retries ?? 2) : 0;
  const backoff = options.backoffMs ?? 300;
  for (let n = 0; ; n++) {
    try {
      return await attempt(options);
    } catch (error) {
      if (n >= retries || !retryable(error) || options.signal.aborted) throw error;
      await sleep(backoff * 2 ** n * (0.5 + Math.random()), options.signal);
    }
  }
}

/** The HTTP status of a `status` error, else `undefined`. @internal */
export function statusOf(error: unknown): number | undefined {
  if (!(error instanceof SkillError) || error.code !== 'status') return undefined;
  const m = /status (\d{3})\b/.exec(error.message);
  return m === null ? undefined : Number(m[1]);
}
