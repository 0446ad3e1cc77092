/**
 * One spacing rule for every Chinese reply: no space between a Chinese character (or Chinese
 * punctuation) and Latin letters, digits or another Chinese character next to it — "明天7:00提醒你开会", "计时器已设定：10分钟",
 * "提醒你3点meeting". Chinese apps write it either way; what reads badly is both in one sentence
 * ("明天 10:00提醒你"), which is what templates and formatted times gave when each chose its own.
 * Spaces between two Latin words ("oat milk") and around symbols ("12 × 7") stay.
 *
 * The rule is applied once, to the whole Chinese pack ({@link spacedZh}), so a template written
 * later cannot break it.
 *
 * @module
 */

/** A Chinese character, or Chinese and full-width punctuation. */
const CJK = String.raw`\p{Script=Han}\u3000-\u303f\uff00-\uffef`;
const AFTER_CJK = new RegExp(`([${CJK}])[ \\t\\u00a0]+(?=[A-Za-z0-9])`, 'gu');
const BEFORE_CJK = new RegExp(`([A-Za-z0-9%°])[ \\t\\u00a0]+(?=[${CJK}])`, 'gu');
/** Two Chinese words never have a space between them ("现在是 明天5:38" from a template's "是 " and a day word). */
const BETWEEN_CJK = new RegExp(`([${CJK}])[ \\t\\u00a0]+(?=[${CJK}])`, 'gu');

/**
 * A Chinese reply with the spacing rule applied.
 * @param text a reply, or part of one
 * @returns the text with no space between Chinese and Latin letters or digits
 */
export function spaceZh(text: string): string {
  return text.replace(AFTER_CJK, '$1').replace(BEFORE_CJK, '$1').replace(BETWEEN_CJK, '$1');
}

/**
 * A pack table with {@link spaceZh} applied to every string in it and to every string or list of
 * strings its functions return; anything else (numbers, patterns) is kept as it is.
 * @param value a table of replies (`zhSkills`, `zhDialogue`, `zhFormat`, …)
 * @returns the same shape, spaced
 */
export function spacedZh<T>(value: T): T {
  return spaced(value) as T;
}

function spaced(value: unknown): unknown {
  if (typeof value === 'string') return spaceZh(value);
  if (Array.isArray(value)) return value.map(spaced);
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => spaced(fn(...args));
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, spaced(v)]));
  return value;
}
