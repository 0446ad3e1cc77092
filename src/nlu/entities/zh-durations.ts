/**
 * Chinese durations as milliseconds: 五分钟, 5分钟, 90秒, 半小时, 半个小时, 一个半小时, 两个钟头,
 * 1小时30分, 一小时零五分钟, 三刻钟, 两天, 一周. Built on the number spans (Chinese and mixed) found
 * first; months and years are left out, as in English, since their length depends on the calendar.
 *
 * @module
 */
import { afterPowerSign, emit, type ScanContext } from './scan.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A unit right after a number: "个小时", "分钟", "秒钟", "刻钟" (a quarter hour), "周". @internal */
export const ZH_DURATION_UNIT_SOURCE =
  '个?(?:小时|钟头|个钟|钟|分半钟?|分钟|秒钟|秒|毫秒|天|星期|礼拜|周|刻钟|mins?(?![a-z])|secs?(?![a-z]))';
const UNIT_RE = new RegExp(ZH_DURATION_UNIT_SOURCE, 'uy');
/** "1小时30分": a bare 分 counts as minutes only after hours. @internal */
export const ZH_MINUTES_AFTER_HOURS_SOURCE = '(?:零|又)?';
const JOIN_RE = new RegExp(ZH_MINUTES_AFTER_HOURS_SOURCE, 'uy');
const BARE_MINUTE_RE = /分(?!钟)/uy;

function unitMs(unit: string): number | undefined {
  const u = unit.replace(/^个/u, '');
  if (u === '小时' || u === '钟头' || u === '钟') return HOUR;
  if (u === '分钟' || u === 'min' || u === 'mins') return MINUTE;
  if (u === 'sec' || u === 'secs') return SECOND;
  if (u === '秒钟' || u === '秒') return SECOND;
  if (u === '毫秒') return 1;
  if (u === '天') return DAY;
  if (u === '星期' || u === '礼拜' || u === '周') return 7 * DAY;
  if (u === '刻钟') return 15 * MINUTE;
  if (u.startsWith('分半')) return MINUTE;
  return undefined;
}

interface Piece {
  ms: number;
  unit: number;
  end: number;
}

/** One "<number> <unit>" piece starting at `at`; after hours, a bare 分 is minutes. */
function pieceAt(ctx: ScanContext, at: number, afterHours: boolean): Piece | null {
  const n = ctx.numberAt.get(at) ?? ctx.numbers.find((x) => x.start === at);
  if (n === undefined || n.ordinal || n.value < 0) return null;
  UNIT_RE.lastIndex = n.end;
  const unit = UNIT_RE.exec(ctx.text);
  if (unit !== null) {
    const ms = unitMs(unit[0]);
    // "两个钟" (two hours) needs the 个; a bare 钟 after a number is a clock time ("三点钟" is not here).
    if (ms === undefined || (unit[0] === '钟' && !afterHours)) return null;
    // "两分半", "十二分半钟": minutes and a half.
    const half = /^分半/u.test(unit[0]) ? 0.5 : 0;
    return { ms: (n.value + half) * ms, unit: ms, end: n.end + unit[0].length };
  }
  if (afterHours) {
    BARE_MINUTE_RE.lastIndex = n.end;
    if (BARE_MINUTE_RE.test(ctx.text)) return { ms: n.value * MINUTE, unit: MINUTE, end: n.end + 1 };
  }
  return null;
}

/** Emits `duration` entities for Chinese lengths of time (value: milliseconds). */
export function findZhDurations(ctx: ScanContext): void {
  let resumeAt = 0;
  for (const n of ctx.numbers) {
    if (n.start < resumeAt || afterPowerSign(ctx.text, n.start)) continue;
    const first = pieceAt(ctx, n.start, false);
    if (first === null) continue;
    let piece: Piece = first;
    let { ms } = piece;
    let end = piece.end;
    // "1小时30分钟", "一小时零五分": each further piece is a smaller unit.
    for (;;) {
      JOIN_RE.lastIndex = end;
      const join = JOIN_RE.exec(ctx.text);
      // "零五分" may be read as one numeral (05) or as 零 and 五.
      const afterHours = piece.unit === HOUR;
      const next: Piece | null =
        pieceAt(ctx, end, afterHours) ?? pieceAt(ctx, end + (join?.[0].length ?? 0), afterHours);
      if (next === null || next.unit >= piece.unit) break;
      ms += next.ms;
      end = next.end;
      piece = next;
    }
    emit(ctx, 'duration', n.start, end, Math.round(ms));
    resumeAt = end;
  }
}
