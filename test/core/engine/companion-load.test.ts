// A starting engine holds its small models' sessions until the intent model's download is under way
// (src/engine/local-engine.ts): `loadEngineCompanion`'s `before` is that hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngineCompanion } from '../../../src/engine/model-loader.ts';

test('a companion model is made from its bytes only once `before` settles', async () => {
  let release!: () => void;
  const before = new Promise<void>((resolve) => (release = resolve));
  const made: number[] = [];
  const loading = loadEngineCompanion(
    Uint8Array.of(1, 2, 3),
    {},
    undefined,
    async (bytes) => {
      made.push(bytes.length);
      return bytes.length;
    },
    { before },
  );
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(made, [], 'held');
  release();
  assert.equal(await loading, 3);
  assert.deepEqual(made, [3]);
});
