/**
 * Chinese cue words, read by the context model as features next to the words: whole-utterance cancel
 * ("算了", "不用了"), yes ("好的", "行"), no ("不要", "别"), and the shapes of follow-ups ("那巴黎呢",
 * "再加个香蕉") and corrections ("不对，改成七点", "不是三个是五个"). Tested on the text after
 * `simplify` with its spaces removed (Chinese has none). Anchored, no nested quantifiers: linear.
 *
 * @module
 */
import type { enCues } from '../en/en-cues.ts';
import { foldHanVariants } from '../../nlu/runtime/han-variants.ts';
import { secondRequestZh } from './zh-second-request.ts';

/** Sentence-final particles that change nothing: "好的吧", "算了啦". */
const P = '[吧啊呀呢哦哈嘛啦了噢哇喔]*';
/** Interjections a short answer may open with: "嗯，好的", "哎算了". */
const OPEN = '(?:嗯+|哎|唉|呃|额|啊|哦|噢|那|那就|还是|要不|其实)?';

/** A typing slip owned up to: "写错了", "打错字了", "敲错了", "手滑了", "手误". */
const TYPO = '(?:写|打|敲|输|按)错(?:字了|字|了)?|手滑了?|手误';
/** A slip owned up to at the start of a correction, with the 是 that introduces the right value. */
const TYPO_OPEN = new RegExp(
  `^(?:(?:不好意思|抱歉|对不起|dbq|sry|sorry)[，,、\\s]*)?(?:刚才|刚刚)?(?:${TYPO})[，,、\\s]*(?:应该是|是)?[，,、\\s]*`,
  'iu',
);

/** What a correction may open with before its cue word. */
const CORRECTION_OPEN =
  '(?:[诶欸哎唉哦噢嗯啊呃额]+)?(?:不好意思|抱歉|对不起|dbq|sry|sorry)?(?:刚才|刚刚)?(?:那|那就)?(?:还是)?';
/** The cue words of a correction. */
const CORRECTION_WORDS =
  '不对|不是|唔系|唔係|错了|说错了|我是说|我的意思是|应该是|改成|改为|改到|改做|换成|换到|挪到|调到|改一下|更正|' +
  // A typing slip owned up to (round 13): "写错了 是椰子汁", "打错字了 应该是七点", "手滑了".
  TYPO;

/**
 * Verbs of what to do with a link or an address, said before it (the link task of a free-text answer, as
 * English "renew example.com"): 续费 www.example.com/plan, 访问, 回复 jo@example.org, 发邮件给 ….
 */
const LINK_VERB =
  '续费|续订|续期|支付|付款|付费|缴费|交费|充值|访问|打开|浏览|去|看看|看一?下|查看|阅读|读一?下|预订|预约|订阅|' +
  '下单|购买|买|取消订阅|取消|退订|注册|登录|登陆|回复|(?:发|写|回|转发|抄送)(?:邮件|电邮|信|消息)?给|转发|抄送';
/**
 * The address or link between its verbs: 给 jo@example.org 发邮件, 在 www.example.com 上下单. The link is
 * Latin letters and signs, so each bounded run stops where the Chinese verb starts (no backtracking).
 */
const LINK_BETWEEN =
  String.raw`给\s{0,3}[\w.+-]{1,64}@[\w.-]{1,253}\s{0,3}(?:发|写|回|转发)|` +
  String.raw`在\s{0,3}[\w:/.?=&%#~+-]{4,200}\s{0,3}(?:[上里]\s{0,3})?(?:订|买|购买|下单|注册|登录|登陆|预订|预约|付款|缴费|充值)`;
/**
 * Interjections and sentence particles (叹词, 语气词): laughter, hesitation, surprise, crying. A free-text
 * answer made of nothing else ("呃呃呃", "哈哈哈哈", "嗷嗷~") is a sound, not a reminder, a name or a list
 * item (阿 is left out: it opens names, 阿明).
 */
const SOUND_CHARS = '啊哈嗯呃哦额嘿呵噢嘻唉呜喔嗷嘤咦哇哼嘛呀吧呢啦哎诶欸喂嗨咯哒呐噗哟嘞';
/** What may stand between sounds: spaces, punctuation, tildes. */
const SOUND_MARKS = String.raw`\s\p{P}~～`;
const SOUNDS = new RegExp(`^[${SOUND_CHARS}${SOUND_MARKS}]+$`, 'u');

/** Chinese cues. */
export const zhCues: typeof enCues = {
  cancel: new RegExp(
    `^${OPEN}(?:算了|算啦|取消|不用了|不要了|别弄了|不弄了|没事了|不需要了|别管了|当我没说|忘了吧|忘了它|撤销|先不了|先不用了|不做了|停下|停|罢了|不设了|不定了|不加了|唔使|唔洗|唔要|冇需要)` +
      // Cantonese "唔使喇，冇事": no need, it's nothing.
      `(?:算了|吧|啊|呀|哦|啦|了|哈|嘛|喇|嘞)*(?:[，,]?(?:冇事|没事|唔使|不用)(?:喇|啦|了)?)?(?:谢谢(?:你|啦)?)?$`,
  ),
  yes: new RegExp(
    `^${OPEN}(?:好的?|好啊|好呀|好滴|好嘞|行|行啊|可以|可以的|是|是的|是啊|对|对的|对啊|没错|嗯+|确定|确认|当然|当然可以|没问题|ok|okay|要|要的|继续|弄吧|去吧|就这样|就这么办|同意|必须的?|清空吧|删吧|来吧|系|系啊|系呀|系嘅|得|得啦|得喇|冇问题|好额|对额|是额)` +
      `${P}(?:[，,]?(?:谢谢|麻烦了|清空|清空吧|删吧|删掉|删了吧|继续吧?|确定|就这样|没错|是的))?${P}$`,
  ),
  no: new RegExp(
    `^${OPEN}(?:不|不要|不用|不是|不对|别|别了|不行|不可以|没有|否|不了|先别|先不要|还是不要了|不要清空|别清空|别删|不要删|不删|保留|留着吧?|不用了)` +
      `${P}(?:[，,]?(?:谢谢|先留着|留着|保留|别删|先不要|不用清空|不清空))?${P}$`,
  ),
  followUp: /^(?:那么?|那要是|还有|再|另外|也|顺便|换成|用)|呢$/,
  // "哦不对 八点一刻", "不好意思，还是改成张姐吧", "那改到七点半": an interjection or an apology may come first.
  secondRequest: secondRequestZh,
  correction: new RegExp(`^${CORRECTION_OPEN}(?:${CORRECTION_WORDS})`, 'u'),
  // These two read the turn as typed (a link keeps its dots and slashes), not the simplified form.
  linkTask: new RegExp(String.raw`^\s*(?:(?:请|帮我|记得|要|得|该)\s{0,3})?(?:${LINK_VERB}|${LINK_BETWEEN})`, 'u'),
  // At least one Han character: punctuation alone ("...") is no sound of Chinese.
  onlySounds: (text: string): boolean => /\p{Script=Han}/u.test(text) && SOUNDS.test(text),
  strip(text: string): string {
    const trimmed = text.trim().replace(/[？?！!。.，,、\s]+$/u, '');
    // The slip is found on the simplified form ("寫錯了"); the value keeps the user's characters.
    const slip = TYPO_OPEN.exec(foldHanVariants(trimmed, { keepLength: true }))?.[0].length ?? 0;
    const s = trimmed.slice(slip);
    // "不是三个是五个" → "五个": what follows the last 是 is the new value.
    const notBut = /^(?:不是|不对)[^是]{0,20}是(?!说)(.+)$/u.exec(s);
    if (notBut?.[1] !== undefined) return notBut[1].trim();
    return s
      .replace(
        /^(?:(?:[诶欸哎唉哦噢嗯啊呃额]+|不好意思|抱歉|对不起|还是|不对|不是|唔系|唔係|错了|说错了|我是说|我的意思是|应该是|改成|改为|改到|改做|换成|换到|挪到|调到|改一下|更正|那么?|那要是|还有|再|另外|也|顺便)[，,、\s]*)+/u,
        '',
      )
      .replace(/[呢吧啊呀]+$/u, '')
      .trim();
  },
};
