import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { STATE_FEATURES } from '../../../src/context/dialogue-features.ts';
import { withTail } from '../../../src/context/simulator/asides.ts';
import { createRng } from '../../../src/nlu/training/rng.ts';
import { simulateDialogues, type RecordedTurn } from '../../../src/context/simulator/simulate.ts';
import type { SimCorpus } from '../../../src/context/simulator/user-simulator.ts';
import { loadIntentModel, type IntentModel } from '../../../src/nlu/runtime/intent-model.ts';
import { DEFAULT_MODEL } from '../../../bin/commands/eval-dialogues.ts';

// Round 12 (en-train-10, people at work between tasks): a slot answer or a follow-up on the active task with
// what it is for ("23, it's for a suitcase", "how long on the bread, chef's asking") was read as out of scope
// or as a new task of the remark's words; "say again, the forklift was reversing" as out of scope.
describe('the dialogue simulator, round 12 classes', () => {
  let model: IntentModel;
  before(async () => {
    model = await loadIntentModel(DEFAULT_MODEL);
  });
  after(() => model.dispose());
  const corpus: SimCorpus = {
    requests: new Map([
      ['timer', ['start a countdown for me', 'i need a timer for the pasta']],
      ['calculator', ['what is 6 times 7']],
      ['reminder_update', ['remind me to feed the cat at 6']],
    ]),
    outOfScope: ['how do i fix a flat bike tyre', 'what is the tallest mountain'],
  };
  let recorded: Promise<RecordedTurn[]> | undefined;
  const turns = () =>
    (recorded ??= (async () => {
      const out: RecordedTurn[] = [];
      // English only: Chinese turns need the Chinese intent model, which this test does not load.
      await simulateDialogues({ model, corpus, dialogues: 600, seed: 41, chinese: 0, onTurn: (t) => out.push(t) });
      return out;
    })());
  const PENDING_SLOT = STATE_FEATURES.indexOf('pending_slot');
  const intentOf = (t: RecordedTurn) => t.features.candidates[t.labelled.labels.intent!]?.intent;

  it('a slot answer with what it is for fills the slot asked', async () => {
    const said = (await turns()).filter((t) => t.act === 'answer-situation');
    assert.ok(said.length >= 5, `${said.length} answers with a situation`);
    for (const t of said) {
      assert.ok((t.features.state[PENDING_SLOT] ?? 0) > 0, t.text);
      assert.equal(t.labelled.command, 'fill_slot', t.text);
    }
  });

  it('a follow-up on the active task with what is going on stays a follow-up', async () => {
    const said = (await turns()).filter((t) => t.act === 'follow-up-situation');
    assert.ok(said.length >= 5, `${said.length} follow-ups with a situation`);
    for (const t of said) assert.equal(t.labelled.command, 'follow_up', t.text);
  });

  it('"say that again" with why it was missed asks for the last reply again', async () => {
    const said = (await turns()).filter((t) => t.act === 'repeat-tail');
    assert.ok(said.length >= 2, `${said.length} repeats with why`);
    for (const t of said) {
      assert.equal(t.labelled.command, 'small_talk', t.text);
      assert.equal(intentOf(t), 'repeat', t.text);
    }
  });
});

describe('round 12 lexicons', () => {
  it('say a situation after the act and why a reply was missed around it, with no value, in both languages', () => {
    const rng = createRng(5);
    for (const lang of ['en', 'zh'] as const)
      for (const [act, kind] of [
        [lang === 'en' ? '23 please' : '23公斤', 'situation'],
        [lang === 'en' ? 'say that again' : '再说一遍', 'missed'],
      ] as const) {
        const said = new Set<string>();
        for (let i = 0; i < 80; i++) {
          const text = withTail(rng, lang, act, kind);
          said.add(text);
          if (kind === 'situation') assert.ok(text.startsWith(act) && text.length > act.length + 1, text);
          else assert.ok(text.includes(act) && text.length > act.length + 1, text);
          // Only the act's own number: the tail holds none.
          assert.doesNotMatch(text.replace(act, ''), /\d|\{/, text);
        }
        assert.ok(said.size >= 6, `${lang} ${kind}: ${said.size} kinds`);
      }
  });
});
