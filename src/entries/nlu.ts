/**
 * `confidant-assistant/nlu`: understanding without an assistant (in a build script, a test, a
 * server): load an intent model and classify, tell an utterance's language and route it to the model
 * of that language, extract entities, parse a training corpus; load the context model and the dialogue
 * policy it drives (the seam `createDialogueManager({ policy })` takes).
 *
 * @module
 */
export { loadIntentModel, type IntentModel, type LoadIntentModelOptions } from '../nlu/runtime/intent-model.ts';
export {
  detectLanguage,
  type DetectedLanguage,
  type DetectLanguageOptions,
  type LanguageGuess,
} from '../nlu/runtime/language-id.ts';
export { routeByLanguage, type LanguageModels, type RouteByLanguageOptions } from '../nlu/runtime/language-router.ts';
export { extractEntities, type ExtractEntitiesOptions } from '../nlu/entities/extract-entities.ts';
export { parseCorpus, type CorpusFormat, type ParseCorpusOptions } from '../nlu/corpus/parse-corpus.ts';
export { loadSlotTagger, type SlotTagger, type LoadSlotTaggerOptions } from '../nlu/tagger/slot-tagger.ts';
export type { TaggedSpan } from '../nlu/tagger/bio.ts';
export { loadContextModel, type ContextModel, type LoadContextModelOptions } from '../context/context-model.ts';
export { createContextPolicy, type ContextPolicyOptions, type ContextScorer } from '../context/context-policy.ts';
export type { DialogueAction, DialoguePolicy, PolicyInput } from '../dialogue/types.ts';
export type {
  ContextModelInfo,
  ModelSource,
  SlotTaggerInfo,
  TrainOptions,
  TrainProgressEvent,
} from '../engine/types.ts';
export type {
  ClassifyOptions,
  Corpus,
  CustomEntityDefinition,
  EntityKind,
  IntentScore,
  TrainingExample,
} from '../nlu/types.ts';
