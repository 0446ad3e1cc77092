/**
 * Slot filling helpers: reading a slot's value from a turn (its extractor, then the words the
 * learned slot tagger found for it, then an entity of its kind, then the whole answer for `text`
 * slots), validating it, and finding what is still missing.
 *
 * The tagger's spans arrive as entities of kind `slot` (see `nlu/tagger/slot-entities.ts`), so a
 * request fills its slots without being asked: "what is the weather in Paris" fills the city.
 *
 * @module
 */
import type { Entity } from '../nlu/types.ts';
import { formatDateTime, instantOf, wallTimeAt } from '../nlu/entities/time-zone.ts';
import { packFor, promptsIn } from '../lang/pack.ts';
import { readTalk } from '../lang/talk.ts';
import { foldHanVariants } from '../nlu/runtime/han-variants.ts';
import { hasHan } from '../nlu/runtime/language-id.ts';
import type { SkillDefinition } from '../skills/types.ts';
import type { DialogueSlot, SlotExtractInput } from './types.ts';
import { PRONOUN_WORDS, STAND_IN_WORDS } from '../lang/en/en-stand-ins.ts';

/** Entity kinds accepted for a slot kind: a `datetime` also answers "what time?" and "what day?". */
const COMPATIBLE: Record<string, readonly string[]> = {
  time: ['time', 'datetime'],
  date: ['date', 'datetime'],
  datetime: ['datetime', 'date', 'time'],
  number: ['number'],
};

/**
 * The default tagger's names for slot names skills commonly use: a manifest's `city` slot is
 * filled by what the tagger calls a `place`.
 */
const TAG_ALIASES: Readonly<Record<string, string>> = {
  city: 'place',
  town: 'place',
  location: 'place',
  country: 'place',
  destination: 'place',
  items: 'item',
  reminder: 'task',
  username: 'name',
  user_name: 'name',
};

/**
 * Below this confidence (the lowest CRF marginal of its tokens) a tagged span is not used: the
 * assistant asks instead of guessing. Chosen on the default tagger's validation examples, where
 * right spans score above 0.9 and most wrong ones under 0.5.
 */
export const MIN_TAG_CONFIDENCE = 0.5;

/**
 * The slot tagger's name for a slot's words: its `tag`, else its name (or the tagger's name for it).
 * @param slot the slot
 */
export function tagOf(slot: DialogueSlot): string {
  return slot.tag ?? TAG_ALIASES[slot.name] ?? slot.name;
}

/**
 * Words that stand for a value without being one ("add something to my list", "call me something
 * else", "提醒我一下 有件事"): the skill should ask which, so a tagged span of only these is dropped.
 */
const PLACEHOLDER = new RegExp(
  String.raw`^(?:${PRONOUN_WORDS}|them|these|those|one|an?|the|(?:${STAND_IN_WORDS})(?: else)?|(?:a|the|some) words?|anything(?: else)?|everything|some ?things?|an? (?:few|couple(?: of)?) (?:things|items)|a few|items?|things?|later|now|again|somewhere|anywhere|here|there|someone|somebody|\p{Script=Han}{0,1}(?:东西|什么|一些)|(?:一下\s*)?(?:有|有个|有件|有点)?(?:一件|件|个)?事(?:情|儿|项)?|一下)$`,
  'iu',
);

/** Chinese sentence particles at the end of a span ("个事哈", "一下呗"). */
const ZH_PARTICLES_AFTER = /(?<=\p{Script=Han})(?:呗|嘛|啦|咯|呢|吧|哈|啊|呀|哦)+$/u;

/**
 * The words the slot tagger found for `tag` in a turn, confident enough, in text order.
 * @param entities the turn's entities (the tagger's have kind `slot`)
 * @param tag the tagger's slot name
 * @returns the spans' texts (trimmed of edge punctuation)
 */
export function taggedValues(entities: readonly Entity[], tag: string): string[] {
  const out: string[] = [];
  for (const e of entities) {
    if (e.kind !== 'slot' || e.name !== tag || (e.confidence ?? 1) < MIN_TAG_CONFIDENCE) continue;
    const text = e.text.replace(/^[\s"“'‘,.!?]+|[\s"”'’,.!?]+$/gu, '');
    // "提醒我个事哈", "你帮忙提醒我一下呗": the particle after the stand-in makes it no value either.
    if (text !== '' && !PLACEHOLDER.test(text.replace(ZH_PARTICLES_AFTER, ''))) out.push(text);
  }
  return out;
}

/**
 * The slots a skill declares, as dialogue slots (possibly with an extractor).
 * @param skill a skill definition
 */
export function slotsOf(skill: SkillDefinition): readonly DialogueSlot[] {
  return (skill.slots ?? []) as readonly DialogueSlot[];
}

/**
 * Trims what people wrap an answer in: punctuation, "it's", "um", "please", and the Chinese
 * "呃", "就", "吧", "谢谢".
 * @param text an answer, e.g. `"Um, it's Paris, please."`, `"呃，就巴黎吧"`
 * @returns e.g. `"Paris"`, `"巴黎"`
 */
export function cleanAnswer(text: string): string {
  return text
    .trim()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/^(?:(?:um+|uh+|er+|well|ok(?:ay)?|so|oh)[,.\s]+)+/i, '')
    .replace(/^(?:it'?s|it is|that'?s|make it|let'?s say|i'?d say|maybe)\s+/i, '')
    .replace(/[\s,]*(?:please|pls|plz|thanks|thank you|thx)\s*[.!?]*$/i, '')
    .replace(/[\s.!?,;:]+$/, '')
    .replace(/[\s。！？，、；：]+$/u, '')
    .replace(/^[嗯呃额啊哦噢]+[，,。\s]*/u, '')
    .replace(/^(?:那就|那|就|应该是|大概是?|差不多|是)(?=\S)/u, '')
    .replace(/[，,\s]*(?:谢谢|谢啦|麻烦了)$/u, '')
    .replace(/[吧啊呀呢哦啦]+$/u, '')
    .replace(/[\s。！？，、；：.!?,;:]+$/u, '')
    .trim();
}

/** The entity value for a slot kind, from the turn's entities; undefined when none fits. */
function entityFor(kind: string, entities: readonly Entity[]): unknown {
  if (kind.startsWith('custom:')) {
    const name = kind.slice('custom:'.length);
    return entities.find((e) => e.kind === 'custom' && e.name === name)?.value;
  }
  const accepted = COMPATIBLE[kind] ?? [kind];
  for (const wanted of accepted) {
    const e = entities.find((x) => x.kind === wanted);
    if (e !== undefined) return e.value;
  }
  return undefined;
}

/** Answers longer than this many words are read through the tagger when it found the slot's words in them. */
const SHORT_ANSWER_WORDS = 3;

/**
 * Reads one slot's value from a turn.
 *
 * A turn that only talks (`lang/talk.ts`: a reaction, an aside, a feeling) answers nothing.
 * Order: the slot's own `extract` (it knows its vocabulary), then — for `text` and `custom:`
 * slots — the words the slot tagger found for it, then an entity of the slot's kind, then (only
 * when the turn answers a question about this slot) the whole cleaned answer for a `text` slot.
 * A short answer ("Paris, please") is taken whole; a long one ("I'd like the weather in Paris")
 * gives the tagged words when there are some.
 *
 * @param slot the slot
 * @param input the turn
 * @returns the value, or `undefined` when the turn does not fill the slot
 */
export function extractSlot(slot: DialogueSlot, input: SlotExtractInput): unknown {
  // "lol", "哈哈", "idk", "one sec", "asdf" or a feeling answer no question: not a name, an item or a reminder's text.
  if (input.answer && (slot.kind === 'text' || slot.kind.startsWith('custom:')) && readTalk(input.text) !== undefined)
    return undefined;
  const extracted = slot.extract === undefined ? undefined : extractFolded(slot.extract, input);
  if (extracted !== undefined && extracted !== null && extracted !== '') return extracted;
  if (slot.kind === 'text') {
    const tagged = taggedValues(input.entities, tagOf(slot))[0];
    if (!input.answer) return tagged;
    const answer = cleanAnswer(input.text);
    if (tagged !== undefined && answer.split(/\s+/).length > SHORT_ANSWER_WORDS) return tagged;
    return answer === '' ? undefined : answer;
  }
  if (slot.kind.startsWith('custom:')) {
    const listed = entityFor(slot.kind, input.entities);
    return listed ?? taggedValues(input.entities, slot.tag ?? TAG_ALIASES[slot.name] ?? slot.kind.slice(7))[0];
  }
  const value = entityFor(slot.kind, input.entities);
  if (value === undefined) return correctedHour(slot, input) ?? (input.answer ? answeredClock(slot, input) : undefined);
  return input.answer && (slot.kind === 'time' || slot.kind === 'datetime')
    ? onTheDay(input.slots[slot.name], value, input.entities)
    : value;
}

/**
 * A slot's own reader run on the turn with its traditional characters read as simplified ones ("紐約現在幾點",
 * "還有預約剪頭髮", "我叫什麼名字"), as the intent model, the entity grammars and the decision read them: the
 * readers' words are simplified Chinese. A value found in that copy is given back in the user's own characters
 * (the copy keeps every offset), so 紐約 stays 紐約; a value written by the reader without Chinese words (a
 * sum "(380 * 2) - 40") is kept; one with Chinese words not found as said is read again from the text as typed.
 */
function extractFolded(extract: NonNullable<DialogueSlot['extract']>, input: SlotExtractInput): unknown {
  const folded = hasHan(input.text) ? foldHanVariants(input.text, { keepLength: true }) : input.text;
  if (folded === input.text) return extract(input);
  const own = (v: unknown): unknown => {
    if (typeof v !== 'string' || v === '') return v;
    const at = folded.indexOf(v);
    // A value the reader wrote itself without Chinese words ("(380 * 2) - 40") is kept as it is.
    if (at < 0) return hasHan(v) ? undefined : v;
    return input.text.slice(at, at + v.length);
  };
  // The entities' texts read the same way, so a reader that strips a date ("九點") finds it in the copy.
  const entities = input.entities.map((e) => ({ ...e, text: folded.slice(e.start, e.end) }));
  const value = extract({ ...input, text: folded, entities });
  if (value === undefined || value === null) return value;
  const mapped = Array.isArray(value) ? value.map(own) : own(value);
  // Any value not found as said: the reader's own result on the typed text, as before.
  if (mapped === undefined || (Array.isArray(mapped) && mapped.some((v) => v === undefined))) return extract(input);
  return mapped;
}

/** Entity kinds that say when, never what. */
const WHEN_KINDS: ReadonlySet<string> = new Set(['date', 'time', 'datetime', 'duration']);

/**
 * "10 in the morning please" answering "what is the reminder for?": an answer made only of a time
 * (or a day, or a length) says when rather than what. `extractSlot` still reads it as the text asked
 * for (the context model was trained on that reading); the dialogue decides what to do with it.
 * @param text the turn
 * @param entities the turn's entities
 */
export function onlyWhen(text: string, entities: readonly Entity[]): boolean {
  const answer = cleanAnswer(text);
  let rest = answer;
  for (const e of entities) if (WHEN_KINDS.has(e.kind)) rest = rest.replace(e.text, ' ');
  return rest !== answer && !/[\p{L}\p{N}]/u.test(rest);
}

/** A bare answer that can only be a clock time: "7", "at 7", "630", "0715", "7 o'clock". */
const BARE_CLOCK = /^(?:at\s+|for\s+|by\s+)?(\d{1,2})(?::?([0-5]\d))?(?:\s*o['’]?\s?clock)?$/i;

/**
 * "7" or "630" answering "When should it go off?": the number entity alone is no time to the entity
 * reader (a bare number is also an amount), but as the answer to a time question it is that clock
 * time: on the day the task already has ("set an alarm for saturday", then "7"), else its next
 * occurrence, as "at 7" is read.
 */
function answeredClock(slot: DialogueSlot, input: SlotExtractInput): string | undefined {
  if ((slot.kind !== 'time' && slot.kind !== 'datetime') || input.now === undefined || input.timeZone === undefined)
    return undefined;
  const m = BARE_CLOCK.exec(cleanAnswer(input.text));
  if (m === null) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  if (hour > 23) return undefined;
  const day = input.slots[slot.name];
  const base = typeof day === 'string' && ISO_DATE.test(day) ? day : undefined;
  const now = wallTimeAt(input.now.getTime(), input.timeZone);
  const wall = { ...now, hour, minute, second: 0, millisecond: 0 };
  if (base !== undefined) {
    const [year, month, date] = base.split('-').map(Number) as [number, number, number];
    return formatDateTime(instantOf({ ...wall, year, month, day: date }, input.timeZone), input.timeZone);
  }
  let at = instantOf(wall, input.timeZone);
  if (at <= input.now.getTime()) at = instantOf({ ...wall, day: wall.day + 1 }, input.timeZone);
  return formatDateTime(at, input.timeZone);
}

/**
 * A clock time said for a task that already has its day ("set an alarm for saturday", then "7am"):
 * that time on that day, not the next 7am. Other values are returned as they are.
 */
function onTheDay(previous: unknown, next: unknown, entities: readonly Entity[]): unknown {
  if (
    typeof previous !== 'string' ||
    !ISO_DATE.test(previous) ||
    typeof next !== 'string' ||
    !ISO_DATE_TIME.test(next) ||
    !entities.some((e) => e.kind === 'time' && e.value === next)
  )
    return next;
  return previous + next.slice(10);
}

/**
 * "oops, I meant 5" after "remind me at 4pm": a bare hour correcting a date-time slot is that hour on
 * the same day, in the half of the day nearest the time it corrects (17:00, not 05:00).
 */
function correctedHour(slot: DialogueSlot, input: SlotExtractInput): string | undefined {
  if (input.cue === undefined || (slot.kind !== 'time' && slot.kind !== 'datetime')) return undefined;
  const previous = input.slots[slot.name];
  if (typeof previous !== 'string' || !ISO_DATE_TIME.test(previous)) return undefined;
  const numbers = input.entities.filter((e) => e.kind === 'number');
  const hour = numbers[0]?.value;
  if (numbers.length !== 1 || typeof hour !== 'number' || !Number.isInteger(hour) || hour < 0 || hour > 23)
    return undefined;
  const before = Number(previous.slice(11, 13));
  const other = (hour + 12) % 24;
  const nearest = hour >= 1 && hour < 12 && Math.abs(other - before) < Math.abs(hour - before) ? other : hour;
  return `${previous.slice(0, 11)}${String(nearest).padStart(2, '0')}:00:00${previous.slice(19)}`;
}

/**
 * Reads every slot of a skill the turn names (a `text` slot only from its extractor or the tagger's words).
 * @param skill the skill
 * @param input the turn (`answer` is ignored: always `false` here)
 * @returns the values found, by slot name
 */
export function extractSlots(skill: SkillDefinition, input: Omit<SlotExtractInput, 'answer'>): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  // One input for all the skill's slots (they already share its entities and slots): a spread per
  // slot cost more than most extractors, on every skill of every turn (the context features read them all).
  const asked = { ...input, answer: false };
  for (const slot of slotsOf(skill)) {
    const value = extractSlot(slot, asked);
    if (value !== undefined) found[slot.name] = value;
  }
  return found;
}

/**
 * Validates a candidate value with the slot's `validate`, which must not throw (a throw counts as invalid).
 * @param slot the slot
 * @param value the candidate value
 * @param lang the turn's language, for the message @default 'en'
 * @returns `true`, or the message to re-ask with
 */
export function validateSlot(slot: DialogueSlot, value: unknown, lang = 'en'): true | string {
  if (slot.validate === undefined) return true;
  try {
    // The slot's words are simplified Chinese: "什麼" is checked as "什么" (the value keeps its characters).
    const verdict = slot.validate(typeof value === 'string' && hasHan(value) ? foldHanVariants(value) : value, lang);
    return verdict === true
      ? true
      : typeof verdict === 'string' && verdict !== ''
        ? verdict
        : promptOf(slot, () => 0, lang);
  } catch {
    return promptOf(slot, () => 0, lang);
  }
}

/**
 * The first required slot without a value.
 * @param skill the skill
 * @param filled names of the slots that have a value
 */
export function missingSlot(skill: SkillDefinition, filled: ReadonlySet<string>): DialogueSlot | undefined {
  return slotsOf(skill).find((s) => s.required !== false && !filled.has(s.name));
}

/**
 * The question that asks for a slot, one of its prompts at random, in the turn's language when
 * the slot has prompts per language (else English, else the first language it has).
 * @param slot the slot
 * @param random the injected random source
 * @param lang the turn's language (`en`, `zh-CN`, …) @default 'en'
 */
export function promptOf(slot: DialogueSlot, random: () => number, lang = 'en'): string {
  const prompts = promptsIn(slot.prompt, lang);
  if (prompts.length === 0) return packFor(lang).dialogue.slotQuestion(slot.name);
  return prompts[Math.min(prompts.length - 1, Math.floor(random() * prompts.length))]!;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Combines a replaced date-time slot with its previous value when the turn names only a time of
 * day: after "remind me tomorrow at 6", "no, I meant 7pm" means tomorrow at 7, not today.
 *
 * @param slot the slot being replaced
 * @param previous its value before this turn
 * @param next the value read from this turn
 * @param entities the turn's entities (to tell a bare time from a date-time)
 * @returns the value to keep
 */
export function keepDay(slot: DialogueSlot, previous: unknown, next: unknown, entities: readonly Entity[]): unknown {
  if (slot.kind !== 'time' && slot.kind !== 'datetime') return next;
  // "Set an alarm for saturday" then "no, 8am": the time goes on the day the task has.
  if (typeof previous === 'string' && ISO_DATE.test(previous)) return onTheDay(previous, next, entities);
  // "Sorry, I meant Sunday": a new day keeps the time of day it had.
  if (typeof previous === 'string' && typeof next === 'string' && ISO_DATE_TIME.test(previous) && ISO_DATE.test(next))
    return next + previous.slice(10);
  if (
    typeof previous !== 'string' ||
    typeof next !== 'string' ||
    !ISO_DATE_TIME.test(previous) ||
    !ISO_DATE_TIME.test(next)
  )
    return next;
  const bare = entities.find((e) => e.kind === 'time' && e.value === next);
  if (bare === undefined) return next;
  let time = next.slice(10);
  // "不对，改成九点" after "明天早上八点" is 9:00, not 21:00: a clock time said without a half of
  // the day takes the half nearest the time it corrects.
  if (!HALF_OF_DAY.test(bare.text)) {
    const hour = Number(next.slice(11, 13));
    const before = Number(previous.slice(11, 13));
    const other = (hour + 12) % 24;
    if (hour >= 1 && hour !== 12 && Math.abs(other - before) < Math.abs(hour - before))
      time = `T${String(other).padStart(2, '0')}${next.slice(13)}`;
  }
  return previous.slice(0, 10) + time;
}

/** Words that fix which half of the day a clock time is in ("7pm", "19:00", "下午三点"). */
const HALF_OF_DAY =
  /[ap]\.?m\b|noon|midnight|morning|afternoon|evening|night|tonight|\b(?:1[3-9]|2[0-3])(?::|\b)|早|晚|午|夜|凌晨|傍晚/iu;
