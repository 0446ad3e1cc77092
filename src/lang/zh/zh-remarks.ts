/**
 * A Chinese first-person statement of what is going on: "我刚把面包烤糊了", "我家的猫又跑了",
 * "哎呀我的咖啡洒了". Said while a length, a time or a number is asked (src/context/decide.ts), such a
 * turn with no value of that kind tells something rather than answering. Not the ways an answer is led
 * in ("我想", "我觉得", "我要", "我看", "我猜", "我一般", "我习惯").
 *
 * @module
 */

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

/**
 * A clause said after a task or a list item that is about it, not part of it: a plea not to forget
 * ("别忘了哈", "千万记得", "拜托了"), what the speaker is doing right now ("在炖肉", "正在开会呢"), a
 * slip owned ("说错了"), a reason or a stake ("不然要迟到", "办的卡不能浪费", "省得又忘").
 */
const REMARK_ZH = new RegExp(
  [
    // A plea: 别忘了, 可别忘记, 千万记得啊, 记住哦, 拜托了, 靠你了.
    String.raw`^(?:千万|一定|可|你可)?(?:(?:别|不要|不能|別)忘(?:了|记了?|掉了?)?|记得|记住|记着)(?:了|哈|啊|呀|哦|噢|喔|啦|呢|嘛|!|！)*$`,
    String.raw`^(?:拜托|拜托你|靠你|全靠你|麻烦你)(?:了|啦|哈|啊)*$`,
    // What is going on now, not where: 在炖肉, 正在开会呢 (在学校门口, 在公司 are places of the task).
    String.raw`^(?:我|我们)?(?:正在|在)(?![^]*(?:门口|楼|家|里|上|下|边|旁|口|店|站|厅|室|园|校|场|院|司|馆|区|路|街|城|市|处))\p{Script=Han}{1,3}(?:呢|啊|哈|哦)?$`,
    // What it is for: 炖汤用, 包饺子用的.
    String.raw`^(?:留着|拿来|用来)?\p{Script=Han}{1,5}用(?:的)?(?:啊|哈|呢|哦)?$`,
    // A slip owned: 说错了, 打错字了.
    String.raw`^(?:我|刚才|刚刚)?(?:说|打|写|讲|记)错(?:字)?了(?:哈|啊|哦|不好意思)?$`,
    // A reason or a stake: 不然…, 省得…, …不能浪费, …可不能忘.
    String.raw`^(?:因为|不然|要不然|要不|否则|省得|免得|怕)\p{Script=Han}{2,}`,
    String.raw`\p{Script=Han}(?:不能|不可以|可不能|别)(?:浪费|白交|白花|迟到|错过|再拖|再忘|忘)(?:了|啊|呀)?$`,
  ].join('|'),
  'u',
);

/**
 * A Chinese turn less the remarks said after its task or item ({@link REMARK_ZH}): "一刻钟后提醒我关火
 * 在炖肉" → "一刻钟后提醒我关火", "还有一打鸡蛋 别忘了" → "还有一打鸡蛋". Only clauses after a space or a
 * comma, never the first one.
 * @param text the turn (or what is left of it)
 * @returns the text without its trailing remarks
 */
export function withoutTrailingRemarksZh(text: string): string {
  const clauses = text.split(/(?<=[^\s，,])(?=[\s，,]+\S)/u);
  while (
    clauses.length > 1 &&
    REMARK_ZH.test(
      clauses
        .at(-1)!
        .replace(/^[\s，,]+/u, '')
        .replace(/[。！!~～\s]+$/u, ''),
    )
  )
    clauses.pop();
  return clauses.join('');
}
