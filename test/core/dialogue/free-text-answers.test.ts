/**
 * A free-text question answered with words another skill could read (src/context/decide.ts
 * `answersFreeText`), through the shipped intent, context and tagger models: the answer fills the
 * question unless the turn is clearly a new request, which a skill's own grammar reads, not the slot
 * tagger's guess alone.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { shippedPlayer, type PlayedTurn } from './shipped-play.ts';

describe("a reminder's text answered with a person's name in it", () => {
  let play: (...turns: string[]) => Promise<PlayedTurn[]>;
  before(async () => {
    play = await shippedPlayer();
  });

  it('is the task, though the slot tagger reads a name for the user in it', async () => {
    // The tagger takes the "wei" of these pinyin names for a name the user wants to be called.
    for (const answer of ['call luo wei', 'call Tan Wei', 'call sun wei', 'call li wei']) {
      const [, filled] = await play('remind me', answer);
      assert.equal(filled!.intent, 'reminder_update', answer);
      assert.match(filled!.text, new RegExp(`remind you to ${answer}\\?`, 'i'), answer);
    }
  });

  it('is a new request when the name skill reads the name itself', async () => {
    const [, named] = await play('remind me', 'call me Sam');
    assert.equal(named!.intent, 'change_user_name');
    assert.match(named!.text, /Sam/);
  });
});
