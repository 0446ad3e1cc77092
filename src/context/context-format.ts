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
 * Version of the context model format; a loader refuses newer ones, and format 1 (the graph that
 * re-embedded every candidate description on every turn) with a hint to convert it.
 */
export const CONTEXT_FORMAT_VERSION = 2;

/** The `confidant.kind` of a context model (an intent model has none). */
export const CONTEXT_MODEL_KIND = 'context';

/**
 * The graph's inputs, in order: name, element type, rank. Part of the contract of issue 15.
 *
 * Texts come as feature ids in one matrix, `tokens` `[T, L]` (0-padded): row 0 the utterance,
 * row 1 the context, then any candidate or slot description whose mean embedding the caller has
 * not kept from an earlier run. The graph returns every row's mean embedding as `bags` `[T, D]`;
 * kept ones come back as `known` `[U, D]` (U ≥ 1). `cand_rows` `[K]` and `slot_rows` `[J]` pick
 * each candidate's and slot's embedding from `bags` followed by `known`. Candidate descriptions
 * repeat on every turn, so a turn embeds only its own two texts: the descriptions' ids were most
 * of the work of format 1, which took them all on every turn.
 */
export const CONTEXT_INPUTS = [
  { name: 'tokens', type: 'int32', rank: 2 },
  { name: 'known', type: 'float32', rank: 2 },
  { name: 'cand_rows', type: 'int32', rank: 1 },
  { name: 'slot_rows', type: 'int32', rank: 1 },
  { name: 'state', type: 'float32', rank: 2 },
  { name: 'cand_feats', type: 'float32', rank: 3 },
  { name: 'cand_mask', type: 'float32', rank: 2 },
  { name: 'slot_feats', type: 'float32', rank: 3 },
  { name: 'slot_mask', type: 'float32', rank: 2 },
] as const satisfies readonly { name: string; type: OnnxElementType; rank: number }[];

/** The graph's outputs, in order (`bags`: the mean embedding of each row of `tokens`). */
export const CONTEXT_OUTPUTS = [
  { name: 'command', type: 'float32', rank: 2 },
  { name: 'switch', type: 'float32', rank: 2 },
  { name: 'intent', type: 'float32', rank: 2 },
  { name: 'slot', type: 'float32', rank: 2 },
  { name: 'bags', type: 'float32', rank: 2 },
] as const satisfies readonly { name: string; type: OnnxElementType; rank: number }[];

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
    ...encodeModelHeader(KEY, m, { featurizer: JSON.stringify(m.featurizer), spec: JSON.stringify(m.spec) }),
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
  const { fail, json, header } = metadataReader(props, KEY, CONTEXT_FORMAT_VERSION, refuse);
  const featurizer = json('featurizer');
  const featurizerProblem = checkFeaturizerConfig(featurizer);
  if (featurizerProblem !== null) fail(featurizerProblem);
  const spec = json('spec');
  const specProblem = checkContextSpec(spec);
  if (specProblem !== null) fail(specProblem);
  return { ...header(), featurizer: featurizer as FeaturizerConfig, spec: spec as ContextSpec };
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
  wanted: readonly { name: string; type: OnnxElementType; rank: number }[],
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
 * and outputs have the contract's names, types, ranks and the sizes the metadata implies.
 * @param bytes the `.onnx` file
 * @param source where it came from, for errors
 * @param expected when given, the spec the caller was built for; a model for other features or
 *   commands is refused
 * @returns the metadata, and the embedding width `dim` (of `known` and `bags`)
 * @throws {ModelLoadError} naming `source` on any problem
 */
export function readContextModelFile(
  bytes: Uint8Array,
  source: string,
  expected?: Partial<ContextSpec>,
): { meta: ContextModelMetadata; dim: number } {
  const summary = readSummary(bytes, source, 'model');
  const meta = decodeContextMetadata(summary.metadata, source);
  if (meta.format < CONTEXT_FORMAT_VERSION)
    throw new ModelLoadError(
      `The context model is of format ${meta.format}, this library reads format ${CONTEXT_FORMAT_VERSION}: ` +
        'convert it with `confidant convert-context <in.onnx> <out.onnx>` (same weights, same outputs)',
      source,
    );
  // Required: every context model is written with one, so a file without it was edited.
  checkGraphChecksum(summary, source, 'model', true);
  const dims = fixedDims(meta.spec);
  const problem =
    checkValues(summary.inputs, CONTEXT_INPUTS, dims, 'input') ??
    checkValues(summary.outputs, CONTEXT_OUTPUTS, dims, 'output');
  if (problem !== null) throw new ModelLoadError(`The context model has the wrong shape: ${problem}`, source);
  const dim = summary.inputs.find((v) => v.name === 'known')?.shape[1];
  const bagsDim = summary.outputs.find((v) => v.name === 'bags')?.shape[1];
  if (typeof dim !== 'number' || dim < 1 || dim !== bagsDim)
    throw new ModelLoadError('The context model has the wrong shape: "known" and "bags" need one fixed width', source);
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
