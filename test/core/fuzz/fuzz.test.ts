// The fuzz targets (test/fuzz/targets.ts), seeded and short, as part of `npm test`; `npm run fuzz`
// runs them for >= 100,000 inputs from a random seed. Plus a few whole backup imports of damaged
// files (each derives a key with PBKDF2, so they are few): typed errors only, the store unchanged.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { disposeTurnAssistant, fuzzTargets, IMPORT_ERRORS, runTarget } from '../../fuzz/targets.ts';
import { openTestStore } from '../../fixtures/store/fake-idb.ts';
import { rawDump } from '../../fixtures/store/raw-idb.ts';

const SEED = 16;

after(disposeTurnAssistant);

for (const target of fuzzTargets) {
  test(`fuzz: ${target.name}`, async () => {
    const report = await runTarget(target, { runs: target.weight * 120, seed: SEED, timeLimitMs: 20_000 });
    assert.equal(report.failures, 0, `${report.error}\ncounterexample: ${report.counterexample}`);
    assert.ok(report.runs > 0);
  });
}

test('fuzz: whole backup imports of damaged files change nothing and throw typed errors', async () => {
  const { store: source } = await openTestStore();
  const c = await source.createConversation('kept');
  await source.addMessage({ conversationId: c.id, role: 'user', text: 'hello' });
  const file = await source.exportBackup('backup pass');
  const { store, idb } = await openTestStore();
  const before = await rawDump(idb, 'test');
  const damaged = fc.sample(
    fc.oneof(
      fc.record({ at: fc.nat({ max: file.length - 1 }), bit: fc.nat({ max: 7 }) }).map(({ at, bit }) => {
        const copy = file.slice();
        copy[at] = (copy[at] ?? 0) ^ (1 << bit);
        return copy;
      }),
      fc.nat({ max: file.length - 1 }).map((n) => file.slice(0, n)),
      fc.uint8Array({ maxLength: 300 }),
    ),
    { numRuns: 8, seed: SEED },
  );
  for (const bytes of damaged) {
    await assert.rejects(store.importBackup(bytes, 'backup pass'), (e: unknown) => {
      assert.ok(
        IMPORT_ERRORS.some((Class) => e instanceof Class),
        `${(e as Error).name}: ${(e as Error).message}`,
      );
      return true;
    });
  }
  assert.deepEqual(await rawDump(idb, 'test'), before, 'nothing was written');
  await source.close();
  await store.close();
});
