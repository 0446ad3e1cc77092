/**
 * Builds the npm demo's model: the Acme Store's intents (demo/acme-store.yml) extending the default
 * model, written as an extension file (demo/acme-store.ext.onnx, the difference from
 * models/assistant-en.onnx: a few hundred kilobytes), which demo/app.ts loads so that its buttons work
 * before anyone presses Train. Re-run after the default model changes (a test fails until then).
 * The committed file predates the few-shot head (round 11; on by default since round 12): it answers
 * with the softmax alone, and test/core/nlu/few-shot.test.ts keeps it as the check that such files
 * still load; a re-run adds the head:
 *
 *   npm run build:demo-model
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCorpus } from '../src/nlu/corpus/parse-corpus.ts';
import { extendOnnxModel } from '../src/nlu/training/train-model.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const corpus = parseCorpus(readFileSync(here('../demo/acme-store.yml'), 'utf8'), { fileName: 'acme-store.yml' });
const made = await extendOnnxModel(
  new Uint8Array(readFileSync(here('./assistant-en.onnx'))),
  corpus,
  JSON.parse(readFileSync(here('./assistant-en.replay.json'), 'utf8')) as unknown,
  { extensionFile: true, seed: 1 },
);
const out = here('../demo/acme-store.ext.onnx');
writeFileSync(out, made.extension as Uint8Array);
console.error(
  `wrote ${out}: ${made.extension?.length} bytes (the whole model would be ${made.bytes.length}); ` +
    `added ${made.report.added.join(', ')}; overridden ${made.report.overridden.join(', ') || 'none'}` +
    made.report.warnings.map((w) => `\nwarning: ${w}`).join(''),
);
