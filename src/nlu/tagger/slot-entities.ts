/**
 * The slot tagger's spans as entities of kind `slot`, merged into an `NluResult`: the dialogue
 * layer then reads them like any other entity (`SlotExtractInput.entities`), next to the dates,
 * times and numbers the grammars find.
 *
 * @module
 */
import type { Entity, NluResult } from '../types.ts';
import type { TaggedSpan } from './bio.ts';

/**
 * A span that is a Chinese question word ("啥来着" in "我叫啥来着", "什么"), or a short one that starts
 * with one ("啥你" in "我叫啥你还记得吗", "啥不"), or any that starts with a Cantonese one ("乜嘢名啊你记唔记得"
 * in "我叫乜嘢名啊你记唔记得"): it asks for a value, it is none (a name, an item, a reminder's text).
 */
const QUESTION_WORDS =
  /^(?:啥|什么|谁|哪个|哪儿|哪里|几|多少)(?:来着|呢|吗|啊|呀|了)*$|^(?:啥|什么|谁).{0,2}$|^(?:乜|咩|边个)/u;

/** Sentence particles and haste said after a request ("帮忙建个提醒呗", "设个提醒先 急"). */
const PARTICLES =
  /^(?:[\s，,、。！!…~～]*(?:呗|嘛|啦|咯|呢|吧|哈|啊|呀|哦|先|急|很急|着急|快点?|赶紧|马上))+[\s，,、。！!…~～]*$/u;

/**
 * `true` when a text holds only Chinese sentence particles and words of haste ("呗", "先 急",
 * "赶紧"): what is left after a request that names no value, so it is no reminder's text or item.
 * @param text a slot value or a tagged span
 */
export function onlyParticlesZh(text: string): boolean {
  return text.length <= 12 && PARTICLES.test(text);
}

/**
 * Adds tagged spans to a result's entities (kept sorted by `start`).
 * @param nlu what the intent model understood
 * @param spans what the tagger found in the same text
 * @returns the result with the spans as `slot` entities
 */
export function withSlotEntities(nlu: NluResult, spans: readonly TaggedSpan[]): NluResult {
  if (spans.length === 0) return nlu;
  // Words the date grammars read as a day are no place: the tagger takes 节 in "圣诞节是星期几", or
  // 国庆节, for a place name, which would then answer for the wrong zone.
  const days = nlu.entities.filter((e) => e.kind === 'date' || e.kind === 'datetime' || e.kind === 'time');
  const kept = spans.filter(
    (s) =>
      !QUESTION_WORDS.test(s.text) &&
      // "设个提醒先 急": particles and haste are no value (the tagger took "先 急" for the task).
      !onlyParticlesZh(s.text) &&
      (s.entity !== 'place' || !days.some((d) => d.start < s.end && s.start < d.end)),
  );
  if (kept.length === 0) return nlu;
  const tagged: Entity[] = kept.map((s) => ({
    kind: 'slot',
    name: s.entity,
    text: s.text,
    start: s.start,
    end: s.end,
    value: s.text,
    confidence: s.confidence,
  }));
  return { ...nlu, entities: [...nlu.entities, ...tagged].sort((a, b) => a.start - b.start) };
}
