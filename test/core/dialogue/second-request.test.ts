import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { shippedPlayer } from './shipped-play.ts';
import { firstRequestEn, secondRequestEn } from '../../../src/lang/en/en-second-request.ts';
import { secondRequestZh } from '../../../src/lang/zh/zh-second-request.ts';
import { parseListRequest } from '../../../src/skills/builtin/list-parse.ts';

describe('two requests in one line: the grammars', () => {
  it('finds an English second request a skill would take, and nothing inside one request', () => {
    const cases: [string, string | undefined][] = [
      ['set a timer for 5 min and add milk to my list', 'add milk to my list'],
      ['wake me up at six thirty tomorrow and remind me to pack lunch', 'remind me to pack lunch'],
      ['remind me to call the bank at 2pm and also whats the time in new york', 'whats the time in new york'],
      ['timer 10 min and then can you tell me a joke?', 'tell me a joke'],
      ['add eggs and bread to my shopping list', undefined],
      ['remind me to call mum and tell her hi', undefined],
      ['remind me to buy milk and then set the table', undefined],
      ['Oh I see. Then would you remind me to ring him at four?', undefined],
      ['and set a timer', undefined],
    ];
    for (const [text, rest] of cases) assert.equal(secondRequestEn(text)?.rest, rest, text);
    // Acted on as the second request's intent, the models read the line as that one: left whole.
    assert.equal(secondRequestEn('book me a cab and then set an alarm for 6am', 'alarm'), undefined);
    assert.equal(secondRequestEn('book me a cab and then set an alarm for 6am', 'uber')?.rest, 'set an alarm for 6am');
    assert.equal(secondRequestZh('定个七点的闹钟再提醒我带伞', 'reminder_update'), undefined);
    // A list request takes further list operations itself.
    assert.equal(secondRequestEn('add eggs to my list and put milk on the list', 'shopping_list_update'), undefined);
  });

  it('finds a Chinese second request after a joining word, not after a bare comma or in a reminder task', () => {
    assert.deepEqual(secondRequestZh('定个七点的闹钟再提醒我带伞'), { first: '定个七点的闹钟', rest: '提醒我带伞' });
    assert.equal(secondRequestZh('设个五分钟的计时器，然后把牛奶加到购物清单')?.rest, '把牛奶加到购物清单');
    assert.equal(secondRequestZh('定个七点的闹钟，提醒我起床'), undefined);
    assert.equal(secondRequestZh('提醒我明天再定个闹钟'), undefined);
  });

  it('keeps a second request of another kind out of list items', () => {
    assert.equal(
      firstRequestEn('add call the electrician to my to do list and set an alarm for 7'),
      'add call the electrician to my to do list',
    );
    assert.deepEqual(
      parseListRequest('add call the electrician to my to do list and set an alarm for 7 tomorrow').add,
      ['call the electrician'],
    );
  });
});

let play: Awaited<ReturnType<typeof shippedPlayer>>;
before(async () => {
  play = await shippedPlayer();
});

describe('two requests in one line (shipped models)', () => {
  it('does the first request and names the second, to be asked on its own', async () => {
    const [turn] = await play('set a timer for 5 min and add milk to my list');
    assert.equal(turn!.intent, 'timer');
    assert.match(turn!.text, /5/);
    assert.match(turn!.text, /“add milk to my list”/);
  });

  it('says nothing more for one request, or while the first asks a question', async () => {
    const [one] = await play('add eggs and bread to my shopping list');
    assert.doesNotMatch(one!.text, /first part/);
    const [asks] = await play('set a timer and add milk to my list');
    assert.doesNotMatch(asks!.text, /first part/);
  });

  it('does the same in Chinese', async () => {
    const [turn] = await play('设个五分钟的计时器，然后把牛奶加到购物清单');
    assert.equal(turn!.intent, 'timer');
    assert.match(turn!.text, /“把牛奶加到购物清单”/);
  });
});
