/**
 * Spoken fillers in Chinese voice input: "嗯 那个 一个小时以后 提醒我 就是 收衣服", "待办 加一个 就是
 * 洗车", "叫我 呃 小王". Speech-to-text keeps them as words of their own between spaces or commas;
 * they belong to no slot value, so the Chinese slot readers take them off before they read.
 *
 * A filler is taken only where it stands alone (between spaces, commas or the ends of the text):
 * "那个拿报告的取消吧" keeps its 那个, which points at something there.
 *
 * @module
 */

/** The fillers: hesitation sounds, 那个 / 就是 / 这个 used as "um", and remembering ("哦对", "对了", "想起来了"). */
const WORD = '(?:[嗯呃额唔]+|哦*对了|哦+对?|噢+|(?:哦|我)?想起来了|那个啥|那啥|那个|这个|就是说|就是|然后呢|然后)';
/** A filler standing alone: after the start or a break, before a break or the end. */
const ALONE = new RegExp(`(^|[\\s，,、。…])${WORD}(?=[\\s，,、。…]|$)`, 'gu');
/**
 * Fillers written against the value they lead into, at its start, as voice input runs them together:
 * "就是收衣服", "嗯那个就是猫粮", "然后那个就是醋", "就是那个取快递". 这个 goes only before another filler;
 * 那个 also after one, but not before what it points at ("就是那个月的", "嗯这个牌子的酱油", "然后这个月的房租").
 */
const LEADING =
  /^(?:(?:[嗯呃额唔]+|然后|就是说|就是|那个啥|那啥)(?:那个(?!月|周|星期|礼拜|时候|人|牌子|样|种|个|家|店|地方|东西|事))?|(?:那个|这个)(?=就是|[嗯呃额唔]))+(?=\p{Script=Han})/u;

/**
 * A Chinese turn or slot value without its spoken fillers.
 * @param text e.g. `"嗯 那个 待办 加一个 就是 洗车"`
 * @returns e.g. `"待办 加一个 洗车"` (spaces between the words that stay)
 */
export function withoutFillersZh(text: string): string {
  let out = text;
  // Twice: "嗯 那个" is two fillers that share the space between them.
  for (let i = 0; i < 2; i++) out = out.replace(ALONE, '$1');
  return out
    .replace(/\s{2,}/gu, ' ')
    .trim()
    .replace(/^[，,、。…\s]+/u, '')
    .replace(LEADING, '');
}
