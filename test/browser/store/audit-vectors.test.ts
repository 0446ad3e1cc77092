// The audit log's tamper vectors (test/fixtures/store/audit-vectors.ts) in Chromium's IndexedDB.
import { expect } from '@esm-bundle/chai';
import { openStore } from '../../../src/store/index.ts';
import { AUDIT_VECTORS, at, auditBench } from '../../fixtures/store/audit-vectors.ts';

describe('audit tamper vectors (Chromium)', () => {
  for (const vector of AUDIT_VECTORS) {
    it(`${vector.name}: ${vector.expected}`, async () => {
      const name = `audit-${crypto.randomUUID()}`;
      const b = await auditBench({ store: await openStore({ name }), idb: indexedDB, name });
      try {
        expect(b.anchor).to.deep.equal({ seq: 6, hash: at(b, 5).hash });
        await vector.tamper(b);
        expect(await b.store.verifyAudit(), 'without an anchor').to.equal(vector.expected);
        expect(await b.store.verifyAudit(b.anchor), 'with the anchor').to.equal(vector.anchored ?? vector.expected);
      } finally {
        await b.close();
        indexedDB.deleteDatabase(name);
      }
    });
  }
});
