// The walking skeleton, end to end in real Chromium: <confidant-assistant> → createAssistant() → comlink
// Worker → featurizer → the default ONNX model in onnxruntime-web → a built-in skill → the turn stored
// AES-256-GCM-encrypted in IndexedDB through Dexie → the reply rendered. Then IndexedDB is read directly:
// neither the user's words nor the reply appear anywhere in the raw records.
import { expect } from '@esm-bundle/chai';
import type { ConfidantAssistant } from '../../../widget/index.ts';
import '../../../widget/index.ts';
import { findCanaries } from '../../fixtures/store/canary-scan.ts';
import { dumpOnceStored, helloThroughTheElement } from './skeleton-steps.ts';

describe('walking skeleton (source build)', () => {
  const databaseName = `skeleton-${crypto.randomUUID()}`;
  let el: ConfidantAssistant | undefined;
  after(async () => {
    await (el?.assistant as { dispose?: () => Promise<void> } | undefined)?.dispose?.();
    el?.remove();
    indexedDB.deleteDatabase(databaseName);
  });

  it('answers "hello" through the Worker and stores the turn as ciphertext only', async () => {
    el = document.createElement('confidant-assistant');
    const { reply, userText } = await helloThroughTheElement(el, databaseName);
    expect(reply.understanding.intent).to.equal('greeting');
    expect(reply.understanding.skill).to.be.a('string');

    const dump = await dumpOnceStored(databaseName);
    expect(Object.keys(dump)).to.include('messages');
    expect(dump['messages']!.length).to.be.at.least(2, 'the user message and the reply are stored');
    expect(findCanaries(dump, [userText, reply.text])).to.deep.equal([], 'no plaintext in any raw record');
  });
});
