/**
 * What the Chinese dialogue layer says itself: cancelling, confirming, re-asking, giving up, the
 * honest "我这里还不能……" and "没听懂", and the runtime's failure replies. Same keys as the English
 * table (`enDialogue`), written for Chinese rather than translated.
 *
 * @module
 */
import type { enDialogue } from '../en/en-dialogue.ts';
import { describeIntentZh } from './zh-intent-phrases.ts';

/** Chinese dialogue replies; each list is a set of variants one is picked from. */
export const zhDialogue: typeof enDialogue = {
  cancelled: ['好的，已取消。', '行，这件事先不管了。', '没问题，就当没说过。'],
  cancelledNothing: ['好的。', '行。', '没问题。'],
  confirmedNothing: ['好的。', '好嘞！'],
  denied: ['好的，那就不做了。', '行，保持原样。', '没问题，什么都没改。'],
  secondRequestNote: (rest: string) => `这是第一件。另一件请单独再说一次：“${rest}”。`,
  droppedQuestion: ['好的，那算了。', '行，不管它了。'],
  notCaught: ['抱歉，我没听明白。', '嗯……这个我没听懂。', '不好意思，我不太确定你的意思。'],
  giveUp: [
    '抱歉，我还是没听懂，这件事先放一放吧。准备好了随时再问我。',
    '这个回答我实在理解不了，先不弄了。你随时可以再问我。',
    '我没能理解你的回答，先到这儿吧。想重新开始的话随时说。',
  ],
  goAhead: '要我继续吗？',
  slotQuestion: (name) => `请告诉我${name.replace(/[_-]/g, ' ')}？`,
  unknownLanguage: [
    '抱歉，我目前只懂中文和英文，所以刚才那句我没有处理。',
    '这种语言我还看不懂：我只懂中文和英文。能换成其中一种说吗？',
  ],
  outOfScope: ['抱歉，我没听懂。', '我不太明白你的意思。', '嗯，这个我没理解。', '抱歉，这个我暂时帮不上忙。'],
  unsupported(intent) {
    const { phrase, reason } = describeIntentZh(intent);
    const why = reason === undefined ? '' : `${reason}。`;
    return [
      `抱歉，我这里还不能${phrase}。${why}`,
      `我这里暂时还不能${phrase}，不好意思。${why}`,
      `这个我还做不到：我这里不能${phrase}。${why}`,
    ];
  },
  intentPhrase: (intent) => describeIntentZh(intent).phrase,
  suggest: (ideas) => `我可以${ideas.join('、')}。`,
  skillDescriptions: {
    'builtin.time': '告诉你各地的时间',
    'builtin.date': '告诉你日期',
    'builtin.timer': '设计时器',
    'builtin.alarm': '定闹钟',
    'builtin.reminders': '提醒你做事',
    'builtin.todo-list': '管理待办事项',
    'builtin.shopping-list': '管理购物清单',
    'builtin.calculator': '算数',
    'builtin.conversion': '换算单位',
    'builtin.dice': '掷骰子',
    'builtin.coin': '抛硬币',
    'builtin.spelling': '拼写英文单词',
    'builtin.user-name': '记住你的名字',
    'builtin.meta': '讲笑话和冷知识',
    'builtin.small-talk': '陪你聊聊天',
  },
  examples: {
    time: '现在几点了？',
    timer: '定一个5分钟的计时器',
    calculator: '80的15%是多少？',
    measurement_conversion: '1磅等于多少克？',
    shopping_list: '购物清单上有什么？',
    tell_joke: '讲个笑话',
  },
  failure: {
    error: '抱歉，刚才处理的时候出了点问题，请再试一次。',
    timeout: '抱歉，处理得太久了，请稍后再试。',
    invalid: '抱歉，这个我没能给出像样的回答。',
    permission: '没有你的允许，我不能这样做。',
  },
};
