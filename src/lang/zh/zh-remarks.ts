/**
 * A Chinese first-person statement of what is going on: "我刚把面包烤糊了", "我家的猫又跑了",
 * "哎呀我的咖啡洒了". Said while a length, a time or a number is asked (src/context/decide.ts), such a
 * turn with no value of that kind tells something rather than answering. Not the ways an answer is led
 * in ("我想", "我觉得", "我要", "我看", "我猜", "我一般", "我习惯").
 *
 * @module
 */
import { foldHanVariants } from '../../nlu/runtime/han-variants.ts';

/** Exclamations before the statement, then a first-person subject and at least three more characters. */
const OWN_NEWS_ZH =
  /^(?:(?:哎呀|哎哟|唉|啊|糟了|完了|天哪|我的天|哈哈|呃|嗯)[，,！!\s]*){0,2}(?:我们|我家|我的|我)(?!想|觉得|要|需要|看|猜|估计|一般|习惯|通常|希望|打算|说|选|随便|不知道|也不知道)\p{Script=Han}{3,}/u;

/**
 * `true` for a Chinese turn that is a first-person statement ({@link OWN_NEWS_ZH}) and no question.
 * @param text the turn as typed
 */
export function saysOwnNewsZh(text: string): boolean {
  const t = text.trim();
  return !/[?？吗呢]\s*$/u.test(t) && OWN_NEWS_ZH.test(t);
}

/** How the speaker feels, alone in its clause: "无语", "服了", "烦死了", "心好累", "救命". */
const FEELING = String.raw`(?:我|真|真的|好|太|简直)*(?:无语|服了|绝了|醉了|麻了|裂开|崩溃|救命|心累|心好累|好烦|烦|累|气|愁|困|饿|哭|笑|emo|破防|难顶|扎心|头大|头疼|没救|尴尬|惨|命苦|要命|社死)(?:死|了|啊|呀|哈|啦|呢|吧|哦|子|我)*`;
/** A plea not to forget: "别忘了哈", "千万记得", "拜托了", "靠你了". */
const PLEA = String.raw`(?:千万|一定|可|你可)?(?:(?:别|不要|不能)忘(?:了|记了?|掉了?)?|记得|记住|记着)(?:了|哈|啊|呀|哦|噢|喔|啦|呢|嘛)*|(?:拜托|拜托你|靠你|全靠你|麻烦你)(?:了|啦|哈|啊)*`;
/**
 * What has changed or keeps happening, said as a statement: "又要月底了", "一上午没喝了", "室友又把我的
 * 用完了", "快没电了", "太贵了". A marker of change (又, 没, 快, 已经, 老是…) and a closing 了. Not a
 * second task ("再把衣服收了", "顺便把门锁了", "记得把票取了"): those open with a connective or a verb.
 */
const CHANGED = String.raw`(?!再|还要|还有|顺便|然后|和|跟|把|去|给|帮|记得|要|得|先)\p{Script=Han}{0,8}(?:又|没|快|已经|老是|总是|太|都)\p{Script=Han}{0,8}(?:了|啦)(?:啊|呀|哈|哦|吧)?`;
/** How long something has gone on: "坐了一下午了", "等了半小时了", "忙了一整天了". */
const LASTED = String.raw`\p{Script=Han}{1,4}了(?:一|半|两|好几|几|整)(?:个|整)?(?:上午|下午|晚上|早上|天|整天|夜|宿|周|礼拜|星期|月|年|小时|会儿?|阵子?)了(?:啊|呀|哈)?`;
/** A word to oneself about a habit: "别熬了", "不能再拖了"; not a task's verb ("别加了", "别买了"). */
const SELF_WORD = String.raw`(?:别|不能|不要|不许)再?(?!加|买|记|提醒|设|定|删|要|弄|写|叫|喊|闹|开|关|取消|去|放|添)\p{Script=Han}{1,3}了(?:啊|呀|哈)?`;
/** A reason or a stake: "不然又要迟到", "省得又忘", "免得被扣钱" (not 要不要: "要不" is no reason word here). */
const REASON = String.raw`(?:因为|不然|要不然|否则|省得|免得)\p{Script=Han}{2,}`;
/**
 * What the speaker is busy with: "正在开会呢", "在炖肉", "在写周报", "忙着呢"; 在 + a place ("在食堂",
 * "在写字楼") stays: 写 is busy only with what is written.
 */
const BUSY = String.raw`(?:我|我们)?(?:正在\p{Script=Han}{1,4}|在(?:炖|煮|烧|做饭|做菜|开会|忙|上班|上课|加班|洗澡|打游戏|考试|复习|赶|写(?:作业|代码|报告|论文|周报|日报|方案|稿子|PPT|ppt|东西|文章|材料))\p{Script=Han}{0,3}|忙着)(?:呢|啊|哈|哦)?`;
/**
 * What is left of a thing at home, said after it in a list request ("牙膏也要 家里没了", "黄瓜划掉 冰箱里
 * 还有", "快用完了"): the list's remark, read by `zh-list-parse.ts` as no item. Not one of
 * {@link REMARK_ZH}: a list keeps "鸡蛋也没了" as the item 鸡蛋, and a bare "有了" closes no task. @internal
 */
export const STOCK_ZH = String.raw`(?:我家|家里面?|家|冰箱里?|柜子里|厨房里?|已经|都|早就)?(?:快|又|也|还|都)?(?:没了|没有了|用完了|用光了|吃完了|喝完了|不够了?|见底了|有了|有的|有)(?:呢|啊|哦|的|啦|了)?`;
const REMARK_ZH = new RegExp(`^(?:${[FEELING, PLEA, CHANGED, LASTED, SELF_WORD, REASON, BUSY].join('|')})$`, 'u');
/**
 * Words that say a message is passed on, or that get someone else to do something: what follows them is
 * the message ("告诉小李 明天别迟到", "跟他说 钱已经到了", "让女儿 别再熬夜了", "劝老爸 少喝点"), never
 * a remark. Keeping text is the safe side.
 */
const PASSES_ON = /说|讲|告诉|通知|问|叮嘱|嘱咐|转告|交代|回复|发消息|发微信|发短信|让|叫|催|劝|喊|要求|提醒(?!我)/u;

/**
 * A Chinese task or list request less the remarks said after it ({@link REMARK_ZH}): "喝水 一上午没喝了"
 * → "喝水", "洗发水 室友又把我的用完了 无语" → "洗发水", "睡觉 别熬了" → "睡觉". Only clauses after a
 * space or a comma, never the first, nothing after words that pass on a message, and never a clause
 * that `keeps` (a list's verbs: "牛奶 鸡蛋 都不要了" is a removal, not a remark).
 * @param original the task, the items, or the whole turn
 * @param keeps what marks a clause as part of the request, for the caller's grammar
 * @returns the text without its trailing remarks
 */
export function withoutTrailingRemarksZh(original: string, keeps?: RegExp): string {
  // Remarks in traditional characters ("開周會 別忘了哈") are read as simplified ones; what is kept is cut
  // from the user's own text (same offsets: `keepLength`; every step below keeps a prefix).
  const text = foldHanVariants(original, { keepLength: true });
  const clauses = text.split(/(?<=[^\s，,])(?=[\s，,]+\S)/u);
  // The first clause that passes on a message: no clause after it is popped (found once, so a long
  // turn costs one pass).
  const passesOn = clauses.findIndex((clause) => PASSES_ON.test(clause));
  while (clauses.length > 1 && (passesOn === -1 || passesOn > clauses.length - 2)) {
    const last = clauses
      .at(-1)!
      .replace(/^[\s，,]+/u, '')
      .replace(/[。！!~～\s]+$/u, '');
    if (!REMARK_ZH.test(last) || keeps?.test(last) === true) break;
    clauses.pop();
  }
  // Voice input runs a plea into the request ("再来个卫生纸别忘了"): taken off the end without a pause,
  // when the request keeps two characters. Not 记得/记住, which can be the task's own verb ("把密码记住").
  // After a word that passes a message on ("跟老婆说别忘了", "叫儿子别忘了"), the plea is the message.
  const said = clauses.join('');
  const plea = GLUED_PLEA.exec(said);
  const kept = plea === null || PASSES_ON.test(said.slice(0, plea.index)) ? said : said.slice(0, plea.index);
  return original.slice(0, kept.length);
}

/** A plea not to forget written against the request: "…别忘了", "…千万不要忘记啊", "…拜托了". */
const GLUED_PLEA =
  /(?<=\p{Script=Han}{2})(?:千万|一定|可)?(?:(?:别|不要|不能)忘(?:了|记了?|掉了?)?|拜托(?:你)?了)(?:了|哈|啊|呀|哦|噢|喔|啦|呢|嘛)*[。！!~～\s]*$/u;
