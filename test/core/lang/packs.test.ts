import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { byLanguage, joinSentences, languageOf, packFor, promptsIn } from '../../../src/lang/pack.ts';
import { createBuiltinSkills } from '../../../src/skills/builtin/index.ts';
import { slotsOf } from '../../../src/dialogue/slots.ts';
import { describeSkills } from '../../../src/lang/skill-descriptions.ts';

/** The shape of a value: the same keys all the way down, functions and lists as such. */
function shape(value: unknown): unknown {
  if (typeof value === 'function') return `fn/${value.length}`;
  if (Array.isArray(value)) return value.length > 0 ? 'list' : 'empty list';
  if (value instanceof RegExp) return 'regexp';
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, shape((value as Record<string, unknown>)[k])]),
    );
  return typeof value;
}

/** Every string a value holds (functions called with placeholder arguments). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (typeof value === 'function' && value.length <= 4) {
    try {
      strings((value as (...a: unknown[]) => unknown)('X', 'Y', 'Z', 'W'), out);
    } catch {
      // a function that needs real arguments is checked by the skill tests
    }
  } else if (typeof value === 'object' && value !== null && !(value instanceof RegExp))
    for (const v of Object.values(value)) strings(v, out);
  return out;
}

describe('language packs', () => {
  it('every pack has the same sections and keys', () => {
    const en = packFor('en');
    const zh = packFor('zh-CN');
    for (const key of ['format', 'dialogue', 'skills', 'cues'] as const) {
      const without = (p: typeof en) => ({ ...p[key], skillDescriptions: undefined });
      const [a, b] = [shape(without(en)), shape(without(zh))];
      // Functions may differ in arity (TypeScript checks their types); compare keys only.
      assert.deepEqual(JSON.stringify(a).replace(/fn\/\d/g, 'fn'), JSON.stringify(b).replace(/fn\/\d/g, 'fn'), key);
    }
    assert.deepEqual(Object.keys(en.smallTalk).sort(), Object.keys(zh.smallTalk).sort());
    // English suggestions use the skills' own descriptions; Chinese ones need a word for each built-in skill.
    for (const skill of createBuiltinSkills())
      assert.ok(Object.hasOwn(zh.dialogue.skillDescriptions, skill.id), skill.id);
    assert.ok(zh.jokes.length >= 8 && zh.funFacts.length >= 8);
  });

  it('the Chinese pack speaks Chinese', () => {
    const zh = packFor('zh');
    for (const section of [zh.dialogue, zh.skills, zh.smallTalk, zh.jokes, zh.funFacts]) {
      for (const s of strings(section)) {
        if (!/\p{L}/u.test(s.replace(/[XYZW]/g, ''))) continue;
        assert.match(s, /\p{Script=Han}/u, `not Chinese: ${s}`);
      }
    }
  });

  it('resolves tags, with English for a language it does not speak', () => {
    assert.equal(languageOf('zh-Hans-CN'), 'zh');
    assert.equal(languageOf('ZH_tw'), 'zh');
    assert.equal(languageOf('en-GB'), 'en');
    assert.equal(languageOf('fr'), undefined);
    assert.equal(packFor('fr').lang, 'en');
    assert.equal(packFor(undefined).lang, 'en');
  });

  it('every built-in slot asks in both languages', () => {
    for (const skill of createBuiltinSkills())
      for (const slot of slotsOf(skill)) {
        const en = promptsIn(slot.prompt, 'en');
        const zh = promptsIn(slot.prompt, 'zh-CN');
        assert.ok(en.length > 0 && zh.length > 0, `${skill.id}.${slot.name}`);
        for (const p of zh) assert.match(p, /\p{Script=Han}/u, `${skill.id}.${slot.name}: ${p}`);
        for (const p of en) assert.doesNotMatch(p, /\p{Script=Han}/u, `${skill.id}.${slot.name}: ${p}`);
      }
  });

  it('picks prompts by tag, primary language, English, then the first', () => {
    const prompt = { en: 'Which city?', zh: ['哪个城市？'], 'pt-BR': 'Qual cidade?' };
    assert.deepEqual(promptsIn(prompt, 'zh-CN'), ['哪个城市？']);
    assert.deepEqual(promptsIn(prompt, 'pt-BR'), ['Qual cidade?']);
    assert.deepEqual(promptsIn(prompt, 'fr'), ['Which city?']);
    assert.deepEqual(promptsIn({ de: 'Welche Stadt?' }, 'fr'), ['Welche Stadt?']);
    assert.deepEqual(promptsIn('Which city?', 'zh'), ['Which city?']);
    assert.deepEqual(
      byLanguage((p) => p.lang),
      { en: 'en', zh: 'zh' },
    );
  });

  it('joins sentences with a space in English and none after Chinese punctuation', () => {
    assert.equal(joinSentences('Okay.', 'Done.', 'en'), 'Okay. Done.');
    assert.equal(joinSentences('好的。', '完成了。', 'zh-CN'), '好的。完成了。');
    assert.equal(joinSentences('', '完成了。', 'zh-CN'), '完成了。');
  });
});

describe('describeSkills', () => {
  it('says an app skill\'s description inside "I can …" without its own full stop', () => {
    const skill = { id: 'acme.orders', version: '1.0.0', intents: ['order_status'], execute: () => ({ text: '' }) };
    const described = describeSkills([{ ...skill, description: ' tell where your order is. ' }], packFor('en'));
    assert.deepEqual(described, ['tell where your order is']);
    const reply = packFor('en').skills.meta.capabilities(described);
    assert.match(reply, /^I can tell where your order is\. /u);
    // Chinese replies leave out what only English describes.
    assert.deepEqual(describeSkills([{ ...skill, description: 'tell where your order is' }], packFor('zh')), []);
  });
});
