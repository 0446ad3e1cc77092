/**
 * A Chinese request to repeat: "每天早上七点叫我起床", "工作日早上七点半的闹钟", "每周一提醒我交周报".
 * The scheduler sets one time only; the alarm and reminder skills read this to say so honestly
 * instead of letting the user believe the next day is covered.
 *
 * @module
 */

/** 每天 / 每晚 / 天天 / 每周一 / 每个星期 / 每个月 / 工作日 / 周一到周五 / 每隔两天. */
const REPEAT = /每天|每日|每晚|每早|天天|每周|每个?(?:星期|礼拜|月)|每月|工作日|周一到周五|星期一到星期五|每隔/u;

/**
 * `true` when a Chinese turn asks for an alarm or reminder that repeats.
 * @param text the turn
 */
export function asksRepeatZh(text: string): boolean {
  return REPEAT.test(text);
}
