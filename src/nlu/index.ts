/**
 * The intent engine, by path: `runtime/` (normalize → featurize → ONNX Runtime → scoring, what the
 * Worker runs), `entities/`, `onnx/` (the `.onnx` file format: reader, writer, export), `training/`
 * (the trainer, only loaded to train) and `corpus/` (training corpus formats).
 *
 * @module
 */

export { loadIntentModel, type IntentModel, type LoadIntentModelOptions } from './runtime/intent-model.ts';
export { trainOnnxModel, type TrainOnnxOptions, type TrainedOnnxModel } from './training/train-model.ts';
export { trainIntentModel, type TrainOptions, type TrainedModel } from './training/trainer.ts';
export { exportOnnx, type ExportOptions } from './onnx/export.ts';
export { createInMemoryPredictor, type InMemoryPredictor } from './training/predictor.ts';
export { defaultFeaturizerConfig, featurize, tokenize, type FeaturizerConfig } from './runtime/featurizer.ts';
export { normalizeText } from './runtime/normalize.ts';
export { OOS_LABEL } from './types.ts';
export { extractEntities, compileCustomEntities, type ExtractEntitiesOptions } from './entities/index.ts';
export { parseCorpus, parseDataset, type CorpusFormat, type ParseCorpusOptions } from './corpus/index.ts';
export type * from './types.ts';
