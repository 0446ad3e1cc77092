/**
 * Round 7b class of Chinese reminder turns (issue 13): a request that names no task ("帮忙建个提醒呗",
 * "设个提醒先 急") took its particles for the task, so the task said next answered a time question;
 * and an answer that says the whole request again ("好吧 一小时后提醒我喝药") lost its time or kept its
 * opening words. Replies go through the real dialogue stack with a scripted intent.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { onlyParticlesZh, withSlotEntities } from '../../../src/nlu/tagger/slot-entities.ts';
import { createHarness, nluOf } from '../dialogue/harness.ts';

describe('Chinese reminders that name no task at first', () => {
  it('reads particles and haste as no value, and keeps a value that holds them', () => {
    for (const text of ['呗', '先 急', '赶紧', '快点吧', '嘛！']) assert.equal(onlyParticlesZh(text), true, text);
    for (const text of ['喝药', '先吃药', '急诊复查', '快递']) assert.equal(onlyParticlesZh(text), false, text);
    const nlu = withSlotEntities(nluOf('设个提醒先 急', 'reminder_update'), [
      { entity: 'task', start: 4, end: 7, text: '先 急', confidence: 0.9 },
    ]);
    assert.equal(
      nlu.entities.some((e) => e.kind === 'slot'),
      false,
    );
  });

  it('asks for the task after 帮忙建个提醒呗, then takes the task said and asks the time', async () => {
    const h = await createHarness();
    const ask = await h.say('帮忙建个提醒呗', 'reminder_update');
    assert.equal(ask.understanding.slots['task'], undefined);
    assert.match(ask.reply.text, /提醒你(?:什么事|做什么)/);
    const task = await h.say('去驿站拿快递', 'reminder_update');
    assert.equal(task.understanding.slots['task'], '去驿站拿快递');
    const done = await h.say('晚上八点吧 准点', 'reminder_update');
    assert.match(done.reply.text, /20:00.*去驿站拿快递/);
  });

  it('takes the task after a frame naming the slot (提醒的内容是…, 任务是…), as "the task is …" in English', async () => {
    for (const [said, task] of [
      ['提醒的内容是续签合同', '续签合同'],
      ['任务是给房东打电话', '给房东打电话'],
      ['提醒事项是把车挪走', '把车挪走'],
    ]) {
      const h = await createHarness();
      await h.say('帮我设个提醒', 'reminder_update');
      const r = await h.say(said!, 'reminder_update');
      assert.equal(r.understanding.slots['task'], task, said);
    }
  });

  it('takes task and time from an answer that says the request again', async () => {
    const h = await createHarness();
    await h.say('设个提醒', 'reminder_update');
    const done = await h.say('好吧 一小时后提醒我喝药', 'reminder_update');
    assert.deepEqual(done.understanding.slots, { task: '喝药', when: '2026-11-26T11:00:00+01:00' });
    assert.match(done.reply.text, /今天11:00.*喝药/);
  });

  it('a bare task answer still sets no time, and a time answer fills only the time', async () => {
    const h = await createHarness();
    await h.say('设个提醒', 'reminder_update');
    const task = await h.say('买菜', 'reminder_update');
    assert.deepEqual(task.understanding.slots, { task: '买菜' });
    const when = await h.say('下午三点', 'reminder_update');
    assert.deepEqual(when.understanding.slots, { task: '买菜', when: '2026-11-26T15:00:00+01:00' });
  });
});
