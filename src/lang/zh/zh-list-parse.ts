/**
 * Reads Chinese list requests: "把牛奶加到购物清单", "再加个香蕉", "购物清单加上鸡蛋和牛奶",
 * "把鸡蛋从清单里删掉", "购物清单里有牛奶吗", "清空待办清单". Items stay in the user's words
 * ("再加个香蕉" adds 香蕉): only measure words ("个", "一些") and the list's own name come off.
 *
 * Plain patterns, like the English parser: these requests have few shapes and the items are free
 * text no entity extractor knows. Every pattern is linear (no nested quantifiers; the text is
 * capped by the dialogue layer).
 *
 * @module
 */
import type { ListRequest } from '../../skills/builtin/list-parse.ts';
import { withoutFillersZh } from './zh-fillers.ts';
import { STOCK_ZH, withoutTrailingRemarksZh } from './zh-remarks.ts';

/** The names people give the lists, with what they wrap around them ("我的购物清单里"). */
const LIST =
  '(?:我的|我们的|的)?(?:购物清单|购物单|购物列表|(?:买菜|买东西|采购|购物)的?(?:清单|单子|列表)|采购单|要买的东西|待办清单|待办事项|待办列表|待办|待做事项|任务清单|任务列表|todo ?list|to-?do ?list|shopping ?list|清单|列表|单子)(?:里面|里头|上面|里|上|中)?(?:的(?=\\p{Script=Han}))?';
const LIST_REF = new RegExp(`(?:到|在|从|往|给|进|入)?${LIST}`, 'giu');
/** "然后鸡蛋记到购物清单上", "牛奶放进待办里": the items first, then the verb and the list they go on. */
const PLACED_ON = new RegExp(`^(.+?)(?:记|加|放|写|添)(?:到|进|在)${LIST}[。！!~～\\s]*$`, 'iu');
const OPENERS =
  /^(?:(?:那就|那么|那|好吧|好的?|行吧?|嗯+|ok|还有|然后|另外|顺便|再帮我|帮我|请你?|麻烦你?|给我|你|帮忙)[，,、\s]*)+/iu;
const CLEAR =
  /清空|一键(?:清|删)|(?:全部|全都|统统|通通)\s*(?:一键)?(?:清|删)(?:掉|了|光|除|走|晒)|清晒|全部删|全都删|都删|删光|全删|清除所有|全部清除|清掉所有|全清|所有的?都(?:删|去)掉|(?:全部|全都|统统|通通)清(?:掉|了|光|除)|都清(?:掉|光)|清光|全(?:都)?给(?:我|俺|咱)清(?:了|掉|空|光)|整个[^，,。]{0,8}?清(?:了|掉|空|光)/u;
const REMOVE_VERB = /删掉|删除|删了|删去|去掉|去除|拿掉|划掉|划去|划了|勾掉|移除|移走|拿走|删/u;
/**
 * The item, then that it is not wanted or done any more: "香菜不要了", "榴莲先不要了吧", "薯片别买了", and why
 * after a space ("五花肉不要了 减肥"; after a comma it is a clause of its own).
 */
const NO_LONGER =
  /^(.+?)(?:先|就|暂时|还是)?(?:不要了|不用了|不用买了|不买了|别买了|买好了|买过了|已经买了|做完了|做好了|完成了|搞定了)(?:吧|啊|呀|哈)?(?:\s+\p{Script=Han}{1,8})?$/u;
// 加 is no add verb when 油 (油站, 油卡) is its whole object ("给车加油"); 加油条, 加油桃 add food.
// "给整点儿啤酒", "再弄点花生米": northern 整点儿/弄点/来点 is "get some"; 整 alone stays (整理房间 is an item).
const ADD_VERB =
  /(?:再|还|也)?(?:(?<![A-Za-z])add(?![A-Za-z])|\+\s?1(?![\d.])|整点儿?|整些|弄点儿?|来点儿?|再来|加埋|加上|加入|加进去|加进|添加|添上|加到|放进|放到|写上|写到|记上|记下|记一下|加(?!油(?:站|卡)?(?:[吧啊呀了哦]|$))|添|放|记|还要买|还要|要买|需要买|需要|得买|想买|买)/u;
// 么 of 什么 ends no yes/no question; 在 of 现在/正在 is no "is it on": "清单上现在还剩什么" reads the list.
const CHECK = [
  /(?:有没有|有无)(.+?)(?:[吗呢啊呀]|$)/u,
  /有(.+?)吗/u,
  /^(.+?)(?:还|也|都)?(?<![现正存实])在(?:不在)?.{0,12}?(?:(?<!什)[吗么]|吧|没有?)$/u,
];
const MEASURE =
  /^(?:再|也|还|還)?(?:一个|一個|一些|一点|一點|一份|一条|一條|一项|一項|一下|个|個|些|点儿?|點兒?|份|条|條|项|項)/u;
// "香蕉也要", "牛奶也买一下": "too" after the item is not part of it.
// "那加点水果进去": where the item goes (进去, 上去) is no part of it either.
const TRAILING = /(?:也要|也得?买|也加上?|也来点|也|吧|啊|呀|了|哦|吗|呢|哈|嘛|谢谢|一下|进去|进来|上去)+$/u;
// 没 of "鸡蛋加上没" asks whether it was added; "再给我念一遍" after an addition reads the list.
const NOT_AN_ITEM =
  /^(?:东西|什么|啥|哪些|几样|它|这个|那个|这些|那些|一下|的|没有?|[嗯呃额啊哦噢诶欸]+)?$|^(?:再|然后)?(?:给我|帮我)?(?:念|读|报)(?:一遍|一下|念|给我)/u;
/** A question that reads the list: "清单里还剩啥要买的", "单子上都有些什么", "有哪些". */
const READS =
  /还剩(?:啥|什么|哪些|多少|几)|剩下(?:啥|什么|哪些)|都有(?:些)?(?:啥|什么)|有哪些|有啥|有什么|念给我|念一下|念念|给我看看|^(?:啥|什么|哪些|哪几样|几样)(?:还)?[没未](?:做|买|办|弄|完成)|(?:是不是|是否)空|空了(?:吗|没|么|不)|空的(?:吗|么)/u;
/** A clause asking whether something was added ("加了没", "加上没有", "加好了吗"), not adding it. */
const ASKS_ADDED = /^[^，,\s]{0,8}?(?:加|添|放|记)(?:了|上|好|进去|上去)了?(?:没有?|吗|么|不)[？?]?$/u;
/** "两样：cheese跟bread", "三样东西：牛奶…", "记一笔：订车票": the count announces the items after the colon. */
const COUNTED = /^(?:[一二两三四五六七八九十几0-9]{1,2}(?:样|件|个|项|条)(?:东西|事情?|事儿)?|一笔)[：:]\s*/u;
/** Why an item is wanted or not, said after it ("家里没了", "冰箱里还有"): no item of its own. */
const REASON = new RegExp(`^${STOCK_ZH}$`, 'u');
/** A tag question said after the request: "要得不" (Sichuan), "好不好", "中不中" (Henan), "得唔得" (Cantonese). */
const TAG_QUESTION =
  /[，,\s]+(?:要得不|要不要得|要得吧|好不好|行不行|可以不|可不可以|中不中|成不成|得不得|得唔得|好吗|行吗|可以吗|中不)[？?。！!~～]*$/u;
/** A reason clause at the end of a turn, after a space or a comma. */
const TRAILING_REASON = new RegExp(`[，,\\s]+${STOCK_ZH}$`, 'u');
/** The kind of the item just named, said after it ("香菇，要干的", Cantonese "冬菇，要干嘅"): no item of its own. */
const KIND_WANTED = /^要(?:\p{Script=Han}{1,4})的$/u;
/** A counter left alone by a split ("记一笔 月底前还款"): it counts the entry after it. */
const COUNTER_ALONE = /^(?:一笔|一项|一件|一条)$/u;
/** An adverb left alone by a split ("牛奶 鸡蛋 都不要了", "纸巾 已经买过了"): no item. */
const ADVERB_ALONE = /^(?:都|全|全都|也|还|已经|早就|早都|统统|通通)$/u;
/** A hold or a no said right after an add ("等等 别 还没买呢"): no item. */
const HOLD = /^(?:等等|等一下|等下|稍等|别|不要|不用|算了|不对|还没买?|没买)(?:呢|啊|吧|了)?$/u;
/** An interjection before an item ("呃 酸奶吧"). */
const INTERJECTION = /^[嗯呃额啊哦噢诶欸]+[，,\s]*/u;
/** "写差评也加上", "香蕉也要": the item first, then 也/还/再 and the verb. */
const TOPIC_ADD =
  /^(.+?)(?:也|还|再)(?:来[一两几0-9]?(?:个|瓶|盒|袋|包|箱|根|颗|把|条|桶|罐|斤|份|点)|要|得?买|加上|加进去|加一下|加|记上|记一下|写上|添上)$/u;
/** What follows the item that the sentence is about: "苹果家里还有，去掉吧" is about 苹果. */
const TOPIC_TAIL = /(?:家里|家里面|已经|还有|还是|还|也|都|不|没).*$/u;

/**
 * Why an item is dropped, said right after it: "毛肚太贵了 不要了", "辣条有点辣 不买了". It ends on 了 or a
 * pause: "巨无霸不要了" is an item's name.
 */
const TOO_MUCH = /(?<=\p{Script=Han})(?:太|有点儿?|贼|巨)\p{Script=Han}{1,2}(?:了[\s，,、]*|[\s，,、]+)$/u;

/**
 * A clause that is part of a list request even where it reads like a remark ({@link withoutTrailingRemarksZh}):
 * a removal or an addition ("牛奶 鸡蛋 都不要了", "洗衣液 已经买好了", "苹果 香蕉 都删了"), or an item
 * that ran out ("鸡蛋也没了", "面包也快没了").
 */
const LIST_CLAUSE =
  /删|去掉|去除|拿掉|划掉|划了|勾掉|移除|不要了|不用|不买|买好|买过|买了|买到|做完|做好|完成|搞定|加(?!班|油)|添|(?:也|又|都|还|已经)快?(?:没有?|用完|用光|吃完|喝完|见底)了/u;
/** An item that ran out, said after it: "鸡蛋也没", "面包也快没" (了 is already off) name 鸡蛋, 面包. */
const RAN_OUT = /(?<=\p{Script=Han})(?:也|又|都|还|已经)快?(?:没有?|用完|用光|吃完|喝完|见底)$/u;

/** A quantity alone, said after its item ("香菜也要 两把"): it belongs to the item, it names none. */
const QUANTITY_ALONE =
  /[\s，,]+[0-9一二两三四五六七八九十半几]{1,3}(?:斤|公斤|个|盒|瓶|袋|包|箱|根|颗|把|条|桶|罐|打|升|克|捆|板|块|份|听|串)(?:吧|哈|啊|就行|就够了?|就好)?[。！!~～\s]*$/u;

/**
 * What is said after the last item and is none: a remark ("还有一打鸡蛋 别忘了") or a quantity alone
 * ("香菜也要哈 两把"), then the particles the item was said with ("香菜也要哈").
 */
function withoutItemTailsZh(text: string): string {
  const s = withoutTrailingRemarksZh(text.trim(), LIST_CLAUSE);
  const bare = s.replace(QUANTITY_ALONE, '');
  return bare === s ? s : bare.replace(/(?:哈|啊|呀|哦|啦)+$/u, '');
}

/** Cantonese words a turn says only in Cantonese: with one of them, 同 between two items is "and". */
const CANTONESE_MARKER = /咗|佢|嘅|喺|乜|咩|仲有|同埋|啲|唔|冇|睇|係/u;
/** 同 as "and" between two items ("可乐同柠檬茶"), not in 同事, 相同, 胡同, 合同. */
const CANTONESE_AND =
  /(?<=\p{Script=Han}{2})(?<![相共胡不如等陪连赞会一合协偕认雷混随大加添买要放记])同(?![事学意样款时步期类城伴一])/gu;
/** A turn that names the shopping list, whose items are things, not plans with someone. */
const SHOPPING_LIST_NAMED = /购物(?:清?单|列表)/u;
/**
 * 同 between two short things added, the second ending the clause ("购物单加可乐同柠檬茶"): "and", while
 * a longer name goes on (一盒同仁堂乌鸡白凤丸).
 */
const SHORT_ITEMS_AND =
  /(?<=(?:加|买)\p{Script=Han}{1,4})同(?![事学意样款时步期类城伴一仁])(?=\p{Script=Han}{1,4}(?:$|[，,。！!？?、\s]))/gu;
/**
 * Cantonese grammatical words of a list request that never stand inside an item, said as their
 * Mandarin ones: "交电费搞掂咗，划走佢" (咗 done, 佢 it), "仲有冬菇" (and also), "喺购物单度加…" (on the
 * list), "要干嘅" (嘅 at a clause's end). 剔 is a remove verb only as 剔走 / 剔咗 / 剔掉 / 剔佢 (剔骨刀 is an item).
 */
const CANTONESE_EDGE_WORDS: [RegExp, string][] = [
  [/同埋/gu, '和'],
  [/咗/gu, '了'],
  [/(?<=[删划走掉了])佢(?:哋)?/gu, ''],
  [/仲有/gu, '还有'],
  [/(?<=^|[，,、\s])喺/gu, '在'],
  [/(?<=(?:单|清单|列表|待办))(?:入面|度)/gu, '里'],
  [/划走|剔走|剔咗|剔(?=佢|掉)/gu, '划掉'],
  [/搞掂/gu, '搞定'],
  [/嘅(?=$|[，,。！!？?\s])/gu, '的'],
];
/** Cantonese question and reading words, for telling a question only: they may stand inside an item (咩咩羊, 冇糖). */
const CANTONESE_QUESTION_WORDS: [RegExp, string][] = [
  [/乜嘢|乜|咩/gu, '什么'],
  [/睇(?:下|睇|吓)?/gu, '看看'],
  [/冇/gu, '没有'],
];

/**
 * A Chinese list request with its Cantonese grammatical words in Mandarin ({@link CANTONESE_EDGE_WORDS};
 * 同 as "and" only in a turn said in Cantonese). Items keep the user's words: 剔骨刀, 同仁堂, 周末同家人吃饭.
 * @param text the turn
 */
function listEdgeWordsZh(text: string): string {
  let s = text;
  for (const [pattern, mandarin] of CANTONESE_EDGE_WORDS) s = s.replace(pattern, mandarin);
  if (CANTONESE_MARKER.test(text)) return s.replace(CANTONESE_AND, '和');
  return SHOPPING_LIST_NAMED.test(text) ? s.replace(SHORT_ITEMS_AND, '和') : s;
}

/**
 * A Chinese turn with its Cantonese words in Mandarin, question words too ("睇下购物单有乜嘢先"): only
 * to tell whether it asks, never to take items from.
 * @param text the turn
 */
export function listWordsZh(text: string): string {
  let s = listEdgeWordsZh(text);
  for (const [pattern, mandarin] of CANTONESE_QUESTION_WORDS) s = s.replace(pattern, mandarin);
  return s;
}

/**
 * "鸡蛋、牛奶和面包" → ["鸡蛋", "牛奶", "面包"].
 * @param text the items part of a request (or a whole answer to "要加什么？")
 */
export function splitItemsZh(text: string): string[] {
  return withoutItemTailsZh(withoutFillersZh(listEdgeWordsZh(text)))
    .replace(LIST_REF, ' ')
    .split(/\s*(?:、|，|,|；|;|和|跟|与|以及|还有|及|加上|&|\band\b)\s*|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u)
    .map((s) =>
      s
        .trim()
        .replace(INTERJECTION, '')
        .replace(COUNTED, '')
        .replace(MEASURE, '')
        .replace(/^[：:\s]+/u, '')
        .replace(TRAILING, '')
        .replace(/[。.!！?？~～]+$/u, '')
        .replace(RAN_OUT, '')
        .trim(),
    )
    .filter(
      (s) =>
        !NOT_AN_ITEM.test(s) &&
        !HOLD.test(s) &&
        !REASON.test(s) &&
        !ADVERB_ALONE.test(s) &&
        !KIND_WANTED.test(s) &&
        !COUNTER_ALONE.test(s),
    );
}

/**
 * `true` when a Chinese turn asks what is on a list ("清单里还剩啥要买的", "单子上都有些什么").
 * @param text the turn
 */
export function readsListZh(said: string): boolean {
  const text = listWordsZh(said);
  return READS.test(text) && !REMOVE_VERB.test(text) && !CLEAR.test(text);
}

/** An opener that adds to what was said: "还有…", "再来…". */
const ADDITIVE = /^(?:[嗯哦噢呃额]+[，,\s]*)?(?:还有|再来|再要|另外还要)/u;
/** A quantity with its measure word first: "半斤虾仁", "五斤黄心土豆", "两盒豆腐". */
const QUANTIFIED =
  /^[0-9一二两三四五六七八九十半几]{1,3}(?:斤|公斤|个|盒|瓶|袋|包|箱|根|颗|把|条|桶|罐|打|升|克|捆|板)/u;
const isReadOnly = (r: ListRequest) => r.add.length + r.remove.length + r.check.length === 0 && !r.clear;

/** A clause with a verb of its own: "把醋删了，加个料酒" is two changes; "把牛奶，鸡蛋加到清单" one. */
const VERB =
  /\badd\b|\+\s?1(?![\d.])|整点|整些|弄点|来点|删|去掉|去除|拿掉|划|勾掉|移|不要了|不用|买好|做完|完成|搞定|加|添|放|写|记|买|需要|再来/u;

/**
 * Parses a Chinese list request.
 * @param text e.g. `"把牛奶和鸡蛋加到购物清单"`, `"再加个香蕉"`, `"购物清单里有牛奶吗"`
 * @returns the items to add, remove and check, and whether the whole list is to be cleared
 */
export function parseListRequestZh(text: string): ListRequest {
  // A question about the list ("购物单仲有乜嘢") is read with its question words too; a change keeps its items' words.
  const said = withoutItemTailsZh(withoutFillersZh(readsListZh(text) ? listWordsZh(text) : listEdgeWordsZh(text)));
  const s = said
    .replace(/[。！!？?~～\s]+$/u, '')
    .replace(OPENERS, '')
    .replace(LIST_REF, ' ')
    .trim()
    // "牙膏也要 家里没了": why it is wanted comes after the request and is no part of it.
    .replace(TRAILING_REASON, '')
    // "还有香菜，好不好": a tag question after the request asks nothing of the list.
    .replace(TAG_QUESTION, '');
  if (CLEAR.test(s)) return { add: [], remove: [], check: [], clear: true };
  const placed = PLACED_ON.exec(said.replace(OPENERS, ''))?.[1]?.trim();
  // "再把花加到购物清单" is read by the 把 pattern below; "我要加到清单" names no item.
  if (placed !== undefined && !/^(?:我|你|咱)|把/u.test(placed) && !VERB.test(placed)) {
    const add = splitItemsZh(placed);
    if (add.length > 0) return { add, remove: [], check: [], clear: false };
  }
  if (ADDITIVE.test(said) && isWholeTask(s)) return { add: splitItemsZh(s), remove: [], check: [], clear: false };
  if (READS.test(s) && !REMOVE_VERB.test(s)) return { add: [], remove: [], check: [], clear: false };
  // Clauses with their own verb are parsed one by one; a clause without one belongs to the next.
  const out: ListRequest = { add: [], remove: [], check: [], clear: false };
  let carried = '';
  for (const part of s.split(/[，,；;]|然后|(?<=了)再/u).flatMap(spaceClauses)) {
    // "加了没", "待办那个呢 加上没有" ask whether an add was done: no item "了没".
    if (ASKS_ADDED.test(part.trim())) continue;
    const clause = carried === '' ? part.trim() : `${carried}、${part.trim()}`;
    if (!VERB.test(clause) && !/[吗么]$|有没有|有无/u.test(clause)) {
      carried = clause;
      continue;
    }
    carried = '';
    const found = parseClause(clause);
    out.add.push(...found.add);
    out.remove.push(...found.remove);
    out.check.push(...found.check);
  }
  if (carried !== '' && out.add.length + out.remove.length + out.check.length === 0) {
    const found = parseClause(carried);
    // "嗯还有半斤虾仁", "五斤黄心土豆": no verb, but "还有" or a quantity says what comes is more to add.
    if (isReadOnly(found) && (ADDITIVE.test(said) || QUANTIFIED.test(carried)))
      return { ...found, add: splitItemsZh(carried) };
    return found;
  }
  // "帮我加 鸡蛋 然后 还有 西红柿": a last clause opened by 还有 adds to what the clauses before added.
  if (carried !== '' && out.add.length > 0 && ADDITIVE.test(carried)) out.add.push(...splitItemsZh(carried));
  return out;
}

/** Who asks, before the verb: "还有我要买鸡蛋" adds 鸡蛋. */
const ASKER = /^(?:我们|我|你|咱们|咱|再|也|还)+$/u;

/**
 * `true` when what follows 还有 is a task whose own verbs only look like the list's ("还有给车加油",
 * "还有去加油站加满油"): no add verb opens it, and it is no question, no 把 request and no "X也要".
 */
function isWholeTask(s: string): boolean {
  if (/[吗么呢？?]$|把|[，,、；;]/u.test(s) || READS.test(s) || REMOVE_VERB.test(s) || TOPIC_ADD.test(s)) return false;
  const verb = ADD_VERB.exec(s);
  if (verb === null) return VERB.test(s);
  return verb.index > 0 && !ASKER.test(s.slice(0, verb.index));
}

/**
 * Phone typing puts a space where a comma goes: "葱家里有 删了吧", "加四个橙子 把酱油去掉" are two
 * clauses, each with its verb; "加一个 改简历" is one (its second half has no verb of its own).
 */
function spaceClauses(part: string): string[] {
  const pieces = part.split(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u);
  // "待办加个 写周报": a verb with only a measure after it names no item; what follows is the item.
  if (/^(?:再|还|也)?(?:加|添|记|放)(?:一个|一条|一项|个|条|项)$/u.test(pieces[0] ?? '')) return [part];
  return pieces.length > 1 && pieces.slice(1).every((p) => VERB.test(p)) ? pieces : [part];
}

function parseClause(s: string): ListRequest {
  const out: ListRequest = { add: [], remove: [], check: [], clear: false };
  const noLonger = NO_LONGER.exec(s);
  if (noLonger?.[1] !== undefined) {
    out.remove = splitItemsZh(noLonger[1].replace(/^把/u, '').replace(TOO_MUCH, ''));
    return out;
  }
  const remove = REMOVE_VERB.exec(s);
  if (remove !== null) {
    const before = s.slice(0, remove.index);
    const after = s.slice(remove.index + remove[0].length);
    const rest = after
      .replace(/^[，,\s]+/u, '')
      .replace(/[吧啊呀了哦]+$/u, '')
      .trim();
    // "奶茶划掉吧 戒糖": the verb after the item, then why after a pause, names the item before the verb.
    const reasonAfter = before.trim() !== '' && /^[吧啊呀了哦]+[，,\s]+\p{Script=Han}{1,8}$/u.test(after);
    if ((rest === '' || REASON.test(rest) || reasonAfter) && !/把/u.test(before)) {
      // "苹果家里还有，去掉吧": the verb alone, the item said first as the topic.
      out.remove = splitItemsZh(before.split(/[、，,]/u)[0]!.replace(TOPIC_TAIL, ''));
      return out;
    }
    // "把鸡蛋从清单里删掉" names the items before the verb; "删掉鸡蛋" after it.
    const ba = /把(.+?)(?:从.*)?$/u.exec(before);
    out.remove = splitItemsZh(ba?.[1] ?? after);
    return out;
  }
  if (/(?<!什)[吗么]$|吧$/u.test(s) || /有没有|有无/u.test(s)) {
    for (const p of CHECK) {
      const m = p.exec(s);
      if (m?.[1] !== undefined) {
        out.check = splitItemsZh(m[1]);
        if (out.check.length > 0) return out;
      }
    }
  }
  const ba = /(?:^|再|还|也|帮我|请|给我|你)把(.+?)(?:加|放|添|写|记)(?:到|进|在|上|入)?/u.exec(s);
  if (ba?.[1] !== undefined) {
    out.add = splitItemsZh(ba[1]);
    return out;
  }
  // "醋也来一瓶 陈醋": the kind of the item, said after it, names it better.
  const kind = /^(.+?)\s+(\p{Script=Han}{2,6})$/u.exec(s);
  const topicOfKind = kind === null ? null : TOPIC_ADD.exec(kind[1]!);
  if (kind !== null && topicOfKind?.[1] !== undefined && kind[2]!.endsWith(topicOfKind[1].trim())) {
    out.add = [kind[2]!];
    return out;
  }
  const topicAdd = TOPIC_ADD.exec(s);
  if (topicAdd?.[1] !== undefined) {
    out.add = splitItemsZh(topicAdd[1]);
    if (out.add.length > 0) return out;
  }
  const add = ADD_VERB.exec(s);
  if (add !== null) out.add = splitItemsZh(s.slice(add.index + add[0].length).replace(/^(?:到|进|在)?/u, ''));
  return out;
}
