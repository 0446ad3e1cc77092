/**
 * The slot tagger at run time: tokens with offsets, features, CRF decoding and the ONNX Runtime
 * Web loader. Training and export live in `../tagger-training/`.
 *
 * @module
 */

export { loadSlotTagger, type LoadSlotTaggerOptions, type SlotTagger } from './slot-tagger.ts';
export { bioLabels, type TaggedSpan } from './bio.ts';
export { tokenizeWithOffsets, type Token } from './tokens.ts';
export { withSlotEntities } from './slot-entities.ts';
