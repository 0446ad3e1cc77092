/**
 * Training and export of slot taggers (the run-time part is `../tagger/`).
 *
 * @module
 */

export {
  tagInMemory,
  trainSlotTagger,
  type TaggerProgressEvent,
  type TrainTaggerOptions,
  type TrainedTagger,
} from './train-tagger.ts';
export { exportTagger, type ExportTaggerOptions } from './export-tagger.ts';
export { SpanCounter, type SpanScores } from './span-metrics.ts';
