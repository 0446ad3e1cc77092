import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const dataset = fileURLToPath(new URL('../../fixtures/nlu/tiny-dataset.json', import.meta.url));
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'bin/cli.ts'), ...args], { cwd: repo, encoding: 'utf8' });

test('confidant train → eval --json → predict', () => {
  const dir = mkdtempSync(join(tmpdir(), 'confidant-cli-'));
  try {
    const model = join(dir, 'tiny.onnx');
    const train = cli('train', dataset, '-o', model, '--quantize', '--epochs', '8');
    assert.equal(train.status, 0, train.stderr);
    assert.match(train.stderr, /epoch 1\/8/, 'progress goes to stderr');
    assert.match(train.stdout, /wrote .*tiny\.onnx/);
    const evaluation = cli('eval', model, dataset, '--split', 'test', '--json');
    assert.equal(evaluation.status, 0, evaluation.stderr);
    const report = JSON.parse(evaluation.stdout);
    for (const key of [
      'inScopeAccuracy',
      'oosRecall',
      'oosPrecision',
      'macroF1',
      'n',
      'latencyMs',
      'modelBytes',
      'modelGzipBytes',
      'topConfusions',
    ]) {
      assert.ok(key in report, key);
    }
    assert.equal(report.n, 71);
    assert.equal(report.modelBytes, statSync(model).size);
    assert.ok(report.inScopeAccuracy > 0.6);
    const predict = cli('predict', model, 'set a timer for 5 minutes', '--json');
    assert.equal(predict.status, 0, predict.stderr);
    assert.equal(JSON.parse(predict.stdout).intent, 'set_timer');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad input to the CLI gets one clear line and a non-zero exit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'confidant-cli-'));
  try {
    const broken = join(dir, 'broken.onnx');
    writeFileSync(broken, 'not a model');
    const r = cli('predict', broken, 'hello');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /ModelLoadError|model: .*broken\.onnx/);
    assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/, 'no stack trace');
    const badCorpus = join(dir, 'bad.json');
    writeFileSync(badCorpus, '{"train": [{"text": "hi", "intent": "greeting"}]}');
    const t = cli('train', badCorpus, '-o', join(dir, 'x.onnx'));
    assert.equal(t.status, 1);
    assert.match(t.stderr, /at least two intents/);
    assert.equal(cli('frobnicate').status, 2);
    // A dialogue set that is not JSON, or not there: the file and the line, no stack trace.
    const badSet = join(dir, 'set.json');
    writeFileSync(badSet, '[{"name": "x",\n "turns": [}]');
    const d = cli('eval-dialogues', badSet);
    assert.equal(d.status, 1);
    assert.match(d.stderr, /set\.json: line 2: malformed JSON/);
    assert.doesNotMatch(d.stderr, /at .*\.ts:\d+/, 'no stack trace');
    assert.match(cli('eval-dialogues', join(dir, 'missing.json')).stderr, /missing\.json: cannot read the file/);
    // Slots written as a bare string (a reply's text) would be read character by character: refused, named.
    const stringSlots = join(dir, 'slots.json');
    writeFileSync(
      stringSlots,
      JSON.stringify([{ turns: [{ user: 'what time is it', expect: { intent: 'time', slots: '10:00' } }] }]),
    );
    const s = cli('eval-dialogues', stringSlots);
    assert.equal(s.status, 1);
    assert.match(s.stderr, /slots\.json: dialogue 0, turn 0: "expect\.slots" must be an object/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('confidant convert-context rewrites a format-1 context model to format 3, and refuses what it cannot convert', () => {
  const dir = mkdtempSync(join(tmpdir(), 'confidant-cli-'));
  try {
    const format1 = fileURLToPath(new URL('../../fixtures/context/format1-tiny.onnx', import.meta.url));
    const out = join(dir, 'converted.onnx');
    const converted = cli('convert-context', format1, out);
    assert.equal(converted.status, 0, converted.stderr);
    assert.match(converted.stdout, /converted\.onnx: format 3/);
    const again = cli('convert-context', out, join(dir, 'again.onnx'));
    assert.equal(again.status, 1);
    assert.match(again.stderr, /^confidant convert-context: .*already of format 3/);
    assert.equal(cli('convert-context', format1).status, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
