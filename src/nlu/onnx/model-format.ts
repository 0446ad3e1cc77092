/**
 * Confidant's model format: what a `.onnx` intent model carries in `metadata_props` so that it
 * is self-describing (labels, featurizer, calibration, custom entities), and the validation of
 * that metadata when a model is loaded.
 *
 * Keys (prefix `confidant.`): the header's (`format`, `name`, `version`, `language`, `weights`,
 * `metrics`), `labels`, `oos_label`, `featurizer`, `threshold`, `temperature`, `entities`, the
 * graph `checksum`, and, optional, `few_shot` (an extension's few-shot head, JSON
 * `FewShotHead` of `../runtime/few-shot.ts`; round 11, its `none` class round 12). `few_shot` came
 * at format 1 without a version bump: a file without it loads as before (the softmax alone), and
 * a reader older than round 11 ignores the key, answering as the softmax alone. From round 12 the
 * head carries its own version (`few_shot.v`, `FEW_SHOT_VERSION`): a newer one, or a key this
 * code does not know, is refused with `ModelLoadError` rather than read without its guard. A
 * round-11 reader predates `v` and still reads a round-12 head without its `none` class.
 *
 * @module
 */
import { ModelLoadError } from '../../errors.ts';
import { checkFeaturizerConfig, type FeaturizerConfig } from '../runtime/featurizer.ts';
import { checkFewShotHead, type FewShotHead } from '../runtime/few-shot.ts';
import { readOnnxSummary, type OnnxSummary } from './onnx-reader.ts';
import type { CustomEntityDefinition, ModelInfo } from '../types.ts';

/** Version of the model format; a loader refuses models of a newer format. */
export const MODEL_FORMAT_VERSION = 1;

/** Names of the graph's input and output. */
export const INPUT_NAME = 'ids';
export const OUTPUT_NAME = 'probs';

/** Everything a model's `metadata_props` describe, decoded. */
export interface ModelMetadata extends ModelHeader {
  /** Output classes in order. */
  labels: string[];
  /** The label of the trained out-of-scope class, or `null` when the model has none. */
  oosLabel: string | null;
  featurizer: FeaturizerConfig;
  /** Out-of-scope threshold on the top probability. */
  threshold: number;
  /** Calibration temperature (already applied inside the graph). */
  temperature: number;
  entities: CustomEntityDefinition[];
  /** An extension's few-shot head (`confidant.few_shot`), read where the softmax says out of scope. */
  fewShot?: FewShotHead;
}

const KEY = 'confidant.';

/** The metadata key of the graph checksum (written by the ONNX writer, checked by the loader). */
export const CHECKSUM_KEY = `${KEY}checksum`;

/** The metadata key that makes a file an extension of another model, and names it (see `extension-file.ts`). */
export const EXTENDS_KEY = `${KEY}extends`;

/** The header every Confidant model file carries, whatever its kind (intent model, context model, tagger). */
export interface ModelHeader {
  format: number;
  name: string;
  version: string;
  language: string;
  /** `float32` or `uint8` (the embedding table). */
  weights: 'float32' | 'uint8';
  /** Free-form figures from training (validation metrics), for model cards. */
  metrics: Record<string, number>;
}

/**
 * Encodes a model's header and its kind's own keys as `metadata_props` strings, in the order
 * every exporter has written them (format, name, version, language, the kind's keys, weights, metrics).
 * @param prefix the key prefix (`confidant.` or a kind's own)
 * @param m the header
 * @param own the kind's own keys, already encoded, without the prefix
 * @internal
 */
export function encodeModelHeader(prefix: string, m: ModelHeader, own: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {
    [`${prefix}format`]: String(m.format),
    [`${prefix}name`]: m.name,
    [`${prefix}version`]: m.version,
    [`${prefix}language`]: m.language,
  };
  for (const [key, value] of Object.entries(own)) out[prefix + key] = value;
  out[`${prefix}weights`] = m.weights;
  out[`${prefix}metrics`] = JSON.stringify(m.metrics);
  return out;
}

/**
 * Encodes metadata as `metadata_props` strings (JSON for structured values).
 * @param m the metadata
 * @returns key → string value
 */
export function encodeMetadata(m: ModelMetadata): Record<string, string> {
  return encodeModelHeader(KEY, m, {
    labels: JSON.stringify(m.labels),
    oos_label: m.oosLabel ?? '',
    featurizer: JSON.stringify(m.featurizer),
    threshold: String(m.threshold),
    temperature: String(m.temperature),
    entities: JSON.stringify(m.entities),
    ...(m.fewShot === undefined ? {} : { few_shot: JSON.stringify(m.fewShot) }),
  });
}

/**
 * Typed access to `metadata_props` under a key prefix, failing through `fail` on a missing key or
 * bad JSON, with the format version read and checked against the newest this code knows, and the
 * common header (`header()`: name, version, language, weights, metrics) decoded and checked.
 * @internal
 */
export function metadataReader(
  props: Map<string, string>,
  prefix: string,
  newest: number,
  fail: (why: string) => never,
): {
  fail: (why: string) => never;
  get: (key: string) => string;
  json: (key: string) => unknown;
  format: number;
  header: () => ModelHeader;
} {
  const get = (key: string): string => props.get(prefix + key) ?? fail(`metadata ${prefix + key} is missing`);
  const json = (key: string): unknown => {
    try {
      return JSON.parse(get(key)) as unknown;
    } catch {
      return fail(`metadata ${prefix + key} is not valid JSON`);
    }
  };
  const format = Number(get('format'));
  if (!Number.isInteger(format) || format < 1) fail('bad format version');
  if (format > newest) fail(`format ${format} is newer than this library supports (${newest})`);
  const header = (): ModelHeader => {
    const weights = get('weights');
    if (weights !== 'float32' && weights !== 'uint8') fail('weights must be float32 or uint8');
    const metrics = props.has(prefix + 'metrics') ? json('metrics') : {};
    return {
      format,
      name: get('name'),
      version: get('version'),
      language: get('language'),
      weights: weights as 'float32' | 'uint8',
      metrics: typeof metrics === 'object' && metrics !== null ? (metrics as Record<string, number>) : {},
    };
  };
  return { fail, get, json, format, header };
}

/**
 * Decodes and validates metadata read from a model file.
 * @param props the model's `metadata_props`
 * @param source where the model came from, for the error
 * @returns the metadata
 * @throws {ModelLoadError} when a key is missing or malformed, or the format is newer than this code
 */
export function decodeMetadata(props: Map<string, string>, source: string): ModelMetadata {
  const { fail, get, json, header } = metadataReader(props, KEY, MODEL_FORMAT_VERSION, (why) => {
    throw new ModelLoadError(`Not a Confidant intent model: ${why}`, source);
  });
  const labels = json('labels');
  if (!Array.isArray(labels) || labels.length < 2 || !labels.every((l) => typeof l === 'string'))
    fail('labels must be a list of at least two strings');
  const featurizer = json('featurizer') as FeaturizerConfig;
  const featurizerProblem = checkFeaturizerConfig(featurizer);
  if (featurizerProblem !== null) fail(featurizerProblem);
  const threshold = Number(get('threshold'));
  const temperature = Number(get('temperature'));
  if (!(threshold >= 0 && threshold <= 1)) fail('threshold must be in [0, 1]');
  if (!(temperature > 0 && Number.isFinite(temperature))) fail('temperature must be positive');
  const entities = json('entities');
  if (!Array.isArray(entities)) fail('entities must be a list');
  const oosLabel = get('oos_label');
  if (oosLabel !== '' && (labels as string[]).at(-1) !== oosLabel)
    fail('the out-of-scope label must be the last label');
  const fewShot = props.has(`${KEY}few_shot`) ? json('few_shot') : undefined;
  if (fewShot !== undefined) {
    // The head answers intents only: never the out-of-scope class.
    const problem = checkFewShotHead(
      fewShot,
      oosLabel === '' ? (labels as string[]) : (labels as string[]).slice(0, -1),
    );
    if (problem !== null) fail(problem);
  }
  return {
    ...header(),
    labels: labels as string[],
    oosLabel: oosLabel === '' ? null : oosLabel,
    featurizer,
    threshold,
    temperature,
    entities: entities as CustomEntityDefinition[],
    ...(fewShot === undefined ? {} : { fewShot: fewShot as FewShotHead }),
  };
}

/**
 * Parses the parts of an `.onnx` file a loader checks.
 * @param what how messages name the file (`model`, `tagger`)
 * @throws {ModelLoadError} naming `source` when the protobuf does not parse
 * @internal
 */
export function readSummary(bytes: Uint8Array, source: string, what: string): OnnxSummary {
  try {
    return readOnnxSummary(bytes);
  } catch (cause) {
    throw new ModelLoadError(`The ${what} file is corrupt or truncated`, source, { cause });
  }
}

/**
 * Compares the graph with the checksum its metadata records (a flipped bit in the weights is caught here).
 * @param required whether a file without a checksum is refused too
 * @throws {ModelLoadError} naming `source` on a mismatch
 * @internal
 */
export function checkGraphChecksum(summary: OnnxSummary, source: string, what: string, required: boolean): void {
  const checksum = summary.metadata.get(CHECKSUM_KEY);
  if ((checksum === undefined && required) || (checksum !== undefined && checksum !== summary.graphChecksum))
    throw new ModelLoadError(`The ${what} file is corrupt (its graph checksum does not match)`, source);
}

/**
 * Checks that `bytes` are a well-formed Confidant model file and decodes its metadata: the
 * protobuf parses, the graph checksum matches, the metadata is complete, the graph takes one
 * input `ids` int64 `[1, n]` and gives `probs` float32 `[1, classes]`.
 * @param bytes the `.onnx` file
 * @param source where it came from, for errors
 * @returns the metadata
 * @throws {ModelLoadError} naming `source` on any problem
 */
export function readModelFile(bytes: Uint8Array, source: string): ModelMetadata {
  const summary = readSummary(bytes, source, 'model');
  const meta = decodeMetadata(summary.metadata, source);
  checkGraphChecksum(summary, source, 'model', false);
  const input = summary.inputs.find((v) => v.name === INPUT_NAME);
  const output = summary.outputs.find((v) => v.name === OUTPUT_NAME);
  if (summary.inputs.length !== 1 || input === undefined || input.type !== 'int64' || input.shape.length !== 2) {
    throw new ModelLoadError(`The model must take one input "${INPUT_NAME}" of int64 [1, n]`, source);
  }
  const classes = output?.shape[1];
  if (
    output === undefined ||
    output.type !== 'float32' ||
    output.shape.length !== 2 ||
    (typeof classes === 'number' && classes !== meta.labels.length)
  ) {
    throw new ModelLoadError(`The model's output "${OUTPUT_NAME}" must be float32 [1, ${meta.labels.length}]`, source);
  }
  return meta;
}

/**
 * What a model with this metadata reports as `ModelInfo` (labels without the out-of-scope class).
 * @param meta the decoded metadata
 * @param bytes the size of the `.onnx` file
 */
export function modelInfoOf(meta: ModelMetadata, bytes: number): ModelInfo {
  return {
    name: meta.name,
    version: meta.version,
    labels: meta.oosLabel === null ? [...meta.labels] : meta.labels.slice(0, -1),
    threshold: meta.threshold,
    bytes,
    language: meta.language,
  };
}
