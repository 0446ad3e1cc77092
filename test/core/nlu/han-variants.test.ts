import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as OpenCC from 'opencc-js';
import { foldHanVariants } from '../../../src/nlu/runtime/han-variants.ts';
import { HAN_VARIANT_PAIRS } from '../../../src/nlu/runtime/han-variants-table.ts';

// The pinned table against the library it was derived from (STYLE.md: hand-written parts get a
// differential test against a well-kept library).
const twToCn = OpenCC.Converter({ from: 'tw', to: 'cn' });
const hkToCn = OpenCC.Converter({ from: 'hk', to: 'cn' });

const TRADITIONAL = [
  '現在幾點了',
  '設定一個五分鐘的計時器',
  '幫我訂一張去北京的機票',
  '明天天氣怎麼樣',
  '請提醒我下午三點開會',
  '我的銀行帳戶餘額是多少',
  '把香蕉加到購物清單裡',
  '這首歌叫什麼名字',
  '給我講個笑話吧',
  '你們公司是誰開的',
  '這個單詞怎麼拼寫',
  '將華氏溫度轉換成攝氏',
];

test('each pair folds as opencc-js converts that character from Taiwan or Hong Kong forms to simplified', () => {
  const points = Array.from(HAN_VARIANT_PAIRS);
  assert.equal(points.length % 2, 0);
  assert.ok(points.length / 2 > 3000, `${points.length / 2} pairs`);
  let disagree = 0;
  for (let i = 0; i < points.length; i += 2) {
    const [t, s] = [points[i]!, points[i + 1]!];
    if (twToCn(t) !== s && hkToCn(t) !== s) disagree++;
  }
  // Character-level conversion is all the table holds; opencc-js agrees on each pair.
  assert.equal(disagree, 0);
});

test('traditional sentences fold to what opencc-js gives, character for character', () => {
  for (const text of TRADITIONAL) assert.equal(foldHanVariants(text), twToCn(text), text);
});

test('simplified text, Latin text and other scripts are left as they are', () => {
  for (const text of TRADITIONAL.map((t) => twToCn(t))) assert.equal(foldHanVariants(text), text);
  assert.equal(foldHanVariants('什么时候 set a timer'), '什么时候 set a timer');
  assert.equal(foldHanVariants('hello 👋'), 'hello 👋');
  assert.equal(foldHanVariants(''), '');
  assert.equal(foldHanVariants('x\uD800y'), 'x\uD800y');
});

test('keepLength folds in place, so offsets found on the folded text are offsets into the original', () => {
  for (const text of TRADITIONAL) {
    const folded = foldHanVariants(text, { keepLength: true });
    assert.equal(folded.length, text.length, text);
    assert.equal(folded, twToCn(text), text);
  }
  // A BMP character whose simplified form is astral (U+35F2 → U+20D7E) is kept under keepLength.
  assert.equal(foldHanVariants('\u35f2', { keepLength: true }), '\u35f2');
  assert.equal(foldHanVariants('\u35f2'), '\u{20d7e}');
});
