/**
 * Built-in small talk: greetings, goodbyes, thanks, and questions about the assistant itself
 * (are you a bot, what's your name, who made you, how old are you, ...). Short, varied replies,
 * in the turn's language (the words are the language packs').
 *
 * @module
 */
import type { SkillDefinition } from '../../skills/types.ts';
import { enSmallTalk } from '../../lang/en/en-small-talk.ts';
import { packFor } from '../../lang/pack.ts';
import { pick, type Random } from './phrasing.ts';

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

/** "how are you", "how r u", "how's it going", "你好吗", "最近怎么样", "过得好吗". */
const HOW_ARE_YOU =
  /\bhow\s+(?:are|r)\s+(?:you|u|ya)\b|\bhow(?:'s|s|\s+is)\s+(?:it\s+going|your\s+day|life)\b|\bhow\s+(?:are\s+)?(?:you|u)\s+doing\b|你好吗|好吗[？?]?$|最近(?:怎么样|如何|还好)|过得(?:怎么样|好吗|还好吗)/iu;

/**
 * The small-talk skill.
 * @param random the injected random source
 */
export function createSmallTalkSkill(random: Random): SkillDefinition {
  return {
    id: 'builtin.small-talk',
    version: '1.0.0',
    // Keys with a colon are reply variants of an intent ("greeting:how-are-you"), not intents.
    intents: Object.keys(enSmallTalk).filter((k) => !k.includes(':')),
    description: 'chat a little',
    intentDescriptions: DESCRIPTIONS,
    execute: (ctx) => {
      const replies = packFor(ctx.lang).smallTalk;
      // "hi, how are you?" is a greeting that asks something: it gets an answer, not only a hello.
      const variant =
        ctx.intent === 'greeting' && HOW_ARE_YOU.test(ctx.text) ? replies['greeting:how-are-you'] : undefined;
      return pick(variant ?? replies[ctx.intent] ?? replies['maybe']!, random);
    },
  };
}
