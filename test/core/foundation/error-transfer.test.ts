// Errors keep class, code, fields and cause across a structured clone (what comlink's throw handler sends).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deserializeError, serializeError } from '../../../src/engine/error-transfer.ts';
import { ConfidantError, ModelLoadError, StorageError, WrongPassphraseError } from '../../../src/index.ts';

const roundTrip = (e: unknown) => deserializeError(structuredClone(serializeError(e)));

test('a ConfidantError subclass keeps its class, code, fields and cause chain', () => {
  const quota = new DOMException('quota', 'QuotaExceededError');
  const original = new StorageError('The disk is full', { code: 'quota', cause: quota });
  const back = roundTrip(original) as StorageError;
  assert.ok(back instanceof StorageError);
  assert.ok(back instanceof ConfidantError);
  assert.equal(back.code, 'quota');
  assert.equal(back.message, original.message);
  assert.equal(back.name, 'StorageError');
  assert.ok(back.cause instanceof DOMException);
  assert.equal((back.cause as DOMException).name, 'QuotaExceededError');
});

test('class-specific fields survive: ModelLoadError.source, WrongPassphraseError', () => {
  const back = roundTrip(new ModelLoadError('truncated', 'https://example.test/m.onnx')) as ModelLoadError;
  assert.ok(back instanceof ModelLoadError);
  assert.equal(back.source, 'https://example.test/m.onnx');
  assert.equal(back.code, 'model-load');
  assert.ok(roundTrip(new WrongPassphraseError()) instanceof WrongPassphraseError);
});

test('standard errors and thrown non-errors come back as they were', () => {
  assert.ok(roundTrip(new TypeError('bad')) instanceof TypeError);
  assert.ok(roundTrip(new RangeError('bad')) instanceof RangeError);
  const abort = roundTrip(new DOMException('stop', 'AbortError')) as DOMException;
  assert.equal(abort.name, 'AbortError');
  assert.equal(roundTrip('just a string'), 'just a string');
  assert.deepEqual(roundTrip({ a: 1 }), { a: 1 });
});
