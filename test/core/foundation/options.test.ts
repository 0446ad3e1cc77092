// createAssistant's options are checked before anything starts: a typo names the closest valid option,
// and "did you mean" lists the nearest names (typos first, then names sharing a word).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAssistant } from '../../../src/index.ts';
import { closestNames, didYouMean } from '../../../src/closest-names.ts';

describe('createAssistant options', () => {
  test('an unknown option throws a TypeError naming the closest valid one, synchronously', () => {
    assert.throws(
      () => createAssistant({ storag: 'memory' } as never),
      (error: unknown) =>
        error instanceof TypeError && /unknown option "storag"; did you mean "storage"\?/.test(error.message),
    );
    assert.throws(() => createAssistant({ wasmURL: '/x.wasm', worker: false } as never), /did you mean "wasmUrl"/);
    assert.throws(() => createAssistant({ zzzzzzzzzzzz: 1 } as never), /unknown option "zzzzzzzzzzzz"$/);
  });

  test('assetsBase must be a non-empty string', () => {
    assert.throws(() => createAssistant({ assetsBase: '' }), TypeError);
    assert.throws(() => createAssistant({ assetsBase: 42 as never }), TypeError);
  });
});

describe('closestNames', () => {
  test('typos come first, then names sharing a word', () => {
    const intents = ['order_status', 'book_hotel', 'book_flight', 'weather', 'tell_joke', 'time', 'timer'];
    assert.deepEqual(closestNames('order.status', intents), ['order_status']);
    assert.deepEqual(closestNames('book_table', intents), ['book_flight', 'book_hotel']);
    assert.deepEqual(closestNames('weather.current', intents), ['weather']);
    assert.deepEqual(closestNames('timr', intents).slice(0, 2), ['time', 'timer']);
    assert.equal(didYouMean('qqqqqqqq', intents), '');
  });
});

describe('the memory fallback', () => {
  test('warns once per realm, however many assistants start without IndexedDB', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      for (let i = 0; i < 2; i++) {
        const assistant = await createAssistant({ worker: false });
        await assistant.dispose();
      }
    } finally {
      console.warn = original;
    }
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0] as string, /IndexedDB is unavailable here: history is kept in memory/);
  });
});
