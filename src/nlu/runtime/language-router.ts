/**
 * One intent model per language, chosen per utterance: an English and a Chinese model behind the
 * `IntentModel` interface, so the engine keeps talking to one model. Each utterance's language
 * comes from `detectLanguage` with the models' evidence, and the model of that language classifies
 * it. Text in a language neither model knows (French, Japanese…) is answered out of scope with
 * `lang: 'und'`: never a guess acted upon (issue 13). Text without letters (digits, emoji) has
 * no language: the fallback model classifies it (👋 is a greeting, 12:30 may answer a question).
 *
 * The Chinese model may be given as a loader: it is then fetched on the first Chinese utterance,
 * so a host whose users write English never downloads it.
 *
 * @module
 */
import type { IntentModel } from './intent-model.ts';
import { detectLanguage } from './language-id.ts';
import type { ModelInfo, NluResult } from '../types.ts';

/** The models a router chooses from. */
export interface LanguageModels {
  en: IntentModel;
  /** The Chinese model, or a function loading it on the first Chinese utterance. */
  zh?: IntentModel | (() => Promise<IntentModel>);
}

/** Options of {@link routeByLanguage}. */
export interface RouteByLanguageOptions {
  /** The model for utterances in neither language (and without letters). @default 'en' */
  fallback?: 'en' | 'zh';
}

/**
 * Combines per-language models into one `IntentModel`. `info` and `metadata` are the English
 * model's, with the languages joined (`en+zh`); `dispose` releases every model loaded.
 *
 * When the Chinese model cannot be loaded (offline on a first visit), a Chinese utterance is
 * answered out of scope (intent `null`, `lang: 'zh'`) rather than guessed by the English
 * model; loading is tried again on the next one.
 * @param models the English model and, optionally, the Chinese one or its loader
 * @param options the fallback language
 * @returns the routing model
 * @throws {TypeError} when `models.en` is missing, or `fallback` names a model not given
 * @example
 * ```ts
 * const model = routeByLanguage({ en: await loadIntentModel(enUrl), zh: () => loadIntentModel(zhUrl) });
 * (await model.classify('现在几点了')).lang; // 'zh', classified by the Chinese model
 * ```
 */
export function routeByLanguage(models: LanguageModels, options: RouteByLanguageOptions = {}): IntentModel {
  const { en } = models;
  if (en === undefined) throw new TypeError('routeByLanguage needs an English model');
  const fallback = options.fallback ?? 'en';
  if (fallback === 'zh' && models.zh === undefined)
    throw new TypeError('routeByLanguage: the fallback model zh is missing');
  let zh: IntentModel | undefined = typeof models.zh === 'function' ? undefined : models.zh;
  const loadZh = typeof models.zh === 'function' ? models.zh : undefined;
  let loading: Promise<IntentModel> | undefined;
  let disposed = false;
  const chinese = async (): Promise<IntentModel | undefined> => {
    if (zh !== undefined || loadZh === undefined) return zh;
    loading ??= loadZh();
    try {
      const loaded = await loading;
      if (disposed) await loaded.dispose();
      else zh = loaded;
      return zh;
    } catch {
      loading = undefined; // offline now, maybe not on the next Chinese turn
      return undefined;
    }
  };
  const detect = (text: string) =>
    detectLanguage(text, {
      coverage: { en: (t) => en.coverage(t), ...(zh === undefined ? {} : { zh: (t: string) => zh!.coverage(t) }) },
    }).lang;
  /** An honest out of scope: the entities of the text, no intent. */
  const outOfScope = async (text: string, opts: Parameters<IntentModel['classify']>[1], language: 'zh' | 'und') => {
    const result = await en.classify(text, { ...opts, topK: 0 });
    return {
      ...result,
      intent: null,
      confidence: 0,
      outOfScope: true,
      intents: [],
      lang: language,
    } satisfies NluResult;
  };
  const zhLanguage = models.zh === undefined ? '' : `+${zh?.info.language ?? 'zh'}`;
  const info: ModelInfo = { ...en.info, language: `${en.info.language}${zhLanguage}` };
  return {
    info,
    metadata: en.metadata,
    async classify(text, opts) {
      if (typeof text !== 'string') throw new TypeError(`classify expects a string, got ${typeof text}`);
      // Script evidence first (cheap); the English model's own word evidence comes with its
      // answer (NluResult.lang), so the text is segmented once, not twice.
      const script = detectLanguage(text);
      const wantsZh = script.lang === 'zh' || (script.lang === 'und' && fallback === 'zh');
      if (wantsZh && models.zh !== undefined) {
        const model = await chinese();
        if (model === undefined) return outOfScope(text, opts, 'zh'); // never the English model's guess
        const result = await model.classify(text, opts);
        return { ...result, lang: result.lang ?? script.lang };
      }
      if (script.lang === 'und' && script.confidence > 0) return outOfScope(text, opts, 'und');
      const result = await en.classify(text, opts);
      const language = result.lang ?? script.lang;
      // Letters of a language neither model knows (French, Spanish…): out of scope, never a guess acted upon.
      if (language === 'und' && script.confidence > 0) return outOfScope(text, opts, 'und');
      return { ...result, lang: language };
    },
    coverage(text) {
      return detect(text) === 'zh' && zh !== undefined ? zh.coverage(text) : en.coverage(text);
    },
    async dispose() {
      disposed = true;
      await Promise.all([en.dispose(), zh?.dispose()]);
    },
  };
}
