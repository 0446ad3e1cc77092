/**
 * Checks a writer's file of Chinese train/val utterances and writes it as a corpus extension
 * (`models/corpora/zh/voices-<x>.json`, the shared dataset schema, train and val only):
 *
 *   npx tsx models/import-zh-voices.ts --in /work/zh-corpus/voices-d.json --out models/corpora/zh/voices-d.json \
 *     --writer D [--against models/corpora/zh/voices-a.json …]
 *
 * A writer's file is either `{ intent: { train: [...], val: [...] } }` or the dataset schema.
 * Dropped, and counted: lines equal (after NFKC, removing spaces, punctuation and symbols, and
 * case-folding) to any line of `clinc150-zh.json` (every split, the frozen test split included,
 * so no test line leaks into training) or of an `--against` file, or to an earlier line of this
 * file; lines with traditional characters (the featurizer's traditional → simplified table
 * changes them: the corpus is Simplified Chinese). A label outside CLINC150-zh's is an error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readDataset } from '../bin/commands/dataset.ts';
import { foldHanVariants } from '../src/nlu/runtime/han-variants.ts';

const { values } = parseArgs({
  options: {
    in: { type: 'string' },
    out: { type: 'string' },
    writer: { type: 'string' },
    base: { type: 'string', default: 'models/corpora/zh/clinc150-zh.json' },
    against: { type: 'string', multiple: true, default: [] },
  },
});
if (values.in === undefined || values.out === undefined || values.writer === undefined) {
  console.error('usage: npx tsx models/import-zh-voices.ts --in <writer file> --out <voices-x.json> --writer X');
  process.exit(2);
}

type Example = { text: string; intent: string };
type Split = 'train' | 'val';

/** The comparison form: NFKC, no spaces, punctuation or symbols, case-folded. */
const key = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();

/** The writer's lines by split, from either file shape. */
function readWriterFile(path: string): Record<Split, Example[]> {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  if (typeof raw.splits === 'object' && raw.splits !== null) {
    const s = raw.splits as Partial<Record<Split, Example[]>>;
    return { train: s.train ?? [], val: s.val ?? [] };
  }
  const out: Record<Split, Example[]> = { train: [], val: [] };
  for (const [intent, splits] of Object.entries(raw as Record<string, Partial<Record<Split, string[]>>>))
    for (const split of ['train', 'val'] as const)
      for (const text of splits[split] ?? []) out[split].push({ text, intent });
  return out;
}

const base = readDataset(values.base);
const labels = new Set(Object.values(base.splits).flatMap((xs) => (xs ?? []).map((e) => e.intent)));
const seen = new Set<string>();
for (const d of [base, ...values.against.map(readDataset)])
  for (const xs of Object.values(d.splits)) for (const e of xs ?? []) seen.add(key(e.text));

const input = readWriterFile(values.in);
const dropped = { duplicate: 0, traditional: 0, empty: 0 };
const splits: Record<Split, Example[]> = { train: [], val: [] };
for (const split of ['train', 'val'] as const)
  for (const e of input[split]) {
    if (!labels.has(e.intent)) throw new RangeError(`${values.in}: unknown intent "${e.intent}" (${e.text})`);
    const text = e.text.trim();
    const k = key(text);
    if (k === '') dropped.empty++;
    else if (foldHanVariants(text) !== text) dropped.traditional++;
    else if (seen.has(k)) dropped.duplicate++;
    else {
      seen.add(k);
      splits[split].push({ text, intent: e.intent });
    }
  }

const w = values.writer;
writeFileSync(
  values.out,
  `${JSON.stringify(
    {
      name: `CLINC150-zh voices ${w}`,
      source: `Written for Confidant (2026-12): more Simplified Chinese train/val utterances for CLINC150-zh in other voices (writer ${w}); see DATASHEET.md`,
      license: 'CC BY 3.0 (an extension of CLINC150-zh, adapted from CLINC150, CC BY 3.0; see DATASHEET.md)',
      citation:
        'Larson et al., An Evaluation Dataset for Intent Classification and Out-of-Scope Prediction, EMNLP-IJCNLP 2019, https://aclanthology.org/D19-1131',
      notes: 'See DATASHEET.md. Train and val only: the test split of CLINC150-zh stays the only test split.',
      splits,
    },
    null,
    2,
  )}\n`,
);
const count = (xs: Example[]) => `${xs.length} (${xs.filter((e) => e.intent === 'oos').length} oos)`;
console.log(
  `${values.out}: train ${count(splits.train)}, val ${count(splits.val)}; dropped ${JSON.stringify(dropped)}; intents ${new Set([...splits.train, ...splits.val].map((e) => e.intent)).size}`,
);
