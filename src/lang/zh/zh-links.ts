/**
 * Chinese words around a link that say what the turn is (src/nlu/runtime/junk.ts reads them): a request for
 * one of the assistant's own tasks, or a shared page's or a shop's paste. Task vocabulary, so it lives with
 * the language; junk detection keeps what it does with it.
 *
 * @module
 */

/**
 * The Chinese request forms by which a turn around a link asks for one of the assistant's own tasks: a
 * reminder for the user (明天提醒我续费 www.example.com) or an entry on one of its lists (把 www.example.com
 * 加到购物清单, 记到待办). Chinese writes such a request in one run with no spaces, so it counts as one word next
 * to the link. The form, not a word: shop copy says 提醒/记得 too ("记得领券", "提醒：活动今晚结束"), and 购物车 is
 * no list of ours.
 */
const LINK_REQUEST = /提醒我|(?:加|放|记|写)(?:到|进)(?:我的)?(?:购物|待办|备忘)?(?:清单|列表|待办)/u;
/** What marks a shared page or a shop's paste around a link: a 【…】 title, 点击链接, 复制, 打开. */
const SHARE_PASTE = /【[^】]*】|点击链接|复制|打开/u;

/**
 * `true` when the words around a link ask for one of the assistant's tasks and are no shared page's paste
 * ("明天提醒我续费 www.example.com", not "【京东】记得领券 https://… 今晚8点开抢").
 * @param around the turn with its links blanked out
 */
export function asksTaskAroundLinkZh(around: string): boolean {
  return LINK_REQUEST.test(around) && !SHARE_PASTE.test(around);
}
