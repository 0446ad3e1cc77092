/**
 * The hyper-parameters of the shipped models, shared by `train-default.ts` (which trains and
 * ships them) and `tune-default.ts` (the validation sweep that chose them).
 */
import type { TrainOptions } from '../src/nlu/trainer.ts';

/** The languages a model is shipped for. */
export type ShippedLanguage = 'en' | 'zh';

/**
 * The hyper-parameters of each shipped model (chosen on validation splits only; see the model
 * cards). The trainer's defaults are the ones chosen, unless given here; the seed is fixed
 * beforehand (never picked by test figures).
 */
export const DEFAULT_MODEL_OPTIONS: Record<ShippedLanguage, TrainOptions> = {
  en: { seed: 1 },
  // minCount 3 (×3 with the augmented variants): 12.9k rows, 1.3 MB gzipped, against 20.4k rows and
  // 2.0 MB at the trainer's default of 2 (over the 1.5 MB budget); val in-scope 96.7% against 97.4%
  // (seeds 1–2), and on the val utterances phrased unlike any training one 95.1% against 92.7% (seed 1).
  zh: { seed: 1, minCount: 3 },
};

/**
 * Generated out-of-scope training questions added to the corpus (see `generated-oos.ts`). English:
 * on CLINC150's val split in-scope accuracy stays (93.13% against 93.27%, seed 1), and on the
 * chat-box dev split out-of-scope recall rises from 49% to 64% at the same in-scope accuracy (91.33%).
 */
export const DEFAULT_GENERATED_OOS: Record<ShippedLanguage, number> = { en: 1500, zh: 0 };
