// Fault: the model file is gone on a later visit (a redeploy that dropped it, a CDN purge). The
// engine keeps a verified copy in Cache Storage and starts from it; with that copy gone too, the
// assistant fails to start with a ModelLoadError naming the URL, and the history is untouched for
// when the file comes back.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { createAssistant, ModelLoadError } from '../../../src/index.ts';
import { rawGetAll } from '../../fixtures/store/raw-idb.ts';
import { rejection } from '../../fixtures/rejection.ts';

const MODEL = '/__model/assistant-en.onnx';
const missing = (value: boolean) => executeServerCommand('model-missing', { missing: value });

describe('fault: the model file is missing on a later visit', function () {
  this.timeout(180_000);
  const databaseName = `model-missing-${crypto.randomUUID()}`;
  after(async () => {
    await missing(false);
    indexedDB.deleteDatabase(databaseName);
  });

  it('starts from the verified cached copy, and fails typed once that is gone too', async () => {
    // First visit: the model is there (and kept, verified, in Cache Storage).
    const first = await createAssistant({ databaseName, model: MODEL });
    await first.send('hello');
    await first.dispose();

    // A later visit: the file is gone from the server.
    await missing(true);
    const later = await createAssistant({ databaseName, model: MODEL });
    expect((await later.send('hello')).understanding.intent).to.equal('greeting');
    expect(await later.store.history(undefined, { limit: 10 })).to.have.length(4, 'history kept');
    await later.dispose();

    // The cached copy evicted as well: nothing to run, said plainly.
    for (const name of await caches.keys()) await caches.delete(name);
    const error = await rejection(createAssistant({ databaseName, model: MODEL }));
    expect(error).to.be.instanceOf(ModelLoadError);
    expect((error as ModelLoadError).message).to.contain('/__model/assistant-en.onnx');
    expect(await rawGetAll(indexedDB, databaseName, 'messages')).to.have.length(4, 'nothing lost meanwhile');

    // The file is back: so is the assistant, with its history.
    await missing(false);
    const back = await createAssistant({ databaseName, model: MODEL });
    expect(await back.store.history(undefined, { limit: 10 })).to.have.length(4);
    await back.dispose();
  });
});
