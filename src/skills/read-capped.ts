/**
 * Reads a response body up to a byte cap, stream by stream, and stops (cancelling the rest) the
 * moment the cap is passed: a huge or endless response costs at most the cap in memory.
 *
 * @module
 */
import { SkillError } from '../errors.ts';

/**
 * Reads all of `response`'s body, refusing more than `maxBytes`.
 *
 * @param response a fetch response
 * @param maxBytes the cap
 * @param skillId named in the error
 * @returns the bytes read
 * @throws {SkillError} code `too-large` when the body (or its declared length) passes the cap
 */
export async function readCapped(response: Response, maxBytes: number, skillId: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new SkillError(`The response is larger than ${maxBytes} bytes`, skillId, { code: 'too-large' });
  }
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new SkillError(`The response is larger than ${maxBytes} bytes`, skillId, { code: 'too-large' });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
