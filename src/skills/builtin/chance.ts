/**
 * Built-in dice and coin: "roll a d20", "roll two dice", "3d6", "flip a coin, I call heads".
 * Both draw from the injected random source, so tests can fix the outcome.
 *
 * @module
 */
import type { DialogueSlot } from '../../dialogue/types.ts';
import type { SkillDefinition } from '../../skills/types.ts';
import { wordsToDigits } from './number-words.ts';
import { lastParse } from './last-parse.ts';
import { pick, type Random } from './phrasing.ts';
import { hasHan } from '../../nlu/runtime/language-id.ts';
import { byLanguage, joinSentences, packFor } from '../../lang/pack.ts';
import { zhNumbersToDigits } from '../../nlu/entities/zh-numbers.ts';

/** How many dice of how many sides. */
export interface DiceRequest {
  count: number;
  sides: number;
}

/**
 * What a dice request says itself: the count and sides it names, each only when it names it.
 * @param text e.g. `"roll 2 ten-sided dice"`, `"3d6"`, `"掷一个二十面的骰子"`
 */
export function diceMentions(text: string): Partial<DiceRequest> {
  const s = wordsToDigits(zhNumbersToDigits(text.toLowerCase())).replace(/-/g, ' ');
  const out: Partial<DiceRequest> = {};
  const notation = /(?<![a-z])(\d*)\s*d\s*(\d+)(?![a-z\d])/.exec(s);
  if (notation !== null) {
    out.count = notation[1] === '' ? 1 : Number(notation[1]);
    out.sides = Number(notation[2]);
  } else if (hasHan(s)) {
    // "掷两个骰子", "扔一个二十面的骰子", "3颗6面骰", "一对骰子".
    const sided = /(\d+)\s*面/u.exec(s);
    if (sided !== null) out.sides = Number(sided[1]);
    const many = /(\d+)\s*(?:个|颗|枚|粒)(?:\s*\d+\s*面的?)?\s*骰/u.exec(s);
    if (many !== null) out.count = Number(many[1]);
    else if (/一对骰|一副骰/u.test(s)) out.count = 2;
  } else {
    const sided = /\b(\d+)\s*(?:sided|side|faced)\b/.exec(s);
    if (sided !== null) out.sides = Number(sided[1]);
    const many = /\b(\d+)\s+(?:(?:\d+\s*(?:sided|side|faced)\s+)?(?:dice|die))\b/.exec(s);
    if (many !== null) out.count = Number(many[1]);
    else if (/\bpair of dice\b/.test(s)) out.count = 2;
  }
  return out;
}

/**
 * Reads a dice request; a single six-sided die when nothing is said.
 * @param text e.g. `"roll 2 ten-sided dice"`, `"3d6"`, `"roll a pair of dice"`
 */
export function parseDice(text: string): DiceRequest {
  const { count = 1, sides = 6 } = diceMentions(text);
  return { count: Math.min(Math.max(count, 1), 100), sides: Math.min(Math.max(sides, 2), 1000) };
}

/**
 * A correction or follow-up that only gives a number ("不是三个，是五个", "no, five"): the count of
 * dice, or their sides when it says so ("二十面的", "20-sided").
 */
function fragmentOf(rest: string): Partial<DiceRequest> {
  const s = wordsToDigits(zhNumbersToDigits(rest.toLowerCase()))
    .trim()
    .replace(/[?？!！。.]+$/u, '');
  const sided = /^(\d+)\s*(?:面的?|sided|side|faced)/u.exec(s);
  if (sided !== null) return { sides: Number(sided[1]) };
  const count = /^(\d+)\s*(?:个|颗|枚|粒|dice|die)?$/u.exec(s);
  return count === null ? {} : { count: Number(count[1]) };
}

// The two slots read the same turn: parsed once (./last-parse.ts).
const mentionsOf = lastParse(diceMentions);

function diceSlot(name: 'count' | 'sides'): DialogueSlot {
  return {
    name,
    // `text`, not `number`: only these words fill it, never any number the turn happens to hold.
    kind: 'text',
    prompt: byLanguage((p) => (name === 'count' ? p.skills.dice.askCount : p.skills.dice.askSides)),
    required: false,
    extract: ({ text, cue }) => mentionsOf(text)[name] ?? (cue === undefined ? undefined : fragmentOf(cue.rest)[name]),
  };
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
    // Slots only so a correction ("不是三个，是五个") can change one part; nothing is ever asked.
    slots: [diceSlot('count'), diceSlot('sides')],
    execute(ctx) {
      const say = packFor(ctx.lang).skills.dice;
      const asked = parseDice(ctx.text);
      const clamp = (v: unknown, fallback: number, max: number) =>
        typeof v === 'number' && Number.isFinite(v) ? Math.min(Math.max(Math.round(v), 1), max) : fallback;
      const count = clamp(ctx.slots['count'], asked.count, 100);
      const sides = Math.max(2, clamp(ctx.slots['sides'], asked.sides, 1000));
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
    intentDescriptions: { flip_coin: 'flip a coin, heads or tails; 抛硬币' },
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
