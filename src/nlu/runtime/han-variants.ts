/**
 * Folds traditional Chinese characters (Taiwan, Hong Kong and OpenCC's standard forms) to their
 * simplified forms, so "現在幾點了" featurizes as "现在几点了" and one model serves both scripts.
 *
 * A character table, not a phrase converter: the featurizer needs a total, bounded, pinned map
 * (ids depend on it byte for byte), and phrase-level choices (乾/干 in 乾燥 vs 乾隆) hardly matter
 * to intents. The table is derived from opencc-js by `scripts/build-han-table.mjs` and checked
 * against it in test/core/nlu/han-variants.test.ts; shipping opencc-js itself would add ~50 KB
 * gzipped of phrase dictionaries to the Worker for no gain here.
 *
 * The one traditional→simplified table of the code base: the featurizer folds with it, and so do
 * the Chinese entity grammars and dialogue cues (`keepLength`, so every offset found on the folded
 * text is an offset into the original).
 *
 * @module
 */
import { HAN_VARIANT_PAIRS } from './han-variants-table.ts';

let table: Map<number, string> | null = null;
let sameLength: Map<number, string> | null = null;

function tableOf(keepLength: boolean): Map<number, string> {
  if (table === null) {
    table = new Map();
    const points = Array.from(HAN_VARIANT_PAIRS);
    for (let i = 0; i + 1 < points.length; i += 2)
      table.set((points[i] as string).codePointAt(0) as number, points[i + 1] as string);
  }
  if (!keepLength) return table;
  // 219 rare pairs change the UTF-16 length (a BMP character whose simplified form is astral, or back).
  sameLength ??= new Map([...table].filter(([from, to]) => String.fromCodePoint(from).length === to.length));
  return sameLength;
}

/** Any CJK ideograph (unified, extensions, compatibility): text without one is returned as is. */
const HAN = /\p{Script=Han}/u;

/** Options of {@link foldHanVariants}. */
export interface FoldHanVariantsOptions {
  /**
   * Fold only the characters whose simplified form has the same UTF-16 length, so the result has
   * the original's offsets (for parsers that report spans). The featurizer folds them all. @default false
   */
  keepLength?: boolean;
}

/**
 * Replaces each traditional character that has a simplified form with it; every other code
 * point is kept. Simplified text is never changed.
 * @param text any string
 * @param options `keepLength` for a result with the original's UTF-16 offsets
 * @returns the text with simplified characters
 * @example
 * ```ts
 * foldHanVariants('現在幾點了'); // → '现在几点了'
 * ```
 */
export function foldHanVariants(text: string, options: FoldHanVariantsOptions = {}): string {
  if (!HAN.test(text)) return text;
  const map = tableOf(options.keepLength === true);
  let out = '';
  for (const ch of text) out += map.get(ch.codePointAt(0) as number) ?? ch;
  return out;
}
