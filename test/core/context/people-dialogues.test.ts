import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMANDS } from '../../../src/context/dialogue-features.ts';
import { HELD_OUT_SHARE, replayDialogues, splitDialogueFile } from '../../../bin/commands/context-dialogues.ts';
import type { DialogueSpec } from '../../../bin/commands/eval-dialogues.ts';

/** Written dialogues covering the acts whose command the expectation alone does not name. */
const dialogues: DialogueSpec[] = [
  {
    name: 'timer answered, then cancelled loosely',
    turns: [
      { user: 'can you start a timer', expect: { intent: 'timer' } },
      { user: 'umm 20 mins i guess', expect: { intent: 'timer', slots: { duration: 1_200_000 } } },
    ],
  },
  {
    name: 'question dropped',
    turns: [
      { user: 'set an alarm', expect: { intent: 'alarm' } },
      { user: 'nah forget it', expect: { intent: 'cancel' } },
    ],
  },
  {
    name: 'sum followed up',
    turns: [
      { user: 'what is 6 times 7', expect: { intent: 'calculator', replyIncludes: '42' } },
      { user: 'plus 8', expect: { intent: 'calculator', replyIncludes: '50' } },
    ],
  },
  {
    name: 'list cleared, confirmed',
    turns: [
      { user: 'add milk to my shopping list', expect: { intent: 'shopping_list_update' } },
      { user: 'clear my shopping list', expect: { intent: 'shopping_list_update' } },
      { user: 'yes do it', expect: { intent: 'yes' } },
    ],
  },
  { name: 'an aside', turns: [{ user: 'lol ok', expect: { intent: 'oos' } }] },
];

describe("people's dialogues as training material", () => {
  it('plays each dialogue with its expected history and labels every turn with the decision it implies', async () => {
    const { set, skipped, report } = await replayDialogues('written', dialogues);
    assert.equal(report.turnAccuracy, 1, JSON.stringify(report.failures));
    assert.equal(report.dialogueSuccess, 1, JSON.stringify(report.failures));
    assert.equal(skipped, 0);
    assert.equal(set.examples.length, 10);
    const commands = set.examples.map((e) => COMMANDS[e.labels.command!]);
    assert.deepEqual(commands, [
      'start_task',
      'fill_slot',
      'start_task',
      'cancel',
      'start_task',
      'follow_up',
      'start_task',
      'start_task',
      'confirm',
      'out_of_scope',
    ]);
    // A fill names the slot asked; every intent label indexes a candidate of its own turn.
    assert.equal(set.examples[1]!.labels.slot, 0);
    for (const e of set.examples) if (e.labels.intent !== undefined) assert.ok(e.labels.intent < e.candidates.length);
  });

  it('labels a slot the task already has, said again while another is asked, as the request restated', async () => {
    const restated: DialogueSpec[] = [
      {
        name: 'task said again in its frame while the time is asked',
        turns: [
          { user: 'remind me to do stuff', expect: { intent: 'reminder_update' } },
          {
            user: 'no, the reminder is to book the dentist',
            expect: { intent: 'reminder_update', slots: { task: 'book the dentist' } },
          },
          { user: 'at 6pm', expect: { intent: 'reminder_update' } },
        ],
      },
      {
        name: 'the time asked, answered',
        turns: [
          { user: 'remind me to do stuff', expect: { intent: 'reminder_update' } },
          { user: 'at 6pm', expect: { intent: 'reminder_update' } },
        ],
      },
    ];
    const { set, skipped, report } = await replayDialogues('restated', restated);
    assert.equal(skipped, 0);
    assert.equal(report.turnAccuracy, 1, JSON.stringify(report.failures));
    // The set names the task, not the time asked: the reminder asked anew (its task now the one said), then
    // the time fills it. Read as a fill of the time, the task was lost (round 11's retrains learnt that).
    assert.equal(report.slotAccuracy, 1, JSON.stringify(report.failures));
    const commands = set.examples.map((e) => COMMANDS[e.labels.command!]);
    assert.deepEqual(commands, ['start_task', 'start_task', 'fill_slot', 'start_task', 'fill_slot']);
  });

  it('holds out the same dialogues of a file in every run', () => {
    const file = 'test/fixtures/dialogues/acts-dev.json';
    const a = splitDialogueFile(file);
    const b = splitDialogueFile(file);
    assert.deepEqual(
      a.heldOut.map((d) => d.name),
      b.heldOut.map((d) => d.name),
    );
    assert.equal(a.heldOut.length, Math.round((a.train.length + a.heldOut.length) * HELD_OUT_SHARE));
    const train = new Set(a.train.map((d) => d.name));
    assert.ok(a.heldOut.every((d) => !train.has(d.name)));
  });

  it('refuses a file that is not a list of dialogues', () => {
    assert.throws(() => splitDialogueFile('package.json'), TypeError);
  });
});
