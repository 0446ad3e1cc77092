/**
 * `confidant-assistant/nlu`: understanding without an assistant (in a build script, a test, a
 * server): load an intent model and classify, extract entities, parse a training corpus.
 *
 * @module
 */
export { loadIntentModel, type IntentModel, type LoadIntentModelOptions } from '../nlu/runtime/intent-model.ts';
export { extractEntities, type ExtractEntitiesOptions } from '../nlu/entities/extract-entities.ts';
export { parseCorpus, type CorpusFormat, type ParseCorpusOptions } from '../nlu/corpus/parse-corpus.ts';
export { loadSlotTagger, type SlotTagger, type LoadSlotTaggerOptions } from '../nlu/tagger/slot-tagger.ts';
export type { TaggedSpan } from '../nlu/tagger/bio.ts';
export type { ModelSource, SlotTaggerInfo, TrainOptions, TrainProgressEvent } from '../engine/types.ts';
export type {
  ClassifyOptions,
  Corpus,
  CustomEntityDefinition,
  EntityKind,
  IntentScore,
  TrainingExample,
} from '../nlu/types.ts';
