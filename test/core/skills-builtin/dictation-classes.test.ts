/**
 * Slot classes of round 7b (issue 15): the intent was right, the value was not. Dictated homophones
 * of an hour or a count ("at ate thirty", "at for pm", "a timer for ate minutes"), a spoken clock time
 * after "make it", and a slot named by a frame ("the word is bureaucracy", "the reminder is to pay the
 * gas bill"). Parsers are tested on the entities; values through the dialogue stack with a scripted intent.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractEntities } from '../../../src/nlu/entities/index.ts';
import type { DialogueSlot } from '../../../src/dialogue/types.ts';
import type { Entity } from '../../../src/nlu/types.ts';
import { createTimerSkill } from '../../../src/skills/builtin/timers.ts';
import { createHarness, NOW, ZONE } from '../dialogue/harness.ts';

/** The entities of `text` as [kind, text, value]. */
function ents(text: string): [string, string, unknown][] {
  return extractEntities(text, { now: NOW, timeZone: ZONE }).map((e) => [e.kind, e.text, e.value]);
}

describe('dictated homophones of an hour or a count', () => {
  it('"ate" and "for" right after "at"/"by" are the hour 8 and 4', () => {
    assert.deepEqual(ents('wake me up at ate thirty tomorrow morning'), [
      ['datetime', 'at ate thirty tomorrow morning', '2026-11-27T08:30:00+01:00'],
    ]);
    assert.deepEqual(ents('remind me at for pm to pick up the kids'), [
      ['time', 'at for pm', '2026-11-26T16:00:00+01:00'],
    ]);
    assert.deepEqual(ents('be home by ate tonight'), [['time', 'by ate tonight', '2026-11-26T20:00:00+01:00']]);
  });

  it('leaves "ate" and "for" alone anywhere else', () => {
    assert.deepEqual(ents('I ate thirty cookies'), [['number', 'thirty', 30]]);
    assert.deepEqual(ents('what are you looking at for?'), []);
    assert.deepEqual(ents('a timer for ten minutes'), [['duration', 'ten minutes', 600_000]]);
    assert.deepEqual(ents('i ate minutes ago'), []);
  });

  it('"ate" before a unit after "for"/"in" is 8 of it', () => {
    assert.deepEqual(ents('set a timer for ate minutes'), [['duration', 'ate minutes', 480_000]]);
    assert.deepEqual(ents('remind me in ate minutes')[0]?.[2], '2026-11-26T10:08:00+01:00');
  });
});

describe('a spoken clock time after "make it"', () => {
  it('reads an hour with its minutes as the clock, not two numbers', () => {
    assert.deepEqual(ents('actually make it eight fifteen'), [['time', 'eight fifteen', '2026-11-27T08:15:00+01:00']]);
    assert.deepEqual(ents('change it to six thirty pm'), [['time', 'six thirty pm', '2026-11-26T18:30:00+01:00']]);
    assert.deepEqual(ents('make it nine oh five tomorrow')[0]?.[2], '2026-11-27T09:05:00+01:00');
  });

  it('an hour without minutes may be a length or an amount: left to the other grammars', () => {
    assert.deepEqual(ents('make it twelve'), [['number', 'twelve', 12]]);
    assert.deepEqual(ents('eight fifteen'), [
      ['number', 'eight', 8],
      ['number', 'fifteen', 15],
    ]);
  });

  it('an alarm said with "at ate", then moved with "make it eight fifteen"', async () => {
    const h = await createHarness();
    const set = await h.say('wake me up at ate thirty tomorrow morning', 'alarm');
    assert.equal(set.understanding.slots['time'], '2026-11-27T08:30:00+01:00');
    assert.match(set.reply.text, /8:30/);
  });
});

describe('a slot named by a frame: "the word is X", "the reminder is to X"', () => {
  it('spelling: the word after the frame, asked or not', async () => {
    const h = await createHarness();
    await h.say('i need help spelling a word', 'spelling');
    const asked = await h.say('the word is questionnaire', 'spelling');
    assert.equal(asked.understanding.slots['word'], 'questionnaire');
    assert.match(asked.reply.text, /Q-U-E-S/);
    const h2 = await createHarness();
    const bare = await h2.say('ok the word is bureaucracy', 'spelling');
    assert.equal(bare.understanding.slots['word'], 'bureaucracy');
  });

  it('spelling: a lone word after a follow-up lead is the word; a lone word without one is not asked', async () => {
    const h = await createHarness();
    await h.say('how do you spell definitely', 'spelling');
    const next = await h.say('n necessary pls', 'spelling');
    assert.equal(next.understanding.slots['word'], 'necessary');
    const h2 = await createHarness();
    const lone = await h2.say('spelling', 'spelling');
    assert.equal(lone.understanding.slots['word'], undefined);
  });

  it('reminders: the task after "the reminder is (to)" when the task is asked', async () => {
    const h = await createHarness();
    await h.say('set a reminder thing', 'reminder_update');
    const task = await h.say('Right, the reminder is to pay the gas bill', 'reminder_update');
    assert.equal(task.understanding.slots['task'], 'pay the gas bill');
    const h2 = await createHarness();
    await h2.say('set a reminder', 'reminder_update');
    const ok = await h2.say('ok the task is take out the trash', 'reminder_update');
    assert.equal(ok.understanding.slots['task'], 'take out the trash');
  });
});

describe('"same for tuesday": the alarm again on another day, at its time', () => {
  it('a day alone after an alarm with its time keeps the time of day', async () => {
    const h = await createHarness();
    const monday = await h.say('set an alarm for 7 am on monday', 'alarm');
    assert.equal(monday.understanding.slots['time'], '2026-11-30T07:00:00+01:00');
    const tuesday = await h.say('same for tuesday', 'alarm');
    assert.equal(tuesday.understanding.slots['time'], '2026-12-01T07:00:00+01:00');
    assert.match(tuesday.reply.text, /7:00/);
  });
});

describe('a timer length said in pieces', () => {
  it('"mins... 8" answering "for how long?" is 8 minutes; a number alone is still asked about', async () => {
    const h = await createHarness();
    await h.say('timer plz', 'timer');
    const eight = await h.say('mins... 8', 'timer');
    assert.equal(eight.understanding.slots['duration'], 480_000);
    const h2 = await createHarness();
    await h2.say('timer plz', 'timer');
    const secs = await h2.say('seconds: 45', 'timer');
    assert.equal(secs.understanding.slots['duration'], 45_000);
  });
});

describe("a corrected timer length with the slot tagger's words in the turn", () => {
  it('"make it 12 its thick pasta": the tagged words are no second number, 12 keeps the unit', () => {
    // The built-in skills' slots are dialogue slots, with their extractor.
    const duration = createTimerSkill(() => 0.5).slots?.find((s) => s.name === 'duration') as DialogueSlot | undefined;
    const text = 'make it 12 its thick pasta';
    const entities: Entity[] = [
      { kind: 'number', text: '12', start: 8, end: 10, value: 12, confidence: 1 },
      { kind: 'slot', name: 'item', text: 'thick pasta', start: 15, end: 26, value: 'thick pasta', confidence: 0.9 },
    ];
    const input = { text, entities, slots: { duration: 660_000 }, answer: false };
    assert.equal(duration?.extract?.({ ...input, cue: { type: 'correction', rest: text } }), 720_000);
    // Two numbers of the grammars stay ambiguous: no guess.
    const two: Entity = { kind: 'number', text: '3', start: 0, end: 1, value: 3, confidence: 1 };
    assert.equal(
      duration?.extract?.({ ...input, entities: [two, ...entities], cue: { type: 'correction', rest: text } }),
      undefined,
    );
  });
});
