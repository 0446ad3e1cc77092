/**
 * `confidant eval-dialogues <file> [--model <model.onnx>] [--no-tagger] [--json] [--verbose]`: plays a
 * multi-turn test set through the real stack (intent model → entities and the slot tagger's spans →
 * dialogue manager → built-in skills → encrypted memory store) and reports turn-level intent accuracy, slot accuracy and whole-dialogue
 * success. Each dialogue starts from a fresh, empty store on a fixed clock and time zone.
 *
 * File format: `[{ "name"?: "...", "turns": [{ "user": "...", "expect": { "intent": "...",
 * "slots"?: { "name": value }, "replyIncludes"?: "..." } }] }]`. `intent` is the intent acted on
 * after context (`oos` for none); `replyIncludes` is checked case-insensitively.
 */
import { jsonErrorLine } from '../../src/nlu/corpus/json-error.ts';
import { DEFAULT_MODEL_ASSET, engineAssets } from '../../src/engine/assets.ts';
import { loadContextModel, type ContextModel } from '../../src/context/context-model.ts';
import { CONTEXT_SPEC } from '../../src/context/dialogue-features.ts';
import { createContextPolicy, type ContextScorer } from '../../src/context/context-policy.ts';
import type { ContextDecision } from '../../src/context/decide.ts';
import { withSlotEntities } from '../../src/nlu/tagger/slot-entities.ts';
import { loadSlotTagger, type SlotTagger } from '../../src/nlu/tagger/slot-tagger.ts';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createDialogueManager, type DialogueManager, type DialogueResult } from '../../src/dialogue/index.ts';
import type { DialoguePolicy } from '../../src/dialogue/types.ts';
import { loadIntentModel, type IntentModel } from '../../src/nlu/runtime/intent-model.ts';
import { routeByLanguage } from '../../src/nlu/runtime/language-router.ts';
import { understoodText } from '../../src/nlu/runtime/junk.ts';
import { OOS_LABEL } from '../../src/nlu/types.ts';
import { createBuiltinSkills } from '../../src/skills/builtin/index.ts';
import { createScheduler, createSkillRuntime } from '../../src/skills/index.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';

/** The fixed clock of every evaluated dialogue: Thursday 26 November 2026, 10:00 in Paris. */
export const EVAL_NOW = new Date('2026-11-26T09:00:00Z');
export const EVAL_TIME_ZONE = 'Europe/Paris';
/** The bundled default model (the same place the engine finds it, in the sources and in `dist/`). */
export const DEFAULT_MODEL = fileURLToPath(engineAssets[DEFAULT_MODEL_ASSET].here());
/** The bundled default context model. */
export const DEFAULT_CONTEXT_MODEL = fileURLToPath(engineAssets['assistant-context'].here());

/** One expected turn. */
export interface DialogueTurnSpec {
  user: string;
  expect: { intent: string; slots?: Record<string, unknown>; replyIncludes?: string };
}

/** One dialogue of the test set. */
export interface DialogueSpec {
  name?: string;
  turns: DialogueTurnSpec[];
}

/** What `evalDialogues` reports. */
export interface DialogueEvalReport {
  /** Share of turns whose acted-on intent is the expected one. */
  turnAccuracy: number;
  /** Share of expected slot values found exactly (strings case-insensitively). */
  slotAccuracy: number;
  /** Share of dialogues where every turn had the right intent, slots and reply text. */
  dialogueSuccess: number;
  /** Number of turns. */
  n: number;
  dialogues: number;
  /** The turns that failed, for `--verbose`, with the context model's decision when it made one. */
  failures: { dialogue: string; turn: number; user: string; problems: string[]; decision?: ContextDecision }[];
}

/** A conversation over the real stack with its own fresh memory store. */
export interface DialogueSession {
  send(text: string): Promise<DialogueResult>;
  store: Store;
}

/** Deterministic uniform numbers (mulberry32) so dice and reply variants are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Opens a dialogue session: memory store, scheduler, skills runtime, built-in skills and manager.
 * @param model the loaded intent model
 * @param options the fixed clock, zone and random seed
 */
export async function openDialogueSession(
  model: IntentModel,
  options: { now?: Date; timeZone?: string; seed?: number; tagger?: SlotTagger; policy?: DialoguePolicy } = {},
): Promise<DialogueSession> {
  const now = options.now ?? EVAL_NOW;
  const timeZone = options.timeZone ?? EVAL_TIME_ZONE;
  const store = await openStore({ storage: 'memory' });
  const random = seededRandom(options.seed ?? 1);
  const scheduler = createScheduler({ store, onFire: () => undefined, now: () => now.getTime() });
  const runtime = createSkillRuntime({ store, scheduler, timeZone, requestPermission: async () => true });
  const manager: DialogueManager = createDialogueManager({
    store,
    skills: createBuiltinSkills({ random }),
    runtime,
    clock: () => now,
    timeZone,
    random,
    ...(options.policy === undefined ? {} : { policy: options.policy }),
  });
  const conversationId = (await store.createConversation('eval')).id;
  const signal = new AbortController().signal;
  return {
    store,
    async send(typed) {
      // As the engine does: markup read as its text, and the tagger's spans join the rule entities.
      const text = understoodText(typed);
      const nlu = withSlotEntities(
        await model.classify(text, { now, timeZone }),
        (await options.tagger?.tag(text)) ?? [],
      );
      return manager.handle({ conversationId, text, nlu, signal });
    },
  };
}

function sameValue(expected: unknown, actual: unknown): boolean {
  if (typeof expected === 'string' && typeof actual === 'string')
    return expected.localeCompare(actual, undefined, { sensitivity: 'base' }) === 0;
  if (Array.isArray(expected) && Array.isArray(actual))
    return expected.length === actual.length && expected.every((e, i) => sameValue(e, actual[i]));
  return Object.is(expected, actual) || JSON.stringify(expected) === JSON.stringify(actual);
}

/** Checks a test-set file's shape, naming the first problem. */
function parseSpecs(raw: unknown, file: string): DialogueSpec[] {
  if (!Array.isArray(raw)) throw new TypeError(`${file}: expected an array of dialogues`);
  raw.forEach((d: unknown, i) => {
    const turns = (d as DialogueSpec | null)?.turns;
    if (!Array.isArray(turns) || turns.length === 0)
      throw new TypeError(`${file}: dialogue ${i} needs a non-empty "turns" array`);
    turns.forEach((t: unknown, j) => {
      const turn = t as DialogueTurnSpec | null;
      if (typeof turn?.user !== 'string' || typeof turn.expect?.intent !== 'string')
        throw new TypeError(`${file}: dialogue ${i}, turn ${j} needs "user" and "expect.intent" strings`);
      // A string here would be read character by character as slot names and fail every run.
      const slots: unknown = turn.expect.slots;
      if (slots !== undefined && (slots === null || typeof slots !== 'object' || Array.isArray(slots)))
        throw new TypeError(`${file}: dialogue ${i}, turn ${j}: "expect.slots" must be an object of slot values`);
      const reply: unknown = turn.expect.replyIncludes;
      if (reply !== undefined && typeof reply !== 'string')
        throw new TypeError(`${file}: dialogue ${i}, turn ${j}: "expect.replyIncludes" must be a string`);
    });
  });
  return raw as DialogueSpec[];
}

/**
 * The intent model(s) turns go through: the given file, or the shipped English and Chinese models
 * routed per turn by language as the engine does.
 * @param file an intent model path, or `undefined` for the shipped ones
 */
export async function loadEvalIntentModel(file?: string): Promise<IntentModel> {
  return file === undefined
    ? routeByLanguage({
        en: await loadIntentModel(DEFAULT_MODEL),
        zh: () => loadIntentModel(fileURLToPath(engineAssets['assistant-zh'].here())),
      })
    : loadIntentModel(file);
}

/**
 * Reads a test set's JSON, naming the file (and the line of a syntax error) when it cannot.
 * @throws {TypeError} when the file cannot be read or is not JSON
 */
async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new TypeError(`${file}: cannot read the file`, { cause });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new TypeError(`${file}: line ${jsonErrorLine(text) ?? 1}: malformed JSON: ${(cause as Error).message}`, {
      cause,
    });
  }
}

/**
 * Plays a multi-turn test set and scores it.
 * @param file path of the JSON test set, or dialogues already read (with a name for errors)
 * @param options `model`: path of the intent model (default: the shipped English and Chinese models,
 *   routed per turn by language as the engine does); `contextModel`: path of the context model, or a
 *   loaded one (default: the shipped one); `policy`: another dialogue policy to play instead of the context
 *   model's (an anchor to compare with; `--verbose` then has no decisions to show); `tagger`: `false` to
 *   play without the slot tagger (default: the shipped one, as the engine runs); `beforeTurn`: told each
 *   turn's spec before it is played (a policy that learns from the expectations reads them there)
 * @returns accuracy figures and the failing turns
 * @throws {TypeError} when the file is not a valid test set
 * @throws {ModelLoadError} when the model cannot be loaded
 */
export async function evalDialogues(
  file: string | { name: string; specs: readonly DialogueSpec[] },
  options: {
    model?: string;
    contextModel?: string | ContextScorer;
    policy?: DialoguePolicy;
    tagger?: false;
    beforeTurn?: (turn: DialogueTurnSpec, dialogue: number) => void;
  } = {},
): Promise<DialogueEvalReport> {
  const specs = typeof file === 'string' ? parseSpecs(await readJson(file), file) : parseSpecs(file.specs, file.name);
  // The shipped models are played as the engine plays them: the Chinese one chosen per turn by
  // language, so a Chinese set needs no flag.
  const model = await loadEvalIntentModel(options.model);
  let decision: ContextDecision | undefined;
  let policy = options.policy;
  let loaded: ContextModel | undefined;
  if (policy === undefined) {
    const source = options.contextModel ?? DEFAULT_CONTEXT_MODEL;
    if (typeof source === 'string') loaded = await loadContextModel(source, { expect: CONTEXT_SPEC });
    policy = createContextPolicy(loaded ?? (source as ContextScorer), { onDecision: (d) => (decision = d) });
  }
  const tagger =
    options.tagger === false ? undefined : await loadSlotTagger(fileURLToPath(engineAssets['slots-default'].here()));
  let turns = 0;
  let intentsRight = 0;
  let slotsExpected = 0;
  let slotsRight = 0;
  let dialoguesRight = 0;
  const failures: DialogueEvalReport['failures'] = [];
  try {
    for (const [index, spec] of specs.entries()) {
      const session = await openDialogueSession(model, {
        seed: index + 1,
        policy,
        ...(tagger === undefined ? {} : { tagger }),
      });
      let ok = true;
      for (const [t, turn] of spec.turns.entries()) {
        decision = undefined;
        options.beforeTurn?.(turn, index);
        const { reply, understanding } = await session.send(turn.user);
        const problems: string[] = [];
        turns++;
        const intent = understanding.intent ?? OOS_LABEL;
        if (intent === turn.expect.intent) intentsRight++;
        else problems.push(`intent ${intent} (${understanding.action}), expected ${turn.expect.intent}`);
        for (const [name, value] of Object.entries(turn.expect.slots ?? {})) {
          slotsExpected++;
          if (sameValue(value, understanding.slots[name])) slotsRight++;
          else
            problems.push(
              `slot ${name} = ${JSON.stringify(understanding.slots[name])}, expected ${JSON.stringify(value)}`,
            );
        }
        const includes = turn.expect.replyIncludes;
        if (includes !== undefined && !reply.text.toLowerCase().includes(includes.toLowerCase()))
          problems.push(`reply "${reply.text}" lacks "${includes}"`);
        if (problems.length > 0) {
          ok = false;
          failures.push({
            dialogue: spec.name ?? `#${index}`,
            turn: t,
            user: turn.user,
            problems,
            ...(decision === undefined ? {} : { decision }),
          });
        }
      }
      if (ok) dialoguesRight++;
      await session.store.close();
    }
  } finally {
    await model.dispose();
    // A model loaded here is released here; one passed in belongs to the caller.
    await loaded?.dispose();
    await tagger?.dispose();
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    turnAccuracy: ratio(intentsRight, turns),
    slotAccuracy: ratio(slotsRight, slotsExpected),
    dialogueSuccess: ratio(dialoguesRight, specs.length),
    n: turns,
    dialogues: specs.length,
    failures,
  };
}

/** Usage text of the command. */
export const EVAL_DIALOGUES_USAGE =
  'confidant eval-dialogues <dialogues.json> [--model <intent.onnx>] [--context-model <context.onnx>] [--no-tagger] [--json] [--verbose]';

/**
 * The CLI entry: parses `argv` (after the command name), prints the report, returns the exit code.
 * @param argv e.g. `['test/fixtures/dialogues/default.json', '--json']`
 */
export async function run(argv: string[]): Promise<number> {
  const file = argv.find(
    (a, i) => !a.startsWith('--') && argv[i - 1] !== '--model' && argv[i - 1] !== '--context-model',
  );
  const flag = (name: string) => (argv.includes(name) ? (argv[argv.indexOf(name) + 1] ?? null) : undefined);
  const model = flag('--model');
  const contextModel = flag('--context-model');
  if (argv.includes('--help') || file === undefined || model === null || contextModel === null) {
    process.stderr.write(`usage: ${EVAL_DIALOGUES_USAGE}\n`);
    return argv.includes('--help') ? 0 : 2;
  }
  const json = argv.includes('--json');
  const report = await evalDialogues(file, {
    ...(model === undefined ? {} : { model }),
    ...(contextModel === undefined ? {} : { contextModel }),
    ...(argv.includes('--no-tagger') ? { tagger: false as const } : {}),
  });
  if (json) {
    const { turnAccuracy, slotAccuracy, dialogueSuccess, n } = report;
    process.stdout.write(`${JSON.stringify({ turnAccuracy, slotAccuracy, dialogueSuccess, n })}\n`);
    return 0;
  }
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  process.stdout.write(
    `${report.dialogues} dialogues, ${report.n} turns\nturn accuracy    ${pct(report.turnAccuracy)}\nslot accuracy    ${pct(report.slotAccuracy)}\ndialogue success ${pct(report.dialogueSuccess)}\n`,
  );
  if (argv.includes('--verbose')) {
    for (const f of report.failures) {
      process.stdout.write(`- [${f.dialogue}] turn ${f.turn} "${f.user}": ${f.problems.join('; ')}\n`);
      if (f.decision !== undefined) process.stdout.write(`    ${describeDecision(f.decision)}\n`);
    }
  }
  return 0;
}

/** One line on what the context model decided: the command and its runner-up, the switch, the best intents and slots. */
export function describeDecision(d: ContextDecision): string {
  const top = (entries: [string, number][], n: number) =>
    entries
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${k} ${v.toFixed(2)}`)
      .join(', ');
  const parts = [
    `decision: ${d.command} → ${d.action.type}`,
    `commands ${top(Object.entries(d.commands), 3)}`,
    `switch ${d.switch.toFixed(2)}`,
    `intents ${top(
      d.intents.map((i) => [i.intent, i.score]),
      4,
    )}`,
  ];
  if (d.slots.length > 0)
    parts.push(
      `slots ${top(
        d.slots.map((s) => [s.slot, s.score]),
        3,
      )}`,
    );
  return parts.join(' | ');
}
