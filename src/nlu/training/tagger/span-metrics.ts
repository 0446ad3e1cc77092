/**
 * Slot F1 as the SNIPS and ATIS literature reports it (conlleval): a predicted span counts only
 * when its start, end and slot name all equal a gold span's; precision, recall and F1 are micro
 * averages over every span of every utterance.
 *
 * @module
 */
import type { SlotSpan } from '../../types.ts';

/** Span counts and the scores they give. */
export interface SpanScores {
  truePositives: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Accumulates exact-span matches over utterances. */
export class SpanCounter {
  #tp = 0;
  #predicted = 0;
  #gold = 0;

  /**
   * Adds one utterance.
   * @param gold the annotated spans
   * @param predicted the spans found
   */
  add(gold: readonly SlotSpan[], predicted: readonly SlotSpan[]): void {
    const key = (s: SlotSpan) => `${s.start}:${s.end}:${s.entity}`;
    const wanted = new Set(gold.map(key));
    this.#gold += wanted.size;
    const seen = new Set<string>();
    for (const p of predicted) {
      const k = key(p);
      if (seen.has(k)) continue;
      seen.add(k);
      this.#predicted++;
      if (wanted.has(k)) this.#tp++;
    }
  }

  /** The micro-averaged scores so far. */
  scores(): SpanScores {
    const precision = this.#predicted === 0 ? 0 : this.#tp / this.#predicted;
    const recall = this.#gold === 0 ? 0 : this.#tp / this.#gold;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { truePositives: this.#tp, predicted: this.#predicted, gold: this.#gold, precision, recall, f1 };
  }
}
