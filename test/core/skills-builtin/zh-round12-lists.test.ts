/**
 * Round 12's Cantonese list words (from zh-train-10's failures, our own sentences): 同 / 同埋 join
 * items, 咗 / 佢 / 剔走 / 搞掂 change them, 乜嘢 / 咩 / 睇 / 仲有 read the list; items keep their words
 * (同仁堂, 合同, 同学).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseListRequestZh, readsListZh } from '../../../src/lang/zh/zh-list-parse.ts';
import { createHarness } from '../dialogue/harness.ts';

describe('Cantonese list requests', () => {
  it('add the items joined by 同 / 同埋, and keep 同 inside an item', () => {
    const cases: [string, string[]][] = [
      ['喺购物单加牛奶同面包', ['牛奶', '面包']],
      ['帮我喺购物单度加米同埋油', ['米', '油']],
      ['待办加个交租同埋续保险', ['交租', '续保险']],
      ['加同仁堂的膏药', ['同仁堂的膏药']],
      ['待办加个签合同', ['签合同']],
      ['待办加个约同学打球', ['约同学打球']],
    ];
    for (const [said, add] of cases) assert.deepEqual(parseListRequestZh(said).add, add, said);
  });

  it('take the kind wanted after an item for no item of its own', () => {
    assert.deepEqual(parseListRequestZh('仲有腐竹，要干嘅').add, ['腐竹']);
    assert.deepEqual(parseListRequestZh('还有虾，要新鲜的').add, ['虾']);
  });

  it('remove the item named before 删咗佢 / 剔走佢 / 搞掂咗', () => {
    const cases: [string, string[]][] = [
      ['豆腐删咗佢，唔要喇', ['豆腐']],
      ['交租搞掂咗，剔走佢', ['交租']],
    ];
    for (const [said, remove] of cases) assert.deepEqual(parseListRequestZh(said).remove, remove, said);
  });

  it('read the list when asked with 乜嘢 / 咩 / 睇 / 仲有, adding nothing', () => {
    for (const said of ['睇下待办有乜嘢', '买菜单入面仲有咩', '仲有咩未买']) {
      const parsed = parseListRequestZh(said);
      assert.deepEqual([parsed.add, parsed.remove], [[], []], said);
      assert.equal(readsListZh(said), true, said);
    }
  });

  it('answers a Cantonese read with what is on the list', async () => {
    const h = await createHarness();
    await h.say('购物单加叉烧同菜心', 'shopping_list_update');
    const read = await h.say('购物单仲有乜嘢', 'shopping_list_update');
    assert.match(read.reply.text, /叉烧/u);
    assert.match(read.reply.text, /菜心/u);
    assert.doesNotMatch(read.reply.text, /加到/u);
  });
});
