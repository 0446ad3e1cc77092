/**
 * A value taken back inside one Chinese turn: "叫我阿杰 算了 还是杰哥吧", "改成周三 不对 周四",
 * "我叫小林 说错了 是小琳". What follows the take-back word is what the user means. This file splits
 * the turn's TEXT at its take-back, for the readers of a whole value (names, sums, conversions); the
 * entity values a take-back cancels are dropped by `nlu/entities/zh-drop-taken-back-values.ts`.
 *
 * @module
 */

import { ZH_TAKE_BACK_WORDS } from '../../nlu/entities/zh-drop-taken-back-values.ts';

/**
 * A take-back word after a first value, then what leads the second in: 算了, 不对, 不不, 哦不, 说错了,
 * then 还是, 改成, 应该是, 就. Not 不是 ("叫我老王 不是小王" keeps 老王: it says what the value is not).
 */
const takeBack = (words: string) =>
  new RegExp(
    String.raw`(?<=\S)[\s，,。！!]*${words}(?:吧|啊|呀|哈)?[\s，,。！!]*(?:还是|改成|换成|改叫|应该是|应该叫|那就|就|是)?(?=\S)`,
    'gu',
  );
const TAKE_BACK = takeBack(`(?:算了|${ZH_TAKE_BACK_WORDS})`);
/** Without 算了, which also drops what was said ("100减去 算了"): the take-backs of a part of a sum. */
const TAKE_BACK_PART = takeBack(ZH_TAKE_BACK_WORDS);

/**
 * What is said after the last take-back of a turn ({@link TAKE_BACK}).
 * @param text the turn
 * @returns the rest after the take-back, or `undefined` when the turn takes nothing back
 */
export function afterTakeBackZh(text: string): string | undefined {
  return splitAt(text, TAKE_BACK)?.[1];
}

/**
 * What is said before and after the last take-back of a part of a turn (not 算了, which may drop it
 * all): "78乘以6不对是乘以9" → `["78乘以6", "乘以9"]`.
 * @param text the turn
 * @returns both sides, trimmed, or `undefined` when the turn takes nothing back
 */
export function splitAtTakeBackZh(text: string): [before: string, after: string] | undefined {
  return splitAt(text, TAKE_BACK_PART);
}

function splitAt(text: string, marker: RegExp): [before: string, after: string] | undefined {
  let last: RegExpExecArray | undefined;
  for (const m of text.matchAll(marker)) last = m;
  if (last === undefined) return undefined;
  const after = text.slice(last.index + last[0].length).trim();
  return after === '' ? undefined : [text.slice(0, last.index).trim(), after];
}
