import { expect } from '@esm-bundle/chai';
import { defaultFeaturizerConfig, featurize } from '../../../src/nlu/runtime/featurizer.ts';
import { FEATURIZER_TEXTS } from '../../fixtures/nlu/featurizer-texts.ts';

describe('featurizer in Chromium', () => {
  it('gives the same ids as Node (pinned in featurizer-ids.json), CJK and odd text included', async () => {
    const pinned = (await (await fetch('/test/fixtures/nlu/featurizer-ids.json')).json()) as {
      config: unknown;
      ids: number[][];
    };
    const config = defaultFeaturizerConfig('en');
    expect(pinned.config).to.deep.equal(config);
    FEATURIZER_TEXTS.forEach((text, i) => {
      expect(Array.from(featurize(text, config)), JSON.stringify(text)).to.deep.equal(pinned.ids[i]);
    });
  });
});
