/**
 * A Chinese change of a time already set, said relative to it: "往后挪十分钟", "提前半小时", "推迟一天",
 * "早一个小时叫我", and "改到星期天同一时间" (another day, the same time of day). The alarm and
 * reminder slots read the new time from the old one with {@link movedTimeZh}; the dialogue policy
 * asks {@link saysTimeShiftZh} whether a turn is such a change at all.
 *
 * @module
 */
import type { Entity } from '../../nlu/types.ts';
import { shiftIso } from '../../skills/builtin/clock.ts';

/** Later: "往后挪", "再往后推", "推迟", "延后", "晚"; earlier: "往前挪", "提前", "提早", "早". */
const LATER = '往后(?:再)?(?:挪|推|延|移|调|顺延)?|推迟|推后|延后|延迟|顺延|挪后|晚';
const EARLIER = '往前(?:再)?(?:挪|推|移|调)?|提前|提早|挪前|早';
/** The direction word, then (after at most a 再 or 个) the length: the duration entity must start there. */
const SHIFT = new RegExp(`(?:(${LATER})|(${EARLIER}))(?:再|个)?$`, 'u');
/**
 * "同一时间", "同样的时间", "时间不变", "一样的点", "老时间": the time of day stays, the day changes.
 * 点 as the hour said loosely ("一样的点"), not 点心.
 */
const SAME_TIME =
  /同一(?:个)?(?:时间|钟点|点(?![心头]))|同样的?(?:时间|钟点|点(?![心头]))|一样的?(?:时间|钟点|点(?![心头]))|时间不变|时间一样|时间照旧|还是(?:这个|那个)(?:时间|点)|原来的时间|老时间/u;
/** 晚 and 早 alone: a shift right before a length ("晚十分钟"), unless they end a day word ("今晚"). */
const BARE_DAY_PART = /^[早晚]$/u;

/**
 * How far a turn moves a time, in milliseconds (negative: earlier), when it says so in Chinese.
 * @param text the turn
 * @param entities its entities (the length is a `duration` entity right after the direction word)
 * @returns the offset, or `undefined` when the turn moves nothing
 */
export function timeShiftZh(text: string, entities: readonly Entity[]): number | undefined {
  for (const e of entities) {
    if (e.kind !== 'duration' || typeof e.value !== 'number') continue;
    const m = SHIFT.exec(text.slice(Math.max(0, e.start - 8), e.start));
    if (m === null) continue;
    // A bare 早/晚 that ends a day word ("今晚一个小时后") shifts nothing.
    const before = text.charAt(e.start - m[0].length - 1);
    if (BARE_DAY_PART.test(m[0]) && /[今明昨傍当每夜前]/u.test(before)) continue;
    return m[1] !== undefined ? e.value : -e.value;
  }
  return undefined;
}

/** A length as the words say it ("十分钟", "半个小时", "一天", "1小时"), read by the policy without the entity extractor. */
// "半个钟", "两个钟" (Cantonese hours), "十来分钟", "个把钟头" (about ten minutes, about an hour).
const LENGTH = '[0-9一二两俩仨三四五六七八九十半几来把]{1,4}个?半?(?:分钟|分|小时|钟头|刻钟|刻|天|周|星期|礼拜|钟)';
const SHIFT_WORDS = new RegExp(`(?:${LATER}|${EARLIER})(?:再|个)?${LENGTH}`, 'u');
const DAY_WORD =
  /今天|明天|后天|大后天|[周星礼拜期][一二三四五六日天]|下周|下个?星期|[0-9一二三四五六七八九十]{1,3}[号日]/u;

/**
 * `true` when a Chinese turn says it moves a time already set: by a length ("往后挪十分钟", "提前
 * 半小时", "推迟一天") or to another day at the same time of day ("改到周日同一时间"). Words only:
 * the dialogue policy asks it before any slot is read.
 * @param text the turn
 */
export function saysTimeShiftZh(text: string): boolean {
  const m = SHIFT_WORDS.exec(text);
  // "今晚一个小时后": 晚 of a day word shifts nothing.
  if (m !== null && !(/^[早晚]/u.test(m[0]) && /[今明昨傍当每夜前]/u.test(text.charAt(m.index - 1)))) return true;
  return SAME_TIME.test(text) && DAY_WORD.test(text);
}

/**
 * `true` when a Chinese turn keeps the time of day it changes the day of ("改到星期天上午同一时间"):
 * a day part said with it ("上午") then names no new time.
 * @param text the turn
 */
export function saysSameTimeZh(text: string): boolean {
  return SAME_TIME.test(text);
}

/**
 * The time a Chinese turn moves a set time to: the old one moved by the length said, or the day
 * said at the old time of day ("改到星期天上午同一时间").
 * @param text the turn
 * @param entities its entities
 * @param previous the time set (ISO 8601 with an offset, as the slot holds it)
 * @returns the new time in the same form, or `undefined` when the turn moves nothing
 */
export function movedTimeZh(text: string, entities: readonly Entity[], previous: unknown): string | undefined {
  if (typeof previous !== 'string' || !ISO.test(previous)) return undefined;
  const ms = timeShiftZh(text, entities);
  if (ms !== undefined) return shiftIso(previous, ms);
  if (!SAME_TIME.test(text)) return undefined;
  // The last day said is the new one: "周六我有事，改到星期天同一时间".
  const days = entities.filter((e) => (e.kind === 'date' || e.kind === 'datetime') && typeof e.value === 'string');
  const day = days[days.length - 1];
  return day === undefined ? undefined : (day.value as string).slice(0, 10) + previous.slice(10);
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[+-]\d{2}:\d{2}|Z)$/;
