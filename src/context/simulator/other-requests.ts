/**
 * Requests outside the built-in skills for the simulator: Chinese requests for intents the intent
 * model knows but no skill answers (until a Chinese corpus lands under `models/`), and turns
 * nothing answers, in both languages, to add to CLINC150's out-of-scope examples.
 *
 * @module
 */
import type { SimLanguage } from './acts.ts';

/** Chinese requests for intents no built-in skill answers. */
export const ZH_UNANSWERED: Record<string, readonly string[]> = {
  weather: ['明天天气怎么样', '今天会下雨吗', '北京天气如何', '外面冷不冷'],
  book_flight: ['帮我订一张去上海的机票', '订机票', '我想订明天飞北京的航班'],
  play_music: ['放首歌', '来点音乐', '播放周杰伦的歌'],
  translate: ['把这句话翻译成英文', '你好用英语怎么说', '翻译一下'],
  restaurant_reservation: ['帮我订个餐厅', '订今晚七点的位子', '预订两个人的桌子'],
  directions: ['去机场怎么走', '导航到最近的地铁站'],
  recipe: ['红烧肉怎么做', '给我一个蛋糕的食谱'],
  balance: ['我的账户余额是多少', '查一下余额'],
  uber: ['帮我叫辆车', '打个车去公司'],
  traffic: ['路上堵不堵', '现在交通怎么样'],
  make_call: ['给妈妈打电话', '打电话给小王'],
};

/** Turns no skill and no intent answers, besides CLINC150's out-of-scope examples. */
export const OUT_OF_SCOPE: Record<SimLanguage, readonly string[]> = {
  en: [
    'i feel sad today',
    "i'm so bored",
    'what is the airspeed of a swallow',
    'my cat knocked over my plant',
    'do you like pineapple',
    'sing me a lullaby',
    'the sky is really blue today',
    'i think my neighbour is a spy',
    'what does purple taste like',
    'how do magnets work',
    'can you dance',
    'who won the game last night',
    'write me a poem about socks',
    "i'm feeling lonely",
    'teach me quantum physics',
    'is the moon made of cheese',
  ],
  zh: [
    '我今天很难过',
    '好无聊啊',
    '你会跳舞吗',
    '月亮是奶酪做的吗',
    '给我写首诗',
    '昨晚谁赢了比赛',
    '我的猫把花打翻了',
    '天为什么是蓝的',
  ],
};
