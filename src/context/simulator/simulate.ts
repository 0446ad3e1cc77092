/**
 * Runs simulated dialogues through the real stack — intent model, entity extractors, dialogue
 * manager, skills and an encrypted memory store — with a policy that acts on the simulated user's
 * gold decision through the runtime's own `decideAction`. Each turn is recorded with the features
 * the runtime computed for it, so the context model trains on exactly what it will see.
 *
 * @module
 */
import { createDialogueManager } from '../../dialogue/manager.ts';
import type { DialoguePolicy, DialogueState } from '../../dialogue/types.ts';
import type { IntentModel } from '../../nlu/runtime/intent-model.ts';
import { createRng, type Rng } from '../../nlu/training/rng.ts';
import type { NluResult } from '../../nlu/types.ts';
import type { SlotTagger } from '../../nlu/tagger/slot-tagger.ts';
import { withSlotEntities } from '../../nlu/tagger/slot-entities.ts';
import { createBuiltinSkills } from '../../skills/builtin/index.ts';
import { createScheduler } from '../../skills/scheduler.ts';
import { createSkillRuntime } from '../../skills/runtime.ts';
import type { SkillDefinition } from '../../skills/types.ts';
import { openStore } from '../../store/index.ts';
import { decideAction } from '../decide.ts';
import { dialogueFeatures, type TurnFeatures } from '../dialogue-features.ts';
import type { SimLanguage } from './acts.ts';
import { casualTyping } from './casual-typing.ts';
import { INTENT_SCRIPTS, type IntentScript } from './intent-scripts.ts';
import { labelTurn, type LabelledTurn } from './label-turn.ts';
import { SYNTHETIC_SKILLS, SYNTHETIC_VALUES, type SyntheticSkill } from './synthetic-skills.ts';
import { nextUserTurn, type SimCorpus, type SimSetting, type SimulatedTurn } from './user-simulator.ts';
import { pick, VALUES, type ValueGenerator } from './values.ts';

/** Options of {@link simulateDialogues}. */
export interface SimulateOptions {
  /** The intent model every turn goes through, as at run time. */
  model: IntentModel;
  /** The slot tagger whose spans join each turn's entities, as at run time. @default none */
  tagger?: SlotTagger;
  corpus: SimCorpus;
  dialogues: number;
  seed: number;
  /** Share of dialogues in Chinese. @default 0.3 */
  chinese?: number;
  /** Which invented skills may be registered: those for training, the held-out ones, or none. @default 'train' */
  synthetic?: 'train' | 'held-out' | 'none';
  /** Receives each recorded turn. */
  onTurn: (turn: RecordedTurn) => void;
}

/** One simulated turn with what the runtime saw and what it should have decided. */
export interface RecordedTurn {
  dialogue: number;
  turn: number;
  lang: SimLanguage;
  act: string;
  text: string;
  features: TurnFeatures;
  labelled: LabelledTurn;
}

/** What a simulation run did. */
export interface SimulationStats {
  dialogues: number;
  turns: number;
  /** Turns whose gold decision could not be expressed (not recorded). */
  skipped: number;
}

const BASE_NOW = Date.parse('2026-11-26T09:00:00Z');
const ZONES = ['Europe/Paris', 'Europe/Paris', 'America/New_York', 'Asia/Shanghai', 'Europe/London'];
/** Dialogues per store: the scheduler keeps at most 100 timers per skill, and a store per dialogue is slow. */
const DIALOGUES_PER_STORE = 25;

/** The intent model's view without one intent (an intent model that misses it), renormalized. */
function withoutIntent(nlu: NluResult, intent: string): NluResult {
  const intents = nlu.intents.filter((s) => s.intent !== intent);
  if (intents.length === nlu.intents.length) return nlu;
  const top = intents[0];
  return {
    ...nlu,
    intents,
    intent: top === undefined || nlu.outOfScope ? null : top.intent,
    confidence: top?.score ?? 0,
  };
}

/** What a better (or a host's own) intent model says of a request: its intent, surely, and nothing else. */
function sure(nlu: NluResult, intent: string, rng: Rng): NluResult {
  const score = 0.75 + 0.24 * rng.next();
  return { ...nlu, intent, confidence: score, outOfScope: false, intents: [{ intent, score }] };
}

/**
 * The intent model's scores as another model, or this one on unfamiliar wording, might give them:
 * each score scaled by a random factor (the mass kept), re-ranked, and the in-scope call now and then
 * the other way, so the context model does not learn one model's calibration by heart.
 */
function jittered(nlu: NluResult, rng: Rng): NluResult {
  if (nlu.intents.length === 0) return nlu;
  const mass = nlu.intents.reduce((sum, s) => sum + s.score, 0);
  const raw = nlu.intents.map((s) => ({ intent: s.intent, score: s.score * Math.exp(0.7 * rng.normal()) }));
  const scale = mass / raw.reduce((sum, s) => sum + s.score, 0);
  const intents = raw.map((s) => ({ intent: s.intent, score: s.score * scale })).sort((a, b) => b.score - a.score);
  const outOfScope = rng.next() < 0.1 ? !nlu.outOfScope : nlu.outOfScope;
  const top = intents[0]!;
  return { ...nlu, intents, intent: outOfScope ? null : top.intent, confidence: top.score, outOfScope };
}

/**
 * The intents answered as small talk (kept aside of a running task): the small-talk and meta skills'.
 * @param skills the registered skills
 */
export function smallTalkIntents(skills: readonly SkillDefinition[]): Set<string> {
  const chat = skills.filter((s) => s.id === 'builtin.small-talk' || s.id === 'builtin.meta');
  return new Set(chat.flatMap((s) => s.intents));
}

/**
 * One or two skills an app might register on intents the intent model knows that no built-in skill
 * answers, described only by their manifest; users ask them in the corpora's words.
 */
function appSkills(
  rng: Rng,
  corpus: SimCorpus,
  labels: ReadonlySet<string>,
  builtins: readonly SkillDefinition[],
): SyntheticSkill[] {
  const taken = new Set(builtins.flatMap((s) => s.intents));
  const free = [...labels].filter((l) => !taken.has(l) && (corpus.requests.get(l)?.length ?? 0) > 0);
  return rng
    .shuffle(free)
    .slice(0, 1 + rng.int(2))
    .map((intent) => {
      const skill: SkillDefinition = {
        id: `app.${intent.replace(/_/g, '-')}`,
        version: '1.0.0',
        intents: [intent],
        execute: () => `Done: ${intent.replace(/_/g, ' ')}.`,
      };
      const en = rng.shuffle([...(corpus.requests.get(intent) ?? [])]).slice(0, 12);
      const zh = rng.shuffle([...(corpus.zhRequests?.get(intent) ?? [])]).slice(0, 12);
      return { skill, scripts: { [intent]: { full: { en, zh } } }, overlaps: [] };
    });
}

/**
 * Simulates dialogues and records every turn.
 * @returns how many dialogues and turns were made
 */
export async function simulateDialogues(options: SimulateOptions): Promise<SimulationStats> {
  const rng = createRng(options.seed);
  const builtins = createBuiltinSkills({ random: () => rng.next() });
  const generators: Record<string, ValueGenerator> = { ...VALUES };
  for (const [name, values] of Object.entries(SYNTHETIC_VALUES)) generators[name] = (r: Rng) => pick(r, values);
  const pool = SYNTHETIC_SKILLS.filter((s) =>
    options.synthetic === 'none' ? false : options.synthetic === 'held-out' ? s.heldOut === true : s.heldOut !== true,
  );
  const labels = new Set([...options.corpus.requests.keys()].filter((l) => l !== 'oos'));
  const stats: SimulationStats = { dialogues: 0, turns: 0, skipped: 0 };
  let store: Awaited<ReturnType<typeof openStore>> | undefined;
  let runtime: ReturnType<typeof createSkillRuntime> | undefined;
  let now = BASE_NOW;

  for (let d = 0; d < options.dialogues; d++) {
    if (d % DIALOGUES_PER_STORE === 0) {
      runtime?.dispose();
      await store?.close();
      store = await openStore({ storage: 'memory' });
      const scheduler = createScheduler({ store, onFire: () => undefined, now: () => now });
      runtime = createSkillRuntime({ store, scheduler, timeZone: 'Europe/Paris', requestPermission: async () => true });
    }
    now = BASE_NOW + rng.int(48) * 3_600_000 + rng.int(4) * 900_000;
    const timeZone = pick(rng, ZONES);
    const lang: SimLanguage = rng.next() < (options.chinese ?? 0.3) ? 'zh' : 'en';
    const extra = pool.length === 0 || rng.next() < 0.4 ? [] : rng.shuffle([...pool]).slice(0, 1 + rng.int(3));
    // An app's skill on an intent the intent model knows and no built-in skill answers ("meal_suggestion"):
    // the model's own confident score then names a registered skill.
    const app = rng.next() < 0.3 ? appSkills(rng, options.corpus, labels, builtins) : [];
    const skills = [...extra.map((x) => x.skill), ...app.map((x) => x.skill), ...builtins];
    const scripts: Record<string, IntentScript> = { ...INTENT_SCRIPTS };
    for (const x of [...extra, ...app]) Object.assign(scripts, x.scripts);
    const covered = new Set([...skills.flatMap((s) => s.intents), ...extra.flatMap((x) => x.overlaps)]);
    const setting: SimSetting = {
      rng,
      lang,
      skills,
      scripts,
      corpus: options.corpus,
      unanswered: [...labels].filter((l) => !covered.has(l)),
      smallTalk: smallTalkIntents(skills),
      generators,
    };

    let current: SimulatedTurn | undefined;
    let recorded: { features: TurnFeatures; labelled: LabelledTurn } | undefined;
    const oracle: DialoguePolicy = (input) => {
      const features = dialogueFeatures(input);
      const labelled = labelTurn(input.state, features, current!.gold);
      const decided = labelled === undefined ? undefined : decideAction(input.state, features, labelled.outputs);
      if (labelled === undefined || decided === undefined || decided.command !== labelled.command) {
        recorded = undefined;
        return { type: 'out-of-scope', confidence: 0 };
      }
      recorded = { features, labelled };
      return decided.action;
    };
    // A function, so the type checker does not take `recorded` for undefined after the turn.
    const forget = () => {
      recorded = undefined;
    };
    const manager = createDialogueManager({
      store: store!,
      skills,
      runtime: runtime!,
      clock: () => new Date(now),
      timeZone,
      random: () => rng.next(),
      policy: oracle,
    });
    const conversationId = `sim-${d}`;
    let state: DialogueState = { version: 1, turn: 0, at: 0, recent: [] };
    const turns = 2 + rng.int(6);
    for (let t = 0; t < turns; t++) {
      current = nextUserTurn(state, setting);
      const text = casualTyping(current.text, rng, lang, rng.next() < 0.5 ? 1 : 0, current.values);
      let nlu = withSlotEntities(
        await options.model.classify(text, { now: new Date(now), timeZone }),
        (await options.tagger?.tag(text)) ?? [],
      );
      // Other intent models, or this one wrong: the gold intent missed, fewer intents ranked, the scores off.
      const r = rng.next();
      if (current.gold.intent !== undefined && current.gold.command === 'start_task' && r < 0.06)
        nlu = withoutIntent(nlu, current.gold.intent);
      else if (r > 0.96) nlu = { ...nlu, intents: nlu.intents.slice(0, rng.int(2)) };
      else if (r < 0.36) nlu = jittered(nlu, rng);
      else if (
        current.gold.intent !== undefined &&
        (current.gold.command === 'start_task' || current.gold.command === 'small_talk') &&
        r > 0.9
      )
        nlu = sure(nlu, current.gold.intent, rng);
      // An intent model that hears one intent only in the turn (the thanks of "thanks, and {r}").
      if (current.heard !== undefined) nlu = sure(nlu, current.heard, rng);
      // A turn the manager settles without the policy (junk: ../../dialogue/junk-turn.ts) records
      // nothing: not the last turn's features and label again.
      forget();
      await manager.handle({
        conversationId,
        text,
        nlu,
        signal: new AbortController().signal,
        save: async (next) => {
          state = structuredClone(next);
        },
      });
      if (recorded === undefined) stats.skipped++;
      else {
        stats.turns++;
        options.onTurn({ dialogue: d, turn: t, lang, act: current.act, text, ...recorded });
      }
      now += 20_000;
    }
    stats.dialogues++;
  }
  runtime?.dispose();
  await store?.close();
  return stats;
}
