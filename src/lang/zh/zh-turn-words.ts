/**
 * Chinese words the dialogue decision reads in a whole turn (src/context/decide.ts), where the
 * intent model, trained on few such sentences, reads something else: a question about a named day
 * ("元旦是哪天" is not payday, "距离春节还有几天" is not pto_balance), about a name ("我叫啥来着" asks,
 * "你现在叫啥" asks the assistant's), a change of one's name ("我想改个名字"), a loose drop of the
 * question asked with its reason ("哎 还是不弄了 我手机自己有"), and a loose answer to a confirmation
 * ("嗯 清吧 都买完了", "等等 别 还没买呢"). Word lists, so they live with the language; the decision
 * keeps what it does with them. Bounded alternations, no nested quantifiers.
 *
 * @module
 */

/**
 * A question about a day: which day or weekday it is ("是哪天", "是几号", "星期几", "周几", "礼拜几",
 * "几月几号"), or how many days are left ("还有几天", "还剩多少天", "差几天", "多少天后").
 */
const DAY_QUESTION =
  /哪一?天|几月几[号日]|几号|(?:星期|周|礼拜)几|(?:还有|还剩|还差|差|剩|有)(?:几|多少)天|(?:几|多少)天(?:以?后|之后)?(?:到|过|是)|什么时候(?:到|过)/u;

/**
 * A question about the timers or alarms set, not a new one: time left ("还剩多少", "多久响"), what is
 * set ("有几个", "哪几个", "有没有"), the time an alarm is set for ("闹钟定的几点", "现在闹钟是几点的",
 * "几点的闹钟来着"). One rule for the dialogue (an alarm question is no question of the time now)
 * and for the alarm skill (src/skills/builtin/timers.ts: it lists, it does not set).
 */
const ASKS_WHAT_IS_SET =
  /还剩|剩多少|剩下|剩几|还有多久|还要多久|多久响|几点响|查看|看看|看一下|有几个|一共几个|哪几个|有哪些|哪些|有没有|列出|显示|定了几个|设了几个|[定设]的(?:是)?几点|(?:闹钟|闹铃)(?:现在)?(?:是|定的|设的|定在|设在|在)?(?:几点|什么时候)|几点的(?:闹钟|闹铃)|来着/u;

/** "把闹钟都列一下", "明早的闹钟报一下", "两个闹钟都念给我听听": read the ones set out. */
const READS_OUT = /列(?:一|个)?下|列个表|报一下|念一下|(?:念|读|报)(?:给我|一遍)/u;
/** "设个8点的计时器 到了念一下": a new one is set, and read out when it rings; not a list. */
const SETS_ONE = /(?:设|定|订|弄|来|整)(?:一?个|上)/u;

/**
 * `true` when a Chinese turn asks what timers or alarms are set ("闹钟是几点的", "还剩多久", "我现在
 * 一共几个闹钟"); a verb that sets or stops one is read by the skill before this.
 * @param text the turn
 */
export function asksWhatIsSetZh(text: string): boolean {
  return ASKS_WHAT_IS_SET.test(text) || (READS_OUT.test(text) && !SETS_ONE.test(text));
}

/** What a question about a name asks with. */
// Cantonese asks with 乜嘢 / 乜 / 咩 / 边个 ('我叫乜嘢名啊你记唔记得').
const WHAT = '(?:啥|什么|谁|哪个|乜嘢|乜|咩|边个)';
/** The user's own name asked back: "我叫啥来着", "你还记得我叫啥不", "那你现在管我叫啥", "我的名字是什么". */
const ASKS_OWN_NAME = new RegExp(
  `(?:我叫|管我叫|称呼我|喊我|叫我)(?:的是)?${WHAT}|我(?:的)?名字(?:是|叫)?${WHAT}|记得我(?:的名字|叫)`,
  'u',
);
/** The assistant's name asked: "那你现在叫什么", "所以你现在叫啥来着", "你名字是啥". */
const ASKS_ITS_NAME = new RegExp(
  `你(?:现在|以后|到底|又|究竟)?(?:是)?叫${WHAT}|你(?:的)?名字(?:是|叫)?${WHAT}|怎么称呼你`,
  'u',
);
/** A change of the user's name asked without the name: "我想改个名字", "我要改名字", "能改下你怎么称呼我吗". */
const CHANGES_OWN_NAME =
  /(?:^|[我想要能帮])(?:改|换)(?:个|一下|下)?(?:我的)?名字|(?:改|换)(?:一下|下)?(?:你)?(?:怎么)?(?:称呼|叫)我/u;

/**
 * What the assistant can do, asked: "你都会干点啥呀", "你能干嘛", "你会做些什么", "你有什么功能",
 * Cantonese "你识做乜嘢". Not "你会做饭吗" (a yes/no question about one thing, small talk).
 */
const ASKS_WHAT_YOU_DO =
  /你(?:都|还|到底|究竟)?(?:会|能|可以|识)(?:帮我)?(?:干|做|搞)(?:点|些|点儿)?(?:啥|什么|嘛|乜嘢?|咩)|你(?:都)?有(?:啥|什么|哪些|乜嘢)(?:功能|本事|本领|技能)/u;

/**
 * The intent a Chinese turn asks for by its words, if a grammar here reads one.
 * @param text the turn
 * @param hasDate whether the turn holds a date entity (a day, a holiday)
 * @returns `date` for a question about a named day, `alarm` for the time of the alarm, `user_name` / `what_is_your_name` for a
 *   question about the user's or the assistant's name, `change_user_name` for a change of the
 *   user's name with no name said; else `undefined`
 */
export function requestIntentZh(text: string, hasDate: boolean): string | undefined {
  if (hasDate && DAY_QUESTION.test(text)) return 'date';
  if (
    /闹钟|闹铃/u.test(text) &&
    asksWhatIsSetZh(text) &&
    !/[定设改换调取删关]/u.test(text.replace(/(?:定|设)的|(?:定|设)在(?=几点|什么时候)/gu, ''))
  )
    return 'alarm';
  if (ASKS_OWN_NAME.test(text)) return 'user_name';
  if (ASKS_WHAT_YOU_DO.test(text)) return 'what_can_i_ask_you';
  if (ASKS_ITS_NAME.test(text)) return 'what_is_your_name';
  // "改你的名字", "给你改个名" rename the assistant.
  if (CHANGES_OWN_NAME.test(text) && !/你的名字|给你|帮你/u.test(text)) return 'change_user_name';
  return undefined;
}

/** Openers of a clause that drops something: interjections, second thoughts ("想了想", "还是", "那就"). */
const DROP_OPEN = '(?:唉|哎|哎呀|啊|嗯|呃|额|emm+|em+|诶|哦|想了想|想想|我想了想|还是|那就|那|你就|就|我看|要不)*';
/** The words of a drop: "算了", "不用了", "别设了", "不弄了", "不整了", "不用提醒了", "先不要了". */
const DROP_WORDS =
  '算了|不用了|不要了|不弄了|不整了|不搞了|不设了|不定了|别设了|别定了|别弄了|别整了|不需要了|不用提醒了|不用设了|不用定了|不用弄了|不用记了|先不了|先不用了|先不要了|' +
  // Cantonese: 唔使 / 唔洗 (no need), 唔要 (don't want), 冇需要 ("唔使喇，冇事").
  '唔使|唔洗|唔要|冇需要';
/** A clause (at the start of the turn or after a break) that drops what is asked. */
const DROPS = new RegExp(`(?:^|[\\s，,。.！!])${DROP_OPEN}(?:${DROP_WORDS})`, 'iu');
/** Words that ask for something new after a drop ("算了 帮我定七点的"): then it is no plain drop. */
const ASKS_ANEW =
  /帮我|给我|定个|设个|改成|改到|换成|加个|加上|提醒我|叫我|关掉|关了|停掉|停了|删掉|删了|清掉|清空|什么|啥|吗|几|多少|怎么|[？?]|[0-9０-９]|[一二三四五六七八九十两半](?:点|分钟|小时|个)/u;

/**
 * `true` when a Chinese turn drops the question asked, with or without a reason: "哎 还是不弄了 我手机
 * 自己有", "算了，这种事我自己肯定忘不了，不用提醒了", "唉，我想起来了，手机上已经有了，你就别设了",
 * "emmm 不整了 用手机自带的吧". A thing before the words ("coffee不要了", "关煤气那个不用了") stops
 * that thing instead, and a new request after them ("算了 改成八点") is that request.
 * @param text the turn
 */
export function dropsZh(text: string): boolean {
  return DROPS.test(text.trim()) && !ASKS_ANEW.test(text);
}

/** A no to a confirmation, anywhere in it: "等等 别 还没买呢", "还是别删了", "先留着", "不清了". */
const CONFIRM_NO =
  /(?:^|[\s，,。！!等下])(?:别|不要|不用|先别|先不要|还是别|还是不要|不了)(?!忘|说)|还没(?:买|用|做|弄|办|完)|先留着|留着吧?|不清空|不清了|不删|别清|别删/u;
/** A new request after the refusal words ('先不说这个，你帮我算算…'): no answer to the confirmation. */
const ASKS_OTHER = /帮我|给我|算算|[？?吗]|几|多少/u;
/**
 * A yes to a confirmation said with its verb: "嗯嗯 删吧删吧", "嗯 全清了吧", "嗯 清吧 都买完了", Cantonese
 * "系啊 清晒", Shanghainese "好额，清脱伊" (额 is 的, 脱 is 掉, 伊 is it).
 */
const CONFIRM_YES =
  /^(?:(?:嗯+|好[的额]?|好吧|行|可以|确定|确认|对额?|是[的额]?|系[啊呀]?|係[啊呀]?|没错|ok|okay|中|成|得嘞|好嘞|要得|阔以|妥|好滴|是滴|嗯呐)[\s，,]*)*(?:全部?|都)?(?:清空|清掉|清脱|清了|清晒|删掉|删脱|删了|清|删)(?:了|吧|啦|啊|晒|佢|伊|喇|嘞)*(?=[\s，,删清]|$)/iu;
/**
 * A yes and nothing else, said with feeling or in a dialect: "对对对", "是是是", "中", "中中中", "得嘞",
 * "要得", "阔以", "妥了". Not "对不起" or "不对": every word of the turn must be a yes. Not a tag that
 * asks back ("对吧", "是吧": "right?") nor an impatient "好了好了" ("enough"): {@link NO_YES}.
 */
const YES_ONLY =
  /^(?:(?:对|是|好|行|嗯|中|成|可以|确定|确认|没错|没问题|得嘞|好嘞|要得|阔以|妥|好滴|是滴|嗯呐|ok|okay|yes|yep)(?:的|额|了|吧|啊|呀|啦|哈|哒|嘛)*[\s，,！!。~～]*)+$/iu;
/** "对吧", "是吧？", "好了好了": said with the yes words, they ask back or stop the talk. */
const NO_YES = /^(?:对|是)吧|好了[\s，,！!。~～]*好了/u;
const saysYesOnly = (text: string) => YES_ONLY.test(text) && !NO_YES.test(text);
/** The whole turn is such a tag or an impatient "好了好了": "对吧", "是吧？", "好了好了！". */
const ONLY_NO_YES = /^(?:(?:对|是)吧|好了[\s，,！!。~～]*好了)[\s，,！!。~～？?]*$/u;

/**
 * `true` when a Chinese turn only asks back ("对吧", "是吧？") or says "好了好了" to a confirmation: it
 * neither confirms nor refuses (review r11 should-fix 9: the model confirmed, and a list was cleared).
 * @param text the turn
 */
export function asksBackZh(text: string): boolean {
  return ONLY_NO_YES.test(text.trim());
}
/** "别问了", "不用再确认了": the user wants it done; what is said with it may still refuse. */
const EMPHATIC = /(?:别|不要|不用)再?(?:问|确认|犹豫|啰嗦|磨叽|墨迹|废话)了?/gu;
/**
 * A refusal or a putting-off said with the emphatic phrase ("别问了 不清", "不用问了，我不要了", "别确认了
 * 算了", "别问了 我再考虑考虑", "不用问了 回头再弄", "别催了 等会儿"): not now is no.
 */
const EMPHATIC_NO =
  /不清(?!楚)|不可以|不行|算了|取消|不要了|后悔|不删|不[。！!]*$|^[\s，,。！!]*不|再说|想想|想一想|考虑|等(?:一下|下|等|会|会儿|一会)|没想好|还没定|回头|明天|后天|以后|改天|下次|晚点|过两天/u;

/**
 * How a Chinese turn answers a confirmation when it says more than a bare yes or no: `yes` for the
 * verb said back ("嗯 清吧 都买完了"), `no` for a refusal word anywhere ("等等 别 还没买呢").
 * @param text the turn
 */
export function answersConfirmZh(text: string): 'yes' | 'no' | undefined {
  const said = text.trim();
  if (ASKS_OTHER.test(said)) return undefined;
  // "别问了 删吧": the emphatic phrase comes off first, then what is left is tested for a refusal.
  // What is left must say yes itself ("别问了 清吧", or nothing): "别问了 烦死了" is a no, as it was
  // before 别问了 could say yes.
  let rest = said.replace(EMPHATIC, ' ');
  if (rest !== said) {
    rest = rest.replace(/^[\s，,。！!~～]+|[\s，,。！!~～]+$/gu, '');
    if (CONFIRM_NO.test(rest) || EMPHATIC_NO.test(rest)) return 'no';
    return rest === '' || CONFIRM_YES.test(rest) || saysYesOnly(rest) ? 'yes' : 'no';
  }
  if (CONFIRM_NO.test(said)) return 'no';
  return CONFIRM_YES.test(said) || saysYesOnly(said) ? 'yes' : undefined;
}

/** Words that stop something running or set: "停下来吧", "行了停吧", "关掉吧", "cancel掉吧", "那个取消吧". */
const STOPS = /停下|停掉|停了|(?<![别不要])停(?:吧|啦|喇|嘞|[。！!]*$)|关掉|关了|关闭|别响|取消|删掉|删了|cancel/iu;

/**
 * `true` when a Chinese turn stops something ("不行了不行了，停下来吧" after a timer is set, "ok cancel掉吧
 * 老板叫我开会"): said with nothing open, it stops what the conversation set last.
 * @param text the turn
 */
export function stopsZh(text: string): boolean {
  return STOPS.test(text);
}

/** "再来一个", "换一个", "再讲一个", "三局两胜 再来": the same again. */
const AGAIN =
  /^(?:(?:三局两胜|五局三胜|好|行|哈+|嗯+)[\s，,]*)?(?:再来|换一个|换个|再讲一个|再说一个|再扔一次|再抛一次|再掷一次|再投一次|再来一次|再来一个|再来一下)/u;

/**
 * `true` when a Chinese turn asks for the same again ("换一个 这个太冷了" after a joke, "三局两胜 再来"
 * after a coin): the last act's intent, when it is one that can simply be done again.
 * @param text the turn
 */
export function againZh(text: string): boolean {
  return AGAIN.test(text.trim());
}

/** A request to hear the last reply again: "再说一遍", "你刚才说啥", "没听清 再说一次", "重复一下". */
const HEAR_AGAIN =
  /^(?:(?:啊|嗯|哎|不好意思|抱歉|sorry)[\s，,]*)?(?:没听清(?:楚)?[\s，,]*)?(?:(?:你|麻烦你?|请)?(?:再说一(?:遍|次|下)|重复一(?:遍|次|下)|刚才?说(?:了)?(?:啥|什么)|说(?:了)?(?:啥|什么)来着)|没听清(?:楚)?)[\s，,。？?！!吧呢啊]*$/u;

/**
 * `true` when a Chinese turn only asks to hear the last reply again ("再说一遍", "你刚才说啥").
 * @param text the turn
 */
export function asksToHearAgainZh(text: string): boolean {
  return HEAR_AGAIN.test(text.trim());
}

/** A question that reads a list: "现在是空的吧", "还剩什么", "还有啥", "都有哪些". */
const LIST_READ =
  /是空的|空了吧|什么都没有|啥都没有|还剩(?:什么|啥|哪些)|还有(?:什么|啥|哪些|东西)|都有(?:什么|啥|哪些)|有(?:什么|啥|哪些)(?:东西|要买|要做)?/u;
const LIST_WORD = /清单|单子|购物单|买菜单|待办|要做的事|任务|list/iu;

/**
 * The list a Chinese question reads ("那清单上现在应该什么都没有了吧", "list里还剩什么了", "待办现在是空的吧"):
 * `todo` or `shopping` when its words say which, `either` when only the conversation can say.
 * @param text the turn
 */
export function readsListZh(text: string): 'todo' | 'shopping' | 'either' | undefined {
  if (!LIST_READ.test(text) || !LIST_WORD.test(text) || /加|删|去掉|清空|清掉|不要/u.test(text)) return undefined;
  if (/待办|要做的事|任务/u.test(text)) return 'todo';
  if (/购物|买菜|要买/u.test(text)) return 'shopping';
  return 'either';
}

/** "米饭那个还剩多少时间", "还有多久", Cantonese "仲有几耐": how long a timer has left. */
const TIME_LEFT =
  /还剩(?:多少|几)(?:时间|分钟|分|秒钟?)|还剩多久|还有多久|还要多久|剩多少时间|多久响|仲有几耐|仲要几耐|剩几耐/u;

/**
 * `true` when a Chinese turn asks back what was set ("刚才设的啥来着，忘了", "我定了几分钟来着"): a
 * question about what is set ({@link asksWhatIsSetZh}) that names the setting itself (设的, 定了).
 * @param text the turn
 */
export function asksWhatWasSetZh(text: string): boolean {
  return /[设定](?:的|了|好的)/u.test(text) && asksWhatIsSetZh(text);
}

/**
 * `true` when a Chinese turn asks how long is left (of a timer the conversation set).
 * @param text the turn
 */
export function asksTimeLeftZh(text: string): boolean {
  return TIME_LEFT.test(text);
}

/** Thanks in the words people type: "谢谢", "多谢", "太感谢了", "3q", "thx啦", "蟹蟹", Cantonese "唔该". */
const THANKS = /谢谢|谢啦|谢了|谢咯|多谢|感谢|蟹蟹|3q|thx|thanks|thank you|唔该/iu;
const THANKS_ALL = new RegExp(THANKS.source, 'giu');
/** Goodbye said with the thanks: "好了谢谢，拜拜". */
const BYE = /拜拜|再见|回见|bye/iu;
const BYE_ALL = new RegExp(BYE.source, 'giu');
/** A request or a question besides the thanks ("谢谢 再来一个", "多谢 那明天呢", "好 谢谢 对了 明天天气怎样"). */
const ASKS_MORE =
  /帮我|给我|提醒|定个|设个|加个|加上|删|算|再|对了|顺便|另外|还有|然后|[？?吗呢]|几|多少|怎么|怎样|咋|能不能|想|要|不用|算了|别|[0-9０-９]|[一二两三四五六七八九十半](?:点|分钟|小时|个)/u;
/** Words said around thanks that add nothing: "好嘞", "嗯嗯", "ok", "真是太", "小助手". */
const AROUND =
  /好的|好嘞|好滴|好了|好吧|好|嗯+|行|ok(?:ay)?|哦+|噢|啊|呀|啦|哈+|哒|了|真是|真的|太|非常|十分|万分|实在|小助手|助手|你|您/giu;
/** A sign-off said with thanks: "我先去忙了", "我这就去菜市场", "这下不会忘了", "辛苦了", "晚安". */
const SIGN_OFF =
  /我?(?:这就|马上|现在就|先|得)去\p{Script=Han}{0,6}|我?去\p{Script=Han}{1,4}了|我?先忙了?|不会忘了?|放心了|知道了|明白了|懂了|记住了|没事了|先这样|就这样|晚安|辛苦了?|麻烦了|帮大忙了|下次(?:再)?(?:聊|见)|回头(?:再)?(?:聊|见)/gu;
/** Praise said with thanks: "你真靠谱", "你们年轻人做的东西真方便". */
const PRAISE = /(?:真|太|好|很|超|挺)(?:方便|好用|靠谱|棒|厉害|贴心|聪明|给力|有用|管用)/u;

/**
 * What a Chinese turn of thanks says, with the words people put around it ("好滴3q", "好，谢谢，我这
 * 就去菜市场", "真是太感谢了 你们年轻人做的东西真方便"): `bye` when it also takes leave, `thanks`
 * otherwise. Only when every clause besides the thanks is a sign-off, praise or a word that adds
 * nothing: anything else ("谢谢 我想听歌", "谢谢老板 我明天请假", a second request) is the turn's act,
 * and the answer is `undefined`.
 * @param text the turn
 */
export function thanksZh(text: string): 'thanks' | 'bye' | undefined {
  const said = text.trim();
  if (said.length > 40 || !THANKS.test(said)) return undefined;
  const rest = said.replace(THANKS_ALL, ' ').replace(BYE_ALL, ' ');
  if (ASKS_MORE.test(rest.replace(SIGN_OFF, ' '))) return undefined;
  const clauses = rest.split(/[\s，,。.！!~～、…；;]+/u).filter((c) => c.length > 0);
  const idle = (c: string) =>
    PRAISE.test(c) ||
    c
      .replace(SIGN_OFF, '')
      .replace(AROUND, '')
      .replace(/\P{Script=Han}/gu, '').length <= 2;
  if (!clauses.every(idle)) return undefined;
  return BYE.test(said) ? 'bye' : 'thanks';
}

/**
 * One clause of a reaction to a joke that did not land: "一点都不好笑", "好冷啊这个", "笑不出来", "没意思",
 * "这也叫笑话"; the joke may be pointed at (这个, 这笑话) before or after.
 */
const NOT_FUNNY =
  /^(?:[哈呵嗯唉哎额呃]+)?(?:这个|这笑话|这个笑话|你这笑话)?(?:也|真的?|太)?(?:一点(?:儿)?[都也]?不好笑|不好笑|不搞笑|笑不出来|没意思|没劲|好冷|太冷了?|冷死了?|冷场了?|尬|好尬|尴尬|这也叫笑话|什么鬼笑话)(?:啊|呀|吧|哦|了|哈|诶|欸)*(?:这个|这笑话)?[。！!~～]*$/u;

/**
 * `true` when a Chinese turn says a joke was not funny ("一点都不好笑", "好冷啊"): a reaction, no
 * request for another (that is "换一个", read by {@link againZh}).
 * @param text the turn
 */
export function notFunnyZh(text: string): boolean {
  // Every clause says so ("好冷啊这个，笑不出来"): a clause that asks for something makes it no reaction.
  // An interjection alone ("唉 一点儿都不好笑") is no clause of its own.
  const clauses = text
    .trim()
    .split(/[\s，,、…]+/u)
    .filter((c) => c !== '' && !/^[哈呵嗯唉哎额呃]+$/u.test(c));
  return clauses.length > 0 && clauses.every((c) => NOT_FUNNY.test(c));
}
