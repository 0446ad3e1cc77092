/**
 * A value taken back inside one Chinese turn: "叫我阿杰 算了 还是杰哥吧", "改成周三 不对 周四",
 * "我叫小林 说错了 是小琳". What follows the take-back word is what the user means.
 *
 * @module
 */

/**
 * A take-back word after a first value, then what leads the second in: 算了, 不对, 不不, 哦不, 说错了,
 * then 还是, 改成, 应该是, 就. Not 不是 ("叫我老王 不是小王" keeps 老王: it says what the value is not).
 */
const TAKE_BACK =
  /(?<=\S)[\s，,。！!]*(?:算了|不对|不不|哦不|噢不|呃不|额不|[说打写讲]错了)(?:吧|啊|呀|哈)?[\s，,。！!]*(?:还是|改成|换成|改叫|应该是|应该叫|那就|就|是)?(?=\S)/gu;

/**
 * What is said after the last take-back of a turn ({@link TAKE_BACK}).
 * @param text the turn
 * @returns the rest after the take-back, or `undefined` when the turn takes nothing back
 */
export function afterTakeBackZh(text: string): string | undefined {
  let rest: string | undefined;
  for (const m of text.matchAll(TAKE_BACK)) rest = text.slice(m.index + m[0].length);
  const trimmed = rest?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
