import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SLANG_THANKS_EN, SLANG_YES_EN, SMALL_TALK, YES } from '../../../src/context/simulator/acts.ts';
import { withTail } from '../../../src/context/simulator/asides.ts';
import { INTENT_SCRIPTS } from '../../../src/context/simulator/intent-scripts.ts';
import { simulateDialogues, type RecordedTurn } from '../../../src/context/simulator/simulate.ts';
import type { SimCorpus } from '../../../src/context/simulator/user-simulator.ts';
import { isYes } from '../../../src/dialogue/cues.ts';
import { createRng } from '../../../src/nlu/training/rng.ts';
import { loadIntentModel, type IntentModel } from '../../../src/nlu/runtime/intent-model.ts';
import { DEFAULT_MODEL } from '../../../bin/commands/eval-dialogues.ts';

// Round 13 (en-train-12: students, travellers, Gen Z texting, Australian and New Zealand English): a request
// with how the user feels after it ("start a timer pls i'm begging") or a read of the active task with a remark
// ("what's on it now, running out of space lol") was read as out of scope while the intent model had it right;
// slang and regional thanks, farewells, greetings and yeses ("sweet as, cheers", "bet, go ahead") the same.
describe('the dialogue simulator, round 13 classes', () => {
  let model: IntentModel;
  before(async () => {
    model = await loadIntentModel(DEFAULT_MODEL);
  });
  after(() => model.dispose());
  const corpus: SimCorpus = {
    requests: new Map([
      ['timer', ['start a countdown for me', 'i need a timer for the pasta']],
      ['calculator', ['what is 6 times 7']],
      ['time', ['what time is it in tokyo']],
    ]),
    outOfScope: ['how do i fix a flat bike tyre', 'what is the tallest mountain'],
  };
  let recorded: Promise<RecordedTurn[]> | undefined;
  const turns = () =>
    (recorded ??= (async () => {
      const out: RecordedTurn[] = [];
      // English only: Chinese turns need the Chinese intent model, which this test does not load.
      // Two seeds: the rarer acts (a read with a mood) come up a few times per 600 dialogues, and any new act in the
      // simulator moves one seed's draws (the merge of round 13's simulator material left seed 43 with 2 of 3).
      for (const seed of [43, 44]) {
        await simulateDialogues({ model, corpus, dialogues: 600, seed, chinese: 0, onTurn: (t) => out.push(t) });
      }
      return out;
    })());
  const intentOf = (t: RecordedTurn) =>
    t.labelled.labels.intent === undefined ? undefined : t.features.candidates[t.labelled.labels.intent]?.intent;

  it('a request with a mood after it starts its task', async () => {
    const said = (await turns()).filter((t) => t.act.includes('mood-'));
    assert.ok(said.length >= 10, `${said.length} requests with a mood`);
    // Labelled start_task of the request's intent; out of scope only where the intent model did not rank it.
    const started = said.filter((t) => t.labelled.command === 'start_task');
    assert.ok(started.length >= said.length * 0.8, `${started.length}/${said.length} started`);
    for (const t of said) assert.ok(['start_task', 'out_of_scope'].includes(t.labelled.command), t.text);
  });

  it('a read of the active task with a mood after it is that read, not out of scope', async () => {
    const said = (await turns()).filter((t) => t.act === 'related-mood');
    assert.ok(said.length >= 3, `${said.length} reads with a mood`);
    for (const t of said) {
      assert.equal(t.labelled.command, 'start_task', t.text);
      assert.ok(intentOf(t) !== undefined, t.text);
    }
  });

  it('slang and regional thanks are small talk thanks wherever the intent model ranks them', async () => {
    const slang = new Set(SLANG_THANKS_EN);
    const said = (await turns()).filter((t) => slang.has(t.text));
    assert.ok(said.length >= 3, `${said.length} slang thanks`);
    for (const t of said) {
      assert.equal(t.labelled.command, 'small_talk', t.text);
      assert.equal(intentOf(t), 'thank_you', t.text);
    }
  });
});

describe('round 13 lexicons', () => {
  it('say a mood after a request, with no number and no request words, in both languages', () => {
    const rng = createRng(7);
    for (const [lang, act] of [
      ['en', 'set a timer for 5 minutes'],
      ['zh', '设一个5分钟的计时器'],
    ] as const) {
      const said = new Set<string>();
      for (let i = 0; i < 120; i++) {
        const text = withTail(rng, lang, act, 'mood');
        said.add(text);
        assert.ok(text.startsWith(act) && text.length > act.length, text);
        const tail = text.slice(act.length);
        assert.doesNotMatch(tail, /\d|\{|\b(?:remind|timer|alarm|add|list|convert|spell)\b|提醒|闹钟|计时|清单/u, text);
      }
      assert.ok(said.size >= 10, `${lang}: ${said.size} moods`);
    }
  });

  it('slang yeses are read as yes by the cue words; slang thanks are not', () => {
    const slang = SLANG_YES_EN;
    // The named slang is what the simulator says: it is joined into the banks.
    assert.ok(slang.every((x) => YES.en.includes(x)));
    assert.ok(SLANG_THANKS_EN.every((x) => SMALL_TALK['thank_you']!.en.includes(x)));
    assert.ok(slang.length >= 8);
    const read = slang.filter((x) => isYes(x));
    assert.ok(read.length >= slang.length - 2, `${read.length}/${slang.length}: ${slang.filter((x) => !isYes(x))}`);
    for (const x of ['bet, go ahead', 'say less', 'too easy mate', 'righto, do it', 'sweet as, go for it'])
      assert.ok(isYes(x), x);
    for (const x of [
      'bet ty',
      'bet you can not',
      'sweet as, cheers',
      'righto, remind me at 7',
      'yeah right',
      'yep right',
    ])
      assert.ok(!isYes(x), x);
  });

  it('lost-track questions read the alarms and reminders, asking no new one', () => {
    const alarm = INTENT_SCRIPTS['alarm']!.related![0]!;
    const reminder = INTENT_SCRIPTS['reminder_update']!.related![0]!;
    assert.equal(alarm.intent, 'alarm');
    assert.equal(reminder.intent, 'reminder');
    assert.ok(alarm.bank.en.some((x) => /already set one|already got one/.test(x)));
    assert.ok(reminder.bank.en.some((x) => /what did i ask you to remind me/.test(x)));
    for (const x of [...alarm.bank.en, ...reminder.bank.en]) assert.doesNotMatch(x, /\{time\}|\{when\}|\{task\}/, x);
  });
});
