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

/**
 * The small-talk skill.
 * @param random the injected random source
 */
export function createSmallTalkSkill(random: Random): SkillDefinition {
  return {
    id: 'builtin.small-talk',
    version: '1.0.0',
    intents: Object.keys(enSmallTalk),
    description: 'chat a little',
    execute: (ctx) => {
      const replies = packFor(ctx.lang).smallTalk;
      return pick(replies[ctx.intent] ?? replies['maybe']!, random);
    },
  };
}
