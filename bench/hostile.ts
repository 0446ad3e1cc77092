/**
 * `npm run bench:hostile`: how often hostile input (markup, code, injections, keyboard mash, single
 * characters, emoji, control characters, mixed scripts, huge pastes: `bench/hostile/hostile-inputs.ts`,
 * seeded) starts, fills or runs a task, over the real stack (`openDialogueSession`: intent models,
 * entities, slot tagger, context model, dialogue manager, skills). Three figures:
 *
 * - fresh: each input as the first turn of a conversation; acting = any action but out-of-scope
 *   and unsupported (a skill ran, or a question was asked for a task);
 * - mid-task: each input (every 4th) while a question is open ("remind me" → "What should I remind
 *   you about?", "set a timer" → "For how long?"); acting = a slot value read from it, or a task started;
 * - real answers: short answers that look like junk but answer what was asked ("k" to a confirmation,
 *   "Xiomara" to "What should I call you?", "7" to "For how long?") must still be taken.
 *
 * Seed 9 (`./hostile/cjk-hostile-inputs.ts`) judges what a kind should not do: a reply of small
 * talk to 哈哈哈哈 is fine, a task or a slot filled is not; for out-of-range numbers and arithmetic
 * bombs, anything scheduled, or a reply showing `Infinity` / `NaN`, is acting. After every seed-9
 * turn the stored schedule is checked: an entry whose time is not a finite instant is corrupt.
 *
 * The DEV dialogues are `npm run bench:context`'s.
 * Usage: `node --import tsx bench/hostile.ts [--json] [--verbose] [--seed9-only]`
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONTEXT_MODEL, loadEvalIntentModel, openDialogueSession } from '../bin/commands/eval-dialogues.ts';
import { loadContextModel } from '../src/context/context-model.ts';
import { createContextPolicy } from '../src/context/context-policy.ts';
import { CONTEXT_SPEC } from '../src/context/dialogue-features.ts';
import { engineAssets } from '../src/engine/assets.ts';
import { loadSlotTagger } from '../src/nlu/tagger/slot-tagger.ts';
import { hostileInputs } from './hostile/hostile-inputs.ts';
import { midTaskQuestion, moreHostileInputs } from './hostile/more-hostile-inputs.ts';
import { mashInputs, mashQuestion } from './hostile/mash-inputs.ts';
import { cjkHostileInputs, cjkQuestion, SEED9_REAL_ANSWERS } from './hostile/cjk-hostile-inputs.ts';
import { ConfidantError } from '../src/errors.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    // Only seed 9 and the real answers: the small run for a busy machine.
    'seed9-only': { type: 'boolean', default: false },
  },
});
const say = (line: string) => process.stderr.write(`${line}\n`);

/** Actions that do nothing with the turn: an honest "didn't get that" or "can't do that here". */
const IDLE = new Set(['out-of-scope', 'unsupported', 'cancel', 'deny']);

/** Junk-looking answers that do answer what was asked: [setup turns, answer, action expected]. */
const REAL_ANSWERS: (readonly [readonly string[], string, string])[] = [
  [['call me'], 'Bob', 'fill-slot'],
  [['call me'], 'Xiomara', 'fill-slot'],
  [['call me'], 'Al', 'fill-slot'],
  [['叫我'], '小王', 'fill-slot'],
  [['remind me'], 'call mom', 'fill-slot'],
  [['add to my shopping list'], 'eggs', 'fill-slot'],
  [['set a timer'], '7', 'fill-slot'],
  [['set a timer'], '10 min', 'fill-slot'],
  [['set an alarm'], '7pm', 'fill-slot'],
  [['set an alarm'], '6:30', 'fill-slot'],
  [['what is'], '2+2', 'new-intent'],
  [['add milk to my shopping list', 'clear my shopping list'], 'y', 'confirm'],
  [['add milk to my shopping list', 'clear my shopping list'], 'k', 'confirm'],
  [['add milk to my shopping list', 'clear my shopping list'], 'ok', 'confirm'],
  [['add milk to my shopping list', 'clear my shopping list'], 'n', 'deny'],
  [[], 'hi', 'new-intent'],
  [[], '7*7', 'new-intent'],
  // Round 7: more short real answers, both languages (two-letter names are written as names).
  [['call me'], 'Jo', 'fill-slot'],
  [['call me'], 'Ed', 'fill-slot'],
  [['call me'], 'Li', 'fill-slot'],
  [['叫我'], '阿明', 'fill-slot'],
  [['remind me'], 'gym', 'fill-slot'],
  [['提醒我'], '买菜', 'fill-slot'],
  [['add to my shopping list'], 'tea', 'fill-slot'],
  [['set a timer'], '10', 'fill-slot'],
  [['设个计时器'], '5分钟', 'fill-slot'],
  [['定个闹钟'], '七点', 'fill-slot'],
  [['add milk to my shopping list', 'clear my shopping list'], 'yes', 'confirm'],
  [['add milk to my shopping list', 'clear my shopping list'], 'sure', 'confirm'],
  [['add milk to my shopping list', 'clear my shopping list'], 'no', 'deny'],
  [['add milk to my shopping list', 'clear my shopping list'], 'nope', 'deny'],
  [['把牛奶加到购物清单', '清空购物清单'], '好', 'confirm'],
  [['把牛奶加到购物清单', '清空购物清单'], '不', 'deny'],
  [[], '你好', 'new-intent'],
  [[], 'hey', 'new-intent'],
  // Round 7b: answers next to what now reads as mash (a name with a rare letter pair, pinyin, a loanword).
  [['call me'], 'Zbigniew', 'fill-slot'],
  [['remind me'], 'call zhang wei', 'fill-slot'],
  [['add to my shopping list'], 'kimchi', 'fill-slot'],
  // Round 8: terse answers of every slot kind next to the letter model's mash (./hostile/mash-inputs.ts).
  [['set a timer'], '5 min', 'fill-slot'],
  [['remind me to call mom'], 'tmrw', 'fill-slot'],
  [['call me'], 'Xu', 'fill-slot'],
  [['add to my shopping list'], 'kiwi', 'fill-slot'],
  [['add to my shopping list'], 'niunai', 'fill-slot'],
  [['add to my shopping list'], 'pho', 'fill-slot'],
  [['remind me'], 'bbq', 'fill-slot'],
  [['设个计时器'], '十分钟', 'fill-slot'],
  [['把东西加到购物清单'], '牛奶', 'fill-slot'],
  [['add to my shopping list'], '<b>milk</b>', 'fill-slot'],
  [['set a timer'], '**5 min**', 'fill-slot'],
  // Round 8 review: names with long consonant runs, acronyms and chat or pinyin initials.
  [['call me'], 'Rothschild', 'fill-slot'],
  [['call me'], 'Nietzsche', 'fill-slot'],
  [['call me'], 'Mkrtchyan', 'fill-slot'],
  [['call me'], 'Hirschfeld', 'fill-slot'],
  [['call me'], 'Schwarzschild', 'fill-slot'],
  [['call me'], 'Albrechtsberger', 'fill-slot'],
  [['remind me'], 'Knightsbridge', 'fill-slot'],
  [['remind me'], 'Cwmbran', 'fill-slot'],
  [['remind me'], 'KFC', 'fill-slot'],
  [['remind me'], 'PDF', 'fill-slot'],
  [['remind me'], 'wfh', 'fill-slot'],
  [['remind me'], 'xswl', 'fill-slot'],
  [['add to my shopping list'], 'NVMe', 'fill-slot'],
  [['add to my shopping list'], 'XLSX', 'fill-slot'],
  [['add to my shopping list'], 'zfb', 'fill-slot'],
  // Round 10 (seed 9's look, both languages).
  ...SEED9_REAL_ANSWERS,
];

const model = await loadEvalIntentModel();
const context = await loadContextModel(DEFAULT_CONTEXT_MODEL, { expect: CONTEXT_SPEC });
const policy = createContextPolicy(context);
const tagger = await loadSlotTagger(fileURLToPath(engineAssets['slots-default'].here()));
const session = () => openDialogueSession(model, { policy, tagger });
type Session = Awaited<ReturnType<typeof session>>;

interface Row {
  n: number;
  /** Seed 9: entries stored with a time that is no finite instant. */
  corrupt?: number;
  fresh: number;
  mid: number;
  midN: number;
  errors: number;
}
/** Each turn's time in milliseconds, by set: a 10,000-character paste must cost what a sentence does. */
const times = new Map<string, number[]>();
const acted: string[] = [];
/** A turn of text never throws: any error is counted, and one that is no ConfidantError is marked untyped. */
const untyped = (e: unknown) => !(e instanceof ConfidantError);

async function timedSend(s: Session, text: string, keys: readonly string[]) {
  const t0 = performance.now();
  const result = await s.send(text);
  for (const key of keys) times.set(key, [...(times.get(key) ?? []), performance.now() - t0]);
  return result;
}

/** A turn as a set's judge reads it: what was understood and said, and how many entries it scheduled. */
type Turn = Awaited<ReturnType<Session['send']>> & { scheduled: number };

/** What a set counts as acting, on a fresh first turn and mid-task. */
interface Judge {
  /** Reads the stored schedule around each turn: the entries it adds, and the corrupt ones counted (seed 9). */
  schedule: boolean;
  /** Shows the reply in a fresh turn's `--verbose` line (seed 9: its chat-like kinds may talk, not act). */
  showsReply: boolean;
  fresh: (category: string, turn: Turn) => boolean;
  mid: (category: string, turn: Turn) => boolean;
}

/** Seeds 6 to 8: acting fresh is any action but an idle one; mid-task, a task, a confirmation or a slot filled. */
const ANY_ACTION: Judge = {
  schedule: false,
  showsReply: false,
  fresh: (_, { understanding: u }) => !IDLE.has(u.action),
  mid: (_, { understanding: r }) =>
    r.action === 'new-intent' || r.action === 'confirm' || (!IDLE.has(r.action) && Object.keys(r.slots).length > 0),
};

/** Actions that do nothing with the turn, and small talk: what seed 9 allows for its chat-like kinds. */
const isTask = (u: { action: string; skill?: string }) => !IDLE.has(u.action) && u.skill !== 'builtin.small-talk';
/** Kinds whose right answer is a refusal: acting is what they leave behind (a schedule, a broken number). */
const BY_EFFECT = new Set(['number-range', 'arith-bomb']);
// A big number written with an exponent ("62!" is 3.147e+85) is an answer, not a broken one.
const BROKEN_NUMBER = /\b(?:Infinity|NaN|undefined)\b|\[object/u;

/**
 * Seed 9: acting fresh is a task (small talk allowed), mid-task a slot filled, a confirmation or a task; for
 * {@link BY_EFFECT} kinds, anything scheduled or a broken number in the reply.
 */
const SEED9: Judge = {
  schedule: true,
  showsReply: true,
  fresh: (category, { understanding, reply, scheduled }) =>
    BY_EFFECT.has(category) ? scheduled > 0 || BROKEN_NUMBER.test(reply.text) : isTask(understanding),
  mid: (category, { understanding: r, reply, scheduled }) =>
    BY_EFFECT.has(category)
      ? scheduled > 0 || BROKEN_NUMBER.test(reply.text)
      : r.action === 'confirm' ||
        (r.action === 'new-intent' && isTask(r)) ||
        (!IDLE.has(r.action) && Object.keys(r.slots).length > 0),
};

/** Seed 9's effects on a session: how many entries are scheduled, and how many of them are corrupt. */
async function schedule(s: Session): Promise<{ n: number; corrupt: number }> {
  const raw = await s.store.settings().get<{ at: unknown }[]>('skills.schedule');
  const entries = Array.isArray(raw) ? raw : [];
  return {
    n: entries.length,
    corrupt: entries.filter((e) => typeof e.at !== 'number' || !Number.isFinite(e.at)).length,
  };
}

/** Sends one turn, timed; with a judge that reads the schedule, counts what it adds and its corrupt entries. */
async function judgedSend(s: Session, text: string, keys: readonly string[], judge: Judge, row: Row): Promise<Turn> {
  const before = judge.schedule ? (await schedule(s)).n : 0;
  const result = await timedSend(s, text, keys);
  if (!judge.schedule) return { ...result, scheduled: 0 };
  const after = await schedule(s);
  row.corrupt! += after.corrupt;
  return { ...result, scheduled: after.n - before };
}

/**
 * Runs one set: every input as a fresh first turn, and every 4th while a question is open.
 * @param question the question an input is typed against mid-task
 * @param judge what counts as acting in this set
 */
async function runSet(
  set: string,
  inputs: readonly { category: string; text: string }[],
  question: (category: string, i: number) => string,
  judge: Judge,
): Promise<Map<string, Row>> {
  const byCategory = new Map<string, Row>();
  for (const [i, { category, text }] of inputs.entries()) {
    const row = byCategory.get(category) ?? {
      n: 0,
      fresh: 0,
      mid: 0,
      midN: 0,
      errors: 0,
      ...(judge.schedule ? { corrupt: 0 } : {}),
    };
    byCategory.set(category, row);
    row.n++;
    try {
      const s = await session();
      const turn = await judgedSend(s, text, [set, category], judge, row);
      if (judge.fresh(category, turn)) {
        row.fresh++;
        const said = judge.showsReply ? ` ${JSON.stringify(turn.reply.text.slice(0, 60))}` : '';
        acted.push(
          `${category}\t${JSON.stringify(text.slice(0, 60))}\t${turn.understanding.action} ${turn.understanding.intent}${said}`,
        );
      }
      if (i % 4 === 0) {
        row.midN++;
        const m = await session();
        const asked = question(category, i);
        await m.send(asked);
        const mid = await judgedSend(m, text, [set, category], judge, row);
        if (judge.mid(category, mid)) {
          const r = mid.understanding;
          row.mid++;
          acted.push(
            `mid ${category}\t${asked} → ${JSON.stringify(text.slice(0, 60))}\t${r.action} ${r.intent} ${JSON.stringify(r.slots).slice(0, 80)}`,
          );
        }
      }
    } catch (e) {
      row.errors++;
      acted.push(
        `ERROR${untyped(e) ? ' (untyped)' : ''} ${category}\t${JSON.stringify(text.slice(0, 60))}\t${String(e)}`,
      );
    }
  }
  return byCategory;
}

const started = performance.now();
// Round 6's set (seed 6) keeps its rows and its mid-task questions, so figures stay comparable.
const only9 = values['seed9-only'];
const none = new Map<string, Row>();
const round6 = only9
  ? none
  : await runSet('seed 6', hostileInputs(), (_, i) => (i % 8 === 0 ? 'remind me' : 'set a timer'), ANY_ACTION);
const round7 = only9 ? none : await runSet('seed 7', moreHostileInputs(), midTaskQuestion, ANY_ACTION);
const round8 = only9 ? none : await runSet('seed 8', mashInputs(), mashQuestion, ANY_ACTION);
const round9 = await runSet('seed 9', cjkHostileInputs(), cjkQuestion, SEED9);
let realRight = 0;
const realWrong: string[] = [];
for (const [setup, answer, expected] of REAL_ANSWERS) {
  const s = await session();
  for (const turn of setup) await s.send(turn);
  const { understanding } = await s.send(answer);
  if (understanding.action === expected) realRight++;
  else
    realWrong.push(
      `${setup.join(' / ')} → ${answer}: ${understanding.action} ${understanding.intent} (want ${expected})`,
    );
}
const seconds = (performance.now() - started) / 1000;

const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}%`);
const p95 = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(0.95 * (xs.length - 1))] ?? 0;
const totals = (rows: Map<string, Row>) =>
  [...rows.values()].reduce(
    (a, r) => ({
      n: a.n + r.n,
      fresh: a.fresh + r.fresh,
      mid: a.mid + r.mid,
      midN: a.midN + r.midN,
      errors: a.errors + r.errors,
      ...(r.corrupt === undefined ? {} : { corrupt: (a.corrupt ?? 0) + r.corrupt }),
    }),
    { n: 0, fresh: 0, mid: 0, midN: 0, errors: 0 } as Row,
  );
const line = (name: string, r: Row) =>
  say(
    `${name.padEnd(14)} ${String(r.n).padStart(4)}  ${pct(r.fresh, r.n).padStart(10)}  ${pct(r.mid, r.midN).padStart(13)}  ${String(r.errors).padStart(6)}${r.corrupt === undefined ? '' : `  ${String(r.corrupt).padStart(7)}`}`,
  );
say(
  `hostile inputs: ${totals(round6).n} (seed 6) + ${totals(round7).n} (seed 7) + ${totals(round8).n} (seed 8) + ${totals(round9).n} (seed 9), ${seconds.toFixed(0)} s, load ${loadavg()[0]!.toFixed(1)}`,
);
for (const [set, rows] of [
  ['seed 6', round6],
  ['seed 7', round7],
  ['seed 8', round8],
  ['seed 9', round9],
] as const) {
  if (rows.size === 0) continue;
  say(`${set}: category        n  acts-fresh  acts-mid-task  errors${set === 'seed 9' ? '  corrupt' : ''}`);
  for (const [category, r] of rows) line(category, r);
  line(`ALL ${set}`, totals(rows));
  say(`${set}: p95 time per turn ${p95(times.get(set) ?? []).toFixed(1)} ms`);
}
for (const category of ['huge-paste', 'long-10k', 'arith-bomb'])
  say(`${category}: p95 time per turn ${p95(times.get(category) ?? []).toFixed(1)} ms`);
const seed9Missed = realWrong.filter((w) =>
  SEED9_REAL_ANSWERS.some(([setup, answer]) => w.startsWith(`${setup.join(' / ')} → ${answer}:`)),
).length;
say(
  `real answers taken: ${realRight}/${REAL_ANSWERS.length} (seed 9's: ${SEED9_REAL_ANSWERS.length - seed9Missed}/${SEED9_REAL_ANSWERS.length})`,
);
for (const line of realWrong) say(`  MISSED ${line}`);
for (const line of acted) if (values.verbose || line.startsWith('ERROR')) say(`  ACTS ${line}`);
if (values.json)
  process.stdout.write(
    `${JSON.stringify({ seed6: Object.fromEntries(round6), seed7: Object.fromEntries(round7), seed8: Object.fromEntries(round8), seed9: Object.fromEntries(round9), realAnswers: realRight / REAL_ANSWERS.length, p95ms: { seed6: p95(times.get('seed 6') ?? []), seed7: p95(times.get('seed 7') ?? []), seed8: p95(times.get('seed 8') ?? []), seed9: p95(times.get('seed 9') ?? []) } })}\n`,
  );
