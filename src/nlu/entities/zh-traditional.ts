/**
 * Traditional characters of the Chinese entity grammars' own words, mapped one to one onto their
 * simplified forms (兩點鐘 → 两点钟, 十分鐘後 → 十分钟后), so the grammars read both scripts. One
 * character becomes one character of the same UTF-16 length, so every offset found on the mapped
 * text is an offset into the original.
 *
 * A small table on purpose: it covers the grammars' vocabulary, not the language (the featurizer's
 * full traditional→simplified table is the intent model's, see issue 13).
 *
 * @module
 */

const PAIRS =
  '兩两點点鐘钟後后號号週周個个塊块萬万億亿禮礼時时頭头這这現现幾几過过來来還还錢钱歐欧鎊镑圓圆韓韩盧卢' +
  '攝摄華华噸吨釐厘碼码計计鬧闹設设記记買买購购單单刪删條条項项與与減减於于開开淩凌' +
  '無无沒没麼么們们裡里裏里際际間间倆俩隻只雙双對对邊边';

const MAP = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) MAP.set(PAIRS[i]!, PAIRS[i + 1]!);
const TRADITIONAL_RE = new RegExp(`[${[...MAP.keys()].join('')}]`, 'gu');

/**
 * Maps the grammars' traditional characters to simplified, one for one (offsets are kept).
 * @param text any text
 * @returns the text with those characters simplified; the same string when there are none
 */
export function simplifyForGrammars(text: string): string {
  return text.replace(TRADITIONAL_RE, (c) => MAP.get(c) ?? c);
}
