// assistant.models.train() extending the model in use (issue 12), in-thread: the tiny fixture model
// stands in for the bundled one (with its replay pack, as a host with its own model would give it).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createAssistant, ConfidantError, CorpusError, type Assistant } from '../../../src/index.ts';
import { shopCorpus } from '../../fixtures/nlu/tiny-extension.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/nlu/${name}`, import.meta.url)));
const options = {
  worker: false,
  storage: 'memory',
  slotTagger: false,
  model: fixture('tiny-uint8.onnx'),
  modelReplay: fixture('tiny-uint8.replay.json'),
} as const;

const shop = shopCorpus({ version: '2.0.0', outOfScope: ['what is the capital of peru'] });

describe('extending the model in use', () => {
  let assistant: Assistant;
  before(async () => {
    assistant = await createAssistant(options);
  });
  after(() => assistant.dispose());

  test('extends by default: the base intents and the new ones, with a report, as a new version in use', async () => {
    const statuses: string[] = [];
    const info = await assistant.models.train(shop, { seed: 2, onProgress: (e) => statuses.push(e.status) });
    assert.equal(info.mode, 'extend');
    assert.deepEqual(info.report?.added, ['return_item', 'store_hours']);
    assert.ok(info.labels.includes('greeting') && info.labels.includes('store_hours'));
    assert.deepEqual([statuses[0], statuses.at(-1)], ['featurize', 'done']);
    assert.ok(statuses.includes('epoch'));
    assert.equal((await assistant.classify('when are you open on monday')).intent, 'store_hours');
    assert.equal((await assistant.classify('hello there')).intent, 'greeting');
    const versions = await assistant.models.list();
    assert.deepEqual(
      versions.map((v) => [v.id === 'built-in' ? v.id : 'trained', v.active]),
      [
        ['built-in', false],
        ['trained', true],
      ],
    );
    assert.equal(versions[1]!.id, info.id);
  });

  test('bad corpora are refused with a CorpusError, and the model in use keeps answering', async () => {
    const before = assistant.model;
    // [corpus, message, the line it names ('some': a line, whichever the YAML parser reports)]
    const cases: [string, RegExp, number | 'some' | undefined][] = [
      ['', /empty/, undefined],
      ['intents:\n  store_hours: [open?, open?, open?]\n  x: [a b c]\n', /only duplicate examples/, 2],
      ['intents:\n  a: [hello, hi]\n  b: [hello, hi]\n', /"b" has only duplicate examples/, 3],
      ['intents:\n  a: [one\n  b: [two]\n', /./, 'some'],
      [
        'intents:\n  greeting: [hey you, yo there, morning all]\n  store_hours: [open?, when open, hours]\n',
        /"greeting"/,
        undefined,
      ],
    ];
    for (const [text, message, line] of cases) {
      const error = await assistant.models.train(text).then(
        () => assert.fail(`accepted ${JSON.stringify(text)}`),
        (e: unknown) => e,
      );
      assert.ok(error instanceof CorpusError, `${JSON.stringify(text)}: ${String(error)}`);
      assert.match(error.message, message);
      if (line === 'some') assert.equal(typeof error.line, 'number', error.message);
      else if (line !== undefined) assert.equal(error.line, line, error.message);
      assert.deepEqual(assistant.model, before);
      assert.equal((await assistant.classify('hello there')).intent, 'greeting');
    }
  });

  test('replace: true trains a model of the corpus only; models.use rolls back to a version or the built-in model', async () => {
    const [, extended] = await assistant.models.list();
    const replaced = await assistant.models.train(shop, { replace: true, seed: 2 });
    assert.equal(replaced.mode, 'replace');
    assert.deepEqual([...replaced.labels].sort(), ['return_item', 'store_hours']);
    assert.equal(assistant.model.labels.length, 2);
    const back = await assistant.models.use(extended!.id);
    assert.ok(back.labels.includes('greeting'));
    assert.equal((await assistant.classify('hello there')).intent, 'greeting');
    assert.deepEqual(
      (await assistant.models.list()).filter((v) => v.active).map((v) => v.id),
      [extended!.id],
    );
    await assistant.models.use('built-in');
    assert.ok(!assistant.model.labels.includes('store_hours'));
    await assert.rejects(assistant.models.use('no-such-version'), RangeError);
    await assert.rejects(
      assistant.models.train(shop, { extend: true, replace: true }),
      (e: unknown) => e instanceof TypeError,
    );
  });

  test('a cancelled training changes nothing', async () => {
    const before = await assistant.models.list();
    const controller = new AbortController();
    const training = assistant.models.train(shop, {
      signal: controller.signal,
      onProgress: (e) => {
        if (e.status === 'epoch') controller.abort(new DOMException('stop', 'AbortError'));
      },
    });
    await assert.rejects(training, (e: unknown) => e instanceof DOMException && e.name === 'AbortError');
    assert.deepEqual(await assistant.models.list(), before);
    assert.equal((await assistant.classify('hello there')).intent, 'greeting');
  });
});

test('a host model without its replay pack is not extended unless asked, and then says why', async () => {
  const { modelReplay: _, ...withoutReplay } = options;
  const assistant = await createAssistant(withoutReplay);
  try {
    const replaced = await assistant.models.train(shop, { seed: 2 });
    assert.equal(replaced.mode, 'replace');
    await assert.rejects(
      assistant.models.train(shop, { extend: true }),
      (e: unknown) => e instanceof ConfidantError && e.code === 'unsupported',
    );
  } finally {
    await assistant.dispose();
  }
});
