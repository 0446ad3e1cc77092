/**
 * `assistant.models.train`, `.list` and `.use`: training in place — by default extending the
 * built-in model with a corpus's intents (issue 12) — the versions kept, and rollback.
 *
 * Whatever happens, a model keeps answering: the new model is trained, exported, loaded and
 * checked, then stored as a version, and only then swapped in; a failure or a cancellation at any
 * step leaves the model in use (and the stored choice) as they were. A page closed mid-training
 * loses only that training.
 *
 * @module
 */
import type { Engine } from './contract.ts';
import type { EngineOptions, TrainOptions, TrainProgressEvent, TrainResult } from './types.ts';
import type { AdminContext, Track } from './admin.ts';
import type { EngineState } from './local-engine.ts';
import { ConfidantError, UnsupportedError } from '../errors.ts';
import type { Corpus, ModelInfo } from '../nlu/types.ts';
import type { ExtensionReport } from '../nlu/training/extend/extension-plan.ts';
import { loadVerifiedAsset } from './asset-cache.ts';
import { assetUrl, builtDigest } from './assets.ts';
import { modelBytes, startingModel } from './model-loader.ts';
import { addVersion, BUILT_IN_MODEL_ID, listVersions, setActiveVersion } from './model-versions.ts';

type ModelMethods = Pick<Engine, 'train' | 'listModels' | 'useModel'>;

/** Whether the model the engine would extend has a replay pack: the bundled one, a host's with `modelReplay`. */
function canReplay(s: EngineState): boolean {
  return s.options.model === undefined || s.options.modelReplay !== undefined || s.extendsBundled;
}

/** Whether a training extends the built-in model or replaces it, from the options and what the engine runs. */
function trainingMode(options: TrainOptions, s: EngineState): 'extend' | 'replace' {
  if (options.extend === true && options.replace === true)
    throw new TypeError('TrainOptions: extend and replace cannot both be true');
  if (options.replace === true || options.extend === false) return 'replace';
  if (options.extend === true && !canReplay(s))
    throw new UnsupportedError(
      "Extending needs the model's replay pack: this assistant runs its own model without modelReplay; train with replace: true",
    );
  return canReplay(s) ? 'extend' : 'replace';
}

/** The replay pack, parsed: the host's `modelReplay`, or the bundled model's (through the verified asset cache). */
async function replayPack(options: EngineOptions, signal: AbortSignal): Promise<unknown> {
  const source = options.modelReplay;
  const sha256 = builtDigest('assistant-en-replay');
  const bytes =
    source instanceof Uint8Array
      ? source
      : source instanceof ArrayBuffer
        ? new Uint8Array(source)
        : await loadVerifiedAsset(source ?? assetUrl('assistant-en-replay', options.assetUrls), {
            signal,
            ...(source !== undefined || sha256 === undefined ? {} : { sha256 }),
          });
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch (cause) {
    throw new ConfidantError('The replay pack is not valid JSON', { code: 'replay', cause });
  }
}

/**
 * The model to extend and its replay pack: the host's `model` with its `modelReplay`, else the
 * bundled model (also when the host's model is itself an extension of it: a corpus describes all
 * of the site's intents, so it extends the bundled model afresh rather than stacking extensions).
 */
async function extensionBase(options: EngineOptions, signal: AbortSignal) {
  const { model: _own, ...bundled } = options;
  const { source, sha256 } = startingModel(options.modelReplay === undefined ? bundled : options);
  const [bytes, replay] = await Promise.all([
    modelBytes(source, sha256 === undefined ? {} : { sha256 }),
    replayPack(options, signal),
  ]);
  return { bytes: new Uint8Array(bytes), replay };
}

/** The model methods of the engine. @internal */
export function modelMethods(ctx: AdminContext, track: Track): ModelMethods {
  let training = false;
  return {
    async train(
      corpus: Corpus | string,
      options: TrainOptions & { requestId?: string } = {},
      onProgress?: (event: TrainProgressEvent) => void,
    ): Promise<TrainResult> {
      const s = ctx.unlocked();
      const mode = trainingMode(options, s);
      if (training)
        throw new ConfidantError('A model is already training: wait for it, or cancel it', { code: 'busy' });
      training = true;
      const { signal, done } = track(options.requestId);
      ctx.setStatus(s, 'training');
      try {
        const parsed =
          typeof corpus === 'string' ? (await import('../nlu/corpus/index.ts')).parseCorpus(corpus) : corpus;
        // Loaded on the first training only: the Worker's script carries no trainer (rollup.config.mjs builds it
        // into `confidant-train.js`, next to the Worker).
        const trainer = await import('../nlu/training/train-model.ts');
        const common = {
          quantize: options.quantize ?? true,
          ...(options.seed === undefined ? {} : { seed: options.seed }),
          ...(onProgress === undefined ? {} : { onProgress }),
          signal,
        };
        const made: { bytes: Uint8Array; report?: ExtensionReport } =
          mode === 'extend'
            ? await (async () => {
                const base = await extensionBase(s.options, signal);
                return trainer.extendOnnxModel(base.bytes, parsed, base.replay, common);
              })()
            : await trainer.trainOnnxModel(parsed, {
                ...common,
                // A model of the corpus's intents only still learns what is none of them from the replay pack.
                ...(canReplay(s) ? { negatives: await replayPack(s.options, signal) } : {}),
              });
        signal.throwIfAborted();
        const model = await ctx.loadModel(made.bytes, s.options);
        const report = made.report;
        let id: string | undefined;
        try {
          signal.throwIfAborted();
          if (options.persist !== false) {
            const info = model.info;
            id = (
              await addVersion(s.store, made.bytes, {
                name: info.name,
                version: info.version,
                language: info.language,
                labels: [...info.labels],
                bytes: info.bytes,
                mode,
                ...(report === undefined ? {} : { report }),
              })
            ).id;
          }
        } catch (error) {
          await model.dispose();
          throw error;
        }
        await ctx.swapModel(s, model);
        s.modelVersion = id;
        return {
          ...model.info,
          mode,
          ...(id === undefined ? {} : { id }),
          ...(report === undefined ? {} : { report }),
        };
      } finally {
        training = false;
        done();
        ctx.setStatus(s, 'ready');
      }
    },

    async listModels() {
      const s = ctx.unlocked();
      return listVersions(s.store, [s.builtIn]);
    },

    async useModel(id: string): Promise<ModelInfo> {
      if (typeof id !== 'string') throw new TypeError('models.use(id): id must be a string');
      const s = ctx.unlocked();
      const versions = await listVersions(s.store, [s.builtIn]);
      const target = versions.find((v) => v.id === id);
      if (target === undefined)
        throw new RangeError(`No model version "${id}" (known: ${versions.map((v) => v.id).join(', ')})`);
      // Load first: a version whose bytes no longer load changes nothing.
      let next;
      if (id === BUILT_IN_MODEL_ID || target.createdAt === 0) {
        const { source, sha256 } = startingModel(s.options);
        next = await ctx.loadModel(await modelBytes(source, sha256 === undefined ? {} : { sha256 }), s.options);
      } else {
        const stored = await s.store.getModel(id);
        if (stored === undefined)
          throw new ConfidantError(`The bytes of model version "${id}" are gone or fail authentication`, {
            code: 'model-missing',
          });
        next = await ctx.loadModel(stored.bytes, s.options);
      }
      try {
        const chosen = await setActiveVersion(s.store, id, [s.builtIn.language]);
        s.modelVersion = chosen.id;
      } catch (error) {
        await next.dispose();
        throw error;
      }
      await ctx.swapModel(s, next);
      return next.info;
    },
  };
}
