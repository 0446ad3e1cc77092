// The shipped slot tagger fills skills' slots from the sentence that starts the task, in English
// and Chinese, next to the rule-based entities; a skill's own extractor still comes first.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { createDialogueManager, type DialogueManager } from '../../../src/dialogue/index.ts';
import { extractSlot } from '../../../src/dialogue/slots.ts';
import type { Entity } from '../../../src/nlu/types.ts';
import { withSlotEntities } from '../../../src/nlu/tagger/slot-entities.ts';
import { loadSlotTagger, type SlotTagger } from '../../../src/nlu/tagger/slot-tagger.ts';
import { createBuiltinSkills } from '../../../src/skills/builtin/index.ts';
import { createScheduler, createSkillRuntime } from '../../../src/skills/index.ts';
import type { SkillDefinition } from '../../../src/skills/types.ts';
import { openStore } from '../../../src/store/index.ts';
import { NOW, nluOf, seeded, ZONE } from './harness.ts';

const taggerPath = fileURLToPath(new URL('../../../models/slots-default.onnx', import.meta.url));

/** A host skill with a `city` text slot and no extractor of its own: only an answer or the tagger fills it. */
const weather: SkillDefinition = {
  id: 'acme.weather',
  version: '1.0.0',
  intents: ['weather'],
  slots: [{ name: 'city', kind: 'text', prompt: 'Which city?' }],
  execute: (ctx) => `Weather for ${String(ctx.slots['city'])}.`,
};

let tagger: SlotTagger;
let manager: DialogueManager;
let turn = 0;

before(async () => {
  tagger = await loadSlotTagger(taggerPath);
  const store = await openStore({ storage: 'memory' });
  const random = seeded(3);
  const scheduler = createScheduler({ store, onFire: () => undefined, now: () => NOW.getTime() });
  const runtime = createSkillRuntime({ store, scheduler, timeZone: ZONE, requestPermission: async () => true });
  manager = createDialogueManager({
    store,
    skills: [weather, ...createBuiltinSkills({ random })],
    runtime,
    clock: () => NOW,
    timeZone: ZONE,
    random,
  });
});
after(() => tagger.dispose());

/** One turn in a fresh conversation, understood as the engine does: intent, rule entities, tagged spans. */
async function say(text: string, intent: string) {
  const nlu = withSlotEntities(nluOf(text, intent), await tagger.tag(text));
  return manager.handle({ conversationId: `c${turn++}`, text, nlu, signal: new AbortController().signal });
}

describe('slots filled from the request by the tagger', () => {
  it('"what is the weather in Paris" does not ask "Which city?"', async () => {
    for (const [text, city] of [
      ['what is the weather in Paris', 'Paris'],
      ['will it rain in Buenos Aires tomorrow', 'Buenos Aires'],
      ['明天成都会下雨吗', '成都'],
    ] as const) {
      const r = await say(text, 'weather');
      assert.equal(r.reply.text, `Weather for ${city}.`, text);
      assert.equal(r.understanding.slots['city'], city);
    }
    // Without a place, it asks.
    assert.equal((await say("what's the weather like", 'weather')).reply.text, 'Which city?');
  });

  it("a reminder gets its task and its time; the tagger reads phrasings the skill's patterns miss", async () => {
    const r = await say('remind me to call mum at 6', 'reminder');
    assert.equal(r.understanding.slots['task'], 'call mum');
    assert.match(String(r.understanding.slots['when']), /T18:00|T06:00/);
    const zh = await say('明天早上提醒我给妈妈打电话', 'reminder');
    assert.equal(zh.understanding.slots['task'], '给妈妈打电话');
  });

  it('list items: the grammar first, the tagger for what it cannot read', async () => {
    const en = await say('add eggs and milk to my shopping list', 'shopping_list_update');
    assert.deepEqual(en.understanding.slots['add'], ['eggs', 'milk']);
    const zh = await say('把鸡蛋和牛奶加到购物清单', 'shopping_list_update');
    assert.deepEqual(zh.understanding.slots['add'], ['鸡蛋', '牛奶']);
  });
});

describe('extractSlot and tagged spans', () => {
  const span = (name: string, text: string, start: number, confidence = 0.95): Entity => ({
    kind: 'slot',
    name,
    text,
    start,
    end: start + text.length,
    value: text,
    confidence,
  });
  const city = { name: 'city', kind: 'text' as const, prompt: 'Which city?' };
  it("maps common slot names to the tagger's, honours `tag`, and ignores unsure spans", () => {
    const entities = [span('place', 'Oslo', 15)];
    const input = { text: 'the weather in Oslo', entities, slots: {}, answer: false };
    assert.equal(extractSlot(city, input), 'Oslo');
    assert.equal(extractSlot({ ...city, name: 'where', tag: 'place' }, input), 'Oslo');
    assert.equal(extractSlot({ ...city, name: 'where' }, input), undefined);
    assert.equal(extractSlot(city, { ...input, entities: [span('place', 'Oslo', 15, 0.3)] }), undefined);
  });
  it('an answer is taken whole when short, through the tagger when long', () => {
    const short = { text: 'New York, please', entities: [span('place', 'York', 4)], slots: {}, answer: true };
    assert.equal(extractSlot(city, short), 'New York');
    const long = 'I would like the forecast for Lima';
    assert.equal(
      extractSlot(city, { text: long, entities: [span('place', 'Lima', 30)], slots: {}, answer: true }),
      'Lima',
    );
  });
  it("a skill's own extractor still wins", () => {
    const slot = { ...city, extract: () => 'Rome' };
    assert.equal(
      extractSlot(slot, { text: 'x', entities: [span('place', 'Oslo', 0)], slots: {}, answer: false }),
      'Rome',
    );
  });
});
