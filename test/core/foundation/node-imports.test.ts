// The core runs in plain Node: its public entry imports with no DOM globals (after Lit's node-imports test).
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('the public core entry imports in Node with no DOM globals', async () => {
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
  const core = await import('../../../src/index.ts');
  assert.equal(typeof core.createAssistant, 'function');
  assert.equal(typeof core.ConfidantError, 'function');
  assert.equal(
    typeof (globalThis as { document?: unknown }).document,
    'undefined',
    'importing the core defined no document',
  );
});

test('createAssistant rejects malformed options synchronously with TypeError / RangeError', async () => {
  const { createAssistant } = await import('../../../src/index.ts');
  assert.throws(() => createAssistant(null as never), TypeError);
  assert.throws(() => createAssistant({ storage: 'disk' as never }), RangeError);
  assert.throws(() => createAssistant({ encryption: { mode: 'rot13' } as never }), RangeError);
  assert.throws(() => createAssistant({ model: 42 as never }), TypeError);
  assert.throws(() => createAssistant({ timeZone: 'Mars/Olympus' }), RangeError);
  assert.throws(() => createAssistant({ worker: true }), TypeError, 'Node has no Worker: worker: true is refused');
});
