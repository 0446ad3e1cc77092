/**
 * Checks a writer's file of train/val utterances and writes it as a corpus extension (the shared
 * dataset schema, train and val only): Chinese `models/corpora/zh/voices-<x>.json` for CLINC150-zh,
 * English `models/corpora/en/voices-<x>.json` for CLINC150.
 *
 *   npx tsx models/import-voices.ts --in /work/zh-corpus/voices-d.json --out models/corpora/zh/voices-d.json \
 *     --writer D [--against models/corpora/zh/voices-a.json …]
 *   npx tsx models/import-voices.ts --lang en --in /work/en-corpus/en-voices-1.json \
 *     --out models/corpora/en/voices-1.json --writer 1 --against test/fixtures/nlu/chatbox-en.json
 *   … --eval-dialogues test/fixtures/dialogues/en-dev.json --train-dialogues /work/dialogue-corpus/en-train-12.json
 *
 * A writer's file is either `{ intent: { train: [...], val: [...] } }` or the dataset schema.
 * Dropped, and counted: lines equal (after NFKC, removing spaces, punctuation and symbols, and
 * case-folding) to any line of `--base` (every split, the frozen test split included, so no test
 * line leaks into training) or of an `--against` file, or to an earlier line of this file; lines
 * near a line of an evaluation split (val, dev or test) of those files (see `nearKey`), so that a
 * paraphrase differing by a typo or the order of its words does not flatter a score; Chinese lines
 * with traditional characters (the featurizer's traditional → simplified table changes them: the
 * corpus is Simplified Chinese). Only counts are printed, never a line of an evaluation split.
 * Dialogue files (the `test/fixtures/dialogues` format) count too: the user turns of an
 * `--eval-dialogues` file are evaluation lines (equal or near: dropped), those of a
 * `--train-dialogues` file training lines (equal: dropped), so that a corpus line is no copy of a
 * dialogue turn a context model is trained or scored on.
 * A label outside `--base`'s is an error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readDataset } from '../bin/commands/dataset.ts';
import { foldHanVariants } from '../src/nlu/runtime/han-variants.ts';

const BASE: Record<string, string> = {
  zh: 'models/corpora/zh/clinc150-zh.json',
  en: '../shared/datasets/clinc150.json',
};
const { values } = parseArgs({
  options: {
    lang: { type: 'string', default: 'zh' },
    in: { type: 'string' },
    out: { type: 'string' },
    writer: { type: 'string' },
    base: { type: 'string' },
    against: { type: 'string', multiple: true, default: [] },
    'eval-dialogues': { type: 'string', multiple: true, default: [] },
    'train-dialogues': { type: 'string', multiple: true, default: [] },
  },
});
const lang = values.lang;
if (values.in === undefined || values.out === undefined || values.writer === undefined || BASE[lang] === undefined) {
  console.error(
    'usage: npx tsx models/import-voices.ts [--lang zh|en] --in <writer file> --out <voices-x.json> --writer X [--against <dataset>]…',
  );
  process.exit(2);
}
const basePath = values.base ?? BASE[lang]!;

type Example = { text: string; intent: string };
type Split = 'train' | 'val';

/** The comparison form: NFKC, no spaces, punctuation or symbols, case-folded. */
const key = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();

/** The words of a line (letters and digits, case-folded), for the word-order check. */
const words = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/** Levenshtein distance of `a` and `b`, or `max + 1` as soon as it must exceed `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Whether two lines are near duplicates: their comparison forms differ by at most one edit per
 * ten characters (a typo, a dropped particle; never for forms under six characters, where one
 * edit makes another request: "alarm 6" / "alarm 7"), or they have the same words in another
 * order (three words or more).
 */
function near(a: Line, b: Line): boolean {
  const max = Math.floor(Math.max(a.key.length, b.key.length) / 10);
  if (max > 0 && editDistance(a.key, b.key, max) <= max) return true;
  return a.words !== '' && a.words === b.words;
}

/** A line's comparison form and its sorted words (empty under three words). */
type Line = { key: string; words: string };
const line = (text: string): Line => {
  const w = words(text);
  return { key: key(text), words: w.length >= 3 ? w.sort().join(' ') : '' };
};

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

const base = readDataset(basePath);
const labels = new Set(Object.values(base.splits).flatMap((xs) => (xs ?? []).map((e) => e.intent)));
// Each comparison form seen, with the split it was first seen in ('new' for this file's own lines).
const seen = new Map<string, string>();
// The lines of evaluation splits: a writer's line near one of them is dropped (counted by split).
const evalLines: (Line & { split: string })[] = [];
for (const d of [base, ...values.against.map(readDataset)])
  for (const [split, xs] of Object.entries(d.splits))
    for (const e of xs ?? []) {
      if (!seen.has(key(e.text))) seen.set(key(e.text), split);
      if (split !== 'train') evalLines.push({ split, ...line(e.text) });
    }

/** The user turns of a dialogue file (`[{ name, turns: [{ user, expect }] }]`). */
function dialogueTurns(path: string): string[] {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (!Array.isArray(raw)) throw new TypeError(`${path}: not a list of dialogues`);
  return (raw as { turns?: { user?: unknown }[] }[]).flatMap((d) =>
    (d.turns ?? []).map((t) => {
      if (typeof t.user !== 'string') throw new TypeError(`${path}: a turn without a user string`);
      return t.user;
    }),
  );
}
for (const path of values['eval-dialogues'])
  for (const text of dialogueTurns(path)) {
    if (!seen.has(key(text))) seen.set(key(text), 'dialogue eval');
    evalLines.push({ split: 'dialogue eval', ...line(text) });
  }
for (const path of values['train-dialogues'])
  for (const text of dialogueTurns(path)) if (!seen.has(key(text))) seen.set(key(text), 'dialogue train');

const input = readWriterFile(values.in);
const dropped: Record<string, number> = { traditional: 0, empty: 0 };
const drop = (why: string) => (dropped[why] = (dropped[why] ?? 0) + 1);
const splits: Record<Split, Example[]> = { train: [], val: [] };
for (const split of ['train', 'val'] as const)
  for (const e of input[split]) {
    if (!labels.has(e.intent)) throw new RangeError(`${values.in}: unknown intent "${e.intent}" (${e.text})`);
    const text = e.text.trim();
    const k = key(text);
    if (k === '') drop('empty');
    else if (lang === 'zh' && foldHanVariants(text) !== text) drop('traditional');
    else if (seen.has(k)) drop(`equal ${seen.get(k)}`);
    else {
      const l = line(text);
      const hit = evalLines.find((x) => near(l, x));
      if (hit !== undefined) drop(`near ${hit.split}`);
      else {
        seen.set(k, 'new');
        splits[split].push({ text, intent: e.intent });
      }
    }
  }

const w = values.writer;
const about =
  lang === 'zh'
    ? {
        name: `CLINC150-zh voices ${w}`,
        source: `Written for Confidant (2026-12): more Simplified Chinese train/val utterances for CLINC150-zh in other voices (writer ${w}); see DATASHEET.md`,
        license: 'CC BY 3.0 (an extension of CLINC150-zh, adapted from CLINC150, CC BY 3.0; see DATASHEET.md)',
        notes: 'See DATASHEET.md. Train and val only: the test split of CLINC150-zh stays the only test split.',
      }
    : {
        name: `CLINC150 chat-box voices ${w}`,
        source: `Written for Confidant (2026-12): English chat-box train/val utterances (slang, typos, near-miss out-of-scope) with CLINC150's labels (writer ${w}); see DATASHEET.md`,
        license: 'CC BY 3.0 (an extension of CLINC150, CC BY 3.0, with its labels; see DATASHEET.md)',
        notes: 'See DATASHEET.md. Train and val only: the test split of CLINC150 stays the only test split.',
      };
writeFileSync(
  values.out,
  `${JSON.stringify(
    {
      ...about,
      citation:
        'Larson et al., An Evaluation Dataset for Intent Classification and Out-of-Scope Prediction, EMNLP-IJCNLP 2019, https://aclanthology.org/D19-1131',
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
