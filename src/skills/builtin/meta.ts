/**
 * Built-in meta skills: what the assistant can do, repeating its last reply, jokes and fun facts.
 *
 * @module
 */
import type { SkillContext, SkillDefinition } from '../../skills/types.ts';
import { packFor } from '../../lang/pack.ts';
import { describeSkills, exampleReplies } from '../../lang/skill-descriptions.ts';
import { pick, type Random } from './phrasing.ts';

/** The last thing the assistant said, before this turn. */
function lastReply(ctx: SkillContext): string | undefined {
  const turns = ctx.conversation.recentTurns;
  for (let i = turns.length - 1; i >= 0; i--) if (turns[i]!.role === 'assistant') return turns[i]!.text;
  return undefined;
}

/** A random item, avoiding the one said last so two jokes in a row differ. */
function fresh(items: readonly string[], ctx: SkillContext, random: Random): string {
  const last = lastReply(ctx);
  const pool = items.filter((i) => i !== last);
  return pick(pool.length > 0 ? pool : items, random);
}

/**
 * The meta skill (`what_can_i_ask_you`, `repeat`, `tell_joke`, `fun_fact`).
 * @param random the injected random source
 * @param registered the skills the assistant runs now (those whose intents its model knows), which
 *   "what can you do?" lists: never a skill that is not there, and the app's own too
 */
export function createMetaSkill(random: Random, registered: () => readonly SkillDefinition[]): SkillDefinition {
  return {
    id: 'builtin.meta',
    version: '1.0.0',
    intents: ['what_can_i_ask_you', 'repeat', 'tell_joke', 'fun_fact'],
    description: 'tell jokes and fun facts',
    intentDescriptions: {
      what_can_i_ask_you: 'what can you do, help; 你能做什么',
      repeat: 'say that again, repeat; 再说一遍',
      tell_joke: 'tell a joke, another joke; 讲个笑话',
      fun_fact: 'tell a fun fact; 有趣的事',
    },
    execute(ctx) {
      const pack = packFor(ctx.lang);
      switch (ctx.intent) {
        case 'what_can_i_ask_you':
          return {
            text: pack.skills.meta.capabilities(describeSkills(registered(), pack)),
            quickReplies: exampleReplies(registered(), pack),
          };
        case 'repeat':
          return lastReply(ctx) ?? pack.skills.meta.nothingYet;
        case 'tell_joke':
          return fresh(pack.jokes, ctx, random);
        default:
          return fresh(pack.funFacts, ctx, random);
      }
    },
  };
}
