/**
 * Built-in skills for the clock: the time (here or in a named place), time zones, and dates
 * ("what's the date tomorrow", "what day will it be in 6 days").
 *
 * @module
 */
import type { DialogueSlot } from '../../dialogue/types.ts';
import type { SkillContext, SkillDefinition } from '../../skills/types.ts';
import { daysBetween, isoDateIn, speakDate, speakTime, toIsoDate, zoneNames } from './clock.ts';
import { pick, type Random } from './phrasing.ts';
import { findPlace, placeByName, type Place } from './places.ts';

/** The place a turn names, by its display name (`Paris`, `New York`). */
export const placeSlot: DialogueSlot = {
  name: 'place',
  kind: 'custom:place',
  prompt: ['Which city or country?', 'Where do you mean?'],
  required: false,
  extract: ({ text }) => findPlace(text)?.name,
};

const FILLER =
  /^(?:the\s+)?(?:world|here|my (?:area|city|location|time ?zone|place)|this (?:area|place|city|time ?zone)|the (?:morning|afternoon|evening)|now|right now)$/;

/** A place the user named that the gazetteer does not know ("what time is it in Reykjavik"), to be honest about. */
function unknownPlace(text: string): string | undefined {
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

function timeReply(ctx: SkillContext, random: Random): string {
  const place = placeOf(ctx);
  const here = speakTime(ctx.now, ctx.timeZone, ctx.lang);
  if (place === undefined) {
    const unknown = unknownPlace(ctx.text);
    if (unknown !== undefined) return `I don't know the time zone of ${unknown} yet, sorry. Here it's ${here}.`;
    return pick([`It's ${here}.`, `It's ${here} right now.`, `Right now it's ${here}.`], random);
  }
  const there = speakTime(ctx.now, place.zone, ctx.lang);
  const dayDiff = daysBetween(isoDateIn(ctx.now, ctx.timeZone), isoDateIn(ctx.now, place.zone));
  const day = dayDiff === 0 ? '' : dayDiff > 0 ? ' tomorrow' : ' yesterday';
  const note = place.note === undefined ? '' : ` ${place.note}`;
  return `${pick([`It's ${there}${day} in ${place.name}.`, `In ${place.name} it's ${there}${day}.`], random)}${note}`;
}

function timezoneReply(ctx: SkillContext): string {
  const place = placeOf(ctx);
  if (place === undefined) {
    const unknown = unknownPlace(ctx.text);
    if (unknown !== undefined) return `I don't know the time zone of ${unknown} yet, sorry.`;
    const { name, offset } = zoneNames(ctx.now, ctx.timeZone, ctx.lang);
    return `Your time zone is ${name} (${ctx.timeZone}), ${offset} right now.`;
  }
  const { name, offset } = zoneNames(ctx.now, place.zone, ctx.lang);
  const note = place.note === undefined ? '' : ` ${place.note}`;
  return `${place.name} is on ${name}, ${offset} right now.${note}`;
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

/** The date a turn names (`tomorrow`, `in 6 days`, `December 25`), from a date entity. */
const dateSlot: DialogueSlot = { name: 'date', kind: 'date', prompt: 'Which day?', required: false };

function dateReply(ctx: SkillContext, random: Random): string {
  const place = placeOf(ctx);
  const zone = place?.zone ?? ctx.timeZone;
  const today = isoDateIn(ctx.now, zone);
  const target = toIsoDate(ctx.slots['date'], zone) ?? today;
  const year = Number(today.slice(0, 4));
  const spoken = speakDate(target, ctx.lang, year);
  const days = daysBetween(today, target);
  const where = place === undefined ? '' : ` in ${place.name}`;
  if (days === 0) return pick([`Today is ${spoken}${where}.`, `It's ${spoken}${where}.`], random);
  if (days === 1) return `Tomorrow is ${spoken}.`;
  if (days === -1) return `Yesterday was ${spoken}.`;
  if (days > 1 && days <= 31) return `In ${days} days it will be ${spoken}.`;
  if (days < -1 && days >= -31) return `${-days} days ago it was ${spoken}.`;
  return `That's ${spoken}.`;
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
