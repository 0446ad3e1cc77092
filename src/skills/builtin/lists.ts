/**
 * Built-in to-do and shopping lists, kept encrypted in the skill's `ctx.storage`: add, remove,
 * check, show, and clear (after a confirmation).
 *
 * @module
 */
import type { DialogueSkill, DialogueSlot, SlotExtractInput } from '../../dialogue/types.ts';
import type { SkillContext } from '../../skills/types.ts';
import { hasHan } from '../../nlu/runtime/language-id.ts';
import { byLanguage, joinSentences, packFor, type LanguagePack } from '../../lang/pack.ts';
import { listWordsZh, parseListRequestZh, readsListZh, splitItemsZh } from '../../lang/zh/zh-list-parse.ts';
import { asksIfDone, readsBack, simplifyTurn } from '../../lang/en/en-turn-acts.ts';
import { taggedValues } from '../../dialogue/slots.ts';
import { isReadOnly, parseListRequest, splitItems, type ListRequest } from './list-parse.ts';
import { pick, type Random } from './phrasing.ts';
import { lastParse } from './last-parse.ts';
import { collator } from '../../intl-cache.ts';

/** The most items one list keeps, and the longest item, so a pasted novel cannot fill the store. */
const MAX_ITEMS = 200;
const MAX_ITEM_CHARS = 100;

/** Which list a skill keeps. */
interface ListConfig {
  id: string;
  /** Which list: its spoken name is the language pack's (`shopping list`, `购物清单`). */
  name: 'shopping' | 'todo';
  intents: [read: string, update: string];
  description: string;
  /** What each of the two intents asks for (the context model reads them). */
  intentDescriptions: [read: string, update: string];
}

/** The list parser for a text's language: Chinese when it has Han characters ("把oat milk加到清单" too). */
function parserFor(text: string): { parse: (text: string) => ListRequest; split: (text: string) => string[] } {
  return hasHan(text)
    ? { parse: parseListRequestZh, split: splitItemsZh }
    : { parse: parseListRequest, split: splitItems };
}

/** The request parsed in its language, remembered for the next slot: four slots per list read each turn. */
const parseRemembered = lastParse((text: string) => parserFor(text).parse(text));

/**
 * {@link parserFor}'s parse of a text, remembered (./last-parse.ts): a copy, since the item lists
 * become slot values that the dialogue state keeps.
 */
function parseOnce(text: string): ListRequest {
  const parsed = parseRemembered(text);
  return { ...parsed, add: [...parsed.add], remove: [...parsed.remove], check: [...parsed.check] };
}

/**
 * A question is not an item: "what's on the list?", "ok whats on it", "清单上有什么？" asked instead
 * of answering (after a filler, and typed without the apostrophe).
 */
const QUESTION =
  /^(?:(?:ok(?:ay)?|so|and|oh|um+|uh+|hmm+|well|wait)\b[\s,]*)*(?:what|whats|wat|wats|wut|which|how|hows|is|are|(?:do|does|can|could)\s+(?:i|we|you|u|it|my|the|there)\b(?!\s+(?:please\s+)?(?:add|put|pop|stick|remove|take|delete|cross))|did\s+(?:i|we|you|u|ya)\b|who|why|when|where|show|read|tell)\b|什么|啥|哪些|吗$|几样|看|查|读|念|显示|列出|有没有|还剩|剩下|都有|就这些/iu;

/** {@link QUESTION} in a turn's words, Cantonese ones said as Mandarin ("睇下购物单有乜嘢先", "仲有咩"). */
function asksQuestion(text: string): boolean {
  return QUESTION.test((hasHan(text) ? listWordsZh(text) : text).trim().replace(/[?？!！。.]+$/u, ''));
}

/** An English question about what is on a list: "wats on it rn", "what's in my to do list". */
const ON_THE_LIST = /\b(?:on|in)\s+(?:it|there|(?:my|the|our)\b)/i;

/** An English question that reads the list: "wats on it rn", "is the list empty now", "read them back pls". */
function readsListEn(text: string): boolean {
  const asked = text.trim();
  return (
    (QUESTION.test(asked) && ON_THE_LIST.test(asked)) ||
    readsBack(simplifyTurn(asked)) ||
    asksIfDone(simplifyTurn(asked))
  );
}

/** "the task is (to) renew my passport", "the item is oat milk": the frame of an answer. */
const THE_ITEM_IS = /^(?:the\s+)?(?:task|item|thing|one|job)\s+is\s+(?:to\s+)?/i;

/** Reads one kind of change; on a cued follow-up without a verb ("and eggs", "还有鸡蛋"), repeats the last kind. */
function itemsExtractor(kind: 'add' | 'remove' | 'check') {
  return ({ text, slots, answer, cue, entities }: SlotExtractInput): string[] | undefined => {
    if (answer) {
      // Fillers around an answer ("ok cheese", "yeah, eggs please") are not items.
      const said = text
        .trim()
        .replace(/^(?:(?:ok(?:ay)?|k|um+|uh+|yeah|yes|so|just|well|hmm|oh|right|lol|also|and|n|then)\b[\s,]*)+/i, '');
      // "add eggs", "could you add rice" in answer to "what should I add?": the request's own items.
      const parser = parserFor(said);
      const asked = parser.parse(said)[kind];
      if (asked.length > 0) return asked;
      if (asksQuestion(said)) return undefined;
      const items = parser.split(said.replace(THE_ITEM_IS, ''));
      return items.length > 0 ? items : undefined;
    }
    const parsed = parseOnce(text);
    if (parsed[kind].length > 0) return parsed[kind];
    // Phrasings the list grammar does not know ("eggs and milk on the list please"): the items the
    // slot tagger found are additions, when the grammar read no change of any kind and the turn is
    // not a question about the list ("清单上现在有啥": the tagger may take 啥 for an item).
    if (kind === 'add' && cue === undefined && isReadOnly(parsed) && parsed.check.length === 0 && !asksQuestion(text)) {
      const tagged = taggedValues(entities, 'item');
      if (tagged.length > 0) return tagged;
    }
    if (cue !== undefined && Array.isArray(slots[kind]) && !QUESTION.test(cue.rest)) {
      const rest = parserFor(cue.rest);
      if (isReadOnly(rest.parse(cue.rest))) {
        const items = rest.split(cue.rest);
        return items.length > 0 ? items : undefined;
      }
    }
    return undefined;
  };
}

function listSlots(config: ListConfig): DialogueSlot[] {
  const named = <T>(get: (say: LanguagePack['skills']['lists'], list: string) => T) =>
    byLanguage((p) => get(p.skills.lists, p.skills.lists.name[config.name]));
  return [
    {
      name: 'add',
      kind: 'text',
      prompt: named((say, list) => say.askAdd(list)),
      required: false,
      carry: false,
      extract: itemsExtractor('add'),
    },
    {
      name: 'remove',
      kind: 'text',
      prompt: named((say, list) => say.askRemove(list)),
      required: false,
      carry: false,
      extract: itemsExtractor('remove'),
    },
    {
      name: 'check',
      kind: 'text',
      prompt: byLanguage((p) => p.skills.lists.askCheck),
      required: false,
      carry: false,
      extract: itemsExtractor('check'),
    },
    {
      name: 'clear',
      kind: 'text',
      prompt: named((say, list) => say.askClear(list)),
      required: false,
      carry: false,
      extract: ({ text, answer }) => (!answer && parseRemembered(text).clear ? true : undefined),
    },
  ];
}

// `a.localeCompare(b, undefined, { sensitivity: 'base' })`, with one collator instead of one per call.
const same = (a: string, b: string): boolean => collator(undefined, { sensitivity: 'base' }).compare(a, b) === 0;

/**
 * The stored item a removal names: the same words, or, in Chinese, the one item that holds them or
 * that they hold ("苹果" takes off "两斤苹果", "那盒鸡蛋" takes off "鸡蛋"): Chinese has no spaces to
 * tell a word from part of one, and people rarely repeat the measure word they added with.
 */
function stored(items: readonly string[], said: string): string | undefined {
  const exact = items.find((i) => same(i, said));
  if (exact !== undefined || !hasHan(said)) return exact;
  const near = items.filter((i) => hasHan(i) && (i.includes(said) || said.includes(i)));
  return near.length === 1 ? near[0] : undefined;
}
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map((x) => x.slice(0, MAX_ITEM_CHARS)) : [];

async function change(ctx: SkillContext, config: ListConfig, random: Random): Promise<string> {
  const pack = packFor(ctx.lang);
  const say = pack.skills.lists;
  const list = say.name[config.name];
  const storage = ctx.storage!;
  let items = (await storage.get<string[]>('items')) ?? [];
  const add = strings(ctx.slots['add']);
  const remove = strings(ctx.slots['remove']);
  const sentences: string[] = [];
  // "No, I meant oat milk": take back what the last turn added before adding the correction.
  if (ctx.slots['$action'] === 'correction' && add.length > 0) {
    const last = (await storage.get<string[]>('last-added')) ?? [];
    items = items.filter((i) => !last.some((l) => same(l, i)));
  }
  const removed = remove.map((r) => stored(items, r)).filter((r): r is string => r !== undefined);
  const missing = remove.filter((r) => stored(items, r) === undefined);
  items = items.filter((i) => !removed.some((r) => same(r, i)));
  const added = add.filter((a, k) => !items.some((i) => same(i, a)) && add.findIndex((x) => same(x, a)) === k);
  const already = add.filter((a) => !added.includes(a));
  const room = Math.max(0, MAX_ITEMS - items.length);
  items.push(...added.slice(0, room));
  await storage.set('items', items);
  await storage.set('last-added', added.slice(0, room));

  if (added.length > 0) sentences.push(pick(say.added(added.slice(0, room), list), random));
  if (added.length > room) sentences.push(say.full(list, MAX_ITEMS));
  if (already.length > 0) sentences.push(say.already(already));
  if (removed.length > 0) sentences.push(pick(say.removed(removed, list), random));
  if (missing.length > 0) sentences.push(say.notThere(missing, list));
  return sentences.reduce((text, next) => joinSentences(text, next, pack.tag), '');
}

async function show(ctx: SkillContext, config: ListConfig, random: Random): Promise<string> {
  const pack = packFor(ctx.lang);
  const say = pack.skills.lists;
  const list = say.name[config.name];
  const items = (await ctx.storage!.get<string[]>('items')) ?? [];
  const check = strings(ctx.slots['check']);
  if (check.length > 0) {
    const on = check.filter((c) => items.some((i) => same(i, c) || i.toLowerCase().includes(c.toLowerCase())));
    const off = check.filter((c) => !on.includes(c));
    const parts: string[] = [];
    if (on.length > 0) parts.push(say.isOn(on, list));
    if (off.length > 0) parts.push(say.isOff(off, list, on.length > 0));
    return parts.reduce((text, next) => joinSentences(text, next, pack.tag), '');
  }
  if (items.length === 0) return pick(say.empty(list), random);
  return say.show(list, items);
}

/**
 * A list skill answering a read intent and an update intent.
 * @param config which list
 * @param random the injected random source
 */
function createListSkill(config: ListConfig, random: Random): DialogueSkill {
  return {
    id: config.id,
    version: '1.0.0',
    intents: [...config.intents],
    description: config.description,
    intentDescriptions: {
      [config.intents[0]]: config.intentDescriptions[0],
      [config.intents[1]]: config.intentDescriptions[1],
    },
    slots: listSlots(config),
    permissions: { storage: true },
    // Reading and changing a list are easily confused by a model; the words decide.
    refineIntent: (intent, slots, text) =>
      ['add', 'remove', 'clear'].some((k) => slots[k] !== undefined)
        ? config.intents[1]
        : slots['check'] !== undefined || (hasHan(text) ? readsListZh(text) : readsListEn(text))
          ? config.intents[0]
          : intent,
    confirm: (ctx) => {
      const say = packFor(ctx.lang).skills.lists;
      return ctx.slots['clear'] === true ? say.confirmClear(say.name[config.name]) : undefined;
    },
    async execute(ctx) {
      const say = packFor(ctx.lang).skills.lists;
      const list = say.name[config.name];
      if (ctx.storage === undefined) return say.unavailable(list);
      if (ctx.slots['clear'] === true) {
        await ctx.storage.set('items', []);
        return pick(say.cleared(list), random);
      }
      const changes = strings(ctx.slots['add']).length + strings(ctx.slots['remove']).length;
      if (changes > 0) return change(ctx, config, random);
      // "再看一下清单", "wats on it rn" are read, whichever of the two intents the model picked.
      const asked = ctx.text.trim();
      const reading = hasHan(asked) ? asksQuestion(asked) : QUESTION.test(asked) && ON_THE_LIST.test(asked);
      if (ctx.intent === config.intents[1] && strings(ctx.slots['check']).length === 0 && !reading) {
        const question = say.askAdd(list);
        return { text: question, ask: { question, slot: 'add' } };
      }
      return show(ctx, config, random);
    },
  };
}

/** The shopping list (`shopping_list`, `shopping_list_update`). */
export function createShoppingListSkill(random: Random): DialogueSkill {
  return createListSkill(
    {
      id: 'builtin.shopping-list',
      name: 'shopping',
      intents: ['shopping_list', 'shopping_list_update'],
      description: 'keep your shopping list',
      intentDescriptions: [
        "what's on my shopping or grocery list; 购物清单",
        'add to or remove from my shopping or grocery list; 加到购物清单',
      ],
    },
    random,
  );
}

/** The to-do list (`todo_list`, `todo_list_update`). */
export function createTodoListSkill(random: Random): DialogueSkill {
  return createListSkill(
    {
      id: 'builtin.todo-list',
      name: 'todo',
      intents: ['todo_list', 'todo_list_update'],
      description: 'keep a to-do list',
      intentDescriptions: [
        "what's on my to-do list, my tasks; 待办事项",
        'add or remove a task on my to-do list; 加到待办',
      ],
    },
    random,
  );
}
