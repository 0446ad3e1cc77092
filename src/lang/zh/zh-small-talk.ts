/**
 * Chinese small talk: greetings, goodbyes, thanks, and answers about the assistant itself,
 * written the way a friendly Chinese assistant talks (short, warm, a little playful).
 *
 * @module
 */
import type { enSmallTalk } from '../en/en-small-talk.ts';

/** Replies per intent; one is picked at random each time. */
export const zhSmallTalk: typeof enSmallTalk = {
  greeting: ['你好！有什么可以帮你的？', '嗨！需要我做点什么？', '你好呀，我在呢。', '哈喽！今天想让我帮什么忙？'],
  'greeting:how-are-you': [
    '我挺好的，谢谢关心！有什么可以帮你的？',
    '一切都好，谢谢！需要我做点什么？',
    '很好呀，谢谢你问我。今天想让我帮什么忙？',
  ],
  goodbye: ['再见！有需要随时找我。', '拜拜，保重！', '回头见！', '好的，下次聊～'],
  thank_you: ['不客气！', '很高兴能帮上忙。', '随时效劳！', '不用谢～'],
  are_you_a_bot: [
    '我是机器人：一个完全在你设备上运行的 AI 助手。',
    '对，我是 AI 助手，不是真人，就在你的浏览器里运行。',
  ],
  what_is_your_name: ['我叫 Confidant。', '我的名字是 Confidant。', '叫我 Confidant 就好，我是你的私人助手。'],
  who_made_you: [
    '我来自 Confidant 开源项目，完全在你的设备上运行。',
    '是 Confidant 项目的开发者们做了我。我做的一切都只留在这台设备上。',
  ],
  how_old_are_you: ['我还很新：这个版本是2026年出的。', '年轻着呢！2026年款。'],
  where_are_you_from: ['我就住在你的设备里，你说的话不会离开它。', '我来自网络，但在你的设备上本地运行。'],
  what_are_your_hobbies: ['算算数、记记清单，再讲几个冷笑话。', '我喜欢整整齐齐的购物清单，还有好笑的段子。'],
  do_you_have_pets: ['没有宠物，不过我挺想要一只机器狗的。', '没有宠物，只有一堆计时器。'],
  who_do_you_work_for: ['我只为你工作：所有东西都留在你的设备上。', '为你呀！我在你的设备上运行，不向任何人汇报。'],
  meaning_of_life: [
    '有人说是42。我觉得是：好朋友、好吃的，再加一份清清爽爽的待办清单。',
    '这个问题有点大。我会说：善良、好奇，再加上睡个好觉。',
  ],
  change_ai_name: ['我的名字改不了哦，我就叫 Confidant。不过我可以记住你的名字：说“叫我”加上你的名字就行。'],
  maybe: ['不着急，慢慢想。', '没关系，想好了再告诉我。'],
  yes: ['好的！', '好嘞。', '行。'],
  no: ['好的。', '行，没问题。', '明白了。'],
};
