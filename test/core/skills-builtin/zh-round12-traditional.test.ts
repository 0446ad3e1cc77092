/**
 * Traditional characters work as simplified ones in the decision, the entity grammars and the unit
 * parser, while names, items and reminder texts keep the user's own characters. Our own sentences.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createHarness } from '../dialogue/harness.ts';

describe('traditional characters', () => {
  it('set an alarm, a timer and a reminder', async () => {
    const h = await createHarness();
    const alarm = await h.say('幫我設個鬧鐘，後天早上六點半', 'alarm');
    assert.match(alarm.reply.text, /6:30/u);
    const timer = await h.say('計時器二十來分鐘', 'timer');
    assert.equal(timer.understanding.slots['duration'], 20 * 60_000);
    const reminder = await h.say('提醒我明天下午四點去郵局寄東西', 'reminder_update');
    assert.match(reminder.reply.text, /去郵局寄東西/u);
    assert.match(reminder.reply.text, /16:00/u);
  });

  it('add to a list, read it back and convert units said in Cantonese', async () => {
    const h = await createHarness();
    await h.say('購物清單加雞蛋同醬油', 'shopping_list_update');
    const read = await h.say('睇下購物單仲有乜嘢', 'shopping_list_update');
    assert.match(read.reply.text, /雞蛋/u);
    assert.match(read.reply.text, /醬油/u);
    const miles = await h.say('十公里係幾多英里', 'measurement_conversion');
    assert.match(miles.reply.text, /6\.2/u);
  });
});
