/**
 * Rewrites a context model of an older format into the current graph (`context-graph.ts`) around
 * the very same weights (every initializer copied byte for byte) and metadata (but the format
 * number and the layout): no retraining. `confidant convert-context` writes the result to a file;
 * the runtime does the same in memory when it is given an older file (this module then loads with
 * the trainer, only when an old model is met: it carries the ONNX writer).
 *
 * @module
 */
import { checkGraphChecksum, readSummary } from '../../nlu/onnx/model-format.ts';
import { readInitializers } from '../../nlu/onnx/onnx-reader.ts';
import { ModelLoadError } from '../../errors.ts';
import {
  CONTEXT_FORMAT_VERSION,
  CONTEXT_LAYOUT,
  decodeContextMetadata,
  encodeContextMetadata,
} from '../context-format.ts';
import { encodeContextGraph, GRAPH_CONSTANTS, GraphParts } from './context-graph.ts';

/**
 * Converts a context model of an older format into the current one with the same weights.
 * @param bytes the `.onnx` file of an older format
 * @param source where it came from, for errors
 * @returns the converted file's bytes
 * @throws {ModelLoadError} naming `source` when it is not a context model this code can convert
 * @example
 * ```ts
 * const current = convertContextOnnx(readFileSync('old-context.onnx'), 'old-context.onnx');
 * ```
 */
export function convertContextOnnx(bytes: Uint8Array, source: string): Uint8Array {
  const summary = readSummary(bytes, source, 'model');
  const meta = decodeContextMetadata(summary.metadata, source);
  checkGraphChecksum(summary, source, 'model', true);
  if (meta.format >= CONTEXT_FORMAT_VERSION)
    throw new ModelLoadError(`The context model is already of format ${meta.format}`, source);
  const tensors = readInitializers(bytes).filter((t) => !GRAPH_CONSTANTS.has(t.name));
  const parts = new GraphParts(false);
  for (const t of tensors) {
    parts.constant(t);
    // A quantized matrix (not the table, which is dequantized after its Gather) needs its DequantizeLinear back.
    const matrix = /^(.*)_q$/.exec(t.name)?.[1];
    if (matrix !== undefined && matrix !== 'embedding') parts.dequantized(matrix);
  }
  const table = tensors.find((t) => t.name === 'embedding_q' || t.name === 'embedding');
  const dim = table?.dims[1];
  if (dim === undefined) throw new ModelLoadError('The context model has no embedding table', source);
  const { spec } = meta;
  return encodeContextGraph(
    meta.name,
    parts,
    {
      dim,
      state: spec.state.length,
      commands: spec.commands.length,
      candFeatures: spec.candFeatures.length,
      slotFeatures: spec.slotFeatures.length,
    },
    encodeContextMetadata({ ...meta, format: CONTEXT_FORMAT_VERSION, layout: { ...CONTEXT_LAYOUT, dim } }),
  );
}
