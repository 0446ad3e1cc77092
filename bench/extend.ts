/**
 * `npm run bench:extend`: extending the default model with a shop's intents (issue 12), against the
 * default model, in one run, and writes the `extend` section of BENCHMARKS.md.
 *
 * - The fixture corpus test/fixtures/extend/shop-en.yml (5 intents x 8 examples) is extended with the
 *   CLI (`confidant train … --extend models/assistant-en.onnx`), timed from the command's start.
 * - The extended model and the default one on CLINC150's test split (in-scope accuracy, out-of-scope
 *   recall) and on the chat-box test split; the same on tuning data (CLINC150 val without the replay
 *   pack's utterances, chat-box dev).
 * - The held-back paraphrases (shop-en-checks.json, written before any training), the negatives
 *   ("asdfgh", "tell me a joke", the corpus's outOfScope phrases) and the dev paraphrases.
 * - The same extension in Chromium, in the engine's Worker (`assistant.models.train`, the built package).
 * - Bad corpora: the error each gets.
 * - With `--designs`: the designs compared on tuning data (section `extend-designs`, see extend-designs.ts).
 *
 *   npm run bench:extend [-- --data ../shared/datasets/clinc150.json] [--designs] [--no-browser] [--json]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { readDataset } from '../bin/commands/dataset.ts';
import { ConfidantError } from '../src/errors.ts';
import { parseCorpus } from '../src/nlu/corpus/parse-corpus.ts';
import { readBaseModel, type BaseModel } from '../src/nlu/training/extend/base-model.ts';
import { extendIntentModel } from '../src/nlu/training/extend/extend-model.ts';
import { readReplayPack } from '../src/nlu/training/extend/replay-pack.ts';
import { createInMemoryPredictor } from '../src/nlu/training/predictor.ts';
import type { TrainingExample } from '../src/nlu/types.ts';
import { measureDesigns, type DesignRow } from './extend-designs.ts';
import { classifierOf, devSplit, readChecks, scoreChecks, scoreSplit, type Classify } from './extend-measure.ts';
import { machineLine, table, writeBenchSection } from './report.ts';
import { serveStatic } from './widget/server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: join(root, '../shared/datasets/clinc150.json') },
    designs: { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const log = (line: string) => process.stderr.write(`${line}\n`);
const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
const loadBefore = loadavg()[0] ?? 0;

const dataset = readDataset(values.data);
const chat = JSON.parse(readFileSync(join(root, 'test/fixtures/nlu/chatbox-en.json'), 'utf8')) as {
  splits: Record<string, TrainingExample[]>;
};
const baseBytes = new Uint8Array(readFileSync(join(root, 'models/assistant-en.onnx')));
const base = readBaseModel(baseBytes, 'models/assistant-en.onnx');
const pack = readReplayPack(JSON.parse(readFileSync(join(root, 'models/assistant-en.replay.json'), 'utf8')));
const shopFile = join(root, 'test/fixtures/extend/shop-en.yml');
const shop = parseCorpus(readFileSync(shopFile, 'utf8'));
const own = new Set(shop.train.map((e) => e.intent));

/** The default model, deciding as its `.onnx` does. */
function baseClassifier(b: BaseModel): Classify {
  const p = createInMemoryPredictor(
    {
      weights: b.weights,
      labels: b.meta.labels,
      oosClass: b.meta.oosLabel !== null,
      featurizer: b.meta.featurizer,
      temperature: b.meta.temperature,
      threshold: b.meta.threshold,
    } as Parameters<typeof createInMemoryPredictor>[0],
    {},
  );
  return (text) => p.predict(text, 1).intent;
}

// 1. The CLI, timed from the command's start (process start and module loading included).
const dir = mkdtempSync(join(tmpdir(), 'bench-extend-'));
const out = join(dir, 'shop.onnx');
const started = performance.now();
const cli = spawnSync(
  process.execPath,
  [
    join(root, 'bin/confidant.js'),
    'train',
    shopFile,
    '--extend',
    join(root, 'models/assistant-en.onnx'),
    '-o',
    out,
    '--extension-file',
    join(dir, 'shop.ext.onnx'),
    '--quiet',
  ],
  { cwd: root, encoding: 'utf8' },
);
const cliSeconds = (performance.now() - started) / 1000;
if (cli.status !== 0) throw new Error(`confidant train --extend failed: ${cli.stderr}`);
log(cli.stdout.trim());
const extended = readBaseModel(new Uint8Array(readFileSync(out)), 'extended');
const extensionBytes = readFileSync(join(dir, 'shop.ext.onnx')).length;
rmSync(dir, { recursive: true, force: true });

// 2. Base and extended models on the datasets; the extended one on the corpus's checks.
const before = baseClassifier(base);
const after = baseClassifier(extended);
const splits = {
  'CLINC150 test': dataset.splits.test ?? [],
  'CLINC150 val (dev: without the pack’s utterances)': devSplit(dataset, pack),
  'chat-box test': chat.splits.test ?? [],
  'chat-box dev': chat.splits.dev ?? [],
};
const datasetRows = Object.entries(splits).map(([name, examples]) => {
  const b = scoreSplit(before, examples);
  const a = scoreSplit(after, examples);
  return { name, before: b, after: a };
});
const checks = scoreChecks(
  after,
  readChecks(join(root, 'test/fixtures/extend/shop-en-checks.json')),
  own,
  shop.outOfScope ?? [],
);
const shopDev = scoreChecks(
  after,
  readChecks(join(root, 'test/fixtures/extend/shop-en-dev.json')),
  own,
  shop.outOfScope ?? [],
);
const gym = parseCorpus(readFileSync(join(root, 'test/fixtures/extend/gym-en.yml'), 'utf8'));
const gymModel = (await extendIntentModel(base, gym, pack)).model;
const gymDev = scoreChecks(
  classifierOf(gymModel),
  readChecks(join(root, 'test/fixtures/extend/gym-en-dev.json')),
  new Set(gym.train.map((e) => e.intent)),
  gym.outOfScope ?? [],
);

// 3. Bad corpora: each must get a CorpusError (with its line where it has one), the model unchanged.
const bad: [string, string][] = [
  ['empty', ''],
  [
    'duplicate-only',
    'intents:\n  store_hours: [when are you open, when are you open]\n  refund: [refund please, money back]\n',
  ],
  ['malformed', 'intents:\n  store_hours: [when are you open\n  refund: [refund please]\n'],
  [
    'overlaps the base',
    'intents:\n  weather: [is it raining, forecast please]\n  store_hours: [when are you open, hours]\n',
  ],
];
const badRows: string[][] = [];
for (const [what, text] of bad) {
  const got = await (async () => {
    const corpus = parseCorpus(text);
    await extendIntentModel(base, corpus, pack, { epochs: 1 });
    return 'accepted';
  })().catch((e: unknown) =>
    e instanceof ConfidantError
      ? `${e.name} (code \`${e.code}\`${'line' in e && typeof e.line === 'number' ? `, line ${e.line}` : ''}): ${e.message}`
      : String(e),
  );
  badRows.push([what, got.replace(/\|/g, '\\|')]);
}

// 4. In Chromium, in the engine's Worker.
const browserMs: number[] = [];
let browserNote = '';
if (values['no-browser'] || !existsSync(join(root, 'dist/confidant.js'))) {
  browserNote = values['no-browser'] ? 'skipped (--no-browser)' : 'skipped: no dist/ (run `npm run build` first)';
} else {
  const server = await serveStatic(root);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  try {
    for (let run = 0; run < 3; run++) {
      const context = await browser.newContext();
      await context.route('**/*', (route) =>
        route.request().url().startsWith(server.origin) ? route.continue() : route.abort(),
      );
      const page = await context.newPage();
      await page.goto(`${server.origin}/bench/extend/page.html`);
      await page.waitForFunction(() => (window as { benchReady?: boolean }).benchReady === true);
      const r = await page.evaluate(
        (corpus) =>
          (
            window as unknown as {
              benchExtend(c: string): Promise<{ ms: number; mode: string; hours: string; time: string }>;
            }
          ).benchExtend(corpus),
        readFileSync(shopFile, 'utf8'),
      );
      log(`browser run ${run + 1}: ${JSON.stringify(r)}`);
      if (r.mode !== 'extend' || r.hours !== 'store_hours' || r.time !== 'time')
        throw new Error(`unexpected browser result ${JSON.stringify(r)}`);
      browserMs.push(r.ms);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

let designs: DesignRow[] | undefined;
if (values.designs) designs = await measureDesigns(base, pack, dataset, chat.splits.dev ?? [], log);

const load = `load average ${loadBefore.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end, ${availableParallelism()} cores`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const clincTest = datasetRows[0]!;
const result = {
  machine: machineLine(),
  load,
  cliSeconds,
  browserMs,
  extensionBytes,
  modelBytes: extended.bytes,
  datasets: datasetRows,
  paraphrases: checks,
  dev: { shop: shopDev, gym: gymDev },
  bad: badRows,
  designs,
};
if (values.json) {
  console.log(JSON.stringify(result));
  process.exit(0);
}

const target = (ok: boolean) => (ok ? 'met' : '**not met**');
const dropIn = clincTest.before.accuracy - clincTest.after.accuracy;
const dropOos = clincTest.before.oosRecall - clincTest.after.oosRecall;
const browserMedian = median(browserMs);
writeBenchSection(
  'extend',
  `## Extending the default model (\`npm run bench:extend\`)

${machineLine()} Machine load: ${load}: timings are wall-clock on a shared machine.
The fixture corpus \`test/fixtures/extend/shop-en.yml\` (5 intents x 8 examples, \`order_status\` overriding the default
model's) extends \`models/assistant-en.onnx\` with the default design (\`head\`: a second head over the shared features, see
\`src/nlu/training/extend/extend-model.ts\`), replaying \`models/assistant-en.replay.json\` (20 CLINC150 utterances per intent).

| target | measured | |
|---|---|---|
| CLINC150 test in-scope accuracy drop <= 1.0 point | ${(100 * dropIn).toFixed(2)} points (${pct(clincTest.before.accuracy)} → ${pct(clincTest.after.accuracy)}) | ${target(dropIn <= 0.01)} |
| CLINC150 test out-of-scope recall drop <= 3 points | ${(100 * dropOos).toFixed(2)} points (${pct(clincTest.before.oosRecall)} → ${pct(clincTest.after.oosRecall)}) | ${target(dropOos <= 0.03)} |
| custom intents >= 95% on the 20 held-back paraphrases | ${pct(checks.paraphrases)} | ${target(checks.paraphrases >= 0.95)} |
| "asdfgh", "tell me a joke" and the corpus's outOfScope phrases land on no custom intent | ${checks.leaks.length === 0 ? 'none does' : checks.leaks.join('; ')} | ${target(checks.leaks.length === 0)} |
| extending with the CLI <= 10 s | ${cliSeconds.toFixed(1)} s (process start included) | ${target(cliSeconds <= 10)} |
| extending in the browser (Worker) <= 10 s | ${browserMs.length === 0 ? browserNote : `${(browserMedian / 1000).toFixed(1)} s median of ${browserMs.length} (${browserMs.map((m) => (m / 1000).toFixed(1)).join(', ')})`} | ${browserMs.length === 0 ? '' : target(browserMedian <= 10000)} |

${table(
  ['split', 'default: in-scope', 'extended: in-scope', 'default: OOS recall', 'extended: OOS recall'],
  datasetRows.map((r) => [
    r.name,
    pct(r.before.accuracy),
    pct(r.after.accuracy),
    pct(r.before.oosRecall),
    pct(r.after.oosRecall),
  ]),
)}

Held-back paraphrases missed: ${checks.misses.length === 0 ? 'none' : checks.misses.map((m) => `“${m}”`).join('; ')}.
Base utterances (\`base\` in the checks) answered with their default intent: ${pct(checks.paraphrases === undefined ? 0 : checks.base)}.
Dev paraphrases (tunable): shop ${pct(shopDev.paraphrases)}, gym (\`gym-en.yml\`) ${pct(gymDev.paraphrases)}; negatives on a corpus intent: shop ${shopDev.leaks.length}, gym ${gymDev.leaks.length}.
What must ship besides the default model: the extension file, ${extensionBytes} bytes (the whole extended model is ${extended.bytes}).

Bad corpora (each extension refused before training; the model in use keeps answering, see test/core/engine/extend-engine.test.ts):

${table(['corpus', 'error'], badRows)}

Reproduce: \`npm run build && npm run bench:extend\` (\`-- --designs\` also compares the designs, about 15 minutes on this machine).`,
);
if (designs !== undefined) {
  writeBenchSection(
    'extend-designs',
    `## Extending: the designs compared (\`npm run bench:extend -- --designs\`)

${machineLine()} Machine load: ${load}. Tuning data only: CLINC150 val without the replay pack's utterances (base
in-scope accuracy; out-of-scope recall is measured on the chat-box dev split, since the pack holds CLINC150's val
out-of-scope utterances for calibration), and the dev paraphrases of two corpora (shop, gym: 20 each).
Default model: CLINC150 val-dev ${pct(scoreSplit(before, devSplit(dataset, pack)).accuracy)}, chat-box dev ${pct(scoreSplit(before, chat.splits.dev ?? []).accuracy)} / ${pct(scoreSplit(before, chat.splits.dev ?? []).oosRecall)}.

${table(
  [
    'design',
    'CLINC150 val-dev in-scope',
    'chat-box dev in-scope / OOS recall',
    'shop dev paraphrases',
    'gym dev paraphrases',
    'negatives on a corpus intent',
    'time (shop, Node)',
    'ships besides the default model',
  ],
  designs.map((d) => [
    d.design,
    pct(d.clincDev.accuracy),
    `${pct(d.chatDev.accuracy)} / ${pct(d.chatDev.oosRecall)}`,
    pct(d.paraphrases['shop'] ?? 0),
    pct(d.paraphrases['gym'] ?? 0),
    d.leaks,
    `${d.seconds.toFixed(1)} s`,
    `${(d.extraBytes / 1024).toFixed(0)} KB`,
  ]),
)}

joint: the trainer from scratch on the replay pack and the corpus; warm: the default model's weights, everything
trains; hidden: its embedding rows frozen; output: the rows and hidden layer frozen; head: only the new intents' output
columns and the new features' rows train (the default, \`DEFAULT_EXTEND_STRATEGY\`); composite: the default model untouched
and a second model for the corpus, routed by its calibrated confidence.`,
  );
}
log(JSON.stringify({ cliSeconds, browserMs, dropIn, dropOos, paraphrases: checks.paraphrases }));
