/**
 * The context model's file format: the names of its ONNX inputs and outputs (a contract shared
 * with whoever builds its inputs), what its `metadata_props` carry, and the validation of a
 * `.onnx` file before ONNX Runtime sees it, so a corrupt, wrong-shaped or foreign model is
 * refused with a {@link ModelLoadError} naming it (issue 15, "Bad input").
 *
 * @module
 */
import { ModelLoadError } from '../errors.ts';
import { checkFeaturizerConfig, type FeaturizerConfig } from '../nlu/runtime/featurizer.ts';
import {
  checkGraphChecksum,
  encodeModelHeader,
  metadataReader,
  readSummary,
  type ModelHeader,
} from '../nlu/onnx/model-format.ts';
import type { OnnxElementType, OnnxValueInfo } from '../nlu/onnx/onnx-model.ts';

/**
 * Version of the context model format. A loader refuses newer ones; formats 1 and 2 still load:
 * format 2 is checked against {@link CONTEXT_INPUTS_2} and both are rewritten into the current
 * graph around the same weights (`context-convert.ts`) before ONNX Runtime sees them.
 */
export const CONTEXT_FORMAT_VERSION = 3;

/** The `confidant.kind` of a context model (an intent model has none). */
export const CONTEXT_MODEL_KIND = 'context';

/** An input or output of the graph's contract: name, element type, rank. */
type ValueContract = readonly { name: string; type: OnnxElementType; rank: number }[];

/**
 * The graph's inputs (format 3), in order: two flat tensors, because ONNX Runtime Web pays a fixed
 * cost per tensor on every run (the values are copied into and out of the wasm heap one tensor at
 * a time) and the context model's own arithmetic is small next to it.
 *
 * `ids` (int32) is {@link CONTEXT_LAYOUT}'s `ids` parts one after the other: a header of
 * {@link CONTEXT_HEADER} sizes, the feature ids of each text row (`[T, L]`, 0-padded; row 0 the
 * utterance, row 1 the context, then any candidate or slot description whose mean embedding the
 * caller has not kept from an earlier run), and the row of each candidate (K) and slot (J) in the
 * text rows followed by the `known` rows. `x` (float32) is its `x` parts: the kept embeddings
 * (`[U, D]`), the state (S), the candidate features (`[K, F]`), each candidate's padding score (0,
 * or -1e9 for a pad), the slot features (`[J, G]`) and padding scores, and each text row's number
 * of non-zero ids (at least 1). The header holds the size of each of those parts, then T and L.
 */
export const CONTEXT_INPUTS = [
  { name: 'ids', type: 'int32', rank: 1 },
  { name: 'x', type: 'float32', rank: 1 },
] as const satisfies ValueContract;

/**
 * The graph's output (format 3): `out`, {@link CONTEXT_LAYOUT}'s `out` parts one after the other:
 * command probabilities (C), switch probability (1), candidate probabilities (K), slot
 * probabilities (J), and the mean embedding of each text row (`[T, D]`).
 */
export const CONTEXT_OUTPUTS = [{ name: 'out', type: 'float32', rank: 1 }] as const satisfies ValueContract;

/**
 * The padding score of a candidate or slot row that only fills the graph's minimum of one row: its
 * probability is then 0 (format 2 computed it in the graph from a 0/1 mask as `(mask - 1) * 1e9`).
 */
export const CONTEXT_PAD_SCORE = -1e9;

/** How many int32 sizes open `ids`: the sizes of its 4 parts, of `x`'s 7 parts, then T and L. */
export const CONTEXT_HEADER = 13;

/**
 * The order of the parts of `ids`, `x` and `out`, written to every format-3 model's metadata
 * (`confidant.layout`, with the embedding width `dim`) so that a model laid out otherwise is refused
 * rather than misread. The parts' sizes vary per turn: the header of `ids` gives them.
 */
export const CONTEXT_LAYOUT = {
  ids: ['header', 'tokens', 'cand_rows', 'slot_rows'],
  x: ['known', 'state', 'cand_feats', 'cand_pad', 'slot_feats', 'slot_pad', 'counts'],
  out: ['command', 'switch', 'intent', 'slot', 'bags'],
} as const;

/** A format-3 model's `confidant.layout`: {@link CONTEXT_LAYOUT} and the embedding width. */
export interface ContextLayout {
  ids: readonly string[];
  x: readonly string[];
  out: readonly string[];
  /** The width D of an embedding (of `known` and `bags`). */
  dim: number;
}

/**
 * Format 2's inputs (nine tensors: ids `[T, L]`, `known`, rows, and the features of state,
 * candidates and slots, with 0/1 masks), checked before such a model is converted.
 */
export const CONTEXT_INPUTS_2 = [
  { name: 'tokens', type: 'int32', rank: 2 },
  { name: 'known', type: 'float32', rank: 2 },
  { name: 'cand_rows', type: 'int32', rank: 1 },
  { name: 'slot_rows', type: 'int32', rank: 1 },
  { name: 'state', type: 'float32', rank: 2 },
  { name: 'cand_feats', type: 'float32', rank: 3 },
  { name: 'cand_mask', type: 'float32', rank: 2 },
  { name: 'slot_feats', type: 'float32', rank: 3 },
  { name: 'slot_mask', type: 'float32', rank: 2 },
] as const satisfies ValueContract;

/** Format 2's outputs, in order (`bags`: the mean embedding of each row of `tokens`). */
export const CONTEXT_OUTPUTS_2 = [
  { name: 'command', type: 'float32', rank: 2 },
  { name: 'switch', type: 'float32', rank: 2 },
  { name: 'intent', type: 'float32', rank: 2 },
  { name: 'slot', type: 'float32', rank: 2 },
  { name: 'bags', type: 'float32', rank: 2 },
] as const satisfies ValueContract;

/**
 * What a context model's fixed-size inputs and its command output mean: one name per state
 * feature, per candidate feature, per slot-candidate feature, and per dialogue command. The
 * sizes S, F, G and C of the graph are the lengths of these lists.
 */
export interface ContextSpec {
  /** Names of the `state` features (S ≥ 1). */
  state: string[];
  /** Names of the per-candidate `cand_feats` (F ≥ 1). */
  candFeatures: string[];
  /** Names of the per-slot-candidate `slot_feats` (G ≥ 1). */
  slotFeatures: string[];
  /** The dialogue commands of the `command` output, in order (C ≥ 1). */
  commands: string[];
}

/** Everything a context model's `metadata_props` describe, decoded. */
export interface ContextModelMetadata extends ModelHeader {
  /** How every text input (utterance, context, candidate and slot descriptions) becomes ids. */
  featurizer: FeaturizerConfig;
  spec: ContextSpec;
  /** How the graph's flat tensors are laid out (format 3 and later; absent from older files). */
  layout?: ContextLayout;
}

const KEY = 'confidant.';

/**
 * Checks that `spec` is well formed: four lists of distinct non-empty strings, none empty.
 * @param spec the candidate spec
 * @returns the first problem found, or `null`
 */
export function checkContextSpec(spec: unknown): string | null {
  if (typeof spec !== 'object' || spec === null) return 'spec must be an object';
  for (const key of ['state', 'candFeatures', 'slotFeatures', 'commands'] as const) {
    const list = (spec as Record<string, unknown>)[key];
    if (!Array.isArray(list) || list.length === 0) return `spec.${key} must be a non-empty list`;
    if (!list.every((n) => typeof n === 'string' && n.length > 0)) return `spec.${key} must hold non-empty strings`;
    if (new Set(list).size !== list.length) return `spec.${key} has a repeated name`;
  }
  return null;
}

/**
 * Encodes metadata as `metadata_props` strings (JSON for structured values).
 * @param m the metadata
 * @returns key → string value
 */
export function encodeContextMetadata(m: ContextModelMetadata): Record<string, string> {
  return {
    [`${KEY}kind`]: CONTEXT_MODEL_KIND,
    ...encodeModelHeader(KEY, m, {
      featurizer: JSON.stringify(m.featurizer),
      spec: JSON.stringify(m.spec),
      ...(m.layout === undefined ? {} : { layout: JSON.stringify(m.layout) }),
    }),
  };
}

/**
 * Decodes and validates a context model's metadata.
 * @param props the model's `metadata_props`
 * @param source where the model came from, for the error
 * @returns the metadata
 * @throws {ModelLoadError} when it is not a context model, a key is missing or malformed, or the format is newer
 */
export function decodeContextMetadata(props: Map<string, string>, source: string): ContextModelMetadata {
  const refuse = (why: string): never => {
    throw new ModelLoadError(`Not a Confidant context model: ${why}`, source);
  };
  // The kind first: an intent model or a tagger is named as such, not as a broken context model.
  const kind = props.get(`${KEY}kind`);
  if (kind !== CONTEXT_MODEL_KIND) refuse(kind === undefined ? 'it has no confidant.kind' : `it is a "${kind}" model`);
  const { fail, json, header, format } = metadataReader(props, KEY, CONTEXT_FORMAT_VERSION, refuse);
  const featurizer = json('featurizer');
  const featurizerProblem = checkFeaturizerConfig(featurizer);
  if (featurizerProblem !== null) fail(featurizerProblem);
  const spec = json('spec');
  const specProblem = checkContextSpec(spec);
  if (specProblem !== null) fail(specProblem);
  const meta: ContextModelMetadata = {
    ...header(),
    featurizer: featurizer as FeaturizerConfig,
    spec: spec as ContextSpec,
  };
  if (format >= 3) {
    const layout = json('layout') as Partial<ContextLayout> | null;
    const dim = layout?.dim;
    if (typeof dim !== 'number' || !Number.isInteger(dim) || dim < 1) fail('layout.dim must be a positive integer');
    // The parts' order is this library's: a file laid out otherwise would be misread, not run.
    for (const key of ['ids', 'x', 'out'] as const) {
      if (JSON.stringify(layout?.[key]) !== JSON.stringify(CONTEXT_LAYOUT[key]))
        fail(`layout.${key} must be ${CONTEXT_LAYOUT[key].join(', ')}`);
    }
    meta.layout = { ...CONTEXT_LAYOUT, dim: dim as number };
  }
  return meta;
}

/** The size the spec requires of each fixed dimension, by `input/axis` or `output/axis`. */
function fixedDims(spec: ContextSpec): Map<string, number> {
  return new Map([
    ['state/0', 1],
    ['state/1', spec.state.length],
    ['cand_feats/0', 1],
    ['cand_feats/2', spec.candFeatures.length],
    ['cand_mask/0', 1],
    ['slot_feats/0', 1],
    ['slot_feats/2', spec.slotFeatures.length],
    ['slot_mask/0', 1],
    ['command/0', 1],
    ['command/1', spec.commands.length],
    ['switch/0', 1],
    ['switch/1', 1],
    ['intent/0', 1],
    ['slot/0', 1],
  ]);
}

function checkValues(
  found: OnnxValueInfo[],
  wanted: ValueContract,
  dims: Map<string, number>,
  what: string,
): string | null {
  if (found.length !== wanted.length) return `the graph must have ${wanted.length} ${what}s, it has ${found.length}`;
  for (const w of wanted) {
    const v = found.find((f) => f.name === w.name);
    if (v === undefined) return `the graph has no ${what} "${w.name}"`;
    if (v.type !== w.type || v.shape.length !== w.rank)
      return `${what} "${w.name}" must be ${w.type} of rank ${w.rank}, it is ${v.type} [${v.shape.join(', ')}]`;
    for (let axis = 0; axis < v.shape.length; axis++) {
      const want = dims.get(`${w.name}/${axis}`);
      const have = v.shape[axis];
      // A symbolic dimension is accepted: ONNX Runtime checks the actual sizes at the test run.
      if (want !== undefined && typeof have === 'number' && have !== want)
        return `${what} "${w.name}" has ${have} at axis ${axis}, its metadata says ${want}`;
    }
  }
  return null;
}

/**
 * Checks that `bytes` are a well-formed Confidant context model and decodes its metadata: the
 * protobuf parses, the graph checksum matches, the metadata is complete, and the graph's inputs
 * and outputs have the contract's names, types, ranks and the sizes the metadata implies (those of
 * format 2 for a format-2 file; a format-1 file is checked when converted and at its test run).
 * @param bytes the `.onnx` file
 * @param source where it came from, for errors
 * @param expected when given, the spec the caller was built for; a model for other features or
 *   commands is refused
 * @returns the metadata, and the embedding width `dim`
 * @throws {ModelLoadError} naming `source` on any problem
 */
export function readContextModelFile(
  bytes: Uint8Array,
  source: string,
  expected?: Partial<ContextSpec>,
): { meta: ContextModelMetadata; dim: number } {
  const summary = readSummary(bytes, source, 'model');
  const meta = decodeContextMetadata(summary.metadata, source);
  // Required: every context model is written with one, so a file without it was edited.
  checkGraphChecksum(summary, source, 'model', true);
  const wrongShape = (problem: string): never => {
    throw new ModelLoadError(`The context model has the wrong shape: ${problem}`, source);
  };
  let dim = 0;
  if (meta.layout !== undefined) {
    const problem =
      checkValues(summary.inputs, CONTEXT_INPUTS, new Map(), 'input') ??
      checkValues(summary.outputs, CONTEXT_OUTPUTS, new Map(), 'output');
    if (problem !== null) wrongShape(problem);
    dim = meta.layout.dim;
  } else if (meta.format === 2) {
    const dims = fixedDims(meta.spec);
    const problem =
      checkValues(summary.inputs, CONTEXT_INPUTS_2, dims, 'input') ??
      checkValues(summary.outputs, CONTEXT_OUTPUTS_2, dims, 'output');
    if (problem !== null) wrongShape(problem);
    const known = summary.inputs.find((v) => v.name === 'known')?.shape[1];
    const bags = summary.outputs.find((v) => v.name === 'bags')?.shape[1];
    if (typeof known !== 'number' || known < 1 || known !== bags) wrongShape('"known" and "bags" need one fixed width');
    dim = known as number;
  }
  for (const key of ['state', 'candFeatures', 'slotFeatures', 'commands'] as const) {
    const want = expected?.[key];
    if (want !== undefined && JSON.stringify(want) !== JSON.stringify(meta.spec[key])) {
      throw new ModelLoadError(
        `The context model was trained for other ${key} (${meta.spec[key].join(', ')}; expected ${want.join(', ')})`,
        source,
      );
    }
  }
  return { meta, dim };
}
