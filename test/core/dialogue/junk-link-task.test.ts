/**
 * A link or an address after a verb of what to do with it, typed as a free-text answer ("What should I
 * remind you about?"): a task said tersely, in both languages (the language packs' `linkTask` cues), while
 * a link alone or after other words answers nothing. Sentences written for these tests.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { junkAction } from '../../../src/dialogue/junk-turn.ts';
import type { DialogueState } from '../../../src/dialogue/types.ts';
import { packFor } from '../../../src/lang/pack.ts';
import { compileSafeRegex } from '../../../src/nlu/entities/regex-safety.ts';
import { junkKind } from '../../../src/nlu/runtime/junk.ts';
import { createHarness } from './harness.ts';

const freeSlot: DialogueState['pending'] = { type: 'slot', slot: 'task', question: '要提醒你做什么？', asks: 1 };
const asAnswer = (text: string) => junkAction(junkKind(text), text, freeSlot, true);

describe('a Chinese link task as a free-text answer', () => {
  it('is left to the policy when a verb of what to do with the link or address comes first or around it', () => {
    for (const text of [
      '续费 https://cloud.example.com/billing',
      '续订www.example.cn/vip',
      '交费 https://pay.example.net/water',
      '打开 https://docs.example.org/guide',
      '看一下 www.example.com/news/42',
      '退订 news@example.com',
      '登录 https://mail.example.cn',
      '回复 wang.li@example.cn',
      '转发给 team@example.org',
      '发邮件给 zhang@example.com',
      '记得续费 www.myblog.example.com',
      '给 wang.li@example.cn 发邮件',
      '给hr@example.com写封信',
      '在 www.example.com/shop 上下单',
      '在https://tickets.example.cn预订',
    ])
      assert.equal(asAnswer(text), undefined, text);
  });

  it('a link alone, or after words that do nothing with it, still answers nothing', () => {
    for (const text of [
      'https://prize.example.com/win',
      '这个 www.example.com/free',
      '哈哈 https://x.example.io',
      '给你 https://x.example.io',
      '在吗 https://x.example.io',
      'wang.li@example.cn',
    ])
      assert.equal(asAnswer(text), 'out-of-scope', text);
  });

  it('passes the regex-safety check (no repeats that can backtrack on each other), English and Chinese', () => {
    for (const lang of ['en', 'zh'] as const) {
      const { source, flags } = packFor(lang).cues.linkTask;
      assert.doesNotThrow(() => compileSafeRegex(source, flags), lang);
    }
  });

  it('keeps the link whole in the reminder it sets (a dot between letters or digits is no stop)', async () => {
    const h = await createHarness();
    await h.say('提醒我', 'reminder_update');
    const r = await h.say('续费 https://cloud.example.com/billing', null);
    assert.equal(r.understanding.action, 'fill-slot');
    assert.equal(r.understanding.slots['task'], '续费 https://cloud.example.com/billing');
    const dose = await (await createHarness()).say('明天早上提醒我吃1.5片药。', 'reminder_update');
    assert.equal(dose.understanding.slots['task'], '吃1.5片药');
  });
});

describe('the English link task and the Chinese sounds, now in the packs, read as before', () => {
  it('English: a verb first makes a link a task; a link alone is none', () => {
    for (const text of ['reply to kim@example.org', 'sign up at https://club.example.com/join'])
      assert.equal(asAnswer(text), undefined, text);
    for (const text of ['check this out https://club.example.com', 'kim@example.org'])
      assert.equal(asAnswer(text), 'out-of-scope', text);
  });

  it('Chinese interjections alone are no free-text value; a name that opens with 阿 is', () => {
    for (const text of ['嘿嘿嘿', '唉……', '哇哦~', '嗯 嗯']) assert.equal(asAnswer(text), 'out-of-scope', text);
    for (const text of ['阿强', '哈尔滨', '呵护皮肤']) assert.equal(asAnswer(text), undefined, text);
  });
});
