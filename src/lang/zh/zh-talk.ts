/**
 * How Chinese turns talk rather than ask: a feeling (我好难过, 好累啊, 无聊死了), an insult (你好笨,
 * 垃圾), a reaction (哈哈, 嗯嗯, 啊啊啊) and an aside while a question is open (等一下, 我想想), with what
 * the assistant says back. Each grammar must match the WHOLE turn (after `src/lang/talk.ts` dropped
 * spaces and end punctuation), so 好累啊，帮我定个闹钟 stays a request. Bounded alternations.
 *
 * @module
 */
import type { enTalk } from '../en/en-talk.ts';

/** Sighs and openers: 唉, 哎, 呜呜, 啊. */
const LEAD = '(?:唉|哎|哎呀|呜+|啊|嗯|呃|额|哈+|h{2,}|呵呵|真的|说真的|其实)?[，,、….。]*';
/** Who and when: 我, 今天, 最近, 我今天, 现在. */
const WHO = '(?:我|人家)?(?:今天|最近|现在|这几天|这两天|这阵子|今晚)?(?:我|人家)?(?:真的|感觉|觉得|好像|有点|有些)?';
/** A short topic the feeling is about, said first: 出差(真是)辛苦, 待办事项太多了. */
const TOPIC = '(?:[^，,、吗？?帮给设定提醒讲告诉查加记放播关取消算]{1,6}?(?:真是|真的|也|都))?';
/** How much: 好, 很, 太, 真, 超, 有点, 非常, 特别, 挺, 好+. */
const DEGREE = '(?:好+|很|太|真|超|超级|有点儿?|有些|非常|特别|挺|蛮|十分|相当|巨|贼|老)?';
/** What may follow: 了, 啊, 死了, 极了, and a short clause that is no request (no 帮/给我/设/吗 …). */
const END = '(?:了|啊|呀|呢|哦|啦|死了|死我了|极了|透了|得很|得不行|坏了|爆了|的)*';
const CLAUSE =
  '(?:[，,、…～~.。](?![^，,]*(?:帮|给我|设|定|提醒|讲|告诉|查|加|记|放|播|打开|关|取消|算|几点|多少|吗|能不能|可以|[？?]))[^，,]{1,16})?';

/** Feeling words by the kind of reply they get. */
const FEELINGS: readonly (readonly [kind: string, words: string])[] = [
  ['sad', '难过|伤心|不开心|不高兴|心情不好|心情很差|心情好差|心情差|郁闷|想哭|失落|难受|委屈|沮丧|心塞|emo'],
  ['tired', '累|困|疲惫|疲倦|没劲|没精神|没力气|心累|身心俱疲|辛苦'],
  ['bored', '无聊|没意思|闷'],
  ['lonely', '孤独|寂寞|孤单'],
  ['stressed', '压力(?:好|很|太|超|山)?大|事情?(?:好|太|真|超)?多|焦虑|紧张|烦|心烦|烦躁|崩溃|担心|慌'],
  ['angry', '生气|气死|火大|恼火|气人|讨厌[^，,吗？?]{0,8}'],
  ['happy', '开心|高兴|快乐|心情(?:很|真|超|特别)?好|爽'],
];
/**
 * What happened, said in a clause before the feeling ("我闹钟又没把我叫醒，气死", "算了吧人生，累"): a short
 * clause with no request word (说个, 来点, 呗 ask: "说个冷知识呗 无聊死了" is a request) and no number or
 * clock time (a time before "好累" may answer a question).
 */
const BEFORE =
  '(?:(?![^，,]*(?:帮|给我|设|定|提醒|讲|说|告诉|查|加|记|放|播|打开|关|取消|算(?!了)|来|个|呗|(?<!算了)吧|要|想|请|几点|多少|吗|能不能|可以|[？?0-9一二两三四五六七八九十点分]))[^，,]{2,12}[，,])?';
const FEELING_RES = FEELINGS.map(
  ([kind, words]) =>
    [kind, new RegExp(`^${BEFORE}${LEAD}${WHO}${TOPIC}${DEGREE}(?:${words})${END}${CLAUSE}$`, 'u')] as const,
);

/** 你好笨, 你真没用, 垃圾, 笨蛋, 什么破机器人. */
const INSULT = new RegExp(
  '^' +
    LEAD +
    '(?:(?:你|你这个?|这个?)(?:真的?|好|太|也太|很|怎么这么|咋这么|这么|就是个?|是个?|是不是)?)?' +
    '(?:笨|蠢|傻|没用|垃圾|差劲|太烂|烂|废物|弱智|智障|笨蛋|蠢货|傻瓜|白痴|不中用|没脑子|什么都不会|啥也不会)' +
    '(?:了|啊|吧|呀|死了|透了|的|机器人|助手|东西|玩意儿?)*$|^(?:什么|啥)破(?:机器人|助手|东西|玩意儿?)$',
  'u',
);

/**
 * Laughter and interjections: 哈哈, 呵呵, 啊啊啊, 哇, 666, and chat reactions (笑死, 绝了, 无语, 好家伙,
 * 呜呜, 天啊); not 嗯嗯 / 哦哦 / 好, which say yes.
 */
const REACTION =
  /^(?:哈{2,}|呵{2,}|嘿{2,}|嘻{2,}|啊{3,}|唉+|哇+|哇塞|天哪|天啊|我的天|妈呀|我的妈呀|6{3,}|233+|笑死(?:我了|了)?|绝了|无语(?:了|子)?|好家伙|呜{2,})[哈呵啊额呃唉哇呜]*$/u;

/**
 * A moan about the weather, the whole turn: 今天好冷啊, 外面热死了, 冷死我了, 又下雨了. A reaction to the day, no
 * weather request (今天冷吗 asks, and a question is never matched).
 */
const WEATHER_MOAN = new RegExp(
  `^${LEAD}(?:今天|外面|最近|这几天|现在|今晚|早上|晚上|这天气?|天气)?(?:真的|感觉|也)?` +
    `(?:${DEGREE}(?:冷|热|闷热|闷|潮|湿|晒|冻)|(?:冷|热|冻|晒)死(?:我|人)?|又(?:下雨|下雪|刮风|降温|升温))` +
    `(?:了|啊|呀|哦|啦|死了|死我了|极了|得很|得不行)*$`,
  'u',
);

/**
 * Not knowing or not minding: 不知道, 随便, 都行, 无所谓, 我一下子想不起来了, and a wish that names no
 * value (越早越好, 别让我睡太久就行). One or two of them ("随便吧你定"): a vague answer, asked again.
 */
const UNSURE_WORD =
  '(?:我也?)?(?:一下子?|一时)?(?:不知道|不晓得|不清楚|说不好|随便|都行|都可以|无所谓|你定|你决定|你看着办|想不起来|越早越好|越快越好|越晚越好|早点就行|别让我睡太久就行|别睡太久就行|别太久就行|别太晚就行)(?:吧|啊|呀|哦|了|耶|啦)*';
const UNSURE = new RegExp(`^(?:嗯|呃|额|唉)?[，,…。.]*${UNSURE_WORD}(?:[，,]?${UNSURE_WORD})?$`, 'u');

/** Asides that keep a question open: 等一下, 稍等, 我想想, 让我想一下, 我忘了要加啥. */
const ASIDE = new RegExp(
  '^' +
    LEAD +
    // "等下 我想想要提醒啥": a wait, then the aside.
    '(?:(?:等一下|等下|等等|稍等)(?:哈|啊|哦)?[，,]+)?' +
    '(?:呃+|额+|等一下|等下|等一等|等等|等会儿?|稍等(?:一下)?|稍等片刻|你等等|(?:让|容)?我(?:再)?想(?:想|一想|一下)|我考虑一下|我看看|我看一下|我查一下|我找找|让我看看|我都?忘了|都忘了|忘了)' +
    '(?:要|该)?(?:[^，,]{0,6}(?:啥|什么)(?:来着)?)?(?:啊|哈|吧|哦|呀|啦|了|先|再说|…|\\.)*$',
  'u',
);

/** Praise: 你真棒, 你好厉害, 太厉害了, 爱你; not 你好 (a greeting). */
const PRAISE =
  /^(?:哇+|哇塞|天哪)?[，,]?(?:你(?:真的?|好|太|很|超|也太|可真)|真|太|好)(?:棒|厉害|聪明|贴心|可爱|靠谱|牛|给力|好)(?:了|啊|呀|哦|吧|耶|哈)*$|^(?:爱你|么么哒|牛啊|牛逼|666+你)(?:了|啊|呀|哦|耶)*$/u;

/** Taking note: 知道了, 收到, 好滴, 嗯嗯 知道了, ok的, Cantonese OK搞掂咗 / 得咗; not 好的 / 嗯嗯 alone (a yes). */
const ACK =
  /^(?:嗯+|哦+|噢+|好+|行|ok)?[，,]?(?:知道了|晓得了|明白了?|了解了?|收到|好滴|好哒|好嘞|ok的|okk|懂了|原来如此|搞掂|搞定|得咗|明白晒|知道晒)(?:了|啊|呀|哈|哦|咗|晒|喇|嘞|～|~)*$/u;

/**
 * 隐私问题：你会录音吗, 你会上传我的数据吗, 聊天记录安全吗, 谁能看到我的聊天记录. 如实回答，不当作请求。
 */
const ZH_THING = '(?:我的|我们的)?(?:个人)?(?:数据|信息|资料|隐私|聊天记录|对话|记录|消息|内容|说的话|语音)';
const PRIVACY = new RegExp(
  '^(?:请问|那个|话说|对了)?[，,]?(?:' +
    `你(?:会|在|是不是在|有没有|会不会)?(?:偷偷)?(?:录音|偷听|监听|录下|记录|上传|收集|保存|存|分享|卖|泄露|发送|发)(?:${ZH_THING})?(?:吗|么|嘛|没有|不)?` +
    `|${ZH_THING}(?:安全|保密|私密|加密|会上传|会被上传|会被(?:别人|谁|人)?看到|存在哪(?:里|儿)?|存哪(?:里|儿)?|放在哪(?:里|儿)?|去哪(?:里|儿)?了?)(?:吗|么|嘛|不)?` +
    `|(?:谁|别人)(?:能|可以|会)(?:看到|看见|读到|听到)${ZH_THING}(?:吗)?` +
    `|(?:会不会|会)泄露${ZH_THING}(?:吗)?` +
    `|(?:你们?|这个(?:助手|应用|app))?(?:的)?隐私(?:政策|保护)?(?:怎么样|呢|安全吗)?` +
    ')[？?！!。～~]*$',
  'u',
);

/** Chinese talk, the same shape as the English. */
export const zhTalk: typeof enTalk = {
  feeling(text: string): string | undefined {
    for (const [kind, re] of FEELING_RES) if (re.test(text)) return kind;
    return undefined;
  },
  insult: (text: string): boolean => INSULT.test(text),
  reaction: (text: string): boolean => REACTION.test(text) || WEATHER_MOAN.test(text),
  unsure: (text: string): boolean => UNSURE.test(text),
  praise: (text: string): boolean => PRAISE.test(text),
  ack: (text: string): boolean => ACK.test(text),
  aside: (text: string): boolean => ASIDE.test(text),
  privacy: (text: string): boolean => PRIVACY.test(text),
  replies: {
    sad: ['听到你不开心，我也有点难过。', '抱抱你，我在这儿陪着你。', '辛苦了，心情不好的时候有我在。'],
    tired: ['辛苦了！', '听起来你真的很累，辛苦啦。', '累了一天了吧，辛苦了。'],
    bored: ['无聊的话，我可以陪你待一会儿。', '那我来陪你打发打发时间吧。'],
    lonely: ['我在呢，随时可以陪你聊聊。', '有我在，你不是一个人。'],
    stressed: ['听起来压力不小，辛苦了。', '这听起来真的挺让人烦心的。'],
    angry: ['听起来真让人生气。', '这确实挺气人的。'],
    happy: ['太好了，真为你高兴！', '听到你开心我也很开心！'],
    insult: ['抱歉没帮上忙。告诉我你需要什么，我再试试。', '不好意思，我还在学习。告诉我你需要什么，我尽力而为。'],
    aside: ['好的，不着急，慢慢想。', '没问题，你慢慢来。', '好，我等你。'],
    praise: ['谢谢夸奖！', '谢谢你，能帮上忙我很开心！', '嘿嘿，谢谢！'],
    ack: ['好的！', '嗯嗯，有需要随时叫我。', '好嘞。'],
    privacy: [
      '你说的话都留在这台设备上：我就在你的浏览器里理解它，聊天记录加密保存在本机。除非你同意，否则什么都不会发出去：比如某个需要联网的技能，或者本机不能识别语音时浏览器的语音服务。',
    ],
  },
};
