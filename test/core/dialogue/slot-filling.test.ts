import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanAnswer, extractSlot, keepDay, missingSlot, validateSlot } from '../../../src/dialogue/slots.ts';
import type { DialogueSlot } from '../../../src/dialogue/types.ts';
import { createHarness, nluOf } from './harness.ts';

describe('slot helpers', () => {
  it('read a slot from its extractor, then an entity of its kind, then (for answers) the whole text', () => {
    const duration: DialogueSlot = { name: 'duration', kind: 'duration', prompt: 'How long?' };
    const text: DialogueSlot = { name: 'note', kind: 'text', prompt: 'What?' };
    const nlu = nluOf('ten minutes', null);
    assert.equal(
      extractSlot(duration, { text: 'ten minutes', entities: nlu.entities, slots: {}, answer: true }),
      600_000,
    );
    assert.equal(
      extractSlot(text, { text: 'Um, it’s Paris, please.', entities: [], slots: {}, answer: true }),
      'Paris',
    );
    assert.equal(extractSlot(text, { text: "it's Paris, please.", entities: [], slots: {}, answer: true }), 'Paris');
    assert.equal(extractSlot(text, { text: 'Paris', entities: [], slots: {}, answer: false }), undefined);
    assert.equal(cleanAnswer('  well, make it Lisbon!  '), 'Lisbon');
  });

  it('accepts a custom list entity for a custom slot', () => {
    const city: DialogueSlot = { name: 'city', kind: 'custom:city', prompt: 'Which city?' };
    const entities = [{ kind: 'custom' as const, name: 'city', text: 'NYC', start: 0, end: 3, value: 'New York' }];
    assert.equal(extractSlot(city, { text: 'NYC', entities, slots: {}, answer: true }), 'New York');
  });

  it('validates without letting a throwing validator through', () => {
    const slot: DialogueSlot = {
      name: 'n',
      kind: 'number',
      prompt: 'Which number?',
      validate: (v) => (Number(v) > 0 ? true : 'Positive, please.'),
    };
    assert.equal(validateSlot(slot, 3), true);
    assert.equal(validateSlot(slot, -1), 'Positive, please.');
    const throwing: DialogueSlot = {
      name: 'n',
      kind: 'number',
      prompt: 'Which number?',
      validate: () => {
        throw new Error('bug');
      },
    };
    assert.equal(validateSlot(throwing, 3), 'Which number?');
    assert.equal(
      missingSlot({ id: 'x', version: '1.0.0', intents: ['x'], slots: [slot], execute: () => '' }, new Set())?.name,
      'n',
    );
  });

  it('keeps the day when a correction names only a time', () => {
    const slot: DialogueSlot = { name: 'when', kind: 'datetime', prompt: 'When?' };
    const nlu = nluOf('no, I meant 7pm', 'no');
    const time = nlu.entities.find((e) => e.kind === 'time')!;
    assert.equal(keepDay(slot, '2026-11-28T18:00:00+01:00', time.value, nlu.entities), '2026-11-28T19:00:00+01:00');
  });

  it('reads a bare hour in a correction as that hour of the same day, in the nearest half of it', () => {
    const slot: DialogueSlot = { name: 'when', kind: 'datetime', prompt: 'When?' };
    const cue = { type: 'correction' as const, rest: '5' };
    const at = (text: string, previous: string) =>
      extractSlot(slot, { text, entities: nluOf(text, null).entities, slots: { when: previous }, answer: false, cue });
    assert.equal(at('oops i meant 5', '2026-11-27T16:00:00+01:00'), '2026-11-27T17:00:00+01:00');
    assert.equal(at('no 7', '2026-11-27T06:30:00+01:00'), '2026-11-27T07:00:00+01:00');
    // Not a correction, or two numbers: no guess.
    assert.equal(
      extractSlot(slot, { text: '5', entities: nluOf('5', null).entities, slots: {}, answer: false }),
      undefined,
    );
    assert.equal(at('make it 5 or 6', '2026-11-27T16:00:00+01:00'), undefined);
  });

  it('keeps the time of day when a correction names only a new day', () => {
    const slot: DialogueSlot = { name: 'when', kind: 'datetime', prompt: 'When?' };
    assert.equal(
      keepDay(slot, '2026-11-28T11:00:00+01:00', '2026-11-29', nluOf('sorry, I meant Sunday', null).entities),
      '2026-11-29T11:00:00+01:00',
    );
  });
});

describe('slot filling in the dialogue manager', () => {
  it('asks for a missing slot and accepts an answer the model does not recognize', async () => {
    const h = await createHarness();
    const ask = await h.say('set a timer', 'timer');
    assert.equal(ask.reply.expectsAnswer, true);
    assert.match(ask.reply.text, /how long/i);
    assert.equal(ask.understanding.action, 'new-intent');
    const answer = await h.say('ten minutes', null);
    assert.equal(answer.understanding.action, 'fill-slot');
    assert.equal(answer.understanding.intent, 'timer');
    assert.equal(answer.understanding.slots['duration'], 600_000);
    assert.match(answer.reply.text, /10 minutes/);
    assert.notEqual(answer.reply.expectsAnswer, true);
  });

  it('accepts a free-text answer to a question the skill asked ("which word?")', async () => {
    const h = await createHarness();
    const ask = await h.say('can you spell something for me', 'spelling');
    assert.match(ask.reply.text, /which word/i);
    const r = await h.say('Rhythm', null);
    assert.equal(r.understanding.action, 'fill-slot');
    assert.equal(r.understanding.slots['word'], 'Rhythm');
    assert.match(r.reply.text, /R-H-Y-T-H-M/);
  });

  it('takes a place name in a follow-up ("and in Paris?")', async () => {
    const h = await createHarness();
    await h.say('what timezone is it in', 'timezone');
    const r = await h.say('and in Paris?', null);
    assert.equal(r.understanding.intent, 'timezone');
    assert.equal(r.understanding.slots['place'], 'Paris');
    assert.match(r.reply.text, /Paris is on Central European/);
  });

  it('re-asks on an invalid answer, then gives up gracefully after maxAsks', async () => {
    const h = await createHarness({ maxAsks: 2 });
    await h.say('set a timer', 'timer');
    const again = await h.say('banana', null);
    assert.equal(again.reply.expectsAnswer, true);
    assert.match(again.reply.text, /didn't|not sure|how long/i);
    const invalid = await h.say('for 3 days', null);
    assert.notEqual(invalid.reply.expectsAnswer, true, 'the second bad answer ends the question');
    assert.match(invalid.reply.text, /leave it|drop it|start over/i);
    // The task and its question are gone: a later fragment is not taken as an answer to it.
    await h.say('ten minutes', null);
    assert.equal(h.seen()?.pending, undefined);
  });

  it('re-asks with the validator message when the value is out of range', async () => {
    const h = await createHarness();
    await h.say('set a timer', 'timer');
    const r = await h.say('3 days', null);
    assert.equal(r.reply.expectsAnswer, true);
    assert.match(r.reply.text, /one second to 24 hours/);
  });

  it('asks one slot after another (reminder: what, then when)', async () => {
    const h = await createHarness();
    const first = await h.say('set a reminder', 'reminder_update');
    assert.match(first.reply.text, /remind you about|reminder for/i);
    const second = await h.say('call the dentist', null);
    assert.equal(second.understanding.slots['task'], 'call the dentist');
    assert.match(second.reply.text, /when|what time/i);
    const done = await h.say('tomorrow at 9am', null);
    assert.equal(done.understanding.slots['when'], '2026-11-27T09:00:00+01:00');
    assert.match(done.reply.text, /call the dentist/);
  });

  it('lets the user switch topic in the middle of a question', async () => {
    const h = await createHarness();
    await h.say('set an alarm', 'alarm');
    const r = await h.say('what is 2 plus 2', 'calculator', 0.95);
    assert.equal(r.understanding.action, 'new-intent');
    assert.equal(r.understanding.intent, 'calculator');
    assert.match(r.reply.text, /\b4\b/);
  });
});
