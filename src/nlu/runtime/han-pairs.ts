/**
 * How much a run of Chinese characters reads as Chinese someone wrote rather than characters put
 * together at random or bytes read with the wrong charset: which characters and which adjacent
 * character pairs the assistant's Chinese corpora write. The Chinese counterpart of the letter
 * model (`./letter-model.ts`), for text with no letters to judge:
 *
 * - hanzi typed or pasted at random ("灯远纸帽面", "猪森辣鱼草下狗米面冬"): common characters, but almost
 *   no pair of them is ever written next to each other;
 * - UTF-8 read as GBK or Big5 ("鎻愰啋鎴戞槑澶", "锟斤拷"): mostly characters no everyday text uses.
 *
 * The table (`models/build-han-pairs.ts`) holds the characters of the CJK Unified Ideographs block
 * seen (a bit each, U+4E00–U+9FFF) and the pairs seen (a Bloom filter, one bit per pair), from the
 * train and val lines of the Chinese intent corpora, the Chinese training dialogues (no test line)
 * and the words of jieba's dictionary used 100 times or more (the corpora alone know too few
 * topics: "去教务处交选课表" read as random). Measured with a table built from four fifths of the
 * lines (and the words), the fifth held out, and on round 9's zh-train-7 dialogues, which the
 * table never saw: see {@link hanGarbled} and {@link hanMash}.
 *
 * @module
 */
import { fromBase64 } from '../../crypto/bytes.ts';
import { HAN_CHARS, HAN_PAIRS } from './han-pairs-table.ts';

/** The first and last code points of the CJK Unified Ideographs block, the characters the table knows. */
const FIRST = 0x4e00;
const LAST = 0x9fff;
/** The Bloom filter of pairs: 2^19 bits, one hash. @internal */
export const HAN_PAIR_BITS = 19;
/** A turn's Han characters are read from its first 1000 characters (a paste's nature shows there). */
const MAX_READ = 1000;

/**
 * Particles, pronouns and the commonest function words: grammar's glue, written next to any word
 * ("卷面分的", "考了", "那卷"), so a pair holding one is never evidence of randomness, wherever the
 * corpora happen not to show it.
 */
const GLUE = new Set(
  [...'的地得了着过吗呢吧啊呀嘛么是在和与也都就还又很把被给个这那我你他她它们不没要会能有'].map((c) => c.charCodeAt(0)),
);

let chars: Uint8Array | undefined;
let pairs: Uint8Array | undefined;

/**
 * The bit of the pair filter a pair of code points sets.
 * @internal
 */
export function hanPairBit(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> (32 - HAN_PAIR_BITS);
}

/** What {@link readHan} counts in a text. */
export interface HanReading {
  /** Han characters of the CJK Unified Ideographs block. */
  han: number;
  /** Of those, characters no line of the corpora holds. */
  unknown: number;
  /** Adjacent pairs of such characters. */
  pairs: number;
  /** Of those, pairs the corpora write, or that hold a function word ({@link GLUE}). */
  seen: number;
}

/**
 * Counts the Han characters of a text's first 1000 characters, those the corpora never write, the
 * adjacent pairs and those the corpora write. One pass, no pattern: a 10,000-character paste costs
 * what 1000 characters do.
 * @param text any text
 */
export function readHan(text: string): HanReading {
  chars ??= fromBase64(HAN_CHARS);
  pairs ??= fromBase64(HAN_PAIRS);
  const out: HanReading = { han: 0, unknown: 0, pairs: 0, seen: 0 };
  let prev = -1;
  for (let i = 0, end = Math.min(text.length, MAX_READ); i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < FIRST || c > LAST) {
      prev = -1;
      continue;
    }
    out.han++;
    const k = c - FIRST;
    if ((chars[k >> 3]! & (1 << (k & 7))) === 0) out.unknown++;
    if (prev >= 0) {
      out.pairs++;
      const bit = hanPairBit(prev, c);
      if (GLUE.has(prev) || GLUE.has(c) || (pairs[bit >> 3]! & (1 << (bit & 7))) !== 0) out.seen++;
    }
    prev = c;
  }
  return out;
}

/**
 * `true` when a text's hanzi read as bytes decoded with the wrong charset: six or more (the GBK
 * reading of any request of four hanzi or more is that long; rare names such as 邝彧喆 are shorter), at least
 * half of them characters the corpora never write, and under half of their pairs written. Held
 * out, 0 of 5,522 corpus lines read so; of the same lines encoded in UTF-8 and read as GBK, 97% do
 * (as Big5, 55%).
 * @param r what {@link readHan} counted
 */
export function hanGarbled(r: HanReading): boolean {
  return r.han >= 6 && r.unknown * 2 >= r.han && r.seen * 2 < r.pairs;
}

/**
 * `true` when a run of hanzi is characters put together at random: at least `minHan` of them, and
 * under a share `share` of their adjacent pairs ever written. A turn on its own takes 6 and a fifth
 * (held out, 0 of 5,522 corpus lines; 0 of zh-train-7's 284 turns). A free-text answer is never
 * judged so: medicine, brand and place names (奥美拉唑肠溶片, 乌兰察布) write pairs no table holds.
 * @param r what {@link readHan} counted
 * @param minHan the fewest hanzi judged
 * @param share the share of pairs written under which the run is random
 */
export function hanMash(r: HanReading, minHan: number, share: number): boolean {
  return r.han >= minHan && r.pairs > 0 && r.seen < share * r.pairs;
}
