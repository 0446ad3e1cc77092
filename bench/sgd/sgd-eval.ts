/**
 * Active-intent accuracy on SGD as the dataset defines it, per frame, with the model's own
 * previous predictions fed back as the "previous intent" of the next turns (never the gold).
 */
import { NONE, newMemory, type createSgdAdapter, type SgdExample } from './sgd-examples.ts';
import type { SgdDialogue } from './sgd-data.ts';

/** One evaluated frame. */
export interface FrameOutcome {
  correct: boolean;
  /** The frame's service occurs in the training split. */
  seen: boolean;
  /** The gold active intent differs from the gold one before the turn (the turn states a new intent, or drops it). */
  switchTurn: boolean;
  /** The dialogue has one service. */
  singleDomain: boolean;
  /** How the gold intent moves: kept, started (from NONE), changed to another intent, dropped to NONE. */
  kind: 'carry' | 'start' | 'change' | 'drop';
}

/** Accuracy over a subset of frames. */
export interface Accuracy {
  accuracy: number;
  frames: number;
}

/** The figures of one model on one split. */
export interface SgdScores {
  all: Accuracy;
  seen: Accuracy;
  unseen: Accuracy;
  switches: Accuracy;
  switchesSeen: Accuracy;
  switchesUnseen: Accuracy;
  singleDomain: Accuracy;
  /** By how the gold intent moves (see {@link FrameOutcome.kind}). */
  kinds: Record<FrameOutcome['kind'], Accuracy>;
}

/**
 * Runs a model over every frame of every dialogue in order.
 * @param dialogues the split
 * @param adapter frames → examples (of the model's variant)
 * @param predict the index of the chosen candidate of an example
 * @param seenServices the services of the training split
 * @returns one outcome per frame
 */
export function runDialogues(
  dialogues: readonly SgdDialogue[],
  adapter: ReturnType<typeof createSgdAdapter>,
  predict: (example: SgdExample) => number,
  seenServices: ReadonlySet<string>,
): FrameOutcome[] {
  const out: FrameOutcome[] = [];
  for (const d of dialogues) {
    const memory = newMemory();
    const gold = new Map<string, string>();
    d.turns.forEach((turn, t) => {
      const predicted: [string, string][] = [];
      for (const frame of turn.frames) {
        const example = adapter.example(turn, t, frame, memory);
        const name = example.candidateNames[predict(example)] ?? NONE;
        predicted.push([frame.service, name]);
        const before = gold.get(frame.service) ?? NONE;
        out.push({
          correct: name === frame.activeIntent,
          kind:
            frame.activeIntent === before
              ? 'carry'
              : before === NONE
                ? 'start'
                : frame.activeIntent === NONE
                  ? 'drop'
                  : 'change',
          seen: seenServices.has(frame.service),
          switchTurn: frame.activeIntent !== before,
          singleDomain: d.services.length === 1,
        });
      }
      for (const [service, name] of predicted) memory.previous.set(service, name);
      for (const frame of turn.frames) gold.set(frame.service, frame.activeIntent);
      memory.lastServices = new Set(turn.frames.map((f) => f.service));
    });
  }
  return out;
}

function accuracyOf(outcomes: readonly FrameOutcome[]): Accuracy {
  const right = outcomes.filter((o) => o.correct).length;
  return { accuracy: outcomes.length === 0 ? NaN : right / outcomes.length, frames: outcomes.length };
}

/**
 * The figures of a run.
 * @param outcomes from {@link runDialogues}
 * @returns accuracy overall, on seen and unseen services, on switch turns, on single-domain dialogues
 */
export function scoresOf(outcomes: readonly FrameOutcome[]): SgdScores {
  const sw = outcomes.filter((o) => o.switchTurn);
  return {
    all: accuracyOf(outcomes),
    seen: accuracyOf(outcomes.filter((o) => o.seen)),
    unseen: accuracyOf(outcomes.filter((o) => !o.seen)),
    switches: accuracyOf(sw),
    switchesSeen: accuracyOf(sw.filter((o) => o.seen)),
    switchesUnseen: accuracyOf(sw.filter((o) => !o.seen)),
    singleDomain: accuracyOf(outcomes.filter((o) => o.singleDomain)),
    kinds: {
      carry: accuracyOf(outcomes.filter((o) => o.kind === 'carry')),
      start: accuracyOf(outcomes.filter((o) => o.kind === 'start')),
      change: accuracyOf(outcomes.filter((o) => o.kind === 'change')),
      drop: accuracyOf(outcomes.filter((o) => o.kind === 'drop')),
    },
  };
}
