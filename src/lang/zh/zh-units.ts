/**
 * Chinese names of the conversion skill's units and the requests that name them: "5公里是多少英里",
 * "把30摄氏度换算成华氏度", "100斤等于多少公斤", "华氏100度是多少摄氏度", "1磅多少克", and the
 * follow-ups "那10公里呢", "换成英里呢". Units are the skill's ids (src/skills/builtin/units.ts).
 *
 * @module
 */
import { zhNumbersToDigits } from '../../nlu/entities/zh-numbers.ts';
import { foldHanVariants } from '../../nlu/runtime/han-variants.ts';
import { withoutTrailingRemarksZh } from './zh-remarks.ts';
import { splitAtTakeBackZh } from './zh-split-at-take-back.ts';
import { UNIT_PATTERN, unitByAlias } from '../../skills/builtin/units.ts';

/** id → the name replies use, then the other names people write. */
const NAMES: Readonly<Record<string, readonly string[]>> = {
  millimeter: ['毫米', 'mm'],
  centimeter: ['厘米', '公分', 'cm'],
  meter: ['米', '公尺'],
  kilometer: ['公里', '千米', 'km'],
  // "27寸的显示器", "二十寸的箱子": sizes of screens, cases and wheels are said in 寸 and mean inches.
  inch: ['英寸', '寸'],
  foot: ['英尺', '呎'],
  yard: ['码'],
  mile: ['英里', 'mi'],
  'nautical-mile': ['海里'],
  milligram: ['毫克'],
  gram: ['克'],
  kilogram: ['公斤', '千克', 'kg'],
  jin: ['斤', '市斤'],
  liang: ['两', '市两', 'liang'],
  tonne: ['吨', '公吨'],
  ounce: ['盎司', 'oz'],
  pound: ['磅', 'lbs', 'lb'],
  milliliter: ['毫升', 'ml'],
  liter: ['升', '公升'],
  'cubic-meter': ['立方米'],
  teaspoon: ['茶匙', '小勺'],
  tablespoon: ['汤匙', '大勺'],
  'fluid-ounce': ['液量盎司'],
  cup: ['杯'],
  pint: ['品脱'],
  quart: ['夸脱'],
  gallon: ['加仑'],
  celsius: ['摄氏度', '摄氏', '℃'],
  fahrenheit: ['华氏度', '华氏', '℉'],
  kelvin: ['开尔文', '开氏度', '开'],
  'meter-per-second': ['米每秒', '米/秒'],
  'kilometer-per-hour': ['公里每小时', '公里/小时', '千米每小时', '千米/小时'],
  'mile-per-hour': ['英里每小时', '英里/小时'],
  knot: ['节'],
  millisecond: ['毫秒'],
  second: ['秒', '秒钟'],
  minute: ['分钟'],
  hour: ['小时', '钟头'],
  day: ['天'],
  week: ['周', '星期'],
  month: ['个月'],
  year: ['年'],
  bit: ['比特'],
  byte: ['字节'],
  kilobyte: ['千字节', 'kb'],
  megabyte: ['兆字节', '兆', 'mb'],
  gigabyte: ['吉字节', 'gb'],
  terabyte: ['太字节', 'tb'],
  // Energy: the calorie of food labels is the kilocalorie (大卡, 卡路里 in everyday talk). Not a bare 卡 or 焦
  // (卡车, 信用卡), nor a bare 度 for the kilowatt-hour: that is
  // degrees Celsius (below); 度电 is.
  joule: ['焦耳'],
  kilojoule: ['千焦', '千焦耳'],
  kilocalorie: ['千卡', '大卡', '卡路里'],
  'kilowatt-hour': ['千瓦时', '度电'],
};

const BY_NAME = new Map<string, string>();
for (const [id, names] of Object.entries(NAMES)) for (const n of names) BY_NAME.set(n.toLowerCase(), id);
/** A bare 度 is degrees Celsius, as it is in everyday Chinese. */
BY_NAME.set('度', 'celsius');

/** Every name, longest first, escaped for a pattern. @internal */
export const ZH_UNIT_SOURCE = [...BY_NAME.keys()]
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
  .join('|');

// "6 feet 是多少 cm", "那 5 feet 呢": an English unit name inside Chinese, not inside a Latin word.
const U = `(${ZH_UNIT_SOURCE}|(?<![a-z])(?:${UNIT_PATTERN})(?![a-z]))`;
const NUM = String.raw`(-?\d+(?:\.\d+)?)`;
// Cantonese asks 系几多 / 系多少 ("五公里系几多英里").
const ASK = '(?:是|系|等于|合|折合|有|相当于|换算成|换算为|换成|转成|转换成|转换为|变成|化成)?(?:多少|几多|几)个?';
const TO =
  '(?:换算成|换算为|换成|转成|转换成|转换为|变成|化成|是多少|等于多少|合多少|折合多少|是几|等于几|系几多|系多少)';

const AMOUNT_TO = new RegExp(`^(?:把|将)?${NUM}\\s*${U}\\s*${ASK}\\s*${U}`, 'iu');
const CONVERT = new RegExp(`^(?:把|将)\\s*${NUM}?\\s*${U}\\s*${TO}\\s*${U}`, 'iu');
/** "华氏100度", "摄氏30度". */
const SCALE_FIRST = new RegExp(`^(?:把|将)?(华氏|摄氏)${NUM}度\\s*${ASK}\\s*${U}`, 'iu');
const HOW_MANY_IN = new RegExp(`^${U}\\s*(?:和|与|跟)\\s*${U}`, 'iu');
// "10公斤 体重": what is measured may follow the amount.
// "那半斤肉呢", "那我一米六的闺蜜呢": what or who is measured may follow the amount, the owner lead it.
const FRAGMENT_AMOUNT = new RegExp(
  `^(?:我|我的|我家|他|她|他的|她的)?${NUM}\\s*${U}(?:的)?(?:体重|身高|距离|长度|重量|温度|左右|\\p{Script=Han}{1,6})?$`,
  'iu',
);
/**
 * The two halves of a request said inside a longer sentence ("菜谱上写要8盎司的黄油，请问这是多少克",
 * "孩子体温是101华氏度，换成摄氏度是多少", "3公里大约等于多少英里"): an amount with its unit, then,
 * a few characters on, the question word or verb and the unit asked for.
 */
const AMOUNT_ANYWHERE = new RegExp(`${NUM}${U}`, 'iu');
const SCALE_ANYWHERE = new RegExp(`(华氏|摄氏)${NUM}度`, 'iu');
const TARGET_AFTER = new RegExp(
  `^[^0-9]{0,12}?(?:(?:多少|几多|几)个?|换算成|换算为|换成|转成|转换成|转换为|变成|化成|折合成?)${U}`,
  'iu',
);
/** "两斤半", "三亩半", "1公里半": the half follows the unit. */
const UNIT_AND_A_HALF = new RegExp(`(\\d+)(${ZH_UNIT_SOURCE})半`, 'giu');
const FRAGMENT_TO = new RegExp(`^(?:换成|换算成|用|改成|转成|要|是多少|多少|是几|几)?${U}$`, 'iu');
const FRAGMENT_NUMBER = new RegExp(`^${NUM}$`, 'u');

/** What a conversion request names; any part may be missing in a follow-up. */
export interface ZhConversion {
  amount?: number;
  from?: string;
  to?: string;
}

const idOf = (name: string | undefined) =>
  name === undefined ? undefined : (BY_NAME.get(name.toLowerCase()) ?? unitByAlias(name.toLowerCase())?.id);

/** A purpose after the request, in its own clause: "报名要用", "做衣服用的", "买机票得用". */
const PURPOSE = /(?<![\s，,])[\s，,]+\p{Script=Han}{1,6}(?:要用|得用|用的|用)(?:的|啊|呢|哈|嘛)?[。！!\s]*$/u;

/**
 * Why the user wants the other unit, said after it: "换成米吧我看不懂英尺", "换成公斤 我不懂磅", "用摄氏度
 * 华氏度没概念". A unit named in it is the one the user does not read, never the one asked for.
 */
const NOT_READ =
  /(?<=\p{Script=Han})(?:(?:吧|呗|啊|呀)[\s，,]*(?:我|因为|反正)?|[\s，,]+(?:我|因为|反正)?|我|因为)(?:\p{Script=Han}{1,4}?)?(?:看不懂|不懂|搞不懂|不会算|不习惯|用不惯|不熟|没概念|没感觉)\p{Script=Han}{0,8}[。！!\s]*$/u;

/**
 * Reads a Chinese conversion request or a fragment of one. A part taken back ("换成厘米不对换成米") is
 * replaced by what follows the take-back.
 * @param said e.g. `"5公里是多少英里"`, `"那10公里呢"`, `"换成英里呢"`
 * @returns the unit ids (`kilometer`, `mile`) and amount it names
 */
export function parseConversionZh(said: string): ZhConversion {
  // Traditional characters (十公里係幾多英里) read as simplified: a conversion stores none of the user's words.
  const text = foldHanVariants(said, { keepLength: true });
  const parts = splitAtTakeBackZh(text);
  if (parts !== undefined) {
    const meant = readConversion(parts[1]);
    if (Object.keys(meant).length > 0) return { ...readConversion(parts[0]), ...meant };
  }
  return readConversion(text);
}

function readConversion(text: string): ZhConversion {
  // "几两" asks for liang (两 is also the numeral two): named so before numerals become digits.
  // "零下十度" is -10; "几两" asks for liang (两 is also the numeral two): both named before numerals become digits.
  const s = zhNumbersToDigits(
    withoutTrailingRemarksZh(text.normalize('NFKC').trim())
      // "换成英寸 填表要用", "换算成磅 买机票得用": what the value is for is no part of it.
      .replace(PURPOSE, '')
      .replace(NOT_READ, '')
      .replace(/(几|多少)两/gu, '$1liang')
      // "300千卡", "是多少千焦", "1千瓦时": 千 is the unit's kilo, not the numeral a thousand, unless a numeral
      // says it is one ("两千卡", "一千卡路里" = 2000, 1000 of them; read as numbers, those name no unit).
      .replace(/(?<![零一二三四五六七八九两])千(?:卡(?!路里)|焦耳?|瓦时)/gu, (m) =>
        m.startsWith('千卡') ? 'kcal' : m.startsWith('千焦') ? 'kj' : 'kwh',
      )
      // "三两肉", "半两茶叶": 两 after a numeral is the weight, not the numeral two ("三两个", "三两天", "三两下"
      // are rough counts, and so are "一两公里", "一两小时", "一两周" before a unit or a span of time).
      .replace(
        /([一二三四五六七八九十半0-9])两(?![个百千万亿十点天年次人只位件条块张岁层楼倍半下句声步口样种份遍家位名])(?!公|小时|钟头|分钟|秒|周|星期|礼拜|个?月|米|里|英|毫|厘|升|度|寸|尺|码)/gu,
        '$1liang',
      )
      // "一米六", "一米七五": the digits after 米 are its decimals, as heights are said.
      .replace(
        /([一二两0-9])米([一二三四五六七八九])([零一二三四五六七八九])?(?![零一二三四五六七八九十百千万个])/gu,
        '$1点$2$3米',
      )
      .replace(/零下\s*/gu, '负'),
  )
    .replace(/(\d)米(\d{1,2})(?![\d.])/gu, '$1.$2米')
    .toLowerCase()
    .replace(/[？?！!。，,、\s]+/gu, '')
    // "25度C是多少F": the letter after 度 names the scale.
    .replace(/度c(?![a-z])/gu, '摄氏度')
    .replace(/度f(?![a-z])/gu, '华氏度')
    .replace(/^(?:请问|帮我|帮忙|麻烦|请|那么|那|再|还有|如果是)+/u, '')
    // "换成华氏度的": 的 after the unit asked for ends the sentence too.
    .replace(/(?:呢|吗|啊|呀|吧|来着|的)+$/u, '')
    // "零下十度换过去是多少": the question of a follow-up adds nothing to its amount.
    .replace(/(?:换过去|换过来|换算过来|换算过去|转过去|转过来)(?:是|等于)?(?:多少|几)?(?:度)?$/u, '')
    .replace(/^(?:算一下|换算一下|换算下|算下|换算(?![成为])|算算|转换一下)/u, '')
    .replace(UNIT_AND_A_HALF, (_, n: string, unit: string) => `${n}.5${unit}`);
  let m = SCALE_FIRST.exec(s);
  if (m) return { amount: Number(m[2]), from: idOf(m[1])!, to: idOf(m[3])! };
  m = AMOUNT_TO.exec(s);
  if (m) return { amount: Number(m[1]), from: idOf(m[2])!, to: idOf(m[3])! };
  m = CONVERT.exec(s);
  if (m) return { amount: m[1] === undefined ? 1 : Number(m[1]), from: idOf(m[2])!, to: idOf(m[3])! };
  m = HOW_MANY_IN.exec(s);
  if (m) return { amount: 1, from: idOf(m[1])!, to: idOf(m[2])! };
  const inside = findInside(s);
  if (inside !== undefined) return inside;
  m = FRAGMENT_AMOUNT.exec(s.replace(/^(?:换成|换|改成)(?=\d)/u, ''));
  if (m) return { amount: Number(m[1]), from: idOf(m[2])! };
  m = FRAGMENT_TO.exec(s);
  if (m) return { to: idOf(m[1])! };
  m = FRAGMENT_NUMBER.exec(s);
  if (m) return { amount: Number(m[1]) };
  return {};
}

/** A request inside a longer sentence: an amount and unit, then the unit asked for a few characters on. */
function findInside(s: string): ZhConversion | undefined {
  const scale = SCALE_ANYWHERE.exec(s);
  const amount = scale ?? AMOUNT_ANYWHERE.exec(s);
  if (amount === null) return undefined;
  const target = TARGET_AFTER.exec(s.slice(amount.index + amount[0].length));
  if (target === null) return undefined;
  const from = scale === null ? idOf(amount[2]) : idOf(scale[1]);
  const to = idOf(target[1]);
  if (from === undefined || to === undefined) return undefined;
  return { amount: Number(scale === null ? amount[1] : scale[2]), from, to };
}

/**
 * The Chinese name of a unit.
 * @param id a unit id, e.g. `kilometer`
 * @returns e.g. `公里`; `undefined` for a unit without one
 */
export function zhUnitName(id: string): string | undefined {
  return NAMES[id]?.[0];
}
