// Errors thrown in a real Worker arrive through comlink with their class, code, fields and cause.
import { expect } from '@esm-bundle/chai';
import { wrap } from 'comlink';
import { installErrorTransfer } from '../../../src/engine/error-transfer.ts';
import { ConfidantError, ModelLoadError, StorageError } from '../../../src/index.ts';
import { rejection } from '../../fixtures/rejection.ts';

interface Thrower {
  quota(): Promise<never>;
  badModel(): Promise<never>;
  plain(): Promise<never>;
}

describe('error transfer across a real Worker', () => {
  let worker: Worker;
  let remote: Thrower;
  before(() => {
    installErrorTransfer();
    worker = new Worker(new URL('../../fixtures/worker/throwing-worker.ts', import.meta.url), { type: 'module' });
    remote = wrap<Thrower>(worker) as unknown as Thrower;
  });
  after(() => worker.terminate());

  it('keeps class, code and cause of a StorageError', async () => {
    const e = (await rejection(remote.quota())) as StorageError;
    expect(e).to.be.instanceOf(StorageError);
    expect(e).to.be.instanceOf(ConfidantError);
    expect(e.code).to.equal('quota');
    expect(e.cause).to.be.instanceOf(DOMException);
    expect((e.cause as DOMException).name).to.equal('QuotaExceededError');
  });

  it('keeps ModelLoadError.source from an async method', async () => {
    const e = (await rejection(remote.badModel())) as ModelLoadError;
    expect(e).to.be.instanceOf(ModelLoadError);
    expect(e.source).to.equal('/models/broken.onnx');
    expect(e.message).to.contain('/models/broken.onnx');
  });

  it('keeps standard error classes', async () => {
    expect(await rejection(remote.plain())).to.be.instanceOf(TypeError);
  });
});
