import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { shippedPlayer } from '../dialogue/shipped-play.ts';

/**
 * The class round 8's fresh dialogues (en-train-6, zh-train-6) showed the context model failing: words
 * people add around what they mean. A comment on a finished task or on the day asks for nothing (out of
 * scope), whatever intent its words suggest; a reason or praise said with a thanks, a pause or a cancel
 * leaves that act what it is. Played through the shipped intent, tagger and context models; the
 * sentences are written here, none from a dialogue file (the simulator's phrases are other ones again).
 */
describe('remarks around a turn, through the shipped models', () => {
  let play: Awaited<ReturnType<typeof shippedPlayer>>;
  before(async () => {
    play = await shippedPlayer();
  });

  const cases: { turns: string[]; intent: string | null }[] = [
    // Failed with round 8's model (a timer, a thank-you, a date follow-up, a goodbye, an alarm answer):
    { turns: ['what day is it today', 'phew only two more days of work'], intent: null },
    { turns: ['how many pounds is 3 kilos', 'huh heavier than i thought'], intent: null },
    { turns: ['提醒我明天下午三点交报告', '谢啦 不然我准忘'], intent: 'thank_you' },
    { turns: ['设一个二十分钟的计时器', '先暂停一下 快递到了'], intent: 'timer' },
    { turns: ['设个闹钟', '算了算了 领导叫我过去'], intent: 'cancel' },
    // Right before and after: kept.
    { turns: ['set a timer for 12 minutes', 'ugh monday again, so much to do'], intent: null },
    { turns: ["what's 15 times 6", "wow i'm hopeless at mental maths"], intent: null },
    { turns: ['设一个十分钟的计时器', '唉 今天又要加班到很晚'], intent: null },
    { turns: ['wake me up at 6:45 tomorrow', "thanks so much, you're a legend"], intent: 'thank_you' },
    { turns: ['set a timer for 20 minutes', 'stop the timer, my friend is calling'], intent: 'timer' },
    { turns: ['set a timer', "never mind, my train's arriving"], intent: 'cancel' },
  ];
  for (const c of cases) {
    it(`'${c.turns.at(-1)}' after '${c.turns.slice(0, -1).join("', '")}' is ${c.intent ?? 'out of scope'}`, async () => {
      const played = await play(...c.turns);
      assert.equal(played.at(-1)!.intent, c.intent, played.at(-1)!.text);
    });
  }

  // Still wrong with round 9's model (it reads a send-text, a sum, a date follow-up, nothing, nothing).
  const open: { turns: string[]; intent: string | null }[] = [
    { turns: ['add eggs to my shopping list', 'the kids are going to eat them all anyway'], intent: null },
    { turns: ['三十五乘以四是多少', '哇 我心算真的不行'], intent: null },
    { turns: ['今天几号', '好吧 离放假还早着呢'], intent: null },
    { turns: ['how do you spell necessary', 'ta, i can never remember the double s'], intent: 'thank_you' },
    { turns: ['set a timer for 20 minutes', 'pause it quick, the doorbell just went'], intent: 'timer' },
  ];
  for (const c of open) {
    it(`'${c.turns.at(-1)}' after '${c.turns[0]}' is ${c.intent ?? 'out of scope'}`, { todo: true }, async () => {
      const played = await play(...c.turns);
      assert.equal(played.at(-1)!.intent, c.intent, played.at(-1)!.text);
    });
  }
});
