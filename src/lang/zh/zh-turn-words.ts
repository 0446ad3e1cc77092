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

/** What a question about a name asks with. */
const WHAT = '(?:啥|什么|谁|哪个)';
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
 * The intent a Chinese turn asks for by its words, if a grammar here reads one.
 * @param text the turn
 * @param hasDate whether the turn holds a date entity (a day, a holiday)
 * @returns `date` for a question about a named day, `user_name` / `what_is_your_name` for a
 *   question about the user's or the assistant's name, `change_user_name` for a change of the
 *   user's name with no name said; else `undefined`
 */
export function requestIntentZh(text: string, hasDate: boolean): string | undefined {
  if (hasDate && DAY_QUESTION.test(text)) return 'date';
  if (ASKS_OWN_NAME.test(text)) return 'user_name';
  if (ASKS_ITS_NAME.test(text)) return 'what_is_your_name';
  // "改你的名字", "给你改个名" rename the assistant.
  if (CHANGES_OWN_NAME.test(text) && !/你的名字|给你|帮你/u.test(text)) return 'change_user_name';
  return undefined;
}

/** Openers of a clause that drops something: interjections, second thoughts ("想了想", "还是", "那就"). */
const DROP_OPEN = '(?:唉|哎|哎呀|啊|嗯|呃|额|emm+|em+|诶|哦|想了想|想想|我想了想|还是|那就|那|你就|就|我看|要不)*';
/** The words of a drop: "算了", "不用了", "别设了", "不弄了", "不整了", "不用提醒了", "先不要了". */
const DROP_WORDS =
  '算了|不用了|不要了|不弄了|不整了|不搞了|不设了|不定了|别设了|别定了|别弄了|别整了|不需要了|不用提醒了|不用设了|不用定了|不用弄了|不用记了|先不了|先不用了|先不要了';
/** A clause (at the start of the turn or after a break) that drops what is asked. */
const DROPS = new RegExp(`(?:^|[\\s，,。.！!])${DROP_OPEN}(?:${DROP_WORDS})`, 'iu');
/** Words that ask for something new after a drop ("算了 帮我定七点的"): then it is no plain drop. */
const ASKS_ANEW =
  /帮我|给我|定个|设个|改成|改到|换成|加个|加上|提醒我|叫我|关掉|关了|停掉|停了|删掉|删了|[0-9０-９]|[一二三四五六七八九十两半](?:点|分钟|小时|个)/u;

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
  /(?:^|[\s，,。！!等下])(?:别|不要|不用|先别|先不|还是别|还是不要|不了)|还没(?:买|用|做|弄|办|完)|先留着|留着吧?|不清|不删|别清|别删/u;
/** A yes to a confirmation said with its verb: "嗯嗯 删吧删吧", "嗯 全清了吧", "嗯 清吧 都买完了", "系啊 清晒". */
const CONFIRM_YES =
  /^(?:嗯+|好的?|好吧|行|可以|确定|确认|对|是的?|系啊?|係啊?|没错|ok|okay)?[\s，,]*(?:全部?|都)?(?:清空|清掉|清了|清晒|删掉|删了|清|删)(?:了|吧|啦|啊|晒)*(?=[\s，,删清]|$)/iu;

/**
 * How a Chinese turn answers a confirmation when it says more than a bare yes or no: `yes` for the
 * verb said back ("嗯 清吧 都买完了"), `no` for a refusal word anywhere ("等等 别 还没买呢").
 * @param text the turn
 */
export function answersConfirmZh(text: string): 'yes' | 'no' | undefined {
  const said = text.trim();
  if (CONFIRM_NO.test(said)) return 'no';
  return CONFIRM_YES.test(said) ? 'yes' : undefined;
}

/** Words that stop something running or set: "停下来吧", "关掉吧", "cancel掉吧", "那个取消吧". */
const STOPS = /停下|停掉|停了|关掉|关了|关闭|别响|取消|删掉|删了|cancel/iu;

/**
 * `true` when a Chinese turn stops something ("不行了不行了，停下来吧" after a timer is set, "ok cancel掉吧
 * 老板叫我开会"): said with nothing open, it stops what the conversation set last.
 * @param text the turn
 */
export function stopsZh(text: string): boolean {
  return STOPS.test(text);
}
