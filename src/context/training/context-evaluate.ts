/**
 * Accuracy of each head of a context network on labelled turns: what the trainer validates on.
 *
 * @module
 */
import type { ContextLabels } from './context-backprop.ts';
import { createContextRunner } from './context-encoder.ts';
import type { ContextWeights } from './context-network.ts';
import type { FeaturizedTurns } from './context-train-data.ts';
import type { ContextValidation } from './context-train-options.ts';

function argmax(values: Float32Array): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if ((values[k] as number) > (values[best] as number)) best = k;
  return best;
}

/**
 * Runs `w` on every turn and measures each head on the turns that label it.
 * @param w the weights
 * @param turns featurized turns with labels
 * @returns per-head accuracy and their mean
 */
export function evaluateContext(w: ContextWeights, turns: FeaturizedTurns): ContextValidation {
  const runner = createContextRunner(w);
  const right = { command: 0, switch: 0, intent: 0, slot: 0 };
  const seen = { command: 0, switch: 0, intent: 0, slot: 0 };
  turns.features.forEach((f, i) => {
    const labels = turns.labels[i] as ContextLabels;
    const out = runner.run(f);
    const score = (head: keyof typeof right, ok: boolean) => {
      seen[head]++;
      if (ok) right[head]++;
    };
    if (labels.command !== undefined) score('command', argmax(out.command) === labels.command);
    if (labels.switch !== undefined) score('switch', (out.switch >= 0.5 ? 1 : 0) === labels.switch);
    if (labels.intent !== undefined) score('intent', argmax(out.intent) === labels.intent);
    if (labels.slot !== undefined) score('slot', argmax(out.slot) === labels.slot);
  });
  const acc = (head: keyof typeof right) => (seen[head] === 0 ? null : right[head] / seen[head]);
  const v = { command: acc('command'), switch: acc('switch'), intent: acc('intent'), slot: acc('slot') };
  const present = Object.values(v).filter((x): x is number => x !== null);
  return { ...v, score: present.length === 0 ? NaN : present.reduce((a, b) => a + b, 0) / present.length };
}
