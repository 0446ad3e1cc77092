/**
 * A Chinese turn with a link in it, as a first turn (src/nlu/runtime/junk.ts `linkOnly`, language-id.ts
 * `wordsAroundLinks`, src/dialogue/manager.ts), through the shipped models: a request for one of the
 * assistant's tasks around the link is read, not refused as a pasted link, and a link the assistant
 * cannot act on is refused in the language of the words around it.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { shippedPlayer, type PlayedTurn } from './shipped-play.ts';

describe('a Chinese first turn with a link', () => {
  let play: (...turns: string[]) => Promise<PlayedTurn[]>;
  before(async () => {
    play = await shippedPlayer();
  });

  it('sets the reminder or the list entry it asks for, the link kept whole', async () => {
    const [reminder] = await play('后天提醒我缴费 www.example.net/bill');
    assert.equal(reminder!.intent, 'reminder_update');
    assert.match(reminder!.text, /缴费\s?www\.example\.net\/bill/u);
    const [todo] = await play('把 https://docs.example.com/plan 加到待办');
    assert.equal(todo!.intent, 'todo_list_update');
    assert.match(todo!.text, /https:\/\/docs\.example\.com\/plan/u);
  });

  it('is refused in Chinese when it asks nothing the assistant does, or is a shared page', async () => {
    for (const text of [
      '打开 https://shop.example.io/cart',
      '【京东】https://u.jd.com/AbCdEf 「春季新款外套」点击链接直接打开',
      '【京东】记得领券 https://u.jd.com/Xy9 今晚8点开抢',
    ]) {
      const [refused] = await play(text);
      assert.equal(refused!.intent, null, text);
      assert.match(refused!.text, /^\p{Script=Han}/u, text);
    }
    // A link alone still has no language: the interface's (English here).
    const [bare] = await play('https://shop.example.io/cart');
    assert.match(bare!.text, /^[A-Z]/u);
  });
});
