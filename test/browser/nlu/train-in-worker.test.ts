// assistant.models.train() in real Chromium: the corpus is trained in the engine's Worker, the model is swapped
// in live, and kept encrypted in IndexedDB so the next visit starts with it.
import { expect } from '@esm-bundle/chai';
import { createAssistant, CorpusError } from '../../../src/index.ts';
import type { TrainProgressEvent } from '../../../src/entries/nlu.ts';
import { rejection } from '../../fixtures/rejection.ts';

const corpus = `confidant: 1
language: en
name: plant-shop
version: 0.1.0
intents:
  water_plant:
    - how often should I water my fern
    - when do I water the cactus
    - my basil needs water how much
    - watering schedule for orchids
    - how much water does a succulent need
    - should I water my monstera every day
  repot_plant:
    - when should I repot my fern
    - my cactus needs a bigger pot
    - how do I repot an orchid
    - what soil for repotting a monstera
    - is it time to repot the basil
    - moving my succulent to a new pot
  order_status:
    - where is my plant order
    - has my order shipped
    - track my delivery of pots
    - when will my order arrive
    - status of my order please
    - my package has not arrived yet
`;

describe('assistant.models.train() in the Worker', () => {
  const databaseName = `train-${crypto.randomUUID()}`;
  after(() => indexedDB.deleteDatabase(databaseName));

  // replace: true: a model of the corpus's intents only (extending the built-in one, the default, is
  // tested by test/core/engine/extend-engine.test.ts and measured by bench/extend.ts in the Worker).
  it('trains, swaps the model in live, and starts with it on the next visit', async () => {
    const first = await createAssistant({ databaseName });
    const statuses: TrainProgressEvent['status'][] = [];
    let swapped = '';
    first.on('model', (e) => (swapped = e.model.name));
    try {
      expect(first.model.name).to.equal('assistant-en');
      const info = await first.models.train(corpus, { replace: true, onProgress: (e) => statuses.push(e.status) });
      expect(info.name).to.equal('plant-shop');
      expect(info.labels).to.have.members(['water_plant', 'repot_plant', 'order_status']);
      expect(statuses[0]).to.equal('featurize');
      expect(statuses).to.include.members(['epoch', 'export', 'done']);
      expect(swapped).to.equal('plant-shop');
      expect(first.model.name).to.equal('plant-shop');
      const nlu = await first.classify('how often do I water a fern');
      expect(nlu.modelVersion).to.equal('0.1.0');
      expect(nlu.intents[0]?.intent).to.equal('water_plant');
    } finally {
      await first.dispose();
    }

    const second = await createAssistant({ databaseName });
    try {
      // The stored model is decrypted and loaded when the store opens.
      expect(second.model.name).to.equal('plant-shop');
      expect((await second.classify('has my order shipped yet')).intents[0]?.intent).to.equal('order_status');
    } finally {
      await second.dispose();
    }
  });

  it('refuses a malformed corpus with a CorpusError naming the line, and keeps the model', async () => {
    const assistant = await createAssistant({ storage: 'memory' });
    try {
      const error = (await rejection(assistant.models.train('confidant: 1\nintents:\n  empty: []\n'))) as CorpusError;
      expect(error).to.be.instanceOf(CorpusError);
      expect(error.line).to.be.a('number');
      expect(assistant.model.name).to.equal('assistant-en');
    } finally {
      await assistant.dispose();
    }
  });
});
