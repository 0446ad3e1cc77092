/**
 * A value taken back in the middle of a Chinese sentence, as voice input says it: "十分钟不对十五分钟",
 * "下午三点不对三点半", "明天早上七点 不是 八点", "五个 不是 六个". Of two values of one kind that only a
 * take-back word parts, the first is dropped, so every slot reader sees the value the user meant; a
 * clock time said bare after a time with its day ("明天早上七点 不对 八点") keeps that day. This file
 * drops taken-back ENTITY values; `lang/zh/zh-split-at-take-back.ts` splits the text for whole-value readers.
 *
 * @module
 */
import type { Entity, EntityKind } from '../types.ts';

/**
 * The words that take back what was just said: 不对, 不不, 哦不, 说错了. Shared with the Chinese
 * readers of whole values (names, sums) in `lang/zh/zh-split-at-take-back.ts`. @internal
 */
export const ZH_TAKE_BACK_WORDS = '(?:[啊哦噢呃额]?不对|不不|[哦噢呃额啊]不(?![用要是会能行好过了])|[说打写讲]错了)';

/**
 * Only a take-back word between two values of one kind: "不对", "说错了 应该是", "，不是，".
 * 不是 takes back only as a word of its own, with a pause after it ("五个 不是 六个"): said against
 * the value ("改成五分钟 不是十八分钟") it says what the value is not.
 */
const BETWEEN = new RegExp(
  String.raw`^[\s，,。！!…]*(?:${ZH_TAKE_BACK_WORDS}(?:吧|啊|呀|哈)?|不是[\s，,。！!…])[\s，,。！!…]*(?:还是|改成|换成|应该是|那就|是)?[\s，,]*$`,
  'u',
);

/** Kinds that one take-back may replace by another: a date by a time, a sum of money by a number. */
const FAMILY: Readonly<Record<EntityKind, string>> = {
  custom: 'custom',
  email: 'email',
  url: 'url',
  phone: 'phone',
  money: 'amount',
  percentage: 'percentage',
  datetime: 'time',
  date: 'time',
  time: 'time',
  duration: 'duration',
  ordinal: 'ordinal',
  number: 'amount',
  slot: 'slot',
};

/** The clock part of a time ("七点", "7:30", "八点半"): what comes before it is its day. */
const CLOCK = /[零一二两三四五六七八九十\d]+\s*(?:点|:|：|时)/u;

/**
 * Drops each value that a take-back word replaces.
 * @param entities the entities of `text`, sorted by start, not overlapping
 * @param text the text they were found in
 * @param reread reads a piece of text again (a bare clock time with the day of the value it replaces)
 * @returns the entities the user meant, in order
 */
export function withoutTakenBackZh(entities: Entity[], text: string, reread: (text: string) => Entity[]): Entity[] {
  const kept: Entity[] = [];
  for (const e of entities) {
    const last = kept.at(-1);
    if (
      last === undefined ||
      FAMILY[last.kind] !== FAMILY[e.kind] ||
      !(BETWEEN.test(text.slice(last.end, e.start)) || BETWEEN.test(withoutSharedMeasure(text, last, e))) ||
      contrasts(text, last, e)
    ) {
      kept.push(e);
      continue;
    }
    // One span over both values and the take-back, so what is read around it ("去接孩子") keeps none of them.
    const meant = FAMILY[e.kind] === 'time' ? withDayOf(last, e, reread) : withCurrencyOf(last, e);
    kept[kept.length - 1] = { ...meant, start: last.start, text: text.slice(last.start, e.end) };
  }
  return kept;
}

/** "是三点 不是 四点", "我说的是七点 不是 八点": a value said with 是, then what it is not. */
function contrasts(text: string, first: Entity, second: Entity): boolean {
  return /是\s*$/u.test(text.slice(0, first.start)) && text.slice(first.end, second.start).includes('不是');
}

/** The text between two values, without the measure word they share ("五个 不是 六个" → " 不是 "). */
function withoutSharedMeasure(text: string, first: Entity, second: Entity): string {
  const gap = text.slice(first.end, second.start);
  const word = text.charAt(second.end);
  return /\p{Script=Han}/u.test(word) && gap.startsWith(word) ? gap.slice(1) : gap;
}

/** "一百块不对是一百二": the bare number keeps the currency of the amount it replaces. */
function withCurrencyOf(first: Entity, second: Entity): Entity {
  if (first.kind !== 'money' || second.kind !== 'number' || typeof second.value !== 'number') return second;
  return { ...second, kind: 'money', value: { ...(first.value as object), amount: second.value } };
}

/** "明天早上七点 不对 八点": the bare 八点 read with 明天早上. */
function withDayOf(first: Entity, second: Entity, reread: (text: string) => Entity[]): Entity {
  if (second.kind !== 'time') return second;
  const clock = CLOCK.exec(first.text);
  if (clock === null || clock.index === 0 || CLOCK.exec(second.text)?.index !== 0) return second;
  const again = reread(first.text.slice(0, clock.index) + second.text);
  const whole = again.length === 1 ? again[0] : undefined;
  return whole === undefined || (whole.kind !== 'time' && whole.kind !== 'datetime')
    ? second
    : { ...second, kind: whole.kind, value: whole.value };
}
