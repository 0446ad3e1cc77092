/**
 * Built-in to-do and shopping lists, kept encrypted in the skill's `ctx.storage`: add, remove,
 * check, show, and clear (after a confirmation).
 *
 * @module
 */
import type { DialogueSkill, DialogueSlot, SlotExtractInput } from '../../dialogue/types.ts';
import type { SkillContext } from '../../skills/types.ts';
import { isReadOnly, parseListRequest, splitItems } from './list-parse.ts';
import { capitalize, listJoin, pick, plural, type Random } from './phrasing.ts';

/** The most items one list keeps, and the longest item, so a pasted novel cannot fill the store. */
const MAX_ITEMS = 200;
const MAX_ITEM_CHARS = 100;

/** Which list a skill keeps. */
interface ListConfig {
  id: string;
  /** Spoken name, e.g. `shopping list`. */
  name: string;
  intents: [read: string, update: string];
  description: string;
  /** What each of the two intents asks for (the context model reads them). */
  intentDescriptions: [read: string, update: string];
}

/** Reads one kind of change; on a cued follow-up without a verb ("and eggs"), repeats the last kind. */
function itemsExtractor(kind: 'add' | 'remove' | 'check') {
  return ({ text, slots, answer, cue }: SlotExtractInput): string[] | undefined => {
    if (answer) {
      // Fillers around an answer ("ok cheese", "yeah, eggs please") are not items.
      const said = text.trim().replace(/^(?:(?:ok(?:ay)?|um+|uh+|yeah|yes|so|just|well|hmm)\b[\s,]*)+/i, '');
      // A question is not an item: "what's on the list?" asked instead of answering.
      if (/^(?:what|which|how|is|are|do|does|can|could|who|why|when|where|show|read|tell)\b/i.test(said))
        return undefined;
      // "add eggs" in answer to "what should I add?": the request's own items.
      const asked = parseListRequest(said)[kind];
      const items = asked.length > 0 ? asked : splitItems(said);
      return items.length > 0 ? items : undefined;
    }
    const parsed = parseListRequest(text);
    if (parsed[kind].length > 0) return parsed[kind];
    if (cue !== undefined && Array.isArray(slots[kind]) && isReadOnly(parseListRequest(cue.rest))) {
      const items = splitItems(cue.rest);
      return items.length > 0 ? items : undefined;
    }
    return undefined;
  };
}

function listSlots(config: ListConfig): DialogueSlot[] {
  return [
    {
      name: 'add',
      kind: 'text',
      prompt: `What should I add to your ${config.name}?`,
      required: false,
      carry: false,
      extract: itemsExtractor('add'),
    },
    {
      name: 'remove',
      kind: 'text',
      prompt: `What should I take off your ${config.name}?`,
      required: false,
      carry: false,
      extract: itemsExtractor('remove'),
    },
    {
      name: 'check',
      kind: 'text',
      prompt: 'Which item?',
      required: false,
      carry: false,
      extract: itemsExtractor('check'),
    },
    {
      name: 'clear',
      kind: 'text',
      prompt: `Clear your ${config.name}?`,
      required: false,
      carry: false,
      extract: ({ text, answer }) => (!answer && parseListRequest(text).clear ? true : undefined),
    },
  ];
}

const same = (a: string, b: string): boolean => a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map((x) => x.slice(0, MAX_ITEM_CHARS)) : [];

async function change(ctx: SkillContext, config: ListConfig, random: Random): Promise<string> {
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
  const removed = remove.filter((r) => items.some((i) => same(i, r)));
  const missing = remove.filter((r) => !removed.includes(r));
  items = items.filter((i) => !removed.some((r) => same(r, i)));
  const added = add.filter((a, k) => !items.some((i) => same(i, a)) && add.findIndex((x) => same(x, a)) === k);
  const already = add.filter((a) => !added.includes(a));
  const room = Math.max(0, MAX_ITEMS - items.length);
  items.push(...added.slice(0, room));
  await storage.set('items', items);
  await storage.set('last-added', added.slice(0, room));

  if (added.length > 0)
    sentences.push(
      pick(
        [
          `Added ${listJoin(added)} to your ${config.name}.`,
          `Okay, ${listJoin(added)} ${added.length === 1 ? 'is' : 'are'} on your ${config.name}.`,
        ],
        random,
      ),
    );
  if (added.length > room)
    sentences.push(`Your ${config.name} is full (${MAX_ITEMS} items), so I couldn't add everything.`);
  if (already.length > 0)
    sentences.push(`${capitalize(listJoin(already))} ${already.length === 1 ? 'is' : 'are'} already on it.`);
  if (removed.length > 0)
    sentences.push(
      pick(
        [
          `Removed ${listJoin(removed)} from your ${config.name}.`,
          `Okay, ${listJoin(removed)} ${removed.length === 1 ? 'is' : 'are'} off your ${config.name}.`,
        ],
        random,
      ),
    );
  if (missing.length > 0)
    sentences.push(
      `${capitalize(listJoin(missing))} ${missing.length === 1 ? "wasn't" : "weren't"} on your ${config.name}.`,
    );
  return sentences.join(' ');
}

async function show(ctx: SkillContext, config: ListConfig, random: Random): Promise<string> {
  const items = (await ctx.storage!.get<string[]>('items')) ?? [];
  const check = strings(ctx.slots['check']);
  if (check.length > 0) {
    const on = check.filter((c) => items.some((i) => same(i, c) || i.toLowerCase().includes(c.toLowerCase())));
    const off = check.filter((c) => !on.includes(c));
    const parts: string[] = [];
    if (on.length > 0) parts.push(`Yes, ${listJoin(on)} ${on.length === 1 ? 'is' : 'are'} on your ${config.name}.`);
    if (off.length > 0)
      parts.push(
        `${on.length > 0 ? '' : 'No, '}${listJoin(off)} ${off.length === 1 ? "isn't" : "aren't"} on your ${config.name}.`,
      );
    return capitalize(parts.join(' '));
  }
  if (items.length === 0)
    return pick([`Your ${config.name} is empty.`, `Your ${config.name} is empty right now.`], random);
  return `Your ${config.name} has ${plural(items.length, 'item')}: ${listJoin(items)}.`;
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
    refineIntent: (intent, slots) =>
      ['add', 'remove', 'clear'].some((k) => slots[k] !== undefined)
        ? config.intents[1]
        : slots['check'] !== undefined
          ? config.intents[0]
          : intent,
    confirm: (ctx) => (ctx.slots['clear'] === true ? `Clear everything on your ${config.name}?` : undefined),
    async execute(ctx) {
      if (ctx.storage === undefined) return `I can't keep a ${config.name} in this app, sorry.`;
      if (ctx.slots['clear'] === true) {
        await ctx.storage.set('items', []);
        return pick(
          [`Done, your ${config.name} is empty.`, `Okay, I cleared your ${config.name}: it's empty now.`],
          random,
        );
      }
      const changes = strings(ctx.slots['add']).length + strings(ctx.slots['remove']).length;
      if (changes > 0) return change(ctx, config, random);
      if (ctx.intent === config.intents[1] && strings(ctx.slots['check']).length === 0) {
        const question = `What should I add to your ${config.name}?`;
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
      name: 'shopping list',
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
      name: 'to-do list',
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
