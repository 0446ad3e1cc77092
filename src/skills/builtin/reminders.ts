/**
 * Built-in reminders: "remind me to call mum at 6" schedules an announcement through
 * `ctx.schedule` and keeps the list (encrypted) in `ctx.storage`; "what are my reminders" reads
 * it back, "delete my reminders" clears it.
 *
 * @module
 */
import type { DialogueSkill, DialogueSlot, SlotExtractInput } from '../../dialogue/types.ts';
import type { SkillContext, SkillReply } from '../../skills/types.ts';
import { hasHan } from '../../nlu/runtime/language-id.ts';
import { withoutFillers } from '../../nlu/entities/dictation.ts';
import { byLanguage, joinSentences, packFor } from '../../lang/pack.ts';
import { withoutFillersZh } from '../../lang/zh/zh-fillers.ts';
import { withoutTrailingRemarksZh } from '../../lang/zh/zh-remarks.ts';
import { saysRemark } from '../../lang/en/en-turn-words.ts';
import { asksIfDone, readsBack, simplifyTurn } from '../../lang/en/en-turn-acts.ts';
import { onlyParticlesZh } from '../../nlu/tagger/slot-entities.ts';
import { MAX_AHEAD_MS, correctedTime, isoDateIn, shiftIso, toInstant, toIsoDate } from './clock.ts';
import { movedTimeZh, saysSameTimeZh } from '../../lang/zh/zh-time-shift.ts';
import { pick, type Random } from './phrasing.ts';
import { EN_REPEAT, onceOnly } from './timers.ts';
import { movedTo, movesReminder, reminderToMove, remindersNamed } from './reminder-moves.ts';
import { LAUGH_WORDS, PRONOUN_WORDS, SHORT_POLITE_WORDS, STAND_IN_WORDS } from '../../lang/en/en-stand-ins.ts';

interface Reminder {
  id: string;
  task: string;
  at: number;
}

const TASK_PATTERNS = [
  // Not "remind me how to say hello in french": a question after "remind me" asks something else.
  /\bremind(?:er)?\b(?!\s+(?:me|us)\s+(?:how|what|whats|what's|where|which|who|why)\b).*?\b(?:to|about|abt|bout|that|of)\s+(.+)$/i,
  /\bremember\s+to\s+(.+)$/i,
  /\breminder\s+for\s+(?!me\b)(.+)$/i,
  // "tmrw 7am remind me gym": the task said straight after "remind me", its date words left to the entities.
  // ("remind me two call the plumber" is dictation's "to": left to the slot tagger; "remind me what
  // you can do", "remind me how to spell it", "remind me do i have a meeting", "remind me the wifi
  // password" and anything ending in "?" ask something else.)
  /\bremind\s+(?:me|us)\s+(?!.*\?\s*$)(?!(?:to|two|too|about|abt|bout|that|of|please|pls|what|whats|what's|how|when|where|who|which|why|if|whether|do|does|did|is|are|was|were|can|could|have|has|your|the)\b)(.+)$/i,
  // "set a reminder: call the bank": the task after the noun of a request to set one ("set a reminder
  // real quick", "set a reminder every monday": how or how often, not what).
  /^(?:set|add|make|create|new|quick|put)\s+(?:(?:a|an|one|me a)\s+)?reminder\s*[:,-]?\s+(?!(?:for|to|about|abt|of|that|me|us|list|please|pls|set|is|was|at|on|in|tomorrow|tmrw|tonight|today|every|each|now|later|real|quick|quickly|up|again)\b)(.+)$/i,
];

/**
 * "reminder dentist appt tmrw at noon": the task after the bare noun, only with a time said ("reminder
 * app keeps crashing" is a remark).
 */
const BARE_REMINDER =
  /^reminder\s*[:,-]?\s+(?!(?:for|to|about|abt|of|that|me|us|list|please|pls|set|is|was|app|apps|at|on|in|tomorrow|tmrw|tonight|today)\b)(.+)$/i;

/**
 * "the reminder sound is too loud", "reminder beeped at 6": a statement about the reminder (a verb in
 * the past right after it), not its task.
 */
const STATES =
  /\b(?:is|are|was|were)\s+(?:too|so|really|very|not|always|never)\b|^(?:the\s+|my\s+)?reminders?\s+(?:\w{3,}ed|went|rang|woke|came|got|made|didn'?t|never|just)\b/i;

/** "remind me of smth", "remind me later": a stand-in for the task, which is still to be said. */
const PLACEHOLDER_TASK = new RegExp(
  String.raw`^(?:${STAND_IN_WORDS}|a thing|something important|a reminder|${PRONOUN_WORDS}|later|again|sometime|soon)$`,
  'i',
);
const DATE_KINDS = new Set(['date', 'time', 'datetime', 'duration']);

/** 下 as "a moment" (提醒下我), not the first character of a word: 下午, 下楼, 下班, 下课, 下载, 下单, 下车… */
const DOWN = '下(?!午|楼|班|课|载|单|车|雨|周|个|次|面|去|来|山|水|厨|馆|棋|注|锅|礼拜|星期|月|回|飞机|高铁|地铁|线)';
/** "提醒我明天早上七点开会", "十分钟后提醒我喝水", "设个提醒：交房租". */
const ZH_TASK_PATTERNS = [
  // "那个带工牌的提醒你也弄一下", "交电费的提醒也设一个": the task named before the reminder asked for.
  /^(?:那个|这个|把)?(\p{Script=Han}{2,12}?)的(?:那个)?[提题]醒(?:你)?(?:也|再|就)?(?:弄|设|定|加|建|做|整|安排)(?:一下|一个|个|上|好)?(?:吧|啊|呗)?$/u,
  // 题醒 is the commonest pinyin slip for 提醒; voice input also writes it 体型 or 题型 ("体型我下午三点开会").
  // 下 of 下午 is the time, not "提醒下我"; 下 of 下楼, 下班, 下载 is the task's verb ("提醒我下楼拿外卖").
  new RegExp(
    String.raw`(?:[提题]醒|^(?:体型|题型|提型)(?=我)|remind(?!er))(?:一下|${DOWN}|一声)?(?:我们|咱们|我|咱)?(?:一下|${DOWN}|一声)?[，,：:\s]*(.*)$`,
    'iu',
  ),
  /(?:别让我忘了|记得|别忘了)(.+)$/u,
  // Cantonese "三点提我覆客户电邮", "听朝提下我交租": 提我 after a time is "remind me" ("别提我" is not).
  /(?<=[点分半钟后朝早晚])提(?:下|吓|一下)?我[，,：:\s]*(.+)$/u,
  // "再加一个 11点半给导师发消息": one more reminder, its time and task after it.
  /^(?:那|好|嗯)?(?:再|还)(?:加|来|设|定|建)(?:一个|一条|个|条)(?:提醒)?[，,：:\s]*(.+)$/u,
  // "帮我设一个：星期一上午九点去社保局办手续": what follows the colon of "set one".
  /(?:设|定|加|建|记)(?:一个|一下|个)?(?:提醒)?[：:]\s*(.+)$/u,
  // "帮我记一下，明天两点去银行", Shanghainese "侬帮我记一记，…": what follows "note it down" and its pause.
  /记(?:一记|一下|下|住|着)[，,：:\s]+(.+)$/u,
];
/** "what reminders do I have tomorrow", "any reminders on friday": a question about reminders, not a new one. */
const EN_READ =
  /\b(?:what|whats|what's|which|any|show|list|read|how many)\b[^.?!]*\breminders?\b|\breminders?\b[^.?!]*\b(?:do i have|have i got|are there|are set)\b/i;
/** "when is my dentist reminder", "what time's the reminder for the vet again": reading one back, not setting one. */
const EN_WHEN_READ =
  /^(?:(?:wait|so|um+|uh+|oh|and|ok|okay|hey|remind me)[\s,]+)*(?:when|what time)(?:'s|’s|s|\s+is|\s+was)\s+(?:my|the|that)\b[^?.!]{0,40}\breminder\b/i;
const ZH_READ =
  /看看|看一下|查看|查一下|列表|列出|列一下|列下|有哪些|有什么|有没有|有几个|提醒吗|几点|有啥|都有|定好了|设好了|来着|报一下|念一下|念念|读一下|这一条|还剩|剩啥|剩哪些|提醒里有|[设定]了几[个条]|几[个条]提醒|边啲|边几[个条]|有乜|有咩/u;
/** Words that change reminders: a question with them is no reading. */
const ZH_CHANGE = /删|取消|清空|清除|去掉|不要|不用了|改|挪|推迟|提前/u;
/** A change that stops reminders: "那个拿报告的取消吧", "关煤气那个不用了". */
const ZH_STOP = /删|取消|清空|清除|去掉|不要了|不用了/u;

/**
 * A request to set one that names no task yet ("帮忙建个提醒呗", "设个提醒先 急", "提醒我一件事",
 * "帮我记个事"): an update, asked what, never a reading of the reminders set.
 */
const ZH_SET =
  /(?:设|建|定|加|订|弄)(?:一个|一条|个|条|一下)?[提题]醒|^(?:请|麻烦你?|你)?(?:帮我)?(?:提醒我|记(?:一个|一下|个|下|一件|件)?事)/u;

/** 提醒我 as a request (not "提醒我的", the reminders set). */
const ZH_ASKER = /[提题]醒(?:我们|咱们|我|咱)(?!的)/u;
/** What makes the rest after 提醒我 a question. */
const ZH_ASKS = /吗|呢|来着|什么|啥|哪些|哪几|几点|几个|多少|有没有|[？?]/u;

/**
 * "提醒我明天上午十点去查一下物流", "提醒我晚上看一下邮件": a task said after 提醒我 that asks nothing. Its
 * read words (查一下, 看一下) are the task's; "提醒我的都有啥", "你提醒我几点来着" still ask. One pass from
 * the first 提醒我.
 */
function setsTaskZh(text: string): boolean {
  const m = ZH_ASKER.exec(text);
  if (m === null) return false;
  const rest = text.slice(m.index + m[0].length);
  return /\p{Script=Han}{2}/u.test(rest) && !ZH_ASKS.test(rest);
}

/** A Chinese question that reads the reminders back ("提醒都有啥", "我设的那些提醒报一下"). */
function readsZh(text: string): boolean {
  return hasHan(text) && ZH_READ.test(text) && !ZH_CHANGE.test(text) && !setsTaskZh(text);
}
// A bare pronoun is what is left of "明天早上八点提醒我": the pattern's (.+) takes the 我 back.
// "设一个提醒事项", "记个事儿": the noun of "a reminder" names no task either.
// "提醒我一下 有事", "有个事儿": that there is something names no task either.
const ZH_EMPTY_TASK =
  /^(?:一下|一个|个|(?:有|有个|有件|有点|个|一个)?(?:一件|件)?事(?:情|项|儿)?|东西|什么|啥|提醒|我们?|咱们?|你们?)?$/u;

/**
 * Reminders as the object of a delete: 把…提醒…删掉, 删掉/取消…提醒, 提醒全部删了. Not "提醒我取消订阅"
 * (a reminder to cancel something): there 我 stands between 提醒 and the verb.
 */
const ZH_DELETE = new RegExp(
  [
    '把[^，,。]{0,6}?[提题]醒[^，,。我]{0,4}?(?:删|取消|去掉|清空|清除|不要)',
    '(?:删除?|删掉|取消|去掉|清空|清除)[掉了]?(?:这个|那个|这条|那条|所有的?|全部的?|我的|的)*[提题]醒',
    '[提题]醒(?:都|全部|全都|统统)?(?:删|取消|去掉|清空|不要)[掉了吧啦]*[。！!]?$',
  ].join('|'),
  'u',
);

/** "提醒我明天早上七点给妈妈打电话" → "给妈妈打电话" (the time is its own slot). */
function extractTaskZh(input: SlotExtractInput): string | undefined {
  const { entities, answer } = input;
  // "嗯 那个 一个小时以后 提醒我 就是 收衣服": voice fillers are no part of the task.
  const text = withoutFillersZh(input.text);
  // 去 stays: "去医院复诊" is the errand, not "医院复诊".
  // "提醒都有啥", "我设的那些提醒报一下" ask about reminders; "把这个提醒删掉", "取消所有提醒"
  // delete them: neither sets a task.
  if (!answer && (readsZh(text) || ZH_DELETE.test(text))) return undefined;
  // An answer that says the whole request again ("好吧 一小时后提醒我喝药" when the task is asked)
  // is read as one: the task is what follows 提醒我, not the answer's opening words.
  const restated = answer && /[提题]醒(?:我们|咱们|我|咱)\s*\p{Script=Han}/u.test(text);
  // "就是那个，去幼儿园接仔": a pointing word before a pause opens the answer, it is no part of it.
  let task =
    answer && !restated
      ? text
          .replace(/^(?:就是|是)?(?:那个|这个)[，,、\s]+/u, '')
          // "提醒的内容是交电费", "任务是给房东打电话": the frame names the slot (as "the task is …" in English).
          .replace(/^(?:好的?|嗯|哦)?[，,\s]*(?:(?:要)?提醒(?:我)?的(?:内容|事情?)|提醒事项|内容|任务|事情)是/u, '')
          .replace(/^(?:提醒我|提醒|要|是)/u, '')
      : undefined;
  if (!answer || restated) for (const p of ZH_TASK_PATTERNS) task ??= p.exec(text)?.[1];
  if (task === undefined) return undefined;
  for (const e of entities) if (DATE_KINDS.has(e.kind)) task = task.replace(e.text, '');
  task = task
    // A dot between two letters or digits is no stop: "续费 www.example.com", "吃1.5片药" keep theirs.
    .replace(/(?:[\s，,。!！?？~～]|\.(?!(?<=\w\.)\w))+/gu, ' ')
    .trim()
    .replace(/^(?:在|于|到时候|的时候|要|得|记得|提前|叫我|喊我)\s*/u, '')
    // 呗 of 借呗 / 花呗 (the loan and credit apps) is the name's, not a particle.
    .replace(/\s*(?:的时候|左右|吧|哦|啊|呀|哈|(?<![借花])呗|嘛|啦|咯|喔|一下|谢谢|谢啦)+$/u, '')
    // "…去医院复诊，提前十分钟": the lead time's clause, once its duration is gone, is no part of the task.
    .replace(/\s+提前$/u, '')
    .trim();
  // "喝水 一上午没喝了", "睡觉 别熬了": a remark after the task is no part of it.
  task = withoutTrailingRemarksZh(task);
  // "提醒列表给我看看", "我有提醒吗" ask about reminders; they set none.
  // A task that looks at something ("去看一下牙医", "把合同看一下") is a task.
  if (
    /^(?:列表|清单|的)|^(?:给我)?(?:看看|看一下)$|(?:给我|让我)(?:看看|看一下)|有哪些|几点|来着|有啥|定好了|设好了|吗$/u.test(
      task,
    )
  )
    return undefined;
  // "帮忙建个提醒呗", "设个提醒先 急": particles and haste after the request are no task either, so the
  // task is asked for and a task said next ("去驿站拿快递") fills it instead of the time asked.
  if (ZH_EMPTY_TASK.test(task) || onlyParticlesZh(task)) {
    // Nothing after 提醒我: the task may be the clause before it.
    const before = answer ? undefined : taskBefore(text, entities);
    if (before === undefined) return undefined;
    task = before;
  }
  // The reminder is said back to the user: "吃我的药" → "吃你的药".
  return task.slice(0, 200).replace(/我们/gu, '你们').replace(/我/gu, '你');
}

/** Clause breaks of a Chinese sentence. */
const ZH_CLAUSES = /[，,。;；!！?？\s]+/u;

/**
 * "过一会儿我得吃降压药，你能不能到时候提醒我一下" → "吃降压药": when nothing follows 提醒我, the
 * task is the clause before the one that asks, less its time, the speaker and the modal verb.
 */
function taskBefore(text: string, entities: SlotExtractInput['entities']): string | undefined {
  const clauses = text.split(ZH_CLAUSES);
  const asking = clauses.findIndex((c) => /[提题]醒/u.test(c));
  if (asking < 1) return undefined;
  let task = clauses[asking - 1] as string;
  for (const e of entities) if (DATE_KINDS.has(e.kind)) task = task.replace(e.text, '');
  task = task
    .replace(
      /^(?:等会儿?|等一下|过一会儿?|一会儿?|待会儿?|回头|到时候|今天|明天|后天|今晚|晚上|早上|上午|下午|中午)+/u,
      '',
    )
    .replace(/^(?:我们|咱们|我|咱)/u, '')
    .replace(/^(?:等会儿?|过一会儿?|一会儿?|待会儿?|回头|今天|明天|今晚|晚上|早上|上午|下午|中午)+/u, '')
    .replace(/^(?:还)?(?:得|要|需要|必须|该|想|准备|打算|有一个|有个|有)+/u, '')
    .replace(/(?:了|呢|吧|啊|呀|哦)+$/u, '')
    .trim();
  return task === '' || ZH_EMPTY_TASK.test(task) || ZH_ACK.test(task) ? undefined : task;
}

/** A clause that only acknowledges ("好吧，那就一个小时以后提醒我"): no task. */
const ZH_ACK = /^(?:好|好吧|好的|行|行吧|嗯+|哦+|噢|对|是|那|那就|那好|ok|okay|算了)$/iu;

/**
 * A short clause after a reminder's time that says why, not what: "her birthday", "it's the anniversary",
 * "because the shop shuts". A list or a name after the comma ("eggs and bread", "Sam and Leo", "dad too")
 * continues the task.
 */
const SAYS_WHY =
  /^\s*,\s+(?:(?:her|his|their|its)\s+\p{L}+(?:\s+\p{L}+)?\s*[.!]?\s*$|(?:it'?s|it\s+is|that'?s|because|cos|since|as\s+it)\b)/iu;

/** "remind me to call mum at 6pm tomorrow" → "call mum". */
function extractTask(input: SlotExtractInput): string | undefined {
  const { text, entities, answer } = input;
  if (hasHan(text)) return extractTaskZh(input);
  let task: string | undefined;
  if (answer)
    task = text
      .replace(/^(?:(?:yeah|yes|yep|ok(?:ay)?|sure|um+|uh+|so|well|oh|right)\b[\s,]*)+/i, '')
      // "the reminder is to pay the gas bill", "the task is take out the trash": the frame names the slot.
      .replace(/^(?:the|my)\s+(?:reminder|task|thing)\s+is\s+/i, '')
      // "and one more for friday 9am to call the bank": another reminder, said with its own task.
      .replace(/^(?:and\s+)?(?:one more|another(?:\s+one)?)(?:\s+reminder)?(?:\s+for)?\s+/i, '')
      .replace(/^(?:to|about|that)\s+/i, '');
  else {
    for (const p of TASK_PATTERNS) task ??= p.exec(text)?.[1];
    // "reminder went off at 3 but i missed it", "reminder sound is too loud at night": a remark with a
    // time in it sets nothing.
    if (task === undefined && entities.some((e) => DATE_KINDS.has(e.kind)) && !saysRemark(text) && !STATES.test(text))
      task = BARE_REMINDER.exec(text)?.[1];
  }
  // "sorry i meant to video call grandpa" about the reminder being set: the new task.
  if (task === undefined && typeof input.slots['task'] === 'string') task = EN_MEANT.exec(text)?.[1];
  if (task === undefined) return undefined;
  // "a reminder for 3pm": the entity's text may start with the preposition the pattern ended on.
  // "a reminder for 3pm": an entity may begin before the task's words and end inside them.
  const taskStart = text.lastIndexOf(task);
  // "to call mummy at 7 in the evening, her birthday": a short clause after the time that says why ends the
  // task. Anything else after the comma is the user's own words and stays ("tomorrow, eggs and bread").
  for (const e of entities) {
    if (!DATE_KINDS.has(e.kind) || answer) continue;
    const at = task.indexOf(e.text);
    if (at > 0 && SAYS_WHY.test(task.slice(at + e.text.length))) task = task.slice(0, at + e.text.length);
  }
  // "turn the heating on", "put sunscreen on at 2", "switch the heating on tomorrow": a particle at the end is
  // the verb's own. A word is dropped only when the time that ends the task was said right after it and takes it
  // ("pay rent by friday" leaves "pay rent by"); a time with its own preposition ("at 2", "in an hour") or one
  // that takes none after at/on/in ("tomorrow", "next friday") leaves the particle alone.
  let dangling = false;
  for (const e of entities) {
    if (!DATE_KINDS.has(e.kind)) continue;
    const at = task.indexOf(e.text);
    const word = at >= 0 ? WORD_BEFORE.exec(task.slice(0, at))?.[1] : undefined;
    if (word !== undefined && AFTER_TIME_ONLY.test(task.slice(at + e.text.length)) && takes(word, e.text))
      dangling = true;
    if (task.includes(e.text)) task = task.replace(e.text, ' ');
    else if (taskStart > 0 && e.start < taskStart && e.end > taskStart)
      task = task.replace(text.slice(taskStart, e.end), ' ');
  }
  // "at 4 no 5 pm to call um Ann": the fillers read away for the grammars are no part of the task either.
  task = withoutFillers(task)
    .replace(EN_TASK_TAIL, '')
    .replace(EN_REPEAT, ' ')
    .replace(/\b(?:please|thanks|thank you)\b/gi, ' ')
    .replace(/\s+/g, ' ')
    // A bare "at" or time word left at the end is never the verb's ("drop the kids off at").
    .replace(dangling ? DANGLING : DANGLING_ALWAYS, '')
    .trim()
    .replace(/^(?:me\s+)?(?:to\s+)?/i, '')
    .replace(NEED_TO, '')
    .trim();
  if (task === '' || PLACEHOLDER_TASK.test(task)) return undefined;
  // The slot keeps the user's words ("text my ex back"); replies say them back in the second person.
  return task.slice(0, 200);
}

/** What may follow a time that ends a task: punctuation, polite words, laughs ("call mum at 6 pls lol"). */
const AFTER_TIME_ONLY = new RegExp(
  String.raw`^[\s,.!?]*(?:(?:${LAUGH_WORDS}|${SHORT_POLITE_WORDS}|please|thanks|thank you)\b[\s,.!?]*)*$`,
  'i',
);

/** The preposition a time leaves at the end of a task once its words are taken out ("pay rent by"). */
const DANGLING = /[\s,]*\b(?:at|on|in|by|for|this|next|tomorrow|tonight|today)?[\s,.!?]*$/i;
/** What is dropped at the end of any task: a bare "at" or time word is no particle of a verb. */
const DANGLING_ALWAYS = /[\s,]*\b(?:at|this|next|tomorrow|tonight|today)?[\s,.!?]*$/i;
/** The word right before a time ("pay rent by| friday"). */
const WORD_BEFORE = /\b(\p{L}+)[\s,]*$/u;
/** A time said with its own preposition: the word before it is the verb's ("put sunscreen on| at 2"). */
const OWN_PREPOSITION = /^(?:at|on|in|by|for|before|after|around|about|from|until|till)\b/i;
/** Times that at, on and in do not take ("on tomorrow", "in next friday"): there, those are the verb's particle. */
const NO_AT_ON_IN = /^(?:tomorrow|tmrw|tonight|today|this|next|later)\b/i;

/** `true` when `word`, right before the time `time`, is the time's own preposition or time word. */
function takes(word: string, time: string): boolean {
  if (!/^(?:at|on|in|by|for|this|next|tomorrow|tonight|today)$/i.test(word) || OWN_PREPOSITION.test(time)) return false;
  return !(/^(?:at|on|in)$/i.test(word) && NO_AT_ON_IN.test(time));
}

/** "sorry, i meant to video call grandpa": a correction of the task, said as what was meant. */
const EN_MEANT =
  /^(?:(?:no|nope|sorry|oops|wait|actually|err?|hmm|uh)\b[\s,]*)*(?:i meant|i mean|meant)\s+to\s+(?!say\b)(.+)$/i;

/**
 * What follows a task without being part of it: "eat lunch lol i always forget", "call the bank
 * and also whats the time in new york" (a second request), "... pls".
 */
// Only short polite words: "please" and "thanks" may be part of a task ("write thank you cards").
const EN_TASK_TAIL = new RegExp(
  String.raw`(?:\s*,)?\s+(?:${LAUGH_WORDS}|${SHORT_POLITE_WORDS})\b.*$|(?:\s*,)?\s+(?:and|then)\s+(?:also\s+)?(?:what'?s|whats|what is|what time|how (?:much|many|long|far|do|is)|can you|could you|tell me|set (?:a|an|my)|add)\b.*$`,
  'i',
);

/** "(that) I need to", "I have to", "I've got to", "I should": what the task is wrapped in, not the task. */
const NEED_TO =
  /^(?:that\s+)?(?:i|we)(?:'ve|\s+have)?\s+(?:need|have|got|must|should|ought|gotta|hafta|wanna|want)(?:\s+to)?\s+(?!to\b)/i;

const PERSON: Record<string, string> = {
  i: 'you',
  me: 'you',
  my: 'your',
  mine: 'yours',
  myself: 'yourself',
  "i'm": "you're",
  am: 'are',
};

/** "take my pills" → "take your pills": the reminder is said back to the user. */
function toSecondPerson(task: string): string {
  return task.replace(/\b(?:i'm|i|me|my|mine|myself|am)\b/gi, (w) => PERSON[w.toLowerCase()] ?? w);
}

const taskSlot: DialogueSlot = {
  name: 'task',
  kind: 'text',
  prompt: byLanguage((p) => p.skills.reminders.askTask),
  required: false,
  extract: extractTask,
};

/**
 * "my landlord is coming at 4 today ... so remind me at 3pm to clean": of several times, the one
 * said with "remind" (the first after it); one time alone is left to its entity.
 */
function timeAfterRemind(text: string, entities: SlotExtractInput['entities']): string | undefined {
  const times = entities.filter((e) => e.kind === 'time' || e.kind === 'datetime');
  if (times.length < 2) return undefined;
  const remind = text.toLowerCase().lastIndexOf('remind');
  const after = remind < 0 ? undefined : times.find((e) => e.start > remind);
  return typeof after?.value === 'string' && after !== times[0] ? after.value : undefined;
}

/** "提前十分钟提醒我": a lead time before the time said. */
const ZH_LEAD = /提前/u;

/**
 * "我十一点半有个电话会议，提前十分钟提醒我" is 11:20: the time said less the lead time after 提前.
 * Other turns leave the slot to its entity.
 */
function extractWhen({ text, entities, cue, slots }: SlotExtractInput): string | undefined {
  const own = entities.some((e) => e.kind === 'time' || e.kind === 'datetime');
  // "往后挪十分钟", "提前半小时", "改到星期天同一时间": the reminder's time, moved.
  if (hasHan(text) && slots['when'] !== undefined && (!own || saysSameTimeZh(text))) {
    const moved = movedTimeZh(text, entities, slots['when']);
    if (moved !== undefined) return moved;
  }
  const lead = ZH_LEAD.exec(text);
  // "no not seven thirty, eight thirty": of the times a correction says, the last one.
  if (lead === null && !hasHan(text))
    return timeAfterRemind(text, entities) ?? (cue?.type === 'correction' ? correctedTime(entities) : undefined);
  if (lead === null) return cue?.type === 'correction' ? correctedTime(entities) : undefined;
  const ahead = entities.find((e) => e.kind === 'duration' && e.start >= lead.index && e.start <= lead.index + 3);
  const at = entities.find(
    (e) =>
      (e.kind === 'datetime' || e.kind === 'time') &&
      (ahead === undefined || e.end <= ahead.start || e.start >= ahead.end),
  );
  if (ahead === undefined || typeof ahead.value !== 'number' || typeof at?.value !== 'string') return undefined;
  return shiftIso(at.value, -ahead.value);
}

const whenSlot: DialogueSlot = {
  name: 'when',
  kind: 'datetime',
  prompt: byLanguage((p) => p.skills.reminders.askWhen),
  required: false,
  extract: extractWhen,
};

/**
 * The instant a `when` value names. A bare date names none: people asked for a reminder "on the 1st" or "on
 * monday" go on to say the time ("at noon, after the school drop", "9am first thing"), so it is asked for.
 */
function whenOf(value: unknown): Date | undefined {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  return toInstant(value);
}

async function loadReminders(ctx: SkillContext): Promise<Reminder[]> {
  const all = (await ctx.storage!.get<Reminder[]>('reminders')) ?? [];
  return all.filter((r) => r.at > ctx.now.getTime()).sort((a, b) => a.at - b.at);
}

async function listReminders(ctx: SkillContext, random: Random): Promise<string> {
  const pack = packFor(ctx.lang);
  const say = pack.skills.reminders;
  // "what reminders do I have tomorrow", "明天有什么提醒": the day said in this very turn (not one
  // carried from an earlier turn) narrows the list to that day.
  const said = ctx.entities.find((e) => e.kind === 'date' || e.kind === 'datetime');
  const day = said === undefined ? undefined : toIsoDate(said.value, ctx.timeZone);
  const all = (await loadReminders(ctx)).filter(
    (r) => day === undefined || isoDateIn(new Date(r.at), ctx.timeZone) === day,
  );
  if (all.length === 0)
    return day === undefined
      ? pick(say.none, random)
      : say.noneOn(pack.format.date(day, Number(isoDateIn(ctx.now, ctx.timeZone).slice(0, 4))));
  const spoken = all.map((r) => say.item(r.task, pack.format.when(new Date(r.at), ctx.now, ctx.timeZone)));
  return say.list(all.length, spoken);
}

/** Words that make a delete mean every reminder: "delete all my reminders", "清空提醒". */
const ALL = /\b(?:all|every|everything)\b|所有|全部|清空/i;

/** A request to delete reminders rather than set one ("cancel that reminder", "删掉提醒"). */
function isDelete(ctx: Pick<SkillContext, 'text' | 'slots'>): boolean {
  return (
    /\b(?:delete|remove|cancel|clear|erase|stop)\b|删|取消|清空|清除|去掉|不要|不用了/u.test(ctx.text.toLowerCase()) &&
    ctx.slots['task'] === undefined
  );
}

async function deleteReminders(ctx: SkillContext): Promise<string> {
  const say = packFor(ctx.lang).skills.reminders;
  const all = await loadReminders(ctx);
  if (all.length === 0) return say.noneToDelete;
  // "Cancel that reminder" right after setting one means that one; "delete my reminders" means all;
  // "那个拿报告的取消吧" means the one whose words it says.
  const last = await ctx.storage!.get<string>('last');
  const named = hasHan(ctx.text) ? remindersNamed(all, ctx.text) : [];
  const one = (named.length === 1 ? named[0] : undefined) ?? all.find((r) => r.id === last);
  if (one !== undefined && !ALL.test(ctx.text) && !/\breminders\b/i.test(ctx.text)) {
    await ctx.schedule!.cancel(one.id).catch(() => undefined);
    await ctx.storage!.set(
      'reminders',
      all.filter((r) => r.id !== one.id),
    );
    await ctx.storage!.delete('last');
    return say.deletedOne(one.task);
  }
  for (const r of all) await ctx.schedule!.cancel(r.id).catch(() => undefined);
  await ctx.storage!.set('reminders', []);
  return all.length === 1 ? say.deletedOne(all[0]!.task) : say.deletedAll(all.length);
}

/**
 * Moves the reminder a turn names to the time it says ("move my milk reminder to 7pm", ./reminder-moves.ts).
 * @returns the list when the turn names none of them; `undefined` when it says no time ahead
 */
async function moveReminder(ctx: SkillContext, random: Random): Promise<string | undefined> {
  const pack = packFor(ctx.lang);
  const say = pack.skills.reminders;
  const all = await loadReminders(ctx);
  const one = reminderToMove(all, ctx.text);
  const spoken = (some: readonly Reminder[]) =>
    say.list(
      some.length,
      some.map((r) => say.item(r.task, pack.format.when(new Date(r.at), ctx.now, ctx.timeZone))),
    );
  // "move the milk reminder" with "buy oat milk" and "buy milk for mom": which one, never one more set.
  if (Array.isArray(one)) return joinSentences(say.whichOne, spoken(one), ctx.lang);
  // "move the gym reminder" with only a dentist one, or none set: no other one is moved, nor one more set.
  if (one === undefined)
    return all.length === 0 ? pick(say.none, random) : joinSentences(say.notFound, spoken(all), ctx.lang);
  const at = movedTo(ctx, one);
  if (at === undefined) return undefined;
  const ahead = at.getTime() - ctx.now.getTime();
  if (!(ahead > 0 && ahead <= MAX_AHEAD_MS)) return undefined;
  await ctx.schedule!.cancel(one.id).catch(() => undefined);
  const id = await ctx.schedule!.add({ at: at.getTime(), text: say.announce(one.task) });
  await ctx.storage!.set('reminders', [
    ...all.filter((r) => r.id !== one.id),
    { id, task: one.task, at: at.getTime() },
  ]);
  await ctx.storage!.set('last', id);
  return say.changed(one.task, pack.format.when(at, ctx.now, ctx.timeZone));
}

async function createReminder(ctx: SkillContext, random: Random): Promise<string | SkillReply> {
  const pack = packFor(ctx.lang);
  const say = pack.skills.reminders;
  const task = typeof ctx.slots['task'] === 'string' ? toSecondPerson(ctx.slots['task']) : undefined;
  if (task === undefined) {
    const question = pick(say.askTask, random);
    return { text: question, ask: { question, slot: 'task' } };
  }
  const at = whenOf(ctx.slots['when']);
  // A bare day has no time yet (asked for), but a day past the horizon is refused as too far first.
  const day = at === undefined ? toInstant(ctx.slots['when']) : at;
  const ahead = day === undefined ? Number.NaN : day.getTime() - ctx.now.getTime();
  if (at === undefined || !(ahead > 0 && ahead <= MAX_AHEAD_MS)) {
    const question =
      ahead > MAX_AHEAD_MS ? say.tooFar : at === undefined ? pick(say.askWhenTask(task), random) : say.passed;
    return { text: question, ask: { question, slot: 'when' } };
  }
  let all = await loadReminders(ctx);
  const correcting = ctx.slots['$action'] === 'correction';
  if (correcting) {
    const last = await ctx.storage!.get<string>('last');
    if (typeof last === 'string') {
      await ctx.schedule!.cancel(last).catch(() => undefined);
      all = all.filter((r) => r.id !== last);
    }
  }
  const id = await ctx.schedule!.add({ at: at.getTime(), text: say.announce(task) });
  all.push({ id, task, at: at.getTime() });
  await ctx.storage!.set('reminders', all);
  await ctx.storage!.set('last', id);
  const when = pack.format.when(at, ctx.now, ctx.timeZone);
  return onceOnly(correcting ? say.changed(task, when) : pick(say.set(task, when), random), ctx);
}

/**
 * The reminders skill (`reminder` reads them, `reminder_update` sets or deletes them).
 * @param random the injected random source
 */
export function createReminderSkill(random: Random): DialogueSkill {
  return {
    id: 'builtin.reminders',
    version: '1.0.0',
    intents: ['reminder', 'reminder_update'],
    description: 'remind you of things',
    intentDescriptions: {
      reminder: 'read my reminders back, what reminders do I have; 我的提醒',
      reminder_update: 'remind me to do something, set or delete a reminder; 提醒我',
    },
    slots: [taskSlot, whenSlot],
    permissions: { schedule: true, storage: true },
    // "我的提醒都有啥", "我现在有哪些reminder" read them back, whatever the model made of them.
    // (The slot tagger may still find a "task" in such a question: "都有啥" is no task.)
    // "那个拿报告的取消吧 同事帮我拿了" stops one: an update, though it reads like a question about them.
    refineIntent: (intent, slots, text) =>
      readsZh(text) || EN_WHEN_READ.test(text.trim()) || readsBack(simplifyTurn(text)) || asksIfDone(simplifyTurn(text))
        ? 'reminder'
        : slots['task'] !== undefined || (hasHan(text) && (ZH_STOP.test(text) || ZH_SET.test(text)))
          ? 'reminder_update'
          : intent,
    async execute(ctx) {
      if (ctx.schedule === undefined || ctx.storage === undefined)
        return packFor(ctx.lang).skills.reminders.unavailable;
      const text = ctx.text.toLowerCase();
      if (isDelete(ctx)) return deleteReminders(ctx);
      // "move my milk reminder to 7pm", "把买牛奶的提醒改到六点": one that is set, moved (not one more set).
      if (movesReminder(ctx.text)) {
        const moved = await moveReminder(ctx, random);
        if (moved !== undefined) return moved;
      }
      // "提醒列表给我看看", "我有哪些提醒": reading, whatever the model made of it.
      // "我今晚一共有几个提醒" names a time and still reads.
      const reading =
        readsZh(text) ||
        EN_WHEN_READ.test(text.trim()) ||
        // "ok whats left on there now", "what time was that for again": the reminders read back.
        readsBack(simplifyTurn(text)) ||
        asksIfDone(simplifyTurn(text)) ||
        (ctx.slots['task'] === undefined && ((ZH_READ.test(text) && !setsTaskZh(text)) || EN_READ.test(text)));
      const creating =
        !reading &&
        (ctx.intent === 'reminder_update' || ctx.slots['task'] !== undefined || ctx.slots['when'] !== undefined);
      return creating ? createReminder(ctx, random) : listReminders(ctx, random);
    },
  };
}
