/**
 * One intent model per language, chosen per utterance: an English and a Chinese model behind the
 * `IntentModel` interface, so the engine keeps talking to one model. Each utterance's language
 * comes from `detectLanguage` with both models' evidence; the model of that language classifies
 * it, and text in a language neither knows (`und`) goes to the fallback model, whose answer the
 * caller should not act upon (it is marked `language: 'und'`).
 *
 * @module
 */
import type { IntentModel } from './intent-model.ts';
import { detectLanguage } from './language-id.ts';
import type { ModelInfo } from './types.ts';

/** The models a router chooses from. */
export interface LanguageModels {
  en: IntentModel;
  zh?: IntentModel;
}

/** Options of {@link routeByLanguage}. */
export interface RouteByLanguageOptions {
  /** The model for utterances in neither language (and without letters). @default 'en' */
  fallback?: 'en' | 'zh';
}

/**
 * Combines per-language models into one `IntentModel`. `info` and `metadata` are the English
 * model's, with the languages joined (`en+zh`); `dispose` releases every model.
 * @param models the English model and, optionally, the Chinese one
 * @param options the fallback language
 * @returns the routing model
 * @throws {TypeError} when `models.en` is missing, or `fallback` names a model not given
 * @example
 * ```ts
 * const model = routeByLanguage({ en: await loadIntentModel(enUrl), zh: await loadIntentModel(zhUrl) });
 * (await model.classify('现在几点了')).language; // 'zh', classified by the Chinese model
 * ```
 */
export function routeByLanguage(models: LanguageModels, options: RouteByLanguageOptions = {}): IntentModel {
  const { en, zh } = models;
  if (en === undefined) throw new TypeError('routeByLanguage needs an English model');
  const fallback = options.fallback ?? 'en';
  if (fallback === 'zh' && zh === undefined) throw new TypeError('routeByLanguage: the fallback model zh is missing');
  const coverage = {
    en: (t: string) => en.coverage(t),
    ...(zh === undefined ? {} : { zh: (t: string) => zh.coverage(t) }),
  };
  const info: ModelInfo = {
    ...en.info,
    language: zh === undefined ? en.info.language : `${en.info.language}+${zh.info.language}`,
  };
  const pick = (language: 'en' | 'zh' | 'und'): IntentModel =>
    language === 'zh' && zh !== undefined
      ? zh
      : language === 'en'
        ? en
        : fallback === 'zh' && zh !== undefined
          ? zh
          : en;
  return {
    info,
    metadata: en.metadata,
    async classify(text, opts) {
      if (typeof text !== 'string') throw new TypeError(`classify expects a string, got ${typeof text}`);
      const { language } = detectLanguage(text, { coverage });
      const result = await pick(language).classify(text, opts);
      return { ...result, language };
    },
    coverage(text) {
      const language = detectLanguage(text, { coverage }).language;
      return pick(language).coverage(text);
    },
    async dispose() {
      await Promise.all([en.dispose(), zh?.dispose()]);
    },
  };
}
