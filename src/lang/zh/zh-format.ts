/**
 * Chinese wording of numbers, lists, durations and times: "牛奶、鸡蛋和面包", "1小时30分钟",
 * "明天 7:00", "明天 凌晨3:00". Times are written on the 24-hour clock, as Chinese apps and timetables do.
 *
 * @module
 */
import type { enFormat } from '../en/en-format.ts';
import { durationParts, formatClock, formatDay, formatNumber } from '../format.ts';
import { daysBetween, isoDateIn } from '../../skills/builtin/clock.ts';

const LOCALE = 'zh-CN';
const UNIT = { day: '天', hour: '小时', minute: '分钟', second: '秒' } as const;

/** "牛奶", "牛奶和鸡蛋", "牛奶、鸡蛋和面包". */
function list(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join('、')}${conjunction === 'and' ? '和' : '或'}${items[items.length - 1]}`;
}

/**
 * A clock time on the 24-hour clock, with 凌晨 before the small hours ("凌晨3:00"): people say them so,
 * and "明天3:00" alone reads as an afternoon to many.
 */
function clock(at: Date, timeZone: string): string {
  const time = formatClock(at, timeZone, LOCALE);
  return /^0?[0-5]:/u.test(time) ? `凌晨${time}` : time;
}

/** Chinese formatting, the same functions as the English. */
export const zhFormat: typeof enFormat = {
  locale: LOCALE,
  number: (n) => formatNumber(n, LOCALE),
  list,
  // Chinese nouns have no plural: "3 个提醒"; `word` is the measure word and noun ("个提醒").
  count: (n, word) => `${formatNumber(n, LOCALE)} ${word}`,
  duration(ms) {
    const parts = durationParts(ms).map(([n, unit]) => `${formatNumber(n, LOCALE)}${UNIT[unit]}`);
    return parts.length === 0 ? '不到1秒' : parts.join('');
  },
  time: clock,
  date: (isoDate, thisYear) => formatDay(isoDate, LOCALE, thisYear),
  /** "今天 19:00", "明天 7:00", "明天 凌晨3:00", "后天 9:00", "11月30日星期一 9:00". */
  when(at, now, timeZone) {
    const days = daysBetween(isoDateIn(now, timeZone), isoDateIn(at, timeZone));
    const time = clock(at, timeZone);
    if (days === 0) return `今天 ${time}`;
    if (days === 1) return `明天 ${time}`;
    if (days === 2) return `后天 ${time}`;
    const year = Number(isoDateIn(now, timeZone).slice(0, 4));
    return `${formatDay(isoDateIn(at, timeZone), LOCALE, year)} ${time}`;
  },
  capitalize: (text) => text,
};
