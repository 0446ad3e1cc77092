/**
 * Message ids: UUIDv7s, which sort by time. Apart from the rest of the store so the page can make
 * them too (a turn's ids are chosen before it is sent, see `SendRequest.messageIds`) without
 * loading the store.
 *
 * @module
 */

/** Two lowercase hex digits of each byte value. */
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/**
 * `n` new message ids: UUIDv7s (RFC 9562), whose first 48 bits are the time in milliseconds, so new
 * messages sort after older ones by primary key. The search packs rely on it to stay valid on the
 * fast path (`search-packs.ts`); the time is no secret, `createdAt` is stored in the clear anyway.
 * One `getRandomValues` call and a hex table serve the whole batch: per id, the old byte-by-byte
 * `toString(16)` cost as much as encrypting the message (`npm run bench:store -- --profile`).
 */
export function newMessageIds(n: number, now = Date.now()): string[] {
  const random = new Uint8Array(n * 10);
  // getRandomValues fills at most 65,536 bytes per call.
  for (let i = 0; i < random.length; i += 65_536) crypto.getRandomValues(random.subarray(i, i + 65_536));
  let time = '';
  for (let i = 5, t = now; i >= 0; i--, t = Math.floor(t / 256)) time = HEX[t % 256] + time;
  const head = `${time.slice(0, 8)}-${time.slice(8)}-`;
  const ids: string[] = new Array(n);
  const h = (i: number) => HEX[random[i] as number] as string;
  for (let k = 0, o = 0; k < n; k++, o += 10) {
    // Version 7 in the high nibble of byte 6, variant 0b10 in the top bits of byte 8 (RFC 9562 §5.7).
    ids[k] =
      `${head}${HEX[0x70 | ((random[o] as number) & 0x0f)] as string}${h(o + 1)}-${HEX[0x80 | ((random[o + 2] as number) & 0x3f)] as string}${h(o + 3)}-${h(o + 4)}${h(o + 5)}${h(o + 6)}${h(o + 7)}${h(o + 8)}${h(o + 9)}`;
  }
  return ids;
}

/** A new message id (see {@link newMessageIds}). */
export function newMessageId(now = Date.now()): string {
  return newMessageIds(1, now)[0] as string;
}
