import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CORRECTION_FRAMES, SMALL_TALK, STOP_RUNNING } from '../../../src/context/simulator/acts.ts';
import { INTENT_SCRIPTS } from '../../../src/context/simulator/intent-scripts.ts';
import { isCancel, isCorrection, stripCue } from '../../../src/dialogue/cues.ts';
import { parseListRequestZh } from '../../../src/lang/zh/zh-list-parse.ts';

// Round 13 (zh-train-12, internet words, Taiwan/HK typing): a typing slip owned up to ("写错了 是…") was no
// correction to the cues nor to the simulator; thanks wrapped in internet words or emoji, 886 for bye,
// "再来一条" for another fact, "好 先停掉" for a stop and "X不要了" with why were missing from the banks.
describe('the dialogue simulator, round 13 Chinese classes', () => {
  it('a typing slip owned up to opens a correction, and the value after it is what is kept', () => {
    for (const [said, value] of [
      ['打错字了 应该是芒果干', '芒果干'],
      ['不好意思 手滑了，是燕麦奶', '燕麦奶'],
      ['sorry 刚才输错了 是八点半', '八点半'],
      ['寫錯了 是檸檬茶', '檸檬茶'],
    ] as const) {
      assert.ok(isCorrection(said), said);
      assert.equal(stripCue(said), value, said);
    }
    // A slip inside a sentence is no correction of the turn.
    assert.equal(isCorrection('作业写错了好几道'), false);
  });

  it('the simulator says such slips as corrections, each read by the cues with its value', () => {
    const slips = CORRECTION_FRAMES.zh.filter((f) => /[写打敲输]错|手滑/u.test(f));
    assert.ok(slips.length >= 4, `${slips.length} slip frames`);
    for (const f of slips) {
      const said = f.replace('{v}', '椰奶');
      assert.ok(isCorrection(said), said);
      assert.equal(stripCue(said), '椰奶', said);
    }
  });

  it('thanks in internet words or with emoji are thanks, and 886 is a bye', () => {
    const thanks = SMALL_TALK['thank_you']!.zh;
    assert.ok(
      thanks.filter((t) => /谢|感恩/u.test(t) && /[a-z]|\p{Extended_Pictographic}|绝|爱了|牛/u.test(t)).length >= 5,
    );
    assert.ok(SMALL_TALK['goodbye']!.zh.some((t) => /886/u.test(t)));
    const again = INTENT_SCRIPTS['fun_fact']!.again;
    assert.ok(typeof again === 'object' && again.zh.some((t) => /再来一条/u.test(t)));
  });

  it('a stop "for now" after an ack is a stop of the running thing, and no cancel cue', () => {
    const stops = STOP_RUNNING.zh.filter((t) => /先/u.test(t));
    assert.ok(stops.length >= 4, `${stops.length} stops for now`);
    for (const t of stops) assert.equal(isCancel(t.replace('{noun}', '计时器')), false, t);
  });

  it('the item said first, then not wanted, is a removal of that item to the list grammar', () => {
    const related = INTENT_SCRIPTS['shopping_list_update']!.related!.find((r) => r.intent === 'shopping_list_update')!;
    const itemFirst = related.bank.zh.filter((t) => t.startsWith('{item}') && /不要|不买/u.test(t));
    assert.ok(itemFirst.length >= 3);
    for (const t of itemFirst) assert.deepEqual(parseListRequestZh(t.replace('{item}', '榴莲')).remove, ['榴莲'], t);
  });
});
