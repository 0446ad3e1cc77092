import { expect } from '@esm-bundle/chai';
import { defaultFeaturizerConfig, featurize, type FeaturizerConfig } from '../../../src/nlu/runtime/featurizer.ts';
import { FEATURIZER_TEXTS } from '../../fixtures/nlu/featurizer-texts.ts';

describe('featurizer in Chromium', () => {
  it('gives the same ids as Node (pinned in featurizer-ids.json), CJK and odd text included', async () => {
    const pinned = (await (await fetch('/test/fixtures/nlu/featurizer-ids.json')).json()) as {
      versions: { config: FeaturizerConfig; ids: number[][] }[];
    };
    expect(pinned.versions.at(-1)?.config).to.deep.equal(defaultFeaturizerConfig('en'));
    for (const { config, ids } of pinned.versions) {
      FEATURIZER_TEXTS.forEach((text, i) => {
        expect(Array.from(featurize(text, config)), `v${config.version} ${JSON.stringify(text)}`).to.deep.equal(ids[i]);
      });
    }
  });
});
