/**
 * Chinese holiday names as days: "圣诞节是星期几", "国庆节早上八点", "距离春节还有几天", "明年中秋是哪天".
 * The Gregorian ones are fixed days; the lunar ones come from a small table of the years around now.
 *
 * The lunar table is written out rather than computed with `Intl`'s `chinese` calendar: ICU's
 * astronomy puts a new moon that falls near midnight in Beijing on the wrong day, so it says 2027-02-07
 * and 2030-02-02 for 春节 where the official calendar (Purple Mountain Observatory) says 2027-02-06
 * and 2030-02-03. Beyond the table a lunar name is no date: better no answer than a wrong day.
 *
 * @module
 */

/** A calendar date. */
export interface HolidayDay {
  year: number;
  month: number;
  day: number;
}

/** Fixed-day holidays: every spelling people use, longest first within a family, and its month and day. */
const FIXED: readonly [RegExp, number, number][] = [
  [/^(?:元旦节?|新年元旦)$/u, 1, 1],
  [/^情人节$/u, 2, 14],
  [/^(?:三八)?妇女节$/u, 3, 8],
  [/^愚人节$/u, 4, 1],
  [/^(?:五一劳动节|劳动节|五一)$/u, 5, 1],
  [/^(?:六一儿童节|儿童节|六一)$/u, 6, 1],
  [/^教师节$/u, 9, 10],
  [/^(?:国庆节|国庆|十一)$/u, 10, 1],
  [/^(?:万圣节|万圣夜)$/u, 10, 31],
  [/^(?:双十一|双11|光棍节)$/u, 11, 11],
  [/^(?:平安夜|圣诞夜)$/u, 12, 24],
  [/^(?:圣诞节|圣诞)$/u, 12, 25],
];

/**
 * The first day of the first lunar month (春节) and the Gregorian dates of the lunar festivals, by
 * year, from the official calendar. Offsets from 春节 do not work for festivals after a leap month,
 * so each is listed.
 */
const LUNAR: Readonly<Record<number, Readonly<Record<string, string>>>> = {
  2025: { 春节: '01-29', 元宵: '02-12', 端午: '05-31', 七夕: '08-29', 中秋: '10-06', 重阳: '10-29' },
  2026: { 春节: '02-17', 元宵: '03-03', 端午: '06-19', 七夕: '08-19', 中秋: '09-25', 重阳: '10-18' },
  2027: { 春节: '02-06', 元宵: '02-20', 端午: '06-09', 七夕: '08-08', 中秋: '09-15', 重阳: '10-08' },
  2028: { 春节: '01-26', 元宵: '02-09', 端午: '05-28', 七夕: '08-26', 中秋: '10-03', 重阳: '10-26' },
  2029: { 春节: '02-13', 元宵: '02-27', 端午: '06-16', 七夕: '08-16', 中秋: '09-22', 重阳: '10-16' },
  2030: { 春节: '02-03', 元宵: '02-17', 端午: '06-05', 七夕: '08-05', 中秋: '09-12', 重阳: '10-05' },
};

/** Each lunar spelling and the festival it names (除夕 is the day before 春节). */
const LUNAR_NAMES: readonly [RegExp, string][] = [
  [/^(?:春节|大年初一|农历新年)$/u, '春节'],
  [/^(?:除夕|大年三十|年三十)$/u, '除夕'],
  [/^元宵节$/u, '元宵'],
  [/^(?:端午节|端午)$/u, '端午'],
  [/^(?:七夕节|七夕情人节|七夕)$/u, '七夕'],
  [/^(?:中秋节|中秋)$/u, '中秋'],
  [/^重阳节$/u, '重阳'],
];

/**
 * The holiday names as one bounded alternation (for the date grammar's day group), longest first.
 * A bare name without 节 (圣诞, 国庆, 中秋, 端午, 五一, 六一, 十一) is a day only where a date goes on:
 * at the end, before punctuation or a question or time word ("圣诞是周几", "国庆早上"), never
 * in a noun ("圣诞树", "中秋月饼", "五一广场"); 十一 only before a word of the holiday ("十一假期"),
 * since it is the number eleven everywhere else.
 */
export const ZH_HOLIDAY_PATTERN = [
  '(?:今年|明年|去年)?',
  '(?:',
  [
    '新年元旦',
    '元旦节?',
    '七夕情人节',
    '情人节',
    '三八妇女节',
    '妇女节',
    '愚人节',
    '五一劳动节',
    '劳动节',
    '六一儿童节',
    '儿童节',
    '教师节',
    '国庆节',
    '万圣节',
    '万圣夜',
    '双十一',
    '双11',
    '光棍节',
    '平安夜',
    '圣诞夜',
    '圣诞节',
    '春节',
    '大年初一',
    '农历新年',
    '除夕',
    '大年三十',
    '年三十',
    '元宵节',
    '端午节',
    '七夕节',
    '中秋节',
    '重阳节',
    '(?:圣诞|国庆|中秋|端午|五一|六一|七夕)(?![树老礼帽歌卡月粽会广大路快])',
    '十一(?=假期|长假|黄金周|放假|那天|当天|前|后|期间)',
  ].join('|'),
  ')',
].join('');

function fixedDay(name: string): [number, number] | undefined {
  for (const [re, month, day] of FIXED) if (re.test(name)) return [month, day];
  return undefined;
}

function lunarDay(name: string, year: number): HolidayDay | undefined {
  const festival = LUNAR_NAMES.find(([re]) => re.test(name))?.[1];
  if (festival === undefined) return undefined;
  // 除夕 is the last day of the lunar year that ends on 春节 of `year`.
  const key = festival === '除夕' ? '春节' : festival;
  const mmdd = LUNAR[year]?.[key];
  if (mmdd === undefined) return undefined;
  const at = new Date(
    Date.UTC(year, Number(mmdd.slice(0, 2)) - 1, Number(mmdd.slice(3)) - (festival === '除夕' ? 1 : 0)),
  );
  return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
}

function dayIn(name: string, year: number): HolidayDay | undefined {
  const fixed = fixedDay(name);
  return fixed === undefined ? lunarDay(name, year) : { year, month: fixed[0], day: fixed[1] };
}

/**
 * The day a holiday name means: with 今年 / 明年 / 去年 that year's, else its next occurrence from
 * `today` (today included).
 * @param said the words matched by {@link ZH_HOLIDAY_PATTERN}, e.g. `明年春节`, `圣诞节`
 * @param today the current calendar date in the user's zone
 * @returns the day, or `undefined` for a lunar festival outside the table
 */
export function holidayDay(said: string, today: HolidayDay): HolidayDay | undefined {
  const year = /^(今年|明年|去年)/u.exec(said)?.[1];
  const name = year === undefined ? said : said.slice(2);
  if (year !== undefined) return dayIn(name, today.year + (year === '明年' ? 1 : year === '去年' ? -1 : 0));
  // 除夕 of a year may fall in the one before: look at this year's and next year's, the first not past.
  for (const y of [today.year - 1, today.year, today.year + 1]) {
    const d = dayIn(name, y);
    if (
      d !== undefined &&
      (d.year > today.year ||
        (d.year === today.year && (d.month > today.month || (d.month === today.month && d.day >= today.day))))
    )
      return d;
  }
  return undefined;
}
