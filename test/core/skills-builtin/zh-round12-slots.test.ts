/**
 * Round 12's Chinese slot words (from zh-train-10's failures, our own sentences): a stand-in for the
 * reminder's text with a particle after it (个事嘛, 一下呗) names nothing; "帮我记一下，…" and
 * Shanghainese "记一记" give the task after the pause; reads of the reminders set said with 几条 /
 * Cantonese 边啲; a name with Cantonese 就得啦 after it; a Cantonese question word is no name;
 * screen sizes in 寸 and a target unit with 的 after it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { taggedValues } from '../../../src/dialogue/slots.ts';
import { parseConversionZh } from '../../../src/lang/zh/zh-units.ts';
import type { Entity } from '../../../src/nlu/types.ts';
import { withSlotEntities } from '../../../src/nlu/tagger/slot-entities.ts';
import { createHarness, nluOf } from '../dialogue/harness.ts';

const tagged = (text: string, name = 'task'): Entity => ({
  kind: 'slot',
  name,
  text,
  start: 0,
  end: text.length,
  value: text,
  confidence: 0.95,
});

describe('reminder texts', () => {
  it('take no stand-in for the task, even with a particle after it', () => {
    for (const said of ['个事嘛', '一下呗', '一件事啦', '个事情哈'])
      assert.deepEqual(taggedValues([tagged(said)], 'task'), [], said);
    assert.deepEqual(taggedValues([tagged('交电费嘛')], 'task'), ['交电费嘛']);
  });

  it('set the task said after "记一下" and its pause, on the Shanghainese day said', async () => {
    const h = await createHarness();
    const set = await h.say('帮我记一记，明朝下半天三点去邮局寄包裹', 'reminder_update');
    assert.match(set.reply.text, /去邮局寄包裹/u);
    assert.match(set.reply.text, /15:00/u);
    assert.match(set.reply.text, /明天/u);
  });

  it('read the reminders set when asked how many or, in Cantonese, which', async () => {
    const h = await createHarness();
    await h.say('今晚九点提醒我关窗', 'reminder_update');
    for (const asked of ['我一共设了几条提醒', '而家有边啲提醒呀']) {
      const read = await h.say(asked, 'reminder_update');
      assert.match(read.reply.text, /关窗/u, asked);
      assert.doesNotMatch(read.reply.text, /什么时候/u, asked);
    }
  });
});

describe('names', () => {
  it('end the name before Cantonese 就得啦', async () => {
    const h = await createHarness();
    const set = await h.say('以后叫我阿玲就得啦', 'change_user_name');
    assert.match(set.reply.text, /阿玲/u);
    assert.doesNotMatch(set.reply.text, /就得/u);
  });

  it('take no Cantonese question for a name', () => {
    const nlu = withSlotEntities(nluOf('我叫咩名呀你仲记得无', 'user_name'), [
      { entity: 'name', start: 2, end: 10, text: '咩名呀你仲记得无', confidence: 0.9 },
    ]);
    assert.equal(
      nlu.entities.some((e) => e.kind === 'slot'),
      false,
    );
  });
});

describe('conversions', () => {
  it('read sizes in 寸 as inches and a target unit with 的 after it', () => {
    assert.deepEqual(parseConversionZh('三十二寸'), { amount: 32, from: 'inch' });
    assert.deepEqual(parseConversionZh('换成英寸的'), { to: 'inch' });
    assert.deepEqual(parseConversionZh('帮我换算下十公里'), { amount: 10, from: 'kilometer' });
  });
});
