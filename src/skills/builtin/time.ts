/**
 * Built-in skills for the clock: the time (here or in a named place), time zones, and dates
 * ("what's the date tomorrow", "what day will it be in 6 days", "明天几号"), answered in the
 * turn's language.
 *
 * @module
 */
import type { DialogueSlot } from '../../dialogue/types.ts';
import { hasHan } from '../../nlu/runtime/language-id.ts';
import { formatZone } from '../../lang/format.ts';
import { byLanguage, packFor, type LanguagePack } from '../../lang/pack.ts';
import { zhPlaceName } from '../../lang/zh/zh-places.ts';
import type { SkillContext, SkillDefinition } from '../../skills/types.ts';
import { daysBetween, isoDateIn, toIsoDate } from './clock.ts';
import { pick, type Random } from './phrasing.ts';
import { englishPlaceName, findPlace, placeByName, type Place } from './places.ts';

/** The place a turn names, by its display name (`Paris`, `New York`). */
export const placeSlot: DialogueSlot = {
  name: 'place',
  kind: 'custom:place',
  prompt: byLanguage((p) => p.skills.time.askPlace),
  required: false,
  extract: ({ text }) => findPlace(text)?.name,
};

const FILLER =
  /^(?:the\s+)?(?:world|here|my (?:area|city|location|time ?zone|place)|this (?:area|place|city|time ?zone)|the (?:morning|afternoon|evening)|now|right now)$/;
const ZH_FILLER = /^(?:这里|这边|我这|我这里|我们这|我们这里|本地|当地|现在|今天|此刻|北京时间)$/u;

/**
 * A place the user named that the gazetteer does not know ("what time is it in Reykjavik",
 * "雷克雅未克现在几点"), to be honest about.
 */
function unknownPlace(text: string): string | undefined {
  if (hasHan(text)) {
    const zh =
      /^(?:请问|那)?(\p{Script=Han}{2,8}?)(?:现在|那边|那里|那儿|这会儿|此刻)(?:是)?(?:几点|什么时间|多少点)/u.exec(
        text.trim(),
      );
    const name = zh?.[1];
    return name === undefined || ZH_FILLER.test(name) ? undefined : name;
  }
  const m =
    /\b(?:in|for|of)\s+([\p{L}][\p{L} .'-]{1,40}?)\s*(?:right now|now|currently|today|please|time ?zone|at the moment)?\s*[?.!]*$/iu.exec(
      text,
    );
  const name = m?.[1]?.trim();
  if (name === undefined || FILLER.test(name.toLowerCase())) return undefined;
  return name.replace(/(^|\s)(\p{L})/gu, (_, sp: string, c: string) => sp + c.toUpperCase());
}

function placeOf(ctx: SkillContext): Place | undefined {
  return typeof ctx.slots['place'] === 'string' ? placeByName(ctx.slots['place']) : undefined;
}

/** A place's name in the pack's language. */
function nameIn(pack: LanguagePack, place: Place): string {
  return pack.lang === 'zh' ? zhPlaceName(place.name) : englishPlaceName(place.name);
}

/** The pack's note for a country spanning several zones, after a space (or none in Chinese). */
function spansNote(pack: LanguagePack, place: Place): string {
  const note = place.spans === undefined ? undefined : pack.skills.time.spans[place.spans];
  return note === undefined ? '' : pack.lang === 'zh' ? note : ` ${note}`;
}

function timeReply(ctx: SkillContext, random: Random): string {
  const pack = packFor(ctx.lang);
  const say = pack.skills.time;
  const place = placeOf(ctx);
  const here = pack.format.time(ctx.now, ctx.timeZone);
  if (place === undefined) {
    const unknown = unknownPlace(ctx.text);
    if (unknown !== undefined) return say.unknownPlace(unknown, here);
    return pick(say.now(here), random);
  }
  const there = pack.format.time(ctx.now, place.zone);
  const dayDiff = daysBetween(isoDateIn(ctx.now, ctx.timeZone), isoDateIn(ctx.now, place.zone));
  const day = dayDiff === 0 ? 0 : dayDiff > 0 ? 1 : -1;
  return `${pick(say.there(nameIn(pack, place), there, day), random)}${spansNote(pack, place)}`;
}

function timezoneReply(ctx: SkillContext): string {
  const pack = packFor(ctx.lang);
  const say = pack.skills.time;
  const place = placeOf(ctx);
  if (place === undefined) {
    const unknown = unknownPlace(ctx.text);
    if (unknown !== undefined) return say.unknownZone(unknown);
    const { name, offset } = formatZone(ctx.now, ctx.timeZone, pack.tag);
    return say.zoneHere(name, ctx.timeZone, offset);
  }
  const { name, offset } = formatZone(ctx.now, place.zone, pack.tag);
  return `${say.zoneThere(nameIn(pack, place), name, offset)}${spansNote(pack, place)}`;
}

/**
 * The time and time-zone skill (`time`, `timezone`).
 * @param random the injected random source
 */
export function createTimeSkill(random: Random): SkillDefinition {
  return {
    id: 'builtin.time',
    version: '1.0.0',
    intents: ['time', 'timezone'],
    description: 'tell the time anywhere',
    intentDescriptions: {
      time: 'what time is it, here or in a city; 现在几点',
      timezone: 'the time zone of a place; 时区',
    },
    slots: [placeSlot],
    execute: (ctx) => (ctx.intent === 'timezone' ? timezoneReply(ctx) : timeReply(ctx, random)),
  };
}

/** The date a turn names (`tomorrow`, `in 6 days`, `December 25`, `后天`), from a date entity. */
const dateSlot: DialogueSlot = {
  name: 'date',
  kind: 'date',
  prompt: byLanguage((p) => p.skills.date.askDate),
  required: false,
};

/**
 * How far ahead a day is still counted down in days ("距离春节还有几天", "how long till christmas"):
 * a countdown wants the number, up to a year and a bit; further off, the day alone is clearer.
 */
const COUNTDOWN_DAYS = 400;
/** How far back "N days ago" is said: past days are rarely counted, so a month. */
const DAYS_AGO = 31;

function dateReply(ctx: SkillContext, random: Random): string {
  const pack = packFor(ctx.lang);
  const say = pack.skills.date;
  const place = placeOf(ctx);
  const zone = place?.zone ?? ctx.timeZone;
  const today = isoDateIn(ctx.now, zone);
  const target = toIsoDate(ctx.slots['date'], zone) ?? today;
  const year = Number(today.slice(0, 4));
  const spoken = pack.format.date(target, year);
  const days = daysBetween(today, target);
  if (days === 0) return pick(say.today(spoken, place === undefined ? undefined : nameIn(pack, place)), random);
  if (days === 1) return say.tomorrow(spoken);
  if (days === -1) return say.yesterday(spoken);
  if (days > 1 && days <= COUNTDOWN_DAYS) return say.inDays(days, spoken);
  if (days < -1 && days >= -DAYS_AGO) return say.daysAgo(-days, spoken);
  return say.other(spoken);
}

/**
 * The date skill (`date`).
 * @param random the injected random source
 */
export function createDateSkill(random: Random): SkillDefinition {
  return {
    id: 'builtin.date',
    version: '1.0.0',
    intents: ['date'],
    description: 'tell you the date',
    intentDescriptions: { date: "today's date, the day of a date; 今天几号 星期几" },
    slots: [dateSlot, placeSlot],
    execute: (ctx) => dateReply(ctx, random),
  };
}
