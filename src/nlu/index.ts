/**
 * The intent engine: featurizer, trainer, ONNX export and the ONNX Runtime Web model, plus
 * entities and corpus parsing.
 *
 * @module
 */

export { loadIntentModel, type IntentModel, type LoadIntentModelOptions } from './intent-model.ts';
export { trainOnnxModel, type TrainOnnxOptions, type TrainedOnnxModel } from './train-model.ts';
export { trainIntentModel, type TrainOptions, type TrainedModel } from './trainer.ts';
export { exportOnnx, type ExportOptions } from './export.ts';
export { createInMemoryPredictor, type InMemoryPredictor } from './predictor.ts';
export { defaultFeaturizerConfig, featurize, tokenize, type FeaturizerConfig } from './featurizer.ts';
export { normalizeText } from './normalize.ts';
export { foldHanVariants } from './han-variants.ts';
export {
  detectLanguage,
  wordCoverage,
  type DetectedLanguage,
  type DetectLanguageOptions,
  type LanguageGuess,
} from './language-id.ts';
export { routeByLanguage, type LanguageModels, type RouteByLanguageOptions } from './language-router.ts';
export { OOS_LABEL } from './split.ts';
export { extractEntities, compileCustomEntities, type ExtractEntitiesOptions } from './entities/index.ts';
export { parseCorpus, parseDataset, type CorpusFormat, type ParseCorpusOptions } from './corpus/index.ts';
export type * from './types.ts';
