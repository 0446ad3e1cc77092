/**
 * The context model at run time: loading and running a `.onnx` context model, the featurization
 * of its inputs, and the lexical features that describe candidates. Training lives in
 * `./training/`.
 *
 * @module
 */

export { loadContextModel, type ContextModel, type LoadContextModelOptions } from './context-model.ts';
export {
  createTextIdCache,
  featurizeContext,
  type ContextCandidate,
  type ContextFeatures,
  type ContextInput,
  type ContextOutput,
  type TextIdCache,
} from './context-features.ts';
export {
  CONTEXT_INPUTS,
  CONTEXT_OUTPUTS,
  readContextModelFile,
  type ContextModelMetadata,
  type ContextSpec,
} from './context-format.ts';
export {
  contentWords,
  describeIntent,
  ENGLISH_FUNCTION_WORDS,
  humanizeName,
  lexicalOverlap,
  overlapOfWords,
  type IntentDescription,
  type LexicalOverlap,
} from './lexical-features.ts';
