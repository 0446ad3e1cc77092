/**
 * A second request joined to the first in one Chinese message ("定个七点的闹钟再提醒我带伞",
 * "设个五分钟的计时器，然后把牛奶加到购物清单"). The English counterpart and the reason are in
 * src/lang/en/en-second-request.ts: the first request is done, and the reply names the part left.
 * Only openers a built-in skill answers count, each after a joining word (再/然后/顺便/还有/另外/并且/同时);
 * a bare comma joins nothing ("定个七点的闹钟，提醒我起床" is one alarm).
 *
 * @module
 */

import type { TwoRequests } from '../en/en-second-request.ts';

const JOIN = '[，,、；;\\s]*(然后再?|再|顺便|还有|另外|并且|同时|接着)';
/** A reminder's task may itself say 再 ("提醒我明天再定个闹钟"): after 提醒我, 再 joins nothing. */
const REMINDS = /^(?:请|帮我|麻烦你?)?提醒我/u;
const ASK = '(?:帮我|给我|麻烦你?|请)?';
const OPENER = [
  '提醒我',
  '(?:定|设|订|开|定个|设个|开个|来个|定一个|设一个)[^，,。]{0,12}?(?:闹钟|闹铃|计时器|倒计时|提醒)',
  '(?:把|将)[^，,。]{1,16}?(?:加|放|添|记)(?:到|进|在)[^，,。]{0,6}?(?:清单|单子|列表|待办)',
  '(?:加|添)[^，,。]{1,16}?(?:到|进)[^，,。]{0,6}?(?:清单|单子|列表|待办)',
  '(?:告诉我|说说)?(?:现在)?几点了?',
  '(?:今天)?几号',
  '(?:讲|说)个(?:笑话|冷知识)',
  '(?:抛|扔|掷)(?:个|一下|一枚)?(?:硬币|骰子)',
].join('|');

const SECOND = new RegExp(`${JOIN}${ASK}((?:${OPENER})[^]{0,80})$`, 'u');
/** The intents a second request's words name: acted on as one of them, the line stays whole (as in English). */
const NAMES: readonly [RegExp, readonly string[]][] = [
  [/计时|倒计时/u, ['timer']],
  [/闹钟|闹铃|叫醒/u, ['alarm']],
  [/提醒/u, ['reminder', 'reminder_update']],
  [/清单|单子|列表|待办/u, ['shopping_list', 'shopping_list_update', 'todo_list', 'todo_list_update']],
  [/几点/u, ['time']],
  [/几号/u, ['date']],
  [/笑话/u, ['tell_joke']],
  [/冷知识/u, ['fun_fact']],
  [/硬币/u, ['flip_coin']],
  [/骰子/u, ['roll_dice']],
];

/**
 * The words of a second request after the first in one message, or `undefined` for one request.
 * @param text the turn as written
 * @param firstIntent the intent the first request was acted on as: a list update takes further
 *   list operations itself
 * @returns the first request and the second's words, without the joining word and end punctuation
 */
export function secondRequestZh(text: string, firstIntent?: string | null): TwoRequests | undefined {
  if (text.length > 160) return undefined;
  const m = SECOND.exec(text);
  if (m === null || m.index < 2 || (m[1] === '再' && REMINDS.test(text))) return undefined;
  const rest = m[2]!.replace(/[\s。.！!？?，,；;]+$/u, '').trim();
  if (firstIntent?.endsWith('_list_update') === true && /^(?:把|将|加|添)/u.test(rest)) return undefined;
  if (typeof firstIntent === 'string' && NAMES.some(([w, is]) => is.includes(firstIntent) && w.test(rest)))
    return undefined;
  return rest.length > 0 ? { first: text.slice(0, m.index), rest } : undefined;
}
