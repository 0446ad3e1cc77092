/**
 * Plays the turn mix against any assistant — Worker mode in Chromium, in-thread in Node — and
 * times every turn twice:
 *
 * - `engineMs`: the engine's own time for the turn, measured INSIDE the engine (in the Worker,
 *   when the assistant runs one) with `performance.now()` around classify → store the user's
 *   message → dialogue decision and skill → store the reply. The engine records it with
 *   `metrics.recordTurn(intent, ms, outcome)`; the turn histogram's buckets are coarse (5 ms,
 *   10 ms, …), but its `sum` is exact, so the growth of the sum over exactly one turn is that
 *   turn's time. A metrics snapshot is read after every turn, outside the timed round trip.
 * - `roundTripMs`: `await assistant.send(text)` timed on the calling side: the engine's time plus
 *   the transport (comlink, structured clone, the Worker's event loop) and the turn queue.
 */
import type { Assistant } from '../../src/assistant-types.ts';
import type { MetricsSnapshot } from '../../src/metrics/types.ts';
import { mismatch, mixTurn } from './turn-mix.ts';

/** The histogram `recordTurn` writes (src/metrics/metrics.ts). */
const TURN_HISTOGRAM = 'confidant_turn_duration_seconds';
/** The histogram of the context model's time per turn (src/engine/local-engine.ts). */
const CONTEXT_HISTOGRAM = 'confidant_context_model_duration_seconds';

/** What one play of the mix measured. */
export interface MixResult {
  /** Per measured turn: the engine's own time, from inside the engine (ms). */
  engineMs: number[];
  /** Per measured turn: the context model's time (featurize and run), from inside the engine (ms). */
  contextMs: number[];
  /** Per measured turn: `send()` round trip seen by the caller (ms). */
  roundTripMs: number[];
  /** Measured turns the turn histogram put in its first bucket (<= 5 ms): a cross-check of `engineMs`. */
  histogramAtMost5Ms: number;
  /** Turns understood differently from the mix's expectations (warm-up included), described. */
  mismatches: string[];
}

interface TurnTotals {
  count: number;
  sumSeconds: number;
  atMost5Ms: number;
  contextSeconds: number;
}

/** Adds up the turn histogram over every intent label. */
function turnTotals(snapshot: MetricsSnapshot): TurnTotals {
  const totals: TurnTotals = { count: 0, sumSeconds: 0, atMost5Ms: 0, contextSeconds: 0 };
  for (const h of snapshot.histograms) {
    if (h.name === CONTEXT_HISTOGRAM) totals.contextSeconds += h.sum;
    if (h.name !== TURN_HISTOGRAM) continue;
    totals.count += h.count;
    totals.sumSeconds += h.sum;
    totals.atMost5Ms += h.buckets.find((b) => b.le === 0.005)?.count ?? 0;
  }
  return totals;
}

/**
 * Plays `warmup` turns untimed, then `turns` timed turns, of the mix.
 * @param assistant a started assistant (its current conversation is used)
 * @param options.warmup untimed turns first (JIT, ONNX Runtime, WebCrypto keys, IndexedDB)
 * @param options.turns timed turns
 * @throws {Error} when the engine's turn histogram does not grow by exactly one turn per send
 */
export async function runMix(assistant: Assistant, options: { warmup: number; turns: number }): Promise<MixResult> {
  const result: MixResult = { engineMs: [], contextMs: [], roundTripMs: [], histogramAtMost5Ms: 0, mismatches: [] };
  let before = turnTotals(await assistant.metrics());
  let measuredFrom = before;
  for (let i = 0; i < options.warmup + options.turns; i++) {
    if (i === options.warmup) measuredFrom = before;
    const turn = mixTurn(i);
    const t0 = performance.now();
    const reply = await assistant.send(turn.text);
    const roundTrip = performance.now() - t0;
    const after = turnTotals(await assistant.metrics());
    if (after.count !== before.count + 1)
      throw new Error(`turn ${i}: the turn histogram grew by ${after.count - before.count}, not 1`);
    const wrong = mismatch(turn, reply);
    if (wrong !== undefined) result.mismatches.push(`turn ${i}: ${wrong}`);
    if (i >= options.warmup) {
      result.engineMs.push((after.sumSeconds - before.sumSeconds) * 1000);
      result.contextMs.push((after.contextSeconds - before.contextSeconds) * 1000);
      result.roundTripMs.push(roundTrip);
    }
    before = after;
  }
  result.histogramAtMost5Ms = before.atMost5Ms - measuredFrom.atMost5Ms;
  return result;
}
