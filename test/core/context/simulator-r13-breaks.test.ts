import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CANDIDATE_FEATURES, STATE_FEATURES } from '../../../src/context/dialogue-features.ts';
import { aside } from '../../../src/context/simulator/asides.ts';
import { INTENT_SCRIPTS } from '../../../src/context/simulator/intent-scripts.ts';
import { simulateDialogues, type RecordedTurn } from '../../../src/context/simulator/simulate.ts';
import type { SimCorpus } from '../../../src/context/simulator/user-simulator.ts';
import { VALUES } from '../../../src/context/simulator/values.ts';
import { createRng } from '../../../src/nlu/training/rng.ts';
import { loadIntentModel, type IntentModel } from '../../../src/nlu/runtime/intent-model.ts';
import { DEFAULT_MODEL } from '../../../bin/commands/eval-dialogues.ts';

// Round 13: what round 12's retrains broke (m2: "wait is it 3 now?" while the alarm's time is asked read as a
// new request; m3: a second alarm asked in full kept the first one's day, "ok the task is ..." left unread,
// a bare Chinese to-do answered to "what should I add?" not taken).
describe('the dialogue simulator, round 13 classes', () => {
  let model: IntentModel;
  before(async () => {
    model = await loadIntentModel(DEFAULT_MODEL);
  });
  after(() => model.dispose());
  const corpus: SimCorpus = {
    requests: new Map([
      ['timer', ['start a countdown for me', 'i need a timer for the pasta']],
      ['alarm', ['wake me up at 7 tomorrow']],
      ['reminder_update', ['remind me to feed the cat at 6']],
    ]),
    outOfScope: ['how do i fix a flat bike tyre', 'what is the tallest mountain'],
  };
  let recorded: Promise<RecordedTurn[]> | undefined;
  // Both acts are rare branches, and any change to another act's share moves them between draws: seed after
  // seed (a bounded few) until each has enough, rather than one seed's luck.
  const enough = (out: RecordedTurn[]) =>
    out.filter((t) => t.act === 'aside-number-question').length >= 3 &&
    out.filter((t) => t.act === 'another').length >= 5;
  const turns = () =>
    (recorded ??= (async () => {
      const out: RecordedTurn[] = [];
      // English only: Chinese turns need the Chinese intent model, which this test does not load.
      for (let seed = 43; seed < 49 && !enough(out); seed++)
        await simulateDialogues({ model, corpus, dialogues: 300, seed, chinese: 0, onTurn: (t) => out.push(t) });
      return out;
    })());
  const PENDING_SLOT = STATE_FEATURES.indexOf('pending_slot');
  const HAS_TASK = STATE_FEATURES.indexOf('has_task');
  const TASK_INTENT = CANDIDATE_FEATURES.indexOf('task_intent');

  it('a question about the clock with a number in it, said while a value is asked, answers nothing', async () => {
    const said = (await turns()).filter((t) => t.act === 'aside-number-question');
    assert.ok(said.length >= 3, `${said.length} questions about the clock`);
    for (const t of said) {
      assert.match(t.text, /\d/, t.text);
      assert.ok((t.features.state[PENDING_SLOT] ?? 0) > 0, t.text);
      assert.equal(t.labelled.command, 'out_of_scope', t.text);
    }
  });

  it("one more of the task's kind asked in full right after it is a new task of that intent", async () => {
    const said = (await turns()).filter((t) => t.act === 'another');
    assert.ok(said.length >= 5, `${said.length} tasks asked again in full`);
    for (const t of said) {
      assert.ok((t.features.state[HAS_TASK] ?? 0) > 0, t.text);
      assert.equal(t.labelled.command, 'start_task', t.text);
      const chosen = t.features.candidates[t.labelled.labels.intent!]!;
      assert.ok((chosen.feats[TASK_INTENT] ?? 0) > 0, `${t.text}: ${chosen.intent} is not the task's intent`);
    }
  });
});

describe('round 13 lexicons', () => {
  it('questions about the clock hold one number and are said in both languages', () => {
    const rng = createRng(9);
    for (const lang of ['en', 'zh'] as const) {
      const said = new Set<string>();
      for (let i = 0; i < 200; i++) {
        const a = aside(rng, lang, { 'number-question': 1 });
        assert.equal(a.kind, 'number-question');
        assert.equal(a.text.match(/\d+/g)?.length, 1, a.text);
        assert.doesNotMatch(a.text, /\{/, a.text);
        said.add(a.text.replace(/\d+/, 'N'));
      }
      assert.ok(said.size >= 8, `${lang}: ${said.size} different questions`);
    }
  });

  it("a reminder's task can be named by the slot's word, and Chinese to-dos and tasks are many", () => {
    const task = INTENT_SCRIPTS['reminder_update']!.answers!['task']!;
    assert.ok(task.en.some((f) => /^(ok )?the task is \{task\}$/.test(f)));
    assert.ok(task.zh.some((f) => /^任务是\{task\}$/.test(f)));
    const rng = createRng(3);
    for (const kind of ['todo', 'task'] as const) {
      const drawn = new Set(Array.from({ length: 400 }, () => VALUES[kind]!(rng, 'zh')));
      assert.ok(drawn.size >= 20, `${kind}: ${drawn.size} Chinese values`);
    }
  });
});
