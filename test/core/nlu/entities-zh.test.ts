import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Nzh from 'nzh';
import { zh as chronoZh } from 'chrono-node';
import { extractEntities } from '../../../src/nlu/entities/index.ts';
import { compileSafeRegex } from '../../../src/nlu/entities/regex-safety.ts';
import {
  hanNumeralValue,
  parseZhNumber,
  zhNumbersToDigits,
  ZH_NUMBER_SOURCE,
} from '../../../src/nlu/entities/zh-numbers.ts';
import { ZH_DATE_PARTS } from '../../../src/nlu/entities/zh-dates.ts';
import { ZH_DURATION_UNIT_SOURCE } from '../../../src/nlu/entities/zh-durations.ts';
import { ZH_CURRENCY_SOURCE } from '../../../src/nlu/entities/zh-quantities.ts';
import type { Entity } from '../../../src/nlu/types.ts';

/** Thursday 26 November 2026, 10:00 in Paris. */
const NOW = new Date('2026-11-26T09:00:00Z');
const ZONE = 'Europe/Paris';
const find = (text: string): Entity[] => extractEntities(text, { now: NOW, timeZone: ZONE });
const only = (text: string): Entity => {
  const all = find(text);
  assert.equal(all.length, 1, `${text}: ${JSON.stringify(all)}`);
  return all[0]!;
};

describe('Chinese numbers', () => {
  it('reads numerals, mixed forms and full-width digits', () => {
    const cases: [string, number][] = [
      ['十五', 15],
      ['两', 2],
      ['一百二十', 120],
      ['一百二', 120],
      ['三千五', 3500],
      ['两万三', 23000],
      ['一百零二', 102],
      ['一千零一', 1001],
      ['二零二六', 2026],
      ['十亿', 1e9],
      ['一亿二千万', 1.2e8],
      ['3千', 3000],
      ['1.5万', 15000],
      ['零点五', 0.5],
      ['三点一四', 3.14],
      ['负三', -3],
      ['１５', 15],
      ['一千二百三十四万五千六百七十八', 12345678],
    ];
    for (const [text, value] of cases) assert.equal(parseZhNumber(text), value, text);
  });

  it('agrees with nzh on the numerals both read (nzh does not know 两 or 一百二)', () => {
    const texts = [
      '十五',
      '一百二十',
      '三千五百',
      '一百零二',
      '十亿',
      '九千九百九十九',
      '一千二百三十四万五千六百七十八',
      '零点五',
      '三点一四',
      '七十万零三',
    ];
    for (const t of texts) assert.equal(parseZhNumber(t), Number(Nzh.cn.decodeS(t)), t);
  });

  it('refuses malformed runs instead of guessing', () => {
    for (const t of ['十十', '万', '三四', '百', '亿万']) assert.equal(hanNumeralValue(t), undefined, t);
  });

  it('finds numbers inside sentences, with 个半, lone 半 and ordinals', () => {
    assert.deepEqual(
      find('买5个苹果和两瓶牛奶').map((e) => [e.kind, e.text, e.value]),
      [
        ['number', '5', 5],
        ['number', '两', 2],
      ],
    );
    assert.deepEqual(only('第三个').value, 3);
    assert.equal(only('第三个').kind, 'ordinal');
    assert.equal(zhNumbersToDigits('设置一个五分钟的计时器'), '设置1个5分钟的计时器');
    assert.equal(zhNumbersToDigits('帮我看一下，一起去'), '帮我看一下，一起去');
    assert.equal(zhNumbersToDigits('七乘以八'), '7乘以8');
  });
});

describe('Chinese durations, percentages and money', () => {
  it('durations', () => {
    const cases: [string, number][] = [
      ['五分钟', 300_000],
      ['5分钟', 300_000],
      ['一个半小时', 5_400_000],
      ['半小时', 1_800_000],
      ['半个小时', 1_800_000],
      ['90秒', 90_000],
      ['两个钟头', 7_200_000],
      ['1小时30分', 5_400_000],
      ['一小时零五分钟', 3_900_000],
      ['三刻钟', 2_700_000],
      ['两天', 172_800_000],
      ['十分鐘', 600_000],
    ];
    for (const [text, ms] of cases) {
      const e = only(text);
      assert.equal(e.kind, 'duration', text);
      assert.equal(e.value, ms, text);
      assert.equal(e.text, text);
    }
  });

  it('percentages and money', () => {
    assert.deepEqual([only('百分之十五').kind, only('百分之十五').value], ['percentage', 15]);
    assert.equal(only('15％').value, 15);
    assert.deepEqual(
      find('80的15%').map((e) => [e.kind, e.value]),
      [
        ['number', 80],
        ['percentage', 15],
      ],
    );
    assert.deepEqual(only('三百块').value, { amount: 300, currency: 'CNY' });
    assert.deepEqual(only('50元').value, { amount: 50, currency: 'CNY' });
    assert.deepEqual(only('3块5').value, { amount: 3.5, currency: 'CNY' });
    assert.deepEqual(only('二十美元').value, { amount: 20, currency: 'USD' });
    assert.deepEqual(only('人民币100').value, { amount: 100, currency: 'CNY' });
  });
});

describe('Chinese dates and times', () => {
  const cases: [string, Entity['kind'], string][] = [
    ['明天早上七点', 'datetime', '2026-11-27T07:00:00+01:00'],
    ['下午三点半', 'time', '2026-11-26T15:30:00+01:00'],
    ['周五', 'date', '2026-11-27'],
    ['下周一', 'date', '2026-11-30'],
    ['后天', 'date', '2026-11-28'],
    ['8点一刻', 'time', '2026-11-26T20:15:00+01:00'],
    ['晚上十点', 'time', '2026-11-26T22:00:00+01:00'],
    ['十分钟后', 'datetime', '2026-11-26T10:10:00+01:00'],
    ['过半小时', 'datetime', '2026-11-26T10:30:00+01:00'],
    ['三天以后', 'date', '2026-11-29'],
    ['今晚九点', 'datetime', '2026-11-26T21:00:00+01:00'],
    ['明天下午', 'datetime', '2026-11-27T15:00:00+01:00'],
    ['12月25日', 'date', '2026-12-25'],
    ['2026年12月1日', 'date', '2026-12-01'],
    ['下个月5号', 'date', '2026-12-05'],
    ['凌晨三点', 'time', '2026-11-27T03:00:00+01:00'],
    ['傍晚六点', 'time', '2026-11-26T18:00:00+01:00'],
    ['中午12点', 'time', '2026-11-26T12:00:00+01:00'],
    ['晚上8:30', 'time', '2026-11-26T20:30:00+01:00'],
    ['下午3点15分', 'time', '2026-11-26T15:15:00+01:00'],
    ['三点过五分', 'time', '2026-11-26T15:05:00+01:00'],
    ['明天三点', 'datetime', '2026-11-27T15:00:00+01:00'],
    ['上周五', 'date', '2026-11-20'],
    ['明天下午三點半', 'datetime', '2026-11-27T15:30:00+01:00'],
  ];
  for (const [text, kind, value] of cases)
    it(text, () => {
      const e = only(text);
      assert.deepEqual([e.kind, e.value, e.text], [kind, value, text]);
    });

  it('finds the time inside a request and leaves the rest', () => {
    const [when] = find('提醒我明天早上7点开会');
    assert.equal(when?.text, '明天早上7点');
  });

  it('reads 三点五公里 as a number, not 3:05', () => {
    assert.deepEqual(
      find('三点五公里').map((e) => [e.kind, e.value]),
      [['number', 3.5]],
    );
  });

  it('agrees with chrono-node zh on the forms chrono reads right', () => {
    const ref = { instant: NOW, timezone: 60 };
    for (const text of [
      '明天早上七点',
      '下午三点半',
      '晚上十点',
      '今晚九点',
      '明早8点',
      '下午3点15分',
      '周五下午两点',
    ]) {
      const theirs = chronoZh.hans.casual.parseDate(text, ref, { forwardDate: true });
      const ours = only(text).value as string;
      assert.equal(new Date(ours).getTime(), theirs?.getTime(), text);
    }
    for (const text of ['后天', '下周一', '2026年12月1日', '12月1号', '大后天']) {
      const theirs = chronoZh.hans.casual.parseDate(text, ref, { forwardDate: true })!;
      assert.equal(only(text).value, theirs.toISOString().slice(0, 10), text);
    }
  });
});

describe('Chinese grammars on bad input', () => {
  it('pass the regex-safety check (linear-time patterns)', () => {
    for (const source of [ZH_NUMBER_SOURCE, ...ZH_DATE_PARTS, ZH_DURATION_UNIT_SOURCE, ZH_CURRENCY_SOURCE])
      assert.doesNotThrow(() => compileSafeRegex(source, 'u'), source);
  });

  it('stay finite and bounded on huge numbers', () => {
    for (const text of [
      '九'.repeat(5000),
      '一亿亿亿亿亿亿亿亿亿亿亿亿',
      '9'.repeat(400) + '万',
      '十'.repeat(3000) + '分钟',
    ]) {
      for (const e of find(text))
        if (typeof e.value === 'number') assert.ok(Number.isFinite(e.value), text.slice(0, 20));
    }
  });

  it('read mixed scripts, full-width digits and traditional characters, offsets into the original', () => {
    const text = '帮我set个timer，１５分鐘後提醒我喝水';
    for (const e of find(text)) assert.equal(text.slice(e.start, e.end), e.text);
    const when = find(text).find((e) => e.kind === 'datetime');
    assert.equal(when?.text, '１５分鐘後');
    assert.equal(when?.value, '2026-11-26T10:15:00+01:00');
  });

  it('never throw on lone surrogates or a megabyte of text, and answer quickly', () => {
    assert.doesNotThrow(() => find('\uD800明天\uDC00三点\uD800'));
    const big = '明天早上七点提醒我开会，'.repeat(100_000);
    const started = performance.now();
    const found = find(big);
    assert.ok(performance.now() - started < 2000);
    assert.ok(found.length > 0 && found.every((e) => e.end <= 4096));
  });
});
