/**
 * The model card of the context model (`models/assistant-context.md`), written by
 * `confidant train-context` from the figures it measured: the data it was trained on, what it
 * sees, how it decides, and its figures on simulated validation, on skills it never saw and on the
 * dev dialogue sets. No test split is reported in it (issue 15): `npm run bench:context` does that.
 *
 * @module
 */
import { cpus, loadavg } from 'node:os';
import { CANDIDATE_FEATURES, COMMANDS, SLOT_FEATURES, STATE_FEATURES } from '../../src/context/dialogue-features.ts';
import type { TrainedContextModel } from '../../src/context/training/context-trainer.ts';
import type { DialogueEvalReport } from './eval-dialogues.ts';
import { CONTEXT_TRAINING } from './context-data.ts';
import { HELD_OUT_SHARE } from './context-dialogues.ts';

/** What the card reports. */
export interface ContextCardFigures {
  dialogues: number;
  trainTurns: number;
  seed: number;
  /** The trainer's seed, when not `seed` (`--train-seed`). */
  trainSeed?: number;
  epochs: number;
  metrics: TrainedContextModel['metrics'];
  bytes: number;
  gzipBytes: number;
  validation: { command: number; intent: number; turns: number };
  heldOutSkills: { command: number; intent: number; turns: number };
  chinese: { command: number; intent: number; turns: number };
  dev: ({ file: string } & DialogueEvalReport)[];
  /** People's dialogues trained on (their training part), with the gold play that labelled them. */
  people: { file: string; trainDialogues: number; trainTurns: number; skipped: number; gold: DialogueEvalReport }[];
  /** How many times each of their turns counts. */
  weight: number;
  /** The held-out part of each file of people's dialogues, played with the trained model. */
  heldOutPeople: ({ file: string } & DialogueEvalReport)[];
  seconds: number;
}

const pct = (x: number) => (Number.isNaN(x) ? 'n/a' : `${(100 * x).toFixed(1)}%`);

function table(rows: ({ file: string } & DialogueEvalReport)[]): string {
  if (rows.length === 0) return '(none given)\n';
  return (
    '| set | dialogues | turns | turn accuracy | slot accuracy | dialogue success |\n|---|---:|---:|---:|---:|---:|\n' +
    rows
      .map(
        (r) =>
          `| \`${r.file}\` | ${r.dialogues} | ${r.n} | ${pct(r.turnAccuracy)} | ${pct(r.slotAccuracy)} | ${pct(r.dialogueSuccess)} |`,
      )
      .join('\n') +
    '\n'
  );
}

/** The card's paragraph on people's dialogues trained on (empty when none were). */
function peopleText(f: ContextCardFigures): string {
  if (f.people.length === 0) return 'No hand-labelled dialogue was trained on. ';
  const turns = f.people.reduce((sum, p) => sum + p.trainTurns, 0);
  const files = f.people
    .map(
      (p) =>
        `\`${p.file}\` (${p.trainDialogues} dialogues, ${p.trainTurns} turns labelled, ${p.skipped} not; gold play ${pct(p.gold.turnAccuracy)} of turns)`,
    )
    .join(', ');
  return `People's dialogues, written for Confidant in the dialogue sets' format (\`models/corpora/dialogues/\`,
DATASHEET.md there), ${Math.round(100 * (1 - HELD_OUT_SHARE))}% of each file by dialogue (seeded; the rest is held out
and reported below): ${files}. Each was played through the real stack with its expected history, each turn labelled
with the decision its expectation and the state imply (\`src/context/simulator/gold-turn.ts\`; "gold play" is how
often acting on those labels gives the expected intent), and each of its ${turns} turns counts ${f.weight} times.
Besides them, `;
}

/**
 * Renders the card.
 * @param f the figures of the training run
 * @returns the Markdown text
 */
export function writeContextCard(f: ContextCardFigures): string {
  const m = f.metrics;
  return `# assistant-context 2026.12.0

The context model of Confidant (issue 15): for each turn it decides how the turn relates to the conversation
— one of the dialogue commands ${COMMANDS.map((c) => `\`${c}\``).join(', ')} —, whether it switches
away from the active task or carries it on, which intent it means after context, and which pending slot it
answers. It runs in ONNX Runtime Web next to the intent model; \`src/context/decide.ts\` turns its outputs into a
dialogue action, with only the guards a rule must hold whatever the model says.

## What it sees

- The turn's words and what the assistant last said (hashed word and character n-grams, the intent model's featurizer).
- ${STATE_FEATURES.length} dialogue-state features: the active task and its skill, the pending question (slot or
  confirmation) and the kind of slot, whether the turn holds a value for it, the last acts, turn position, the intent
  model's top scores, the entities present.
- Every candidate intent (the registered skills' intents and the intent model's ranked ones), described by its
  name, its description in the skill's manifest and its slot names, with ${CANDIDATE_FEATURES.length} features each
  (the intent model's score, whether it is the active task's intent or skill, whether the skill's extractors find
  slots in the turn, word and character overlap with its description, …). A skill registered after training is read
  from its manifest: nothing in the model has one output per intent.
- Each slot of the active task (${SLOT_FEATURES.length} features: pending, value found, entity of its kind, filled, kind).

## Data

${peopleText(f)}${f.dialogues} dialogues (${f.trainTurns} user turns) were simulated by
\`src/context/simulator/\` (seed ${f.seed}): an agenda-based user who requests, answers, cancels (of a question or of a
running timer), follows up ("and tomorrow?", "X too", "another one", "plus 8"), corrects, confirms, denies, switches
topic mid-question, chats, and says asides that answer nothing while a question is open ("hmm let me think", "one
sec", "等一下", "我想想", reactions, fillers, keyboard mash, a question back: out of scope, the question stays open;
\`asides.ts\`), comments once a task is done, never opened by a yes or an ack ("finally friday", "我数学太差了":
out of scope whatever their words suggest) and a reason or praise around a cancel, a stop, a check or a thanks
("pause it, phone's ringing", "thanks, big help", "forget it, i'll remember anyway": the act stays what it is), a
bare ack once a task is done ("yep", "对": small talk \`yes\`; "ok round that", "嗯 再乘2" go on with the task),
follow-ups on the last result ("round that", "结果翻个倍"), answers after a hesitation ("what was it... oh yes,
X"), reads of several running timers ("which one rings first") and first requests after a polite preamble, in English (70%) and Simplified Chinese
(30%), with casual typing and typos. Cancels,
yes, no and vague answers ("no idea") are drawn from phrase banks and, now and then, from the intent corpora's own
\`cancel\`, \`yes\`, \`no\` and \`maybe\` sentences. Requests
come from the intent corpora's train and validation splits (CLINC150, CC BY 3.0; CLINC150-zh in \`models/corpora/zh\`)
and from phrase banks per built-in intent; slot values from generators per slot kind; besides the built-in skills,
invented skills (pizza, weather, music, taxis, notes, cinema, …) are registered at random so the model learns to read
manifests. Every turn goes through the real intent model, entity extractors, dialogue manager and skills (in about a
third of the turns the intent model's scores are then jittered and its in-scope call sometimes flipped, as another
model or unfamiliar wording would give them); the gold
decision is carried out through the same \`decideAction\` the runtime uses. No test split was read.

## Training

\`src/context/training/\`: embeddings (${CONTEXT_TRAINING.dim} dims, ${m.vocabulary} rows, uint8-quantized), a turn
summary over the utterance, context and state, and a scorer for each candidate and slot from its description's
embedding against the turn's; Adam, ${f.epochs} epochs, best epoch ${m.bestEpoch} on simulated validation
(${f.validation.turns} turns, another seed). Settings: \`${JSON.stringify(CONTEXT_TRAINING)}\`, chosen on simulated
validation and the dev dialogue sets. ${(f.seconds / 60).toFixed(0)} minutes on ${cpus().length} cores (load
${loadavg()[0]!.toFixed(1)} at the end), Node ${process.version}.

Size: ${f.bytes} bytes, ${f.gzipBytes} gzipped.

## Figures

Simulated validation (${f.validation.turns} turns): command ${pct(f.validation.command)}, intent ${pct(f.validation.intent)};
its Chinese turns (${f.chinese.turns}): command ${pct(f.chinese.command)}, intent ${pct(f.chinese.intent)}.

Skills never seen in training (requests to the held-out invented skills, ${f.heldOutSkills.turns} turns, read from
their manifests only): command ${pct(f.heldOutSkills.command)}, intent ${pct(f.heldOutSkills.intent)}.

Dialogue sets, played through the whole stack by \`confidant eval-dialogues\` (dev: may be tuned on):

${table(f.dev)}${
    f.heldOutPeople.length === 0
      ? ''
      : `
The held-out part of each file of people's dialogues (never trained on; DEV: a measure of phrasing the model has
not seen):

${table(f.heldOutPeople)}`
  }
The frozen test sets are not reported in this card (nothing here is chosen with them): \`npm run bench:context\`
plays them next to the dev sets, with an utterance-only anchor (BENCHMARKS.md).

## Reproduce

\`\`\`sh
npx tsx bin/cli.ts train-context --data ../shared/datasets/clinc150.json --seed ${f.seed}${
    f.trainSeed === undefined || f.trainSeed === f.seed ? '' : ` --train-seed ${f.trainSeed}`
  } --dialogues ${f.dialogues} \\
  --epochs ${f.epochs} --dev ${f.dev.map((d) => d.file).join(',') || '<dev sets>'}${
    f.people.length === 0
      ? ''
      : ` \\
  --train-dialogues ${f.people.map((p) => p.file).join(',')} --dialogue-weight ${f.weight}`
  }
\`\`\`
`;
}
