/**
 * The string hash behind hashed feature ids. Hand-written (a dozen lines) because the ids must
 * be identical in every JavaScript engine forever: a model trained in Node is run in a browser,
 * so the hash is part of the model format and may not come from a library that could change.
 *
 * @module
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The FNV-1a state before any input. */
export const FNV_START = FNV_OFFSET;

/**
 * Feeds one UTF-16 code unit (as two bytes, low first) into an FNV-1a state.
 * @param h the state
 * @param unit the code unit
 * @returns the new state
 */
export function fnvFeed(h: number, unit: number): number {
  h = Math.imul(h ^ (unit & 0xff), FNV_PRIME);
  return Math.imul(h ^ (unit >>> 8), FNV_PRIME);
}

/**
 * Finishes an FNV-1a state with murmur3's finalizer: FNV's low bits mix poorly, and ids are
 * taken modulo the bucket count.
 * @param h the state
 * @returns an unsigned 32-bit hash
 */
export function fnvFinish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * 32-bit FNV-1a over the UTF-16 code units of `text` (each unit fed as two bytes, low first),
 * followed by murmur3's finalizer.
 * @param text the string to hash
 * @returns an unsigned 32-bit hash
 */
export function fnv1a(text: string): number {
  let h = FNV_START;
  for (let i = 0; i < text.length; i++) h = fnvFeed(h, text.charCodeAt(i));
  return fnvFinish(h);
}

/**
 * Maps a feature string to a bucket in `[1, buckets)`; bucket 0 is reserved for "no feature".
 * @param feature the feature string, already prefixed with its kind
 * @param buckets the number of buckets (id space size), at least 2
 * @returns the bucket id
 */
export function bucketOf(feature: string, buckets: number): number {
  return 1 + (fnv1a(feature) % (buckets - 1));
}

/**
 * 32-bit FNV-1a over bytes, as 8 hex digits: the checksum of a model's graph, so that a
 * flipped bit anywhere in the weights is caught at load time rather than giving wrong answers.
 * @param bytes the bytes to hash
 * @returns the hash as lowercase hex
 */
export function checksumOf(bytes: Uint8Array): string {
  let h = FNV_OFFSET;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ (bytes[i] as number), FNV_PRIME);
  return (h >>> 0).toString(16).padStart(8, '0');
}
