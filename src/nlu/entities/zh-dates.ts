/**
 * Chinese dates and times relative to `now` in an IANA zone: 明天早上七点, 下午三点半, 周五,
 * 下周一, 后天, 8点一刻, 晚上十点, 今晚九点, 12月25日, 2026年12月1日, 下个月5号, 十分钟后,
 * 三天以后, 过半小时. Values are ISO 8601 like the English extractor's: a calendar date for `date`,
 * a date-time with the zone's offset for `time` and `datetime` (a bare time is its next occurrence).
 *
 * Hand-written: chrono-node's `zh` locale was tried first (it is what the English side uses) but
 * on these forms it reads 8点一刻 as 8:01, puts 十分钟后 and 半小时后 a day and an hour off, drops
 * 傍晚 and 下个月5号, and tags nothing, so results could not be typed as date, time or datetime.
 * This grammar is one bounded pattern (every repeat capped, so matching is linear) and a table of
 * day parts; a test compares it with chrono's zh parser on the forms chrono reads right.
 *
 * @module
 */
import { emit, type ScanContext } from './scan.ts';
import { formatDate, formatDateTime, instantOf, nextClockTime, wallTimeAt } from './time-zone.ts';
import { holidayDay, ZH_HOLIDAY_PATTERN } from './zh-holidays.ts';
import { hanNumeralValue } from './zh-numbers.ts';

const N = '[0-9０-９]{1,2}|[零〇一二两三四五六七八九十]{1,3}';
/**
 * Where a Wu or Cantonese day word (明朝, 今朝, 后日, 听日, 听朝, 听晚, 琴日, 寻日) ends: before a day part,
 * a clock time or no more Han (a comma, a space, the end). Inside a Mandarin word it is no day: 听日语,
 * 探寻日本, 钢琴日记, 明朝三百年 (a numeral counts only as a clock time: 明朝三点).
 */
const DIALECT_DAY_END =
  '(?=早上|上午|中午|下午|下半天|上半天|下昼|晏昼|朝早|夜晚|晚上|夜里|(?:[0-9０-９]{1,2}|[零〇一二两三四五六七八九十]{1,3})(?:点|时|[:：])|(?!\\p{Script=Han}))';
/**
 * The parts of one date-time expression, each optional in it (but not all): day, weekday,
 * calendar date, day part, clock time. Every repeat inside is bounded and nothing repeats the
 * parts, so the whole pattern is linear; each part alone passes the regex-safety check.
 * @internal exported for the regex-safety test
 */
export const ZH_DATE_PARTS: readonly string[] = [
  `(大后儿个|后儿个|今儿个|明儿个|昨儿个|前儿个|今天|今日|今儿|明天|明日|明儿|大后天|后天|昨天|大前天|前天|今早|今晚|今夜|明早|明晚|昨晚|(?:明朝|今朝|后日|听日|听朝|听晚|琴日|寻日)${DIALECT_DAY_END}|${ZH_HOLIDAY_PATTERN})`,
  '(?:(这|本|下下|下|上)?个?(?:周|星期|礼拜)([一二三四五六日天1-7]))',
  `(?:(?:([0-9]{4}|[零〇一二三四五六七八九]{4})年)?(${N})月(${N})[日号]|(下个?月|这个?月|本月)?(${N})[日号])`,
  '(一大早|大清早|一早|早上|早晨|清晨|上午|中午|下午|下半天|上半天|下昼|晏昼|朝早|夜晚|傍晚|晚上|夜里|夜间|半夜|凌晨)',
  `(?:(?:差(一刻|${N})分?钟?)?(${N})(?:点钟?|时)(?:(半)|(一刻|三刻)|(整)|差(一刻|${N})分钟?|过?(零?(?:${N}))(?!个)(分钟?)?)?|([0-9]{1,2})[:：]([0-9]{2}))`,
];
/** Only where an expression can start: a cheap test that skips every other character. */
const START =
  '(?=[今明后大昨前这本下上周星礼0-9０-９零〇一二两三四五六七八九十早清中傍晚夜半凌差去元情妇愚劳儿教国万双光平圣春农除年端重听琴寻晏朝])';
const DATE_RE = new RegExp(START + ZH_DATE_PARTS.map((p) => `${p}?`).join(''), 'gu');
/** After a bare "三点五" a unit or an operator makes it the number 3.5, not 3:05. */
const NUMBER_AFTER_RE = /^[公米斤克升倍个块元加减乘除的%％]/u;
const RELATIVE_AFTER_RE = /(?:以后|之后|过后|后)/uy;

const DAY_OFFSET: Readonly<Record<string, number>> = {
  今天: 0,
  今日: 0,
  今儿: 0,
  明天: 1,
  明日: 1,
  明儿: 1,
  后天: 2,
  大后天: 3,
  昨天: -1,
  前天: -2,
  大前天: -3,
  今早: 0,
  今晚: 0,
  今夜: 0,
  明早: 1,
  明晚: 1,
  昨晚: -1,
  // Northern (Henan, Beijing) "个" forms: 后儿个 is the day after tomorrow, 大后儿个 the day after that.
  今儿个: 0,
  明儿个: 1,
  后儿个: 2,
  大后儿个: 3,
  昨儿个: -1,
  前儿个: -2,
  // Shanghainese (Wu): 明朝 is tomorrow, 今朝 today, said before a day part or a clock time
  // ("明朝下半天两点"); alone 明朝 is the Ming dynasty.
  明朝: 1,
  今朝: 0,
  // Cantonese: 听日 tomorrow, 听朝 tomorrow morning, 听晚 tomorrow evening, 琴日 / 寻日 yesterday, and
  // 后日 the day after tomorrow (only before a day part or a time: 以后日子 is no day).
  听日: 1,
  后日: 2,
  听朝: 1,
  听晚: 1,
  琴日: -1,
  寻日: -1,
};
/** Day parts said the Wu or Cantonese way: 下半天 / 下昼 is the afternoon, 上半天 the morning. */
const PERIOD_ALIAS: Readonly<Record<string, string>> = {
  下半天: '下午',
  上半天: '上午',
  // Cantonese: 下昼 / 晏昼 the afternoon, 朝早 the morning, 夜晚 the evening.
  下昼: '下午',
  晏昼: '下午',
  朝早: '早上',
  夜晚: '晚上',
  // "后天一早六点钟": first thing in the morning.
  一早: '早上',
  一大早: '早上',
  大清早: '早上',
};
/** The day part a day word carries ("今晚" is tonight). */
const DAY_PERIOD: Readonly<Record<string, string>> = {
  今早: '早上',
  今晚: '晚上',
  今夜: '夜里',
  明早: '早上',
  明晚: '晚上',
  昨晚: '晚上',
  听朝: '早上',
  听晚: '晚上',
};
/** The hour a day part means when no clock time is said ("明天下午" → 15:00). */
const PERIOD_HOUR: Readonly<Record<string, number>> = {
  早上: 8,
  早晨: 8,
  清晨: 6,
  上午: 9,
  中午: 12,
  下午: 15,
  傍晚: 18,
  晚上: 20,
  夜里: 22,
  夜间: 22,
  半夜: 0,
  凌晨: 2,
};
const WEEKDAY: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

function num(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const ascii = s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^[0-9]+$/.test(ascii)) return Number(ascii);
  return hanNumeralValue(s.replace(/^零(?=.)/u, ''));
}

/** The hour on a 24-hour clock for a clock hour said with a day part. */
function hour24(hour: number, period: string | undefined): number {
  if (period === undefined) return hour;
  if (period === '下午' || period === '傍晚' || period === '晚上')
    return hour < 12 ? hour + 12 : hour === 12 && period !== '下午' ? 24 : hour;
  if (period === '中午') return hour <= 2 ? hour + 12 : hour;
  if (period === '夜里' || period === '夜间') return hour >= 6 && hour < 12 ? hour + 12 : hour === 12 ? 24 : hour;
  if (period === '半夜' || period === '凌晨') return hour === 12 ? 0 : hour;
  return hour; // 早上, 早晨, 清晨, 上午
}

interface Civil {
  year: number;
  month: number;
  day: number;
}

function addDays(c: Civil, days: number): Civil {
  const d = new Date(Date.UTC(c.year, c.month - 1, c.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function compare(a: Civil, b: Civil): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** ISO weekday (Monday 1 … Sunday 7) of a civil date. */
function weekdayOf(c: Civil): number {
  return ((new Date(Date.UTC(c.year, c.month - 1, c.day)).getUTCDay() + 6) % 7) + 1;
}

function valid(c: Civil): boolean {
  const d = new Date(Date.UTC(c.year, c.month - 1, c.day));
  return d.getUTCFullYear() === c.year && d.getUTCMonth() === c.month - 1 && d.getUTCDate() === c.day;
}

/** Emits `date`, `time` and `datetime` entities for Chinese expressions, and relative ones ("十分钟后"). */
export function findZhDates(ctx: ScanContext, now: Date, timeZone: string): void {
  const wall = wallTimeAt(now.getTime(), timeZone);
  const today: Civil = { year: wall.year, month: wall.month, day: wall.day };
  const { text } = ctx;
  DATE_RE.lastIndex = 0;
  /** The last day or day part said without a clock time, and where its entity is in `ctx.out`. */
  let dayOnly: { start: number; end: number; at: number } | undefined;
  for (let m = DATE_RE.exec(text); m !== null; m = DATE_RE.exec(text)) {
    if (m[0] === '') {
      DATE_RE.lastIndex++;
      continue;
    }
    const start = m.index;
    const end = start + m[0].length;
    if (isALittle(m, text) || isNoHour(m, text)) continue;
    // "明天早上帮我定个八点的闹钟", "大后天吧 中午十二点": the day and the clock time are one
    // date-time, said apart (a day part may go with either, not with both: the joined words are
    // read again as one expression).
    if (dayOnly !== undefined && isDaylessClock(m) && GAP_RE.test(text.slice(dayOnly.end, start))) {
      const joined = text.slice(dayOnly.start, dayOnly.end) + m[0];
      DATE_RE.lastIndex = 0;
      const whole = DATE_RE.exec(joined);
      DATE_RE.lastIndex = end;
      const found = whole?.[0] === joined ? readMatch(whole, today, now, timeZone, text.slice(end)) : undefined;
      if (found !== undefined) {
        // The day keeps its words as a date; the clock time carries the whole date-time, so a slot
        // of either kind reads the right value and a task loses both spans, not the words between.
        const day = dayOnly.at < 0 ? undefined : ctx.out[dayOnly.at];
        if (day !== undefined) ctx.out[dayOnly.at] = { ...day, kind: 'date', value: found.value.slice(0, 10) };
        emit(ctx, found.kind, start, end, found.value);
        dayOnly = undefined;
        continue;
      }
    }
    const found = readMatch(m, today, now, timeZone, text.slice(end));
    const clock = m[HOUR] !== undefined || m[COLON_HOUR] !== undefined;
    dayOnly = clock ? undefined : { start, end, at: found === undefined ? -1 : ctx.out.length };
    if (found !== undefined) emit(ctx, found.kind, start, end, found.value);
  }
  findRelative(ctx, now, timeZone, today);
  joinEnglishDayParts(ctx);
}

/** An English day part said alone in a Chinese sentence ("明天morning 7点"). */
const EN_DAY_PART = /^(?:this\s+)?(morning|afternoon|evening|night|tonight)$/i;

/**
 * "set个alarm 明天morning 7点", "tonight 8点提醒我": an English day part right before a Chinese clock
 * time says which half of the day the time is in; it is no time of its own (the English reader
 * makes "morning" 6:00, which a slot would take first).
 */
function joinEnglishDayParts(ctx: ScanContext): void {
  for (const part of ctx.out.filter((e) => e.kind === 'datetime' && EN_DAY_PART.test(e.text))) {
    const clock = ctx.out.find(
      (e) =>
        (e.kind === 'time' || e.kind === 'datetime') &&
        e.start >= part.end &&
        e.start - part.end <= 2 &&
        /[点:：]/u.test(e.text) &&
        typeof e.value === 'string',
    );
    if (clock === undefined) continue;
    const hour = Number((clock.value as string).slice(11, 13));
    if (!/morning/i.test(part.text) && hour < 12)
      clock.value = `${(clock.value as string).slice(0, 11)}${String(hour + 12).padStart(2, '0')}${(clock.value as string).slice(13)}`;
    ctx.out.splice(ctx.out.indexOf(part), 1);
  }
}

/** Group numbers of the clock time's hour and of the "7:30" form in a match of `DATE_RE`. */
const HOUR = 11;
const COLON_HOUR = 18;
/** What may stand between a day and its clock time: a few words, no clause break ("帮我定个", "的"). */
const GAP_RE = /^[^，,。.;；!！?？0-9０-９]{0,8}$/u;

/** `true` for a match that is only a clock time ("八点", "7:30"): no day, weekday, date or day part. */
function isClockOnly(m: RegExpExecArray): boolean {
  return m.slice(1, 10).every((g) => g === undefined) && (m[HOUR] !== undefined || m[COLON_HOUR] !== undefined);
}

/** `true` for a clock time with no day, weekday or date, and at most a day part ("中午十二点", "八点"). */
function isDaylessClock(m: RegExpExecArray): boolean {
  return m.slice(1, 9).every((g) => g === undefined) && (m[HOUR] !== undefined || m[COLON_HOUR] !== undefined);
}

/**
 * "保险一点", "早一点", "快一点儿": 一点 after a word it grades is "a little", not one o'clock. Only a
 * bare 一点 (no day, day part or minutes) after such a word, or before 儿 or 点, reads so.
 */
function isALittle(m: RegExpExecArray, text: string): boolean {
  if (m[0] !== '一点') return false;
  const after = text.charAt(m.index + 2);
  if (after === '儿' || after === '点') return true;
  return (
    /[\p{Script=Han}]/u.test(text.charAt(m.index - 1)) &&
    !/[到在是于为至从等的改成定设约前后,，]/u.test(text.charAt(m.index - 1))
  );
}

/**
 * "同一时间", "第一时间", "一时半会儿": a bare N时 before 间, or 一时 after 同/第/暂 or before 半会, is
 * no clock time ("at the same time", "at once", "for a while").
 */
function isNoHour(m: RegExpExecArray, text: string): boolean {
  if (!isClockOnly(m) || !m[0].endsWith('时')) return false;
  const after = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
  if (after.startsWith('间')) return true;
  return m[0] === '一时' && (/[同第暂]/u.test(text.charAt(m.index - 1)) || after === '半会');
}

function readMatch(
  m: RegExpExecArray,
  today: Civil,
  now: Date,
  timeZone: string,
  after: string,
): { kind: 'date' | 'time' | 'datetime'; value: string } | undefined {
  const [, dayWord, weekPrefix, weekDay, yearS, monthS, dayS, monthWord, domS, periodWord] = m;
  const [lessBefore, hourS, half, quarter, , lessAfter, minuteS, minuteUnit, colonHour, colonMinute] = m.slice(10);
  let date: Civil | undefined;
  if (dayWord !== undefined) {
    const offset = DAY_OFFSET[dayWord];
    // Not a day word: a holiday's name ("圣诞节", "明年春节"); a lunar one past the table is no date.
    date = offset === undefined ? holidayDay(dayWord, today) : addDays(today, offset);
    if (date === undefined) return undefined;
  }
  if (weekDay !== undefined) {
    const w = WEEKDAY[weekDay] ?? Number(weekDay);
    const t = weekdayOf(today);
    const days =
      weekPrefix === '下'
        ? 7 - t + w
        : weekPrefix === '下下'
          ? 14 - t + w
          : weekPrefix === '上'
            ? w - t - 7
            : weekPrefix === '这' || weekPrefix === '本'
              ? w - t
              : (w - t + 7) % 7;
    date = addDays(date ?? today, days);
  }
  if (monthS !== undefined && dayS !== undefined) {
    const month = num(monthS)!;
    const day = num(dayS)!;
    const yearDigits =
      yearS === undefined
        ? undefined
        : yearS.replace(/[零〇一二三四五六七八九]/gu, (c) =>
            String('零一二三四五六七八九'.indexOf(c === '〇' ? '零' : c)),
          );
    let c: Civil = { year: yearDigits === undefined ? today.year : Number(yearDigits), month, day };
    if (yearDigits === undefined && compare(c, today) < 0) c = { ...c, year: c.year + 1 };
    if (!valid(c)) return undefined;
    date = c;
  } else if (domS !== undefined) {
    const day = num(domS)!;
    let c: Civil = { year: today.year, month: today.month, day };
    if (monthWord?.startsWith('下') === true || (monthWord === undefined && day < today.day))
      c = today.month === 12 ? { year: today.year + 1, month: 1, day } : { ...c, month: today.month + 1 };
    if (!valid(c)) return undefined;
    date = c;
  }
  const period =
    (periodWord === undefined ? undefined : (PERIOD_ALIAS[periodWord] ?? periodWord)) ??
    (dayWord === undefined ? undefined : DAY_PERIOD[dayWord]);
  let hour: number | undefined;
  let minute = 0;
  if (hourS !== undefined) {
    hour = num(hourS);
    if (half !== undefined) minute = 30;
    else if (quarter !== undefined) minute = quarter === '一刻' ? 15 : 45;
    else if (minuteS !== undefined) {
      // "三点五公里" is the number 3.5: a bare minute with no 分 and nothing else dated needs no unit after it.
      // A decimal is read digit by digit ("三点一四"): a minute said with 十 is a minute before any of those
      // words, 的 ("六点二十的", "八点十五的") and a unit alike ("三点十五公里" is no 3.15 km).
      if (
        minuteUnit === undefined &&
        date === undefined &&
        period === undefined &&
        !minuteS.includes('十') &&
        NUMBER_AFTER_RE.test(after)
      )
        return undefined;
      minute = num(minuteS) ?? NaN;
    }
    // "差五分十点", "十点差五分", "差一刻九点": that many minutes before the hour.
    const less = lessBefore ?? lessAfter;
    if (less !== undefined && hour !== undefined) {
      const before = less === '一刻' ? 15 : (num(less) ?? NaN);
      if (!(before >= 1 && before <= 59) || minute !== 0) return undefined;
      hour = hour === 0 ? 23 : hour - 1;
      minute = 60 - before;
    }
  } else if (colonHour !== undefined) {
    hour = Number(colonHour);
    minute = Number(colonMinute);
  }
  if (hour === undefined && period !== undefined && (date !== undefined || dayWord !== undefined))
    hour = PERIOD_HOUR[period];
  if (hour === undefined) {
    if (date === undefined) return undefined;
    return { kind: 'date', value: formatDate(date) };
  }
  if (!(hour >= 0 && hour <= 24 && minute >= 0 && minute <= 59)) return undefined;
  // Hour 24 ("晚上十二点") is midnight at the end of the day.
  const on = (c: Civil, h: number) =>
    instantOf({ ...(h >= 24 ? addDays(c, 1) : c), hour: h % 24, minute, second: 0, millisecond: 0 }, timeZone);
  if (date !== undefined) {
    // "明天三点" is the afternoon: small hours are said with 凌晨.
    // A clock read off a screen ("明天6:20") is said as it shows.
    const h = period === undefined && hourS !== undefined && hour >= 1 && hour <= 6 ? hour + 12 : hour24(hour, period);
    return { kind: 'datetime', value: formatDateTime(on(date, h), timeZone) };
  }
  // A bare clock time is its next occurrence; "三点" without a day part is 3:00 or 15:00, whichever comes first.
  const candidates: [number, ...number[]] =
    period === undefined && hour >= 1 && hour < 12 ? [hour, hour + 12] : [hour24(hour, period)];
  const at = nextClockTime(candidates, minute, now, timeZone);
  return at === undefined ? undefined : { kind: 'time', value: formatDateTime(at, timeZone) };
}

/** "十分钟后", "三天以后", "过半小时": a duration counted from now. */
function findRelative(ctx: ScanContext, now: Date, timeZone: string, today: Civil): void {
  for (const e of [...ctx.out]) {
    if (e.kind !== 'duration' || typeof e.value !== 'number') continue;
    RELATIVE_AFTER_RE.lastIndex = e.end;
    const after = RELATIVE_AFTER_RE.exec(ctx.text);
    const before = ctx.text.charAt(e.start - 1) === '过';
    if (after === null && !before) continue;
    const start = before && after === null ? e.start - 1 : e.start;
    const end = after === null ? e.end : e.end + after[0].length;
    const ms = e.value;
    if (ms % 86_400_000 === 0 && ms > 0) {
      emit(ctx, 'date', start, end, formatDate(addDays(today, ms / 86_400_000)));
      continue;
    }
    const at = now.getTime() + ms;
    if (!Number.isFinite(at) || Math.abs(at) > 8.64e15) continue;
    emit(ctx, 'datetime', start, end, formatDateTime(at, timeZone));
  }
}
