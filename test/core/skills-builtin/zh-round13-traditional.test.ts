/**
 * Round 13 (zh-train-12, Taiwan/HK typing): the skills' own readers (name, reminders read-back, place, list
 * items, sums) read traditional characters as simplified ones, and give values back in the user's own
 * characters. On main they read the text as typed: "我叫什麼名字" set the name 什麼名字, "倫敦現在幾點" had no
 * place. Our own sentences.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHarness } from '../dialogue/harness.ts';

describe('traditional characters in the skills own readers', () => {
  it('asking the name is no new name, and the name kept is the one said', async () => {
    const h = await createHarness();
    await h.say('以後叫我阿傑', 'change_user_name');
    const asked = await h.say('我叫什麼名字', 'user_name');
    assert.match(asked.reply.text, /阿傑/u);
    assert.doesNotMatch(asked.reply.text, /什麼名字/u);
  });

  it('"do I still have reminders" reads them back, and sets none', async () => {
    const h = await createHarness();
    const set = await h.say('提醒我明天早上九點交水費', 'reminder_update');
    // The time is no part of the task (the entities are read in the same simplified copy).
    assert.equal(set.understanding.slots['task'], '交水費');
    assert.doesNotMatch(set.reply.text, /九點/u);
    const read = await h.say('我還有提醒嗎', 'reminder');
    assert.match(read.reply.text, /交水費/u);
    assert.doesNotMatch(read.reply.text, /提醒你什么|還有提醒/u);
  });

  it('a place before 現在 is the place, in its own characters', async () => {
    const h = await createHarness();
    const r = await h.say('倫敦現在幾點', 'time');
    assert.equal(r.understanding.slots['place'], '倫敦');
  });

  it('還有 opens the next item, which keeps its characters', async () => {
    const h = await createHarness();
    await h.say('待辦加上繳電話費', 'todo_list_update');
    const more = await h.say('還有寫報告', 'todo_list_update');
    assert.deepEqual(more.understanding.slots['add'], ['寫報告']);
  });

  it('再減 takes from the last result', async () => {
    const h = await createHarness();
    await h.say('三百八十乘二是多少', 'calculator');
    const less = await h.say('再減 40', 'calculator');
    assert.match(less.reply.text, /720/u);
  });
});
