/**
 * Built-in small talk: greetings, goodbyes, thanks, and questions about the assistant itself
 * (are you a bot, what's your name, who made you, how old are you, ...). Short, varied replies.
 *
 * @module
 */
import type { SkillDefinition } from '../../skills/types.ts';
import { pick, type Random } from './phrasing.ts';

/** Replies per intent; one is picked at random each time. */
const REPLIES: Record<string, readonly string[]> = {
  greeting: [
    'Hi! What can I do for you?',
    'Hello! How can I help?',
    "Hey there! What's up?",
    "Hi, I'm here. What do you need?",
  ],
  goodbye: ['Bye! Talk soon.', 'Goodbye, take care!', 'See you later!', 'Bye for now!'],
  thank_you: ["You're welcome!", 'Happy to help.', 'Any time!', 'Glad I could help.'],
  are_you_a_bot: [
    "I'm a bot: an AI assistant that runs entirely on your device.",
    "Yes, I'm an AI assistant, not a person. I run right here in your browser.",
  ],
  what_is_your_name: ["I'm Confidant.", 'My name is Confidant.', "Call me Confidant. I'm your private assistant."],
  who_made_you: [
    'I was built by the Confidant open-source project, and I run entirely on your device.',
    'The people behind the Confidant project made me. Everything I do stays on this device.',
  ],
  how_old_are_you: ["I'm brand new: this version came out in 2026.", "Young! I'm a 2026 model."],
  where_are_you_from: [
    'I live right here, on your device. Nothing you say leaves it.',
    "I'm from the web, but I run locally on your device.",
  ],
  what_are_your_hobbies: [
    'Doing sums, keeping lists and telling bad jokes.',
    'I like tidy shopping lists and a good pun.',
  ],
  do_you_have_pets: ["No pets, I'm afraid. I'd like a robot dog, though.", 'No pets. Just a lot of timers.'],
  who_do_you_work_for: [
    'I work for you, and only you: everything stays on your device.',
    'You! I run on your device and report to no one else.',
  ],
  meaning_of_life: [
    'Some say 42. I say: good people, good food and a tidy to-do list.',
    "That's a big one. I'd go with kindness, curiosity and enough sleep.",
  ],
  change_ai_name: [
    'I\'m afraid my name is fixed: I\'m Confidant. But I can remember yours: say "call me" and your name.',
  ],
  maybe: ['No rush, take your time.', "That's fine, let me know when you're sure."],
  yes: ['Okay!', 'Great.', 'Alright.'],
  no: ['Okay.', 'Alright, no problem.', 'Fair enough.'],
};

/** What each intent is about, for the context model (which reads them with the intent names). */
const DESCRIPTIONS: Record<string, string> = {
  greeting: 'hello, hi, hey, good morning, good evening; 你好 早上好',
  goodbye: 'goodbye, bye, see you later, good night; 再见 拜拜',
  thank_you: 'thank you, thanks, I appreciate it; 谢谢',
  are_you_a_bot: 'are you a bot or a real person, who are you, are you human; 你是机器人吗 你是谁',
  what_is_your_name: 'what is your name, what should I call you; 你叫什么名字',
  who_made_you: 'who made or built you, who created you; 谁创造了你',
  how_old_are_you: 'how old are you, your age; 你几岁了',
  where_are_you_from: 'where are you from, where do you live; 你从哪里来',
  what_are_your_hobbies: 'your hobbies, what do you like to do for fun; 你的爱好',
  do_you_have_pets: 'do you have pets, a dog or a cat; 你有宠物吗',
  who_do_you_work_for: 'who do you work for, your boss; 你为谁工作',
  meaning_of_life: 'the meaning of life, why are we here; 生命的意义',
  change_ai_name: 'rename you, can I call you another name; 给你改名字',
  maybe: "maybe, I don't know, not sure, perhaps; 也许 不知道",
  yes: 'yes, sure, okay, right; 是的 好的 对',
  no: 'no, nope, not really; 不 不是',
};

/**
 * The small-talk skill.
 * @param random the injected random source
 */
export function createSmallTalkSkill(random: Random): SkillDefinition {
  return {
    id: 'builtin.small-talk',
    version: '1.0.0',
    intents: Object.keys(REPLIES),
    description: 'chat a little',
    intentDescriptions: DESCRIPTIONS,
    execute: (ctx) => pick(REPLIES[ctx.intent] ?? REPLIES['maybe']!, random),
  };
}
