/**
 * Built-in dice and coin: "roll a d20", "roll two dice", "3d6", "flip a coin, I call heads".
 * Both draw from the injected random source, so tests can fix the outcome.
 *
 * @module
 */
import type { SkillDefinition } from '../../skills/types.ts';
import { wordsToDigits } from './number-words.ts';
import { pick, type Random } from './phrasing.ts';
import { hasHan } from '../../lang/detect-language.ts';
import { joinSentences, packFor } from '../../lang/pack.ts';
import { zhNumbersToDigits } from '../../nlu/entities/zh-numbers.ts';

/** How many dice of how many sides. */
export interface DiceRequest {
  count: number;
  sides: number;
}

/**
 * Reads a dice request; a single six-sided die when nothing is said.
 * @param text e.g. `"roll 2 ten-sided dice"`, `"3d6"`, `"roll a pair of dice"`
 */
export function parseDice(text: string): DiceRequest {
  const s = wordsToDigits(zhNumbersToDigits(text.toLowerCase())).replace(/-/g, ' ');
  let count = 1;
  let sides = 6;
  const notation = /(?<![a-z])(\d*)\s*d\s*(\d+)(?![a-z\d])/.exec(s);
  if (hasHan(s) && notation === null) {
    // "掷两个骰子", "扔一个二十面的骰子", "3颗6面骰", "一对骰子".
    const sided = /(\d+)\s*面/u.exec(s);
    if (sided !== null) sides = Number(sided[1]);
    const many = /(\d+)\s*(?:个|颗|枚|粒)(?:\s*\d+\s*面的?)?\s*骰/u.exec(s);
    if (many !== null) count = Number(many[1]);
    else if (/一对骰|一副骰/u.test(s)) count = 2;
  } else if (notation !== null) {
    count = notation[1] === '' ? 1 : Number(notation[1]);
    sides = Number(notation[2]);
  } else {
    const sided = /\b(\d+)\s*(?:sided|side|faced)\b/.exec(s);
    if (sided !== null) sides = Number(sided[1]);
    const many = /\b(\d+)\s+(?:(?:\d+\s*(?:sided|side|faced)\s+)?(?:dice|die))\b/.exec(s);
    if (many !== null) count = Number(many[1]);
    else if (/\bpair of dice\b/.test(s)) count = 2;
  }
  return { count: Math.min(Math.max(count, 1), 100), sides: Math.min(Math.max(sides, 2), 1000) };
}

/**
 * The dice skill (`roll_dice`).
 * @param random the injected random source
 */
export function createDiceSkill(random: Random): SkillDefinition {
  return {
    id: 'builtin.dice',
    version: '1.0.0',
    intents: ['roll_dice'],
    description: 'roll dice',
    execute(ctx) {
      const say = packFor(ctx.lang).skills.dice;
      const { count, sides } = parseDice(ctx.text);
      const rolls = Array.from({ length: count }, () => 1 + (Math.floor(random() * sides) % sides));
      const die = say.die(sides);
      if (count === 1) return pick(say.one(rolls[0]!, die), random);
      return say.many(
        rolls,
        die,
        rolls.reduce((a, b) => a + b, 0),
      );
    },
  };
}

/**
 * The coin skill (`flip_coin`).
 * @param random the injected random source
 */
export function createCoinSkill(random: Random): SkillDefinition {
  return {
    id: 'builtin.coin',
    version: '1.0.0',
    intents: ['flip_coin'],
    description: 'flip a coin',
    execute(ctx) {
      const pack = packFor(ctx.lang);
      const say = pack.skills.coin;
      const side = random() < 0.5 ? 'heads' : 'tails';
      const text = ctx.text.toLowerCase();
      const called =
        /\b(heads|tails)\b/.exec(text)?.[1] ??
        (/正面/u.test(text) ? 'heads' : /反面|背面/u.test(text) ? 'tails' : undefined);
      const said = pick(say.landed(say.side[side]), random);
      if (called === undefined) return said;
      return joinSentences(said, called === side ? say.win : say.lose, pack.tag);
    },
  };
}
