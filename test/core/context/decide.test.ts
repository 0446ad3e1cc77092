import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideAction } from '../../../src/context/decide.ts';
import { CANDIDATE_FEATURES, dialogueFeatures } from '../../../src/context/dialogue-features.ts';
import { emptyState } from '../../../src/dialogue/state.ts';
import type { DialogueState } from '../../../src/dialogue/types.ts';
import { withSlotEntities } from '../../../src/nlu/tagger/slot-entities.ts';
import { NOW, nluOf } from '../dialogue/harness.ts';
import { asking, featuresOf, finished, outputs, skills } from './decide-fixtures.ts';

const SLOTS_FOUND = CANDIDATE_FEATURES.indexOf('slots_found');

const pendingTimer = () => asking('timer', 'builtin.timer', 'duration', 'For how long?');
const pendingAlarm = () => asking('alarm', 'builtin.alarm', 'time', 'For what time?');

describe('decideAction', () => {
  it('guard: a request of another skill is no answer the slot asked refuses, whatever the model says', () => {
    const calc = () => asking('calculator', 'builtin.calculator', 'expression', 'What should I calculate?');
    for (const [said, intent] of [
      ['also put pears on the shopping list', 'shopping_list_update'],
      ['and add water the plants to my to do list', 'todo_list_update'],
    ] as const) {
      const f = featuresOf(said, calc(), intent);
      const d = decideAction(calc(), f, outputs({ fill_slot: 0.95, start_task: 0.05 }, { calculator: 1 }, f, 0));
      assert.equal(d.action.type, 'new-intent', said);
      assert.equal((d.action as { intent: string }).intent, intent, said);
    }
    // A list add the intent model is unsure of, of a list not used or named in the conversation: the model decides.
    const wordy = featuresOf('just put 12 on it', pendingTimer(), 'todo_list_update');
    assert.notEqual(
      decideAction(pendingTimer(), wordy, outputs({ fill_slot: 0.95 }, { timer: 1 }, wordy, 0)).action.type,
      'new-intent',
    );
    // A sum is the answer, whatever the intent model reads; so is a length for "For how long?".
    const sum = featuresOf('12 times 7', calc(), 'calculator');
    assert.equal(
      decideAction(calc(), sum, outputs({ fill_slot: 0.95 }, { calculator: 1 }, sum, 0)).action.type,
      'fill-slot',
    );
    const length = featuresOf('add 5 minutes', pendingTimer(), 'shopping_list_update');
    const d = decideAction(pendingTimer(), length, outputs({ fill_slot: 0.95 }, { timer: 1 }, length, 0));
    assert.equal(d.action.type, 'fill-slot');
  });

  it('guard: "no, keep it" right after a stop corrects the timer or alarm task, whatever the model says', () => {
    const after = (text: string, intent = 'timer') => {
      const state = finished(intent, `builtin.${intent}`, {}, text);
      state.turn = 2; // the policy sees the state with this turn counted
      return state;
    };
    for (const [said, state] of [
      ['no, keep it', after('cancel the timer')],
      ["wait don't cancel it", after('stop my alarm', 'alarm')],
      ['别取消', after('取消计时器')],
    ] as const) {
      const f = featuresOf(said, state, 'cancel');
      const d = decideAction(state, f, outputs({ cancel: 0.9, deny: 0.1 }, { timer: 1 }, f, 0));
      assert.equal(d.action.type, 'correction', said);
    }
    // Keep words about another one or another thing: the model decides.
    for (const said of ['leave the other one running', "ok, don't remove my reminders", '别的都留着']) {
      const state = after('cancel the timer');
      const f = featuresOf(said, state, 'cancel');
      assert.equal(decideAction(state, f, outputs({ cancel: 0.9 }, { timer: 1 }, f, 0)).action.type, 'cancel', said);
    }
    // After a set, or with a turn between, the model decides.
    const set = after('set a timer for 5 minutes');
    const f = featuresOf('no, keep it', set, 'cancel');
    assert.equal(decideAction(set, f, outputs({ cancel: 0.9 }, { timer: 1 }, f, 0)).action.type, 'cancel');
    const later = after('cancel the timer');
    later.turn = 3;
    const g = featuresOf('no, keep it', later, 'cancel');
    assert.equal(decideAction(later, g, outputs({ cancel: 0.9 }, { timer: 1 }, g, 0)).action.type, 'cancel');
  });

  it('guard: a turn that only asks to hear the last reply again never runs a skill anew, whatever the model says', () => {
    const state = finished('tell_joke', 'builtin.meta', {}, 'tell me a joke');
    for (const said of [
      'can you say that again please',
      'sorry what did you just say',
      'come again?',
      '麻烦再说一遍',
      '你刚才说啥',
    ]) {
      const f = featuresOf(said, state, 'repeat');
      // A model that reads it as another joke (a round-12 retrain did, for "say that again").
      const d = decideAction(
        state,
        f,
        outputs({ small_talk: 0.9, start_task: 0.1 }, { tell_joke: 0.95, repeat: 0.05 }, f, 0),
      );
      assert.equal(d.action.type, 'new-intent', said);
      assert.equal((d.action as { intent: string }).intent, 'repeat', said);
    }
    // "again" alone is the same done again, and a request with more in it is the model's to read.
    for (const [said, heard] of [
      ['again', 'tell_joke'],
      ['say that again but funnier', 'repeat'],
    ] as const) {
      const f = featuresOf(said, state, heard);
      const d = decideAction(
        state,
        f,
        outputs({ small_talk: 0.9, start_task: 0.1 }, { tell_joke: 0.95, repeat: 0.05 }, f, 0),
      );
      assert.equal((d.action as { intent: string }).intent, 'tell_joke', said);
    }
  });

  it('acts on the command and intent the model prefers', () => {
    const state = emptyState();
    const f = featuresOf('set a timer for 5 minutes', state, 'timer');
    const d = decideAction(state, f, outputs({ start_task: 0.9, small_talk: 0.1 }, { timer: 0.8, alarm: 0.2 }, f));
    assert.deepEqual(d.action, {
      type: 'new-intent',
      intent: 'timer',
      skillId: 'builtin.timer',
      confidence: 0.9 * 0.8,
    });
    assert.equal(d.command, 'start_task');
    assert.equal(d.intents[0]!.intent, 'timer');
  });

  it('starts a request for the finished task skill when the model reads a switch, not out of scope', () => {
    // The timer just ran; a second timer is a new request of the same skill. The switch head says
    // the turn leaves the task, which must not count against starting the same skill again.
    const state = finished('timer', 'builtin.timer', { duration: 180 }, 'set a timer for 3 minutes');
    const f = featuresOf('and another timer for 8 minutes', state, 'timer');
    const d = decideAction(state, f, outputs({ start_task: 0.9, out_of_scope: 0.1 }, { timer: 1 }, f, 0.99));
    assert.equal(d.command, 'start_task');
    assert.equal(d.action.type, 'new-intent');
    assert.equal((d.action as { intent: string }).intent, 'timer');
  });

  it('says unsupported for an intent no skill answers', () => {
    const state = emptyState();
    const f = featuresOf('book a flight to rome', state, 'book_flight');
    const d = decideAction(state, f, outputs({ start_task: 1 }, { book_flight: 0.9 }, f));
    assert.equal(d.action.type, 'unsupported');
    assert.equal((d.action as { intent: string }).intent, 'book_flight');
  });

  it('never takes a command the state cannot carry out: the next most likely one is taken', () => {
    const state = emptyState();
    const f = featuresOf('yes', state, 'yes');
    // A yes without a confirmation to answer, a fill without a question: not possible here.
    const d = decideAction(state, f, outputs({ confirm: 0.6, fill_slot: 0.3, small_talk: 0.1 }, { yes: 1 }, f));
    assert.equal(d.command, 'small_talk');
    assert.equal(d.action.type, 'new-intent');
  });

  it('fills the question asked, unless the model is sure the answer fits another slot', () => {
    const state = emptyState();
    state.turn = 1;
    state.task = { intent: 'reminder_update', skillId: 'builtin.reminders', text: '…', slots: {}, turn: 1, at: 0 };
    state.pending = { type: 'slot', slot: 'task', question: 'What should I remind you about?', asks: 1 };
    const f = featuresOf('at 5pm', state);
    const unsure = decideAction(state, f, outputs({ fill_slot: 1 }, {}, f, 0.1, { task: 0.4, when: 0.45 }));
    assert.deepEqual(unsure.action, { type: 'fill-slot', intent: 'reminder_update', slot: 'task', confidence: 1 });
    const sure = decideAction(state, f, outputs({ fill_slot: 1 }, {}, f, 0.1, { task: 0.1, when: 0.9 }));
    assert.equal((sure.action as { slot: string }).slot, 'when');
  });

  it('weighs carrying the task on against leaving it with the switch head', () => {
    const state = pendingTimer();
    // A turn with a length in it, which the intent model reads as a sum: either reading is possible.
    const f = featuresOf('what is 8 minutes times 3', state, 'calculator');
    const commands = { fill_slot: 0.5, start_task: 0.5 };
    const stay = decideAction(state, f, outputs(commands, { calculator: 1 }, f, 0.1));
    const leave = decideAction(state, f, outputs(commands, { calculator: 1 }, f, 0.9));
    assert.equal(stay.action.type, 'fill-slot');
    assert.deepEqual(leave.action, {
      type: 'new-intent',
      intent: 'calculator',
      skillId: 'builtin.calculator',
      confidence: 0.5,
    });
  });

  it('treats a request to the same skill as carrying the task ("how much time is left?")', () => {
    const state = pendingTimer();
    delete state.pending;
    const f = featuresOf('how much time is left', state, 'pto_balance');
    const d = decideAction(state, f, outputs({ start_task: 0.55, out_of_scope: 0.45 }, { timer: 1 }, f, 0.1));
    assert.equal(d.action.type, 'new-intent');
    assert.equal((d.action as { intent: string }).intent, 'timer');
  });
  it('reads keyboard mash after a list turn as out of scope: the conversation alone is no evidence', () => {
    const state = finished(
      'shopping_list_update',
      'builtin.shopping-list',
      { add: ['milk'] },
      'add milk to my shopping list',
    );
    // The model's slip: a start of the list (and a follow-up next) on words nothing else speaks for.
    const model = { start_task: 0.9, follow_up: 0.06, out_of_scope: 0.04 };
    const mash = featuresOf('fjdksl qpwoe', state);
    assert.equal(mash.candidates.find((c) => c.intent === 'shopping_list_update')!.evidence, false);
    const d = decideAction(state, mash, outputs(model, { shopping_list_update: 1 }, mash, 0.1));
    assert.equal(d.action.type, 'out-of-scope');
    // The same start is taken when the turn gives something: function words about the list, or the intent model.
    const about = featuresOf("what's on it now?", state);
    assert.equal(about.candidates.find((c) => c.intent === 'shopping_list')!.evidence, true);
    const read = decideAction(state, about, outputs(model, { shopping_list: 1 }, about, 0.1));
    assert.equal((read.action as { intent: string }).intent, 'shopping_list');
  });
  it('never redoes a finished task on a turn that gives it nothing: "啊啊啊" after a timer is no second timer', () => {
    const state = finished('timer', 'builtin.timer', { duration: 300_000 }, '定个五分钟的计时器');
    // The model's slip: a follow-up (or a correction) of the timer on a turn with no value, cue or reading for it.
    const model = { follow_up: 0.7, correct_slot: 0.2, out_of_scope: 0.1 };
    for (const text of ['啊啊啊啊', 'lol']) {
      const f = featuresOf(text, state);
      const d = decideAction(state, f, outputs(model, { timer: 1 }, f, 0.1, { duration: 1 }));
      assert.equal(d.action.type, 'out-of-scope', text);
    }
    // A value, a follow-up opener or the intent model's reading is something to redo it with.
    for (const [text, intent] of [
      ['make it 10 minutes', null],
      ['and another for 3 minutes?', null],
      ['the timer', 'timer'],
    ] as const) {
      const f = featuresOf(text, state, intent);
      const d = decideAction(state, f, outputs(model, { timer: 1 }, f, 0.1, { duration: 1 }));
      assert.equal(d.action.type, 'follow-up', text);
    }
  });

  it('fills a pending free-text slot with a bare answer the intent model reads as another intent', () => {
    const reminder = () => asking('reminder_update', 'builtin.reminders', 'task', 'What should I remind you about?');
    const name = () => asking('change_user_name', 'builtin.user-name', 'name', 'What should I call you?');
    // The model would start make_call / what_is_your_name, or take "Marguerite" for a yes.
    for (const [text, intent, state] of [
      ['call mom', 'make_call', reminder()],
      ['book the car in for an mot', 'book_hotel', reminder()],
      ['Bob', 'make_call', name()],
      ['Marguerite', 'yes', name()],
      // The same in Chinese: "小王" reads as income, "去医院复诊" as a meeting.
      ['小王', 'income', name()],
      ['去医院复诊', 'schedule_meeting', reminder()],
    ] as const) {
      const f = featuresOf(text, state, intent);
      const d = decideAction(state, f, outputs({ start_task: 0.9, small_talk: 0.1 }, { [intent]: 1 }, f, 0.9));
      assert.equal(d.action.type, 'fill-slot', text);
    }
    // A question, a reaction, a feeling, a cancel, another skill's complete request: the model decides.
    for (const [text, intent] of [
      ['whats 17 times 3', 'calculator'],
      ['thanks', 'thank_you'],
      ['ugh im so tired', 'greeting'],
      ['never mind', 'cancel'],
      ['set a timer for 5 minutes', 'timer'],
      ['我叫小王', 'change_user_name'],
      // Chinese requests name no value to be complete: any other skill in the three best keeps the turn.
      ['讲个笑话', 'tell_joke'],
      ['现在几点', 'time'],
      ['哈哈哈', 'greeting'],
      ['算了', 'cancel'],
    ] as const) {
      const state = reminder();
      const f = featuresOf(text, state, intent);
      const d = decideAction(state, f, outputs({ start_task: 0.9, out_of_scope: 0.1 }, { [intent]: 1 }, f, 0.9));
      assert.notEqual(d.action.type, 'fill-slot', text);
    }
  });

  it("fills a free-text question with an answer in which only the slot tagger reads another skill's value", () => {
    const reminder = () => asking('reminder_update', 'builtin.reminders', 'task', 'What should I remind you about?');
    /** The turn's features with the tagger's span for a name, and a model that starts the name change. */
    const decide = (text: string, span: string) => {
      const state = reminder();
      const start = text.indexOf(span);
      const nlu = withSlotEntities(nluOf(text, 'change_user_name'), [
        { entity: 'name', text: span, start, end: start + span.length, confidence: 0.9 },
      ]);
      const f = dialogueFeatures({ nlu, state, skills, text, now: NOW });
      const name = f.candidates.find((c) => c.intent === 'change_user_name')!;
      const model = outputs({ start_task: 0.9, fill_slot: 0.1 }, { change_user_name: 1 }, f, 0.9);
      return { name, action: decideAction(state, f, model).action };
    };
    // The tagger's span is a guess: the name skill's own extractor reads no request to be called so.
    for (const [text, span] of [
      ['ring chen wei', 'wei'],
      ['visit grandma mei lin', 'mei lin'],
    ] as const) {
      const { name, action } = decide(text, span);
      assert.ok((name.feats[SLOTS_FOUND] ?? 0) > 0 && !name.ruleSlots, text);
      assert.equal(action.type, 'fill-slot', text);
    }
    // Read by the name skill's own grammar, it is the request to be called so.
    const { name, action } = decide('call me Sam', 'Sam');
    assert.ok(name.ruleSlots);
    assert.deepEqual(action.type, 'new-intent');
  });

  it('fills a pending time or length question with a bare answer of time words the intent model reads as a sum', () => {
    for (const [text, state] of [
      ['quarter to 7', pendingAlarm()],
      ['7', pendingAlarm()],
      ['630 pls', pendingAlarm()],
      ['half 8', pendingAlarm()],
      ['an hour n a half', pendingTimer()],
      ['90 secs', pendingTimer()],
    ] as const) {
      const f = featuresOf(text, state, 'calculator');
      const d = decideAction(state, f, outputs({ start_task: 0.9, out_of_scope: 0.1 }, { calculator: 1 }, f, 0.9));
      assert.equal(d.action.type, 'fill-slot', text);
    }
    // Words of their own around the time ("good morning btw", "one sec my mom is calling"): the model decides.
    for (const [text, intent] of [
      ['good morning btw', 'greeting'],
      ['one sec my mom is calling', 'make_call'],
      ['whats 7 times 8', 'calculator'],
    ] as const) {
      const state = pendingAlarm();
      const f = featuresOf(text, state, intent);
      const d = decideAction(state, f, outputs({ start_task: 0.9, out_of_scope: 0.1 }, { [intent]: 1 }, f, 0.9));
      assert.notEqual(d.action.type, 'fill-slot', text);
    }
  });

  it("starts no skill's task on a remark that reuses its words without asking for anything", () => {
    for (const [text, intent] of [
      ['my timer app crashed', 'timer'],
      ['my calculator is broken lol', 'calculator'],
      ['who invented the alarm clock', 'alarm'],
      ['i hate making lists', 'shopping_list_update'],
      ['My kitchen timer has stopped ticking, do you know how I can repair it?', 'timer'],
    ] as const) {
      const state = emptyState();
      const f = featuresOf(text, state, intent);
      const d = decideAction(state, f, outputs({ start_task: 0.95, out_of_scope: 0.05 }, { [intent]: 1 }, f));
      assert.equal(d.action.type, 'out-of-scope', text);
    }
    // A request with the same words, or a remark that names a value for the skill: the model decides.
    for (const [text, intent] of [
      ['my timer app crashed, can you set one for 20 minutes', 'timer'],
      ['set an alarm, mine is broken', 'alarm'],
      ['my name is Bob', 'change_user_name'],
      ['the timer keeps going, 10 minutes', 'timer'],
    ] as const) {
      const state = emptyState();
      const f = featuresOf(text, state, intent);
      const d = decideAction(state, f, outputs({ start_task: 0.95, out_of_scope: 0.05 }, { [intent]: 1 }, f));
      assert.equal(d.action.type, 'new-intent', text);
    }
  });

  it('corrects a finished task when the turn takes its value back and names a new one, whatever the model says', () => {
    const alarm = () => finished('alarm', 'builtin.alarm', { time: '2026-11-27T06:00:00+01:00' }, 'alarm for 6am tmrw');
    for (const text of ['ugh no 6:30 i mean', 'no 7:20 i need the extra sleep', 'oops make it 6:45']) {
      const state = alarm();
      const f = featuresOf(text, state, 'alarm');
      const d = decideAction(state, f, outputs({ out_of_scope: 0.7, correct_slot: 0.3 }, { alarm: 1 }, f, 0.9));
      assert.equal(d.action.type, 'correction', text);
    }
    // No take-back word, or no new value: out of scope stays.
    for (const text of ['6:30 is when my train leaves', 'ugh no i hate mornings']) {
      const state = alarm();
      const f = featuresOf(text, state, 'alarm');
      const d = decideAction(state, f, outputs({ out_of_scope: 0.7, correct_slot: 0.3 }, { alarm: 1 }, f, 0.9));
      assert.equal(d.action.type, 'out-of-scope', text);
    }
  });
  // Round 6's retrain took "i just burned my toast" for the answer to "For how long?": a typed slot (a
  // length, a time, a number) is answered by a value of its kind, whatever the model says.
  it('fills a length, time or number question with no first-person statement that holds no value of its kind', () => {
    const fill = { fill_slot: 0.5, out_of_scope: 0.4, start_task: 0.1 };
    for (const [text, state] of [
      ['ugh i just spilled the milk', pendingTimer()],
      ['i can hear my neighbour drilling again', pendingTimer()],
      ['我刚把牛奶洒了', pendingTimer()],
      ['my cat is sitting on the keyboard', pendingAlarm()],
      ['我家楼下又在装修', pendingAlarm()],
    ] as const) {
      const f = featuresOf(text, state, 'timer');
      const d = decideAction(state, f, outputs(fill, { timer: 1 }, f, 0.5));
      assert.equal(d.action.type, 'out-of-scope', text);
    }
    // A value of the kind asked, or not knowing (asked again): the question is answered.
    for (const [text, state] of [
      ['ugh i just spilled the milk, make it 10 minutes', pendingTimer()],
      ['i have no idea lol', pendingTimer()],
      ['十分钟吧', pendingTimer()],
      ['idk', pendingTimer()],
      ['dunno, however long rice needs', pendingTimer()],
      ['不知道', pendingTimer()],
      // No first-person statement: an answer that failed (asked again), as the dialogue sets expect.
      ['elephant', pendingTimer()],
      ['whenever lol', pendingTimer()],
      ['老样子', pendingTimer()],
      ['tomorrow at 7 i guess', pendingAlarm()],
      ['早上七点', pendingAlarm()],
    ] as const) {
      const f = featuresOf(text, state, 'timer');
      const d = decideAction(state, f, outputs(fill, { timer: 1 }, f, 0.5));
      assert.equal(d.action.type, 'fill-slot', text);
    }
    // A free-text question takes any words (the slot's extractor judges them).
    const remind = asking('reminder_update', 'builtin.reminders', 'task', 'What should I remind you about?');
    const f = featuresOf('the milk boiled over', remind, null);
    assert.equal(decideAction(remind, f, outputs(fill, {}, f, 0.5)).action.type, 'fill-slot');
  });
});

describe('decideAction: a conversion said in full (round 13 guard)', () => {
  /** Features of a turn the intent model reads as `top` first and the conversion second. */
  const heard = (text: string, state: DialogueState, top: string) => {
    const nlu = nluOf(text, top, 0.6);
    nlu.intents = [
      { intent: top, score: 0.6 },
      { intent: 'measurement_conversion', score: 0.3 },
    ];
    return dialogueFeatures({ nlu, state, skills, text, now: NOW });
  };
  const intentOf = (d: ReturnType<typeof decideAction>) => (d.action as { intent?: string }).intent;

  it('with nothing open, the units that convert are a conversion whatever the talk after them names', () => {
    const state = emptyState();
    for (const [said, top] of [
      ['200 f to c, my oven is from the us', 'recipe'],
      ['90 km/h in mph for the hire van', 'car_rental'],
    ]) {
      const f = heard(said!, state, top!);
      const d = decideAction(state, f, outputs({ start_task: 0.9 }, { [top!]: 0.9 }, f));
      assert.equal(intentOf(d), 'measurement_conversion', said);
    }
  });

  it('two units of different dimensions are no conversion: the model decides', () => {
    const state = emptyState();
    for (const said of ['200 m in seconds was my relay leg', '5 kg in weeks is the plan']) {
      const f = heard(said, state, 'fitness');
      const d = decideAction(state, f, outputs({ small_talk: 0.9 }, {}, f));
      assert.notEqual(intentOf(d), 'measurement_conversion', said);
    }
  });

  it('stays off while a question is open', () => {
    const state = pendingTimer();
    const f = heard('10 minutes in seconds', state, 'timer');
    const d = decideAction(state, f, outputs({ fill_slot: 0.9 }, {}, f, 0.1, { duration: 0.9 }));
    assert.equal(d.action.type, 'fill-slot');
  });

  it('stays off while a conversion goes on: the model reads the follow-up', () => {
    const state = finished(
      'measurement_conversion',
      'builtin.conversion',
      { amount: 5, from: 'kilometer', to: 'mile' },
      '5 km in miles',
    );
    const f = heard('and 10 kg to lbs for the luggage', state, 'measurement_conversion');
    const d = decideAction(state, f, outputs({ follow_up: 0.9 }, {}, f, 0.1, { amount: 0.9, from: 0.9, to: 0.9 }));
    assert.equal(d.action.type, 'follow-up');
  });
});
