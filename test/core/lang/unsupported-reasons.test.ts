// The reason an "I can't do that here" reply gives must be about what was asked: an exchange rate is a
// lookup the offline page cannot make, time off and taxes are not bank accounts; card questions still are.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { packFor } from '../../../src/lang/pack.ts';

const reasons = (lang: string, intent: string) => packFor(lang).dialogue.unsupported(intent);

describe('unsupported replies give a reason of the intent domain', () => {
  it('English', () => {
    for (const r of reasons('en', 'exchange_rate')) {
      assert.doesNotMatch(r, /bank|card/i);
      assert.match(r, /offline/);
    }
    for (const intent of ['pto_request', 'taxes', 'payday', 'insurance'])
      for (const r of reasons('en', intent)) assert.doesNotMatch(r, /bank|card accounts/i, `${intent}: ${r}`);
    for (const r of reasons('en', 'report_lost_card')) assert.match(r, /bank or card accounts/);
  });

  it('Chinese', () => {
    for (const r of reasons('zh-CN', 'exchange_rate')) {
      assert.doesNotMatch(r, /银行|信用卡/);
      assert.match(r, /离线/);
    }
    for (const intent of ['pto_request', 'taxes', 'payday', 'insurance'])
      for (const r of reasons('zh-CN', intent)) assert.doesNotMatch(r, /银行|信用卡/, `${intent}: ${r}`);
    for (const r of reasons('zh-CN', 'report_lost_card')) assert.match(r, /银行卡或信用卡账户/);
  });
});
