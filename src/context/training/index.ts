/**
 * Training the context network: trainer, ONNX export and in-memory predictor. Never part of
 * the Worker bundle unless training is used.
 *
 * @module
 */

export { trainContextModel, type TrainedContextModel } from './context-trainer.ts';
export type { ContextExample } from './context-train-data.ts';
export type { ContextLabels, HeadLossWeights } from './context-backprop.ts';
export type { ContextTrainOptions, ContextTrainProgressEvent, ContextValidation } from './context-train-options.ts';
export { exportContextOnnx, type ContextExportOptions } from './context-export.ts';
export { createContextPredictor, type ContextPredictor } from './context-predictor.ts';
export { createContextRunner, type ContextRunner } from './context-encoder.ts';
