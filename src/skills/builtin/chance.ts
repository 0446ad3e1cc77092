/**
 * Built-in dice and coin: "roll a d20", "roll two dice", "3d6", "flip a coin, I call heads".
 * Both draw from the injected random source, so tests can fix the outcome.
 *
 * @module
 */
import type { SkillDefinition } from '../../skills/types.ts';
import { wordsToDigits } from './number-words.ts';
import { listJoin, pick, type Random } from './phrasing.ts';

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
  const s = wordsToDigits(text.toLowerCase()).replace(/-/g, ' ');
  let count = 1;
  let sides = 6;
  const notation = /\b(\d*)\s*d\s*(\d+)\b/.exec(s);
  if (notation !== null) {
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
    intentDescriptions: { roll_dice: 'roll a die or dice; 掷骰子' },
    execute(ctx) {
      const { count, sides } = parseDice(ctx.text);
      const rolls = Array.from({ length: count }, () => 1 + (Math.floor(random() * sides) % sides));
      const die = sides === 6 ? '' : ` (d${sides})`;
      if (count === 1)
        return pick([`You rolled a ${rolls[0]}${die}.`, `It's a ${rolls[0]}${die}!`, `${rolls[0]}${die}.`], random);
      const total = rolls.reduce((a, b) => a + b, 0);
      const shown = count <= 10 ? listJoin(rolls.map(String)) : `${count} dice`;
      return `You rolled ${shown}${die}: ${total} in total.`;
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
    intentDescriptions: { flip_coin: 'flip a coin, heads or tails; 抛硬币' },
    execute(ctx) {
      const side = random() < 0.5 ? 'heads' : 'tails';
      const called = /\b(heads|tails)\b/.exec(ctx.text.toLowerCase())?.[1];
      const said = pick(
        [`It's ${side}.`, `${side.charAt(0).toUpperCase()}${side.slice(1)}!`, `The coin landed on ${side}.`],
        random,
      );
      if (called === undefined) return said;
      return `${said} ${called === side ? 'You win!' : 'Sorry, you lose.'}`;
    },
  };
}
