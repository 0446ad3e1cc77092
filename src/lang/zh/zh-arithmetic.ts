/**
 * Chinese spoken arithmetic rewritten into the symbols the calculator evaluates: 七乘以八 → 7 * 8,
 * 一百除以四 → 100 / 4, 三加五等于几 → 3 + 5, 80的15% → 15% * 80, 八十的百分之十五 → 15% * 80,
 * 2的3次方 → 2 ^ 3, 根号16 → √16, 5的阶乘 → 5!, 100打八折 → 100 * 80%. Numbers are read by the
 * entity extractor's Chinese numeral grammar (one grammar for the whole product).
 *
 * @module
 */
import { zhNumbersToDigits } from '../../nlu/entities/zh-numbers.ts';
import { withoutFillersZh } from './zh-fillers.ts';
import { splitAtTakeBackZh } from './zh-split-at-take-back.ts';
import { arithmeticRun } from '../../skills/builtin/expression.ts';

const N = String.raw`-?\d+(?:\.\d+)?`;
/** A whole number: never a piece cut out of a longer digit run ("12个人" is 12, not 1 and 2). */
const NB = String.raw`(?<![\d.])(${N})(?![\d.])`;
/** Days and times: what a number counts ("3天", "5次") and what a rate is paid by ("每天80", "一次50"). */
const DAYS_AND_TIMES = '天|次';
/** Measure words of things counted ("5个", "三瓶", "两斤"): a number before one counts, it does not price. */
const MEASURE_WORDS = `个人|个|${DAYS_AND_TIMES}|人|张|件|桶|杯|份|瓶|盒|本|只|位|口|遍|斤|袋|包|箱|根|颗|把|条|罐|打|碗|串|听`;
/** Units a rate is paid by ("一小时45", "每晚300", "一节课80"). */
const RATE_UNITS = `小时|${DAYS_AND_TIMES}|周|星期|月|晚|节课|节|趟|单|公里`;
/** "每小时", "一晚", "1个月": one unit a rate is paid by; "第1天" is an ordinal, no rate. */
const PER = String.raw`(?:每|(?<![\d.第]\s*)1)\s*个?`;
/** People an amount is shared among ("四个人", "5位"). */
const PEOPLE = '(?:个人|个|人|位)';
/** "10个人分3组": people split into groups share no amount. */
const GROUPS = '(?:组|队|批|拨|桌|车|份|次|轮)';
/** The share itself: AA (制), 平摊, 均摊, 平分, 分摊, 分. */
const SHARE = '(?:[Aa][Aa]制?|平摊|均摊|平分|分摊|分账|摊|分(?![钟之]))';
/** A number of people that shares nothing yet ("六个人吃饭", not "六个人AA"): hoisted out of a replace callback. */
const PEOPLE_COUNTED = new RegExp(String.raw`${NB}\s*${PEOPLE}(?!\s*${SHARE})`, 'u');
/** A share that cannot be a score or minutes ("考了90分"): the only one a distant amount may be said before. */
const SHARE_SAID = '(?:[Aa][Aa]制?|平摊|均摊|平分|分摊|分账)';

/** Words that ask for the amount after a share is taken off or added: "扣完还剩多少", "到手多少", "涨完多少". */
const RESULT_AFTER = /剩|到手|实发|实际|拿到|完|之后|以后|变成|一共|总共|现在|如今/u;
/** Words that put an amount after a discount: "打八折以后是240", "打九折 省了30", "现在是400". */
const AFTER_CHANGE = /以后|之后|后|省了?|便宜了?|少了|现在|剩/u;
/** A turn that asks the price before a change: "原价多少", "原来是多少", "本来几块". */
const ASKS_BEFORE = /(?:原价|原来|本来|之前|以前)(?:是|要|卖)?(?:多少|几)/u;

/** "打八折" is 80%, "打八五折" 85%: the digits of a discount are tenths, then hundredths. */
function discount(_: string, amount: string, tenths: string, hundredths = ''): string {
  return `${amount} * ${tenths}${hundredths === '' ? '0' : hundredths}%`;
}

/** Phrasings rewritten in order; each is anchored on numbers or is a fixed word. */
const REWRITES: [RegExp, string | ((match: string, ...groups: string[]) => string)][] = [
  [/百分之\s*(\d+(?:\.\d+)?)/gu, '$1%'],
  // "六个人吃饭一共390 每人出多少": with a number of people in the turn, the question of what each
  // pays is a share, read by the share rules below.
  [
    /(?:每个?人|人均|(?<![\d.])1个?人|一人)\s*(?:要|得|应该)?\s*(?:出|付|掏|摊|分|给|交|拿)?\s*(?=多少|几)/gu,
    // The last argument of a replace callback is the whole string while the pattern has no named groups.
    (match: string, ...rest: unknown[]) => (PEOPLE_COUNTED.test(String(rest.at(-1))) ? ' 平摊 ' : match),
  ],
  // "每人多少", "一个人出几块": who pays a share adds no number to the sum.
  [/(?:每个?人|(?<![\d.])1个?人|人均)(?=\s*(?:多少|几|要|得|出|付|掏|摊|分|$))/gu, ' '],
  [/[％]/gu, '%'],
  [/[（]/gu, '('],
  [/[）]/gu, ')'],
  [/[×xX＊]/gu, '*'],
  [/[÷／]/gu, '/'],
  [/[＋]/gu, '+'],
  [/[－—]/gu, '-'],
  // "三块五", "六块5毛", Cantonese "十蚊五": the digit after the money word is tenths (3.5), not a
  // number of its own; "45块钱" is 45. A digit that counts ("二十块5个", "100元2次") is no tenths.
  [new RegExp(String.raw`(\d+)\s*(?:块|蚊|元)\s*(\d)(?:毛|角)?(?![\d.%]|\s*(?:${MEASURE_WORDS}))`, 'gu'), '$1.$2'],
  [new RegExp(String.raw`(${N})\s*(?:块钱|块|元钱|元|刀|美元|蚊)`, 'gu'), '$1 '],
  // "时薪一小时40 干了6个半小时", "每晚300 住了3晚": a rate for one unit and how many units, in
  // either order: their product. The count must name the same unit ("1小时45" alone is a duration).
  [
    new RegExp(
      String.raw`${PER}\s*(${RATE_UNITS})[^\d，,。；;]{0,3}?(${N})(?!\s*分)[^\d，,。；;]{0,8}?(?<!第\s*)${NB}\s*个?\s*\1`,
      'gu',
    ),
    '$2 * $3',
  ],
  [
    new RegExp(
      String.raw`(?<!第\s*)${NB}\s*个?\s*(${RATE_UNITS})[^\d，,。；;]{0,8}?${PER}\s*\2[^\d，,。；;]{0,3}?(${N})(?!\s*分)`,
      'gu',
    ),
    '$1 * $3',
  ],
  // "三瓶可乐每瓶3.5", "4杯奶茶 每杯12": a count of things, then the price of each: their product.
  [
    new RegExp(
      String.raw`(${N})\s*(?:${MEASURE_WORDS})[^\d，,。；;]{0,8}?每\s*(?:${MEASURE_WORDS})[^\d，,。；;]{0,4}?(${N})`,
      'gu',
    ),
    '$1 * $2',
  ],
  // "每瓶3.5 买了三瓶", "一箱12瓶 进了15箱": what each holds or costs first, then the count.
  [
    new RegExp(
      // The count is no rate of its own: "1次3片 1天3次" (a dose) is no 3 * 1.
      String.raw`${PER}\s*(?:${MEASURE_WORDS})[^\d，,。；;]{0,4}?(${N})[^\d，,。；;]{0,6}?(${N})\s*(?:${MEASURE_WORDS})(?!\s*\d)`,
      'gu',
    ),
    '$1 * $2',
  ],
  // "300除以6 六个人AA": the share restates the divisor; it divides once.
  [new RegExp(String.raw`(除以?\s*)(${N})(?![\d.])\s*\2\s*${PEOPLE}\s*${SHARE}`, 'gu'), '$1$2'],
  // "360 四个人AA", "吃饭300 五个人平摊", "三个人分 240": an amount shared by so many people.
  [new RegExp(String.raw`${NB}[^\d，,。；;]{0,6}?${NB}\s*${PEOPLE}\s*${SHARE}`, 'gu'), '$1 / $2'],
  [
    new RegExp(String.raw`${NB}\s*${PEOPLE}\s*${SHARE}[^\d，,。；;]{0,4}?${NB}(?!\s*(?:${PEOPLE}|${GROUPS}))`, 'gu'),
    '$2 / $1',
  ],
  // "十个人吃饭 一共花了850 AA的话": the people, the amount, then the share.
  [new RegExp(String.raw`${NB}\s*${PEOPLE}[^\d，,。；;]{0,8}?${NB}[^\d，,。；;]{0,4}?${SHARE_SAID}`, 'gu'), '$2 / $1'],
  // "一成" is a tenth, "两成半" a quarter: a share said in tenths is that many tens of percent.
  // "三成五" is 35%. Only a share said as one: what follows is 的, 小费, the question or the clause's
  // end ("一成不变", "八成是他" are no shares).
  [
    /(\d+(?:\.\d+)?)\s*成(?:(半)|(\d)(?![\d.]))?(?=\s*(?:的|小费|是多少|等于|多少|几多|系|呢|[，,。！!？?、；;]|$))/gu,
    (_, n: string, half?: string, tenth?: string) =>
      `${Number(n) * 10 + (half === undefined ? Number(tenth ?? 0) : 5)}%`,
  ],
  // "底薪4200，绩效扣15%，扣多少", "工资八千 涨百分之十 涨多少": a share taken off or added to an
  // amount said before it (in the same or an earlier clause), the share itself; asked what is left
  // or what it comes to ("扣完还剩多少", "涨完多少"), the amount less or plus the share.
  [
    new RegExp(String.raw`${NB}[^\d。；;]{0,8}?(扣除|扣掉|扣|抽成|提成|抽|涨了|涨)\s*(${N})\s*%`, 'gu'),
    // No named groups: the last two arguments are the match's offset and the whole string.
    (_: string, amount: string, verb: string, share: string, ...rest: unknown[]) => {
      const after = String(rest.at(-1)).slice(Number(rest.at(-2)) + _.length);
      if (!RESULT_AFTER.test(after)) return `${share}% * ${amount}`;
      return `${amount} ${verb.startsWith('涨') ? '+' : '-'} ${share}% * ${amount}`;
    },
  ],
  // "那要是扣8%呢": a share said alone, as a follow-up, is the share ("8%").
  [/(?:扣除|扣掉|扣|抽成|提成|抽|涨了|涨)\s*(?=\d+(?:\.\d+)?%)/gu, ''],
  // "45的账单给18%小费", "45的账单付18%的小费": the tip is a percentage of the bill.
  [new RegExp(String.raw`(${N})\s*的?账单\s*(?:给|付|加|留)?\s*(${N})\s*%\s*的?小费`, 'gu'), '$2% * $1'],
  // "花了120 小费按18%算", Cantonese "两百蚊畀一成小费": the amount, then the tip's share of it.
  [new RegExp(String.raw`(${N})\s*(?:给|付|加|留|畀|俾)\s*(${N})\s*%\s*的?小费`, 'gu'), '$2% * $1'],
  [new RegExp(String.raw`(${N})\s*[，,]?\s*小费\s*(?:按|给|付|留|畀|俾)?\s*(${N})\s*%`, 'gu'), '$2% * $1'],
  // "平时分50 占20%", "期末占60% 考了80": a weight and what it weighs, in either order.
  [new RegExp(String.raw`${NB}[^\d，,。；;]{0,4}?占\s*(${N})\s*%`, 'gu'), '$2% * $1'],
  [new RegExp(String.raw`(${N})\s*%[^\d，,。；;]{0,8}?(?:考了|得了|拿了|考|得|拿)\s*${NB}(?!\s*%)`, 'gu'), '$1% * $2'],
  // "打七五折 原价24", "原价80 现在打八折": a discount and its amount said apart.
  // An amount after the change ("打八折以后是240", "省了30") or a turn that asks the price before it
  // ("原价多少") is no price to discount: the skill asks.
  [
    new RegExp(
      String.raw`(?<![\d.]\s*)打\s*(\d)(\d)?\s*折([^\d，,。；;]{0,8}?)${NB}(?!\s*(?:%|${MEASURE_WORDS}))`,
      'gu',
    ),
    (match: string, tenths: string, hundredths: string | undefined, gap: string, amount: string, ...rest: unknown[]) =>
      AFTER_CHANGE.test(gap) || ASKS_BEFORE.test(String(rest.at(-1)))
        ? match
        : discount(match, amount, tenths, hundredths),
  ],
  [
    new RegExp(String.raw`${NB}[^\d，,。；;]{1,6}?打\s*(\d)(\d)?\s*折`, 'gu'),
    (match: string, amount: string, tenths: string, hundredths: string | undefined, ...rest: unknown[]) =>
      ASKS_BEFORE.test(String(rest.at(-1))) ? match : discount(match, amount, tenths, hundredths),
  ],
  // "100打八五折", "80的八折": a discount of the amount before it.
  [new RegExp(String.raw`(${N})\s*(?:打|的)\s*(\d)(\d)?\s*折`, 'gu'), discount],
  [new RegExp(String.raw`(${N})\s*的\s*(${N})\s*%`, 'gu'), '$2% * $1'],
  [new RegExp(String.raw`(${N})\s*的\s*(${N})\s*倍`, 'gu'), '$1 * $2'],
  [new RegExp(String.raw`(${N})\s*的\s*(${N})\s*次(?:方|幂)`, 'gu'), '$1 ^ $2'],
  [new RegExp(String.raw`(${N})\s*的\s*平方根`, 'gu'), '√$1'],
  [new RegExp(String.raw`(${N})\s*的\s*立方根`, 'gu'), '$1 ^ (1/3)'],
  [/的?平方/gu, ' ^2'],
  [/的?立方/gu, ' ^3'],
  [/的?阶乘/gu, '!'],
  [/开?根号|平方根/gu, '√'],
  // "再乘个3", "再加个3呢": a measure word between the operator and its number.
  [/(乘以|乘上|乘|除以|除|加上|加|减去|减掉|减)\s*个\s*(?=\d)/gu, '$1'],
  [new RegExp(String.raw`(${N})\s*除\s*(?!以)(${N})`, 'gu'), '$1 / $2'],
  // "加起来多少" asks for a total; it adds nothing of its own.
  [/加起来|加一起|加在一起/gu, ' '],
  [/乘以|乘上|乘/gu, ' * '],
  [/除以|除/gu, ' / '],
  [/加上|加/gu, ' + '],
  [/减去|减掉|减/gu, ' - '],
  [/负\s*(?=\d)/gu, '-'],
  // What is counted changes nothing: "除以30天", "乘5个人" (次 of 次方 was read above).
  [
    /(\d)\s*(?:个人|个|天|人|次|张|件|桶|杯|份|瓶|盒|本|只|位|口|遍|单|趟|箱|袋|包|条|根|颗|罐|碗|串|套|台|辆|双)/gu,
    '$1 ',
  ],
];

/** Words around a sum that change nothing ("等于几", "帮我算一下", "是多少"). */
const FILLER =
  /看看|系几多|几多|我是说|我的意思是|不对|[打说搞写按弄]错了|人均|多少钱|来着|一共|总共|要是|平均|等一下|等下|稍等|先|请问|帮我|帮忙|麻烦|你|给我|我想知道|想知道|计算一下|计算|算一下|算下|算算|算|一下|等于多少|等于几|等于|是多少|得多少|得几|是几|多少|几|结果|答案|是|呢|吗|啊|呀|吧|呗|嘛|求|那|再|如果|换成|改成|[？?！。，,、：:]/gu;

/**
 * Rewrites Chinese spoken arithmetic into symbols.
 * @param text e.g. `"七乘以八等于几"`
 * @returns e.g. `"7 * 8"`, or `undefined` when no arithmetic is left (no digit, or words remain)
 */
export function toSymbolsZh(said: string): string | undefined {
  // "嗯 那个 三百六 除以 十二", "然后 再乘 七": voice fillers are no part of the sum.
  // "算了吧 3加5也不用算了": a sum said to be dropped asks for nothing; "算了 帮我算下…" drops what
  // came before and asks anew (算了 only at the start).
  if (NOT_TO_WORK_OUT.test(said)) return undefined;
  const text = withoutFillersZh(said).replace(/^(?:算了|算啦)[吧啊]?[\s，,。！!]*/u, '');
  const retaken = takenBack(text);
  if (retaken !== undefined) return retaken;
  const whole = symbols(text);
  // "一共18个，每个…多少钱" read as the count alone is a wrong figure: a rate not understood asks back.
  if (whole !== undefined && !(BARE_NUMBER.test(whole) && /每/u.test(text))) return whole;
  // A sum said in one clause of a longer turn: "先不说这个，你帮我算算128乘以6是多少",
  // "再除以30天呢，平均一天多少": the first clause that is arithmetic on its own.
  const clauses = text.split(CLAUSE);
  if (clauses.length < 2) return undefined;
  for (const clause of clauses) {
    const found = /\d|[零一二两三四五六七八九十百千万]/u.test(clause) ? symbols(clause) : undefined;
    if (found !== undefined && !BARE_NUMBER.test(found)) return found;
  }
  return undefined;
}

/** The last operator and what it works on: " * 6" of "78 * 6". */
const LAST_STEP = /\s*[*/+^-]\s*[^*/+^-]+$/u;
/** The last plain number ("6" of "78 * 6") and the last percentage ("20%" of "20% * 50"). */
const LAST_NUMBER = /(?<![\d.])-?\d+(?:\.\d+)?(?![\d.%])(?!.*(?<![\d.])\d+(?:\.\d+)?(?![\d.%]))/u;
const LAST_PERCENT = /-?\d+(?:\.\d+)?%(?!.*%)/u;

/**
 * A sum with a part of it taken back, as voice input says it: "78乘以6不对是乘以9" → `78 * 9` (a new
 * step for the last one), "25加17 说错了 18" → `25 + 18` (a new last number), "3加5 不对 4加5" → `4 + 5`.
 */
function takenBack(text: string): string | undefined {
  const parts = splitAtTakeBackZh(text);
  if (parts === undefined) return undefined;
  const [before, after] = parts;
  const first = symbols(before);
  if (first === undefined || /[*/+^-]$/u.test(first)) return undefined;
  if (/^(?:乘|除|加|减|[*/+^-])/u.test(after)) {
    const step = symbols(`1${after}`)?.replace(/^1\s*/u, '');
    return step === undefined || !/^[*/+^-]/u.test(step) || !LAST_STEP.test(first)
      ? undefined
      : `${first.replace(LAST_STEP, '')} ${step}`;
  }
  const second = discountZh(after) ?? symbols(after);
  if (second === undefined) return undefined;
  if (!/^-?\d+(?:\.\d+)?%?$/u.test(second)) return second;
  const last = second.endsWith('%') ? LAST_PERCENT : LAST_NUMBER;
  return last.test(first) ? first.replace(last, second) : undefined;
}

/** The sum is not to be worked out: "不用算了", "不算了", "别算了". */
const NOT_TO_WORK_OUT = /不用算|不算了|别算|不要算|不必算|用不着算/u;
const CLAUSE = /[，,。；;！!？?]+/u;

/** "八五折" has no numeral reading ("八五" is not a number): its digits are written out first. */
const HAN_DIGIT = '零一二三四五六七八九';
const DISCOUNT_WORDS = /([打的])([一二三四五六七八九])([一二三四五六七八九])?折/gu;
const digitsOf = (s: string) => s.replace(/[一二三四五六七八九]/gu, (c) => String(HAN_DIGIT.indexOf(c)));

/**
 * A discount said alone, as a follow-up: "那打七折呢" → `"70%"`, "要是打八五折呢" → `"85%"`.
 * @param text the turn
 * @returns the share paid, as a percentage, or `undefined` when the turn is not a bare discount
 */
export function discountZh(text: string): string | undefined {
  const m =
    /^(?:那么?|要是|如果是?|再|换成|改成)*打([0-9一二三四五六七八九]{1,2})折(?:呢|吧|的话|是多少|多少钱?)*[？?。！!]*$/u.exec(
      text.replace(/\s+/g, ''),
    );
  if (m === null) return undefined;
  const d = digitsOf(m[1]!);
  return `${d.length === 1 ? `${d}0` : d}%`;
}

/**
 * A follow-up that shares the last amount among another number of people: "那要是五个人分呢",
 * "六个人AA呢", "换成8个人平摊的话".
 * @param text the turn
 * @returns the number of people, or `undefined` when the turn names no other share
 */
export function sharedAmongZh(text: string): number | undefined {
  const s = zhNumbersToDigits(text.replace(/[\s，,。！!？?]+/gu, ''))
    .replace(/^(?:那么?|要是|如果是?|假如|再|换成|改成|变成)+/u, '')
    .replace(/(?:的话)?(?:呢|吧|啊|呀|每人|一人|人均|多少|几块|是多少|得多少|要多少|出多少)*$/u, '');
  const m =
    new RegExp(String.raw`^(\d+)${PEOPLE}(?:${SHARE})?(?:的话)?$`, 'u').exec(s) ??
    // "平分给三个人", "分给仨人": the share first, then who shares it.
    new RegExp(String.raw`^(?:${SHARE})给?(\d+)${PEOPLE}(?:的话)?$`, 'u').exec(s);
  return m === null ? undefined : Number(m[1]);
}

/** What leads a follow-up in: "那", "要是", "如果是", "假如". */
const LEAD = /^(?:那么?|要是|如果是?|假如|再|换成|改成|变成)+/u;
/** Who gets the shares, not what is counted: "每人" prices no thing (nor does "每天": a rate). */
const PERSON_WORDS = /^(?:个人|人|位)$/u;

/**
 * A follow-up that prices each of the things just counted: "那每瓶卖三块五能卖多少钱" → `"3.5"`,
 * "每个五块的话一共多少" → `"5"`.
 * @param text the turn
 * @returns the price of one, in digits, or `undefined` when the turn is no price of each
 */
export function pricePerOneZh(text: string): string | undefined {
  const s = zhNumbersToDigits(text.replace(/[\s，,。！!？?]+/gu, '')).replace(LEAD, '');
  const m = new RegExp(
    String.raw`^每\s*(${MEASURE_WORDS})(?:卖|要|是|算|按|收|售价|定价)?(\d+(?:\.\d+)?)(?:(?:块钱|块|元钱|元)(?:(\d)(?:毛|角)?)?)?(?:钱)?(?:的话)?(?:一共|总共)?(?:能|可以)?(?:卖|收|挣|赚|得|值)?(?:多少钱?|几块钱?|几多)?(?:呢|吧|啊)?$`,
    'u',
  ).exec(s);
  if (m === null || PERSON_WORDS.test(m[1]!) || new RegExp(`^(?:${DAYS_AND_TIMES})$`, 'u').test(m[1]!))
    return undefined;
  return m[3] === undefined ? m[2] : `${m[2]!}.${m[3]}`;
}

/**
 * A follow-up that changes how many share the last amount: "要是多来一个人呢" → `1`, "走了两个人呢" → `-2`.
 * @param text the turn
 * @returns how many more people (fewer when negative), or `undefined` when the turn says no change
 */
export function morePeopleZh(text: string): number | undefined {
  // 再 is kept: "再来一个人" says more people.
  const s = zhNumbersToDigits(text.replace(/[\s，,。！!？?]+/gu, ''))
    .replace(/^(?:那么?|要是|如果是?|假如)+/u, '')
    .replace(/(?:的话)?(?:呢|吧|啊|呀|每人|一人|人均|多少|几块|是多少|得多少|要多少|出多少)*$/u, '');
  const m = new RegExp(String.raw`^(多|又|再|少|走)(?:来|加|去)?了?(\d+)${PEOPLE}$`, 'u').exec(s);
  if (m === null) return undefined;
  return (m[1] === '少' || m[1] === '走' ? -1 : 1) * Number(m[2]);
}

/**
 * A follow-up that takes a coupon off the last result: "再用一张十块的券" → `"10"`, "还有个20元的优惠券呢".
 * One coupon only, and not a threshold deal ("满100减20的券" is read by nothing here).
 * @param text the turn
 * @returns the coupon's value, or `undefined` when the turn is no single coupon
 */
export function couponZh(text: string): string | undefined {
  const s = zhNumbersToDigits(text.replace(/[\s，,。！!？?]+/gu, '')).replace(LEAD, '');
  const m =
    /^(?:还有|用|使|拿|有|领)?了?(?:1|一)?(?:张|个)?(\d+(?:\.\d+)?)(?:块钱|块|元钱|元)?的?(?:优惠券|代金券|抵用券|消费券|券)(?:呢|吧)?(?:多少钱?|要付多少|还要多少)?$/u.exec(
      s,
    );
  return m?.[1];
}

/** "翻个倍", "再翻一番", "减半", "砍一半": the last result doubled or halved. */
const SCALE_ZH: [RegExp, string][] = [
  [/^(?:结果|答案|这个|那)?(?:再)?(?:翻(?:个|一)?倍|翻一番|乘(?:以)?2|(?:变成|弄成|来个)?(?:两|2)倍)$/u, '* 2'],
  [/^(?:结果|答案|这个|那)?(?:再)?(?:(?:变成|弄成)?(?:三|3)倍)$/u, '* 3'],
  // A 番 doubles: 翻两番 is doubled twice, four times the amount.
  [/^(?:结果|答案|这个|那)?(?:再)?(?:翻两番|翻2番|(?:变成|弄成)?(?:四|4)倍)$/u, '* 4'],
  [/^(?:结果|答案|这个|那)?(?:再)?(?:减半|砍一半|对半|除以2|(?:取|拿|要|剩)?一半)$/u, '/ 2'],
];

/**
 * A follow-up that scales the last result: "结果翻个倍" → `"* 2"`, "再减半看看" → `"/ 2"`.
 * @param text the turn
 * @returns the operation, or `undefined` when the turn is no scaling
 */
export function scaleZh(text: string): string | undefined {
  const s = text
    .replace(/[\s，,。！!？?]+/gu, '')
    .replace(/(?:看看|试试|呢|吧|啊|呀|是多少|等于多少|多少|是几)+$/u, '');
  for (const [pattern, operation] of SCALE_ZH) if (pattern.test(s)) return operation;
  return undefined;
}

/** "360四个人AA": the people counted in Han numerals after an amount in digits are another number, not more digits. */
const AMOUNT_THEN_PEOPLE = /(\d)(?=[一二两三四五六七八九十]{1,3}\s*(?:个人|位|人))/gu;

/** The things counted by a rate: "18单", "每单6块5", "3箱", "每箱24瓶". */
const RATE_COUNTED = `(?:${MEASURE_WORDS}|${RATE_UNITS}|趟|单|套|台|辆|双|次)`;
/** A price or amount for each ("6块5", "30块", "24瓶"): its figure and tenths. */
const EACH_AMOUNT = String.raw`(\d+(?:\.\d+)?)\s*(?:(?:块钱|块|元钱|元|蚊)\s*(\d)?(?:毛|角)?|${MEASURE_WORDS})?`;
/** "一共18单，每单6块5": a count, then the amount for each of the same things. */
const COUNT_THEN_EACH = new RegExp(
  String.raw`(?<![\d.])(\d+)\s*(${RATE_COUNTED})[^\d每]{0,12}每\s*\2\s*${EACH_AMOUNT}`,
  'u',
);
/** "每箱24瓶，买了3箱": the amount for each, then the count of the same things. */
const EACH_THEN_COUNT = new RegExp(
  String.raw`每\s*(${RATE_COUNTED})\s*${EACH_AMOUNT}[^\d]{0,12}?(?<![\d.])(\d+)\s*\1`,
  'u',
);

/**
 * A rate said with 每 and a count of the same things ("一共18单，每单6块5，多少钱" → `18 * 6.5`,
 * "每箱24瓶，买了3箱" → `3 * 24`): the count times the amount for each.
 */
function rateOf(digits: string): string | undefined {
  const price = (n: string, tenth?: string): string => (tenth === undefined ? n : `${n}.${tenth}`);
  const first = COUNT_THEN_EACH.exec(digits);
  if (first !== null) return `${first[1]} * ${price(first[3]!, first[4])}`;
  const then = EACH_THEN_COUNT.exec(digits);
  if (then !== null) return `${then[4]} * ${price(then[2]!, then[3])}`;
  return undefined;
}

/** A sum reduced to one number, no operator said: no answer to a question ("一共18单" is a count). */
const BARE_NUMBER = /^-?\d+(?:\.\d+)?$/u;

/**
 * Words around a sum that are no part of it: a shopping festival's name ("双十一打七五折": 11 is no price) and
 * Cantonese 嘅 (of) / 系几多 (how much), said as Mandarin ("380嘅百分之十系几多").
 */
const AROUND_SUM: [RegExp, string][] = [
  [/双\s*(?:十一|十二|11|12)(?![\d一二三四五六七八九十])/gu, ' '],
  [/嘅/gu, '的'],
  [/[系係](?:幾|几)多/gu, '是多少'],
];

function symbols(text: string): string | undefined {
  let said = text;
  for (const [pattern, word] of AROUND_SUM) said = said.replace(pattern, word);
  const digits = zhNumbersToDigits(
    said
      .normalize('NFKC')
      .replace(DISCOUNT_WORDS, (_, w: string, a: string, b = '') => w + digitsOf(a + b) + '折')
      .replace(AMOUNT_THEN_PEOPLE, '$1 '),
  );
  const rate = rateOf(digits);
  if (rate !== undefined) return rate;
  let s = digits;
  for (const [pattern, replacement] of REWRITES)
    s = typeof replacement === 'string' ? s.replace(pattern, replacement) : s.replace(pattern, replacement);
  s = s.replace(FILLER, ' ').replace(/\s+/g, ' ').replace(/√ /g, '√').trim();
  if (!/\d/.test(s)) return undefined;
  if (!/\p{L}/u.test(s) && !/\d\s+\d/u.test(s)) return s;
  return totalOf(digits, s) ?? netOf(digits, s) ?? arithmeticRun(s);
}

/** Asks what is left: "还剩多少", "剩下几块", "还有多少", "净赚多少". */
const LEFT = /还剩|剩下|剩余|剩多少|剩几|余下|还有多少|还有几|结余|净赚|净挣|净收入/u;
/**
 * What is left that is no money: "还有多少没卖" asks for the things not sold, "剩几个没做" the jobs (review
 * r11 should-fix 13); "还有多少没花" is still money.
 */
const NOT_MONEY_LEFT = /(?:还有|剩下?)[^，,。]{0,4}没(?:卖|做|吃|喝|写|看|到|来|办)/u;
/** Money that comes in before an amount: "收了", "赚了", "卖了", "有", "工资". */
const GAIN = /(?:收了?|收入|赚了?|挣了?|卖了?|进账|到账|有|带了|存了|工资|发了)[^\d]{0,4}$/u;
/** Money that goes out before an amount: "花了", "进货花了", "交了", "还了", "给了". */
const SPEND = /(?:花了?|花掉|用了|用掉|付了?|交了?|还了|给了|买了|进货|亏了?|赔了|扣了|充了|打车|吃饭)[^\d]{0,4}$/u;
/** An amount of money with its money word and tenths ("950", "6块5", "20元"), not a count or a time. */
const MONEY_AMOUNT = new RegExp(
  String.raw`(?<![\d.])(\d+(?:\.\d+)?)(?:\s*(?:块钱|块|元钱|元|刀|蚊)(?:\s*(\d)(?:毛|角)?)?)?(?![\d.%]|\s*(?:(?!打车)(?:${MEASURE_WORDS})|点|号|月|日|年|岁|小时|分|折|倍|成|度|公|米|克))`,
  'gu',
);

/**
 * Money in and money out, and what is left ("今天收了950 进货花了620 还剩多少", "我有500 买菜花了
 * 86 打车花了30 还剩多少"): the first amount less the others. Every amount after the first must be said
 * with a verb that spends or earns it; no operator may be said.
 */
function netOf(digits: string, s: string): string | undefined {
  if (!LEFT.test(digits) || NOT_MONEY_LEFT.test(digits) || /[+*/^√!%]|\s-\s/u.test(s)) return undefined;
  const terms: string[] = [];
  let from = 0;
  for (const m of digits.matchAll(MONEY_AMOUNT)) {
    const before = digits.slice(from, m.index);
    const amount = m[2] === undefined ? m[1]! : `${m[1]!}.${m[2]}`;
    from = m.index + m[0].length;
    if (terms.length === 0) {
      if (SPEND.test(before)) return undefined;
      terms.push(amount);
    } else if (SPEND.test(before)) terms.push(`- ${amount}`);
    else if (GAIN.test(before)) terms.push(`+ ${amount}`);
    else return undefined;
  }
  if (terms.length < 2 || /\d/u.test(digits.replace(MONEY_AMOUNT, ' '))) return undefined;
  return terms.join(' ');
}

/** Asks for the total of what was listed: "一共多少", "加起来多少钱". */
const TOTAL = /一共|总共|加起来|加一起|加在一起|合计|总计/u;
/**
 * A price as listed: a number, its money word and tenths ("12块", "6块5", "20"), then a clause end or
 * the question of the total. Not a weekday or an ordinal ("周一3小时" reads 周13小时): a number after
 * 周/星期/礼拜/第 is none. A number followed by anything else ("10点", "3小时", "5斤", "3个人")
 * counts, weighs or times something: a list of those is no list of prices.
 */
const PRICE =
  /(?<!周|星期|礼拜|第|\d|\.)\d+(?:\.\d+)?\s*(?:(?:块钱|块|元钱|元|刀|美元|蚊)\s*(?:\d(?:毛|角)?)?)?(?=[\s，,。；;、]|一共|总共|加起来|加一起|加在一起|合计|总计|$)/gu;
/** A weekday or an ordinal with its number ("周1", "星期3", "第2天"): it names, it does not price. */
const NAMED = /(?:周|星期|礼拜|第)\d+/gu;
const MONEY_TAIL = /\s*(?:块钱|块|元钱|元|刀|美元|蚊)\s*(?:(\d)(?:毛|角)?)?/u;

/**
 * Prices named one after another and asked for in total ("白菜三块五 猪肉二十八 一共多少钱", "星期三花了
 * 50 星期四花了30 一共多少"): their sum. Only when no operator was said and every number is a price
 * or names a day (else the sum would need a product or a unit the user did not say).
 */
function totalOf(digits: string, s: string): string | undefined {
  if (!TOTAL.test(digits) || /[+*/^√!%]|\s-\s/u.test(s)) return undefined;
  const said = digits.replace(NAMED, ' ');
  if (/\d/u.test(said.replace(PRICE, ' '))) return undefined;
  const numbers = (said.match(PRICE) ?? []).map((p) =>
    p.replace(MONEY_TAIL, (_, d?: string) => (d === undefined ? '' : `.${d}`)).trim(),
  );
  return numbers.length < 2 ? undefined : numbers.join(' + ');
}
