/**
 * The slot tagger's model format: what its `.onnx` carries in `metadata_props` (labels, the
 * featurizer, the training figures) and the graph's contract, checked when a tagger is loaded.
 * The graph takes `ids` int64 `[tokens, featuresPerToken]` and gives `emissions` float32
 * `[tokens, labels]` and `transitions` float32 `[labels + 2, labels]` (CRF scores between tags,
 * then from the start, then to the end).
 *
 * @module
 */
import { ModelLoadError } from '../../errors.ts';
import {
  checkGraphChecksum,
  encodeModelHeader,
  metadataReader,
  readSummary,
  type ModelHeader,
} from '../onnx/model-format.ts';
import { entitiesOfLabels } from './bio.ts';
import { featuresPerToken, TAGGER_FEATURIZER_VERSION, type TaggerFeaturizerConfig } from './token-features.ts';

/** Version of the tagger format; a loader refuses newer ones. */
export const TAGGER_FORMAT_VERSION = 1;

/** Graph input and output names. */
export const TAGGER_INPUT = 'ids';
export const TAGGER_EMISSIONS = 'emissions';
export const TAGGER_TRANSITIONS = 'transitions';

/** The metadata key that says a file is a slot tagger (an intent model has none). */
const KIND_KEY = 'confidant.kind';
const KIND = 'slot-tagger';
const KEY = 'confidant.tagger.';

/** A tagger's metadata, decoded. */
export interface TaggerMetadata extends ModelHeader {
  /** BIO labels, `O` first. */
  labels: string[];
  /** The slot names (the labels without `O` and the B-/I- prefixes). */
  entities: string[];
  featurizer: TaggerFeaturizerConfig;
}

/**
 * Encodes a tagger's metadata as `metadata_props`.
 * @param m the metadata (without `entities`, derived from the labels)
 */
export function encodeTaggerMetadata(m: Omit<TaggerMetadata, 'entities'>): Record<string, string> {
  return {
    [KIND_KEY]: KIND,
    ...encodeModelHeader(KEY, m, { labels: JSON.stringify(m.labels), featurizer: JSON.stringify(m.featurizer) }),
  };
}

function decodeTaggerMetadata(props: Map<string, string>, source: string): TaggerMetadata {
  const refuse = (why: string): never => {
    throw new ModelLoadError(`Not a Confidant slot tagger: ${why}`, source);
  };
  if (props.get(KIND_KEY) !== KIND) refuse(`metadata ${KIND_KEY} is not "${KIND}"`);
  const { fail, json, header } = metadataReader(props, KEY, TAGGER_FORMAT_VERSION, refuse);
  const labels = json('labels');
  if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string')) fail('labels must be a list of strings');
  const entities = entitiesOfLabels(labels as string[]);
  if (typeof entities === 'string') fail(entities);
  const f = json('featurizer') as TaggerFeaturizerConfig;
  if (typeof f !== 'object' || f === null || f.version !== TAGGER_FEATURIZER_VERSION)
    fail('unknown featurizer version');
  for (const k of ['buckets', 'prefixes', 'suffixes', 'maxChars'] as const) {
    if (!Number.isInteger(f[k]) || f[k] < 0) fail(`featurizer.${k} must be a non-negative integer`);
  }
  if (f.buckets < 2 || f.maxChars < 1 || f.prefixes > 16 || f.suffixes > 16 || typeof f.locale !== 'string')
    fail('featurizer config is out of range');
  return { ...header(), labels: labels as string[], entities: entities as string[], featurizer: f };
}

/**
 * Checks that `bytes` are a well-formed Confidant slot tagger and decodes its metadata: the
 * protobuf parses, the graph checksum matches, the metadata is complete, and the input and
 * outputs have the shapes the labels and featurizer imply.
 * @param bytes the `.onnx` file
 * @param source where it came from, for errors
 * @returns the metadata
 * @throws {ModelLoadError} naming `source` on any problem
 */
export function readTaggerFile(bytes: Uint8Array, source: string): TaggerMetadata {
  const summary = readSummary(bytes, source, 'tagger');
  const meta = decodeTaggerMetadata(summary.metadata, source);
  checkGraphChecksum(summary, source, 'tagger', true);
  const L = meta.labels.length;
  const K = featuresPerToken(meta.featurizer);
  const input = summary.inputs[0];
  if (
    summary.inputs.length !== 1 ||
    input?.name !== TAGGER_INPUT ||
    input.type !== 'int64' ||
    input.shape.length !== 2 ||
    input.shape[1] !== K
  )
    throw new ModelLoadError(`The tagger must take one input "${TAGGER_INPUT}" of int64 [tokens, ${K}]`, source);
  const emissions = summary.outputs.find((o) => o.name === TAGGER_EMISSIONS);
  const transitions = summary.outputs.find((o) => o.name === TAGGER_TRANSITIONS);
  if (emissions?.type !== 'float32' || emissions.shape.length !== 2 || emissions.shape[1] !== L)
    throw new ModelLoadError(
      `The tagger's output "${TAGGER_EMISSIONS}" must be float32 [tokens, ${L}] for its ${L} labels`,
      source,
    );
  if (transitions?.type !== 'float32' || transitions.shape[0] !== L + 2 || transitions.shape[1] !== L)
    throw new ModelLoadError(`The tagger's output "${TAGGER_TRANSITIONS}" must be float32 [${L + 2}, ${L}]`, source);
  return meta;
}
