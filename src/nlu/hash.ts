/**
 * The string hash behind hashed feature ids. Hand-written (a dozen lines) because the ids must
 * be identical in every JavaScript engine forever: a model trained in Node is run in a browser,
 * so the hash is part of the model format and may not come from a library that could change.
 *
 * @module
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * 32-bit FNV-1a over the UTF-16 code units of `text` (each unit fed as two bytes, low first),
 * followed by murmur3's finalizer.
 * @param text the string to hash
 * @returns an unsigned 32-bit hash
 */
export function fnv1a(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h = Math.imul(h ^ (c & 0xff), FNV_PRIME);
    h = Math.imul(h ^ (c >>> 8), FNV_PRIME);
  }
  // A final avalanche (from murmur3's fmix32): FNV's low bits mix poorly, and ids are taken mod a power of two.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
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
