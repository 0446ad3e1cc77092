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
