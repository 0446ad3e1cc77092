/**
 * The set of built-in skills that makes the default model (CLINC150's everyday intents) useful
 * offline. Every intent they do not list gets the dialogue manager's honest "can't do that here yet".
 *
 * @module
 */
import type { SkillDefinition } from '../types.ts';
import { createCalculatorSkill } from './calculator.ts';
import { createCoinSkill, createDiceSkill } from './chance.ts';
import { createConversionSkill } from './conversion.ts';
import { createShoppingListSkill, createTodoListSkill } from './lists.ts';
import { createMetaSkill } from './meta.ts';
import type { Random } from './phrasing.ts';
import { createReminderSkill } from './reminders.ts';
import { createSmallTalkSkill } from './small-talk.ts';
import { createSpellingSkill } from './spelling.ts';
import { createDateSkill, createTimeSkill } from './time.ts';
import { createAlarmSkill, createTimerSkill } from './timers.ts';
import { createUserNameSkill } from './user-name.ts';

/** Options of {@link createBuiltinSkills}. */
export interface BuiltinSkillOptions {
  /** Uniform random numbers in [0, 1) for dice, coins and varied replies. @default Math.random */
  random?: () => number;
  /**
   * The skills the assistant runs (app skills and these), for "what can you do?".
   * @default these built-in skills
   */
  registered?: () => readonly SkillDefinition[];
}

/**
 * Creates the built-in skills.
 * @param options the random source (fix it in tests for reproducible dice and replies)
 * @returns the skills, in the order the dialogue manager looks intents up
 * @example
 * ```ts
 * const skills = createBuiltinSkills({ random: seededRandom(42) });
 * ```
 */
export function createBuiltinSkills(options: BuiltinSkillOptions = {}): SkillDefinition[] {
  const random: Random = options.random ?? Math.random;
  const skills: SkillDefinition[] = [];
  const registered = options.registered ?? (() => skills);
  skills.push(
    createTimeSkill(random),
    createDateSkill(random),
    createTimerSkill(random),
    createAlarmSkill(random),
    createReminderSkill(random),
    createTodoListSkill(random),
    createShoppingListSkill(random),
    createCalculatorSkill(random),
    createConversionSkill(random),
    createDiceSkill(random),
    createCoinSkill(random),
    createSpellingSkill(random),
    createUserNameSkill(random),
    createMetaSkill(random, registered),
    createSmallTalkSkill(random),
  );
  return skills;
}

/** The built-in skills with `Math.random`: what the default assistant registers. */
export const builtinSkills: readonly SkillDefinition[] = Object.freeze(createBuiltinSkills());
