/**
 * A small synthetic dialogue world for the context network's tests: intents described by their
 * words, turns that either state an intent with some of those words (a switch) or answer the
 * assistant's question (a carry, decided only by the previous intent and the context), and
 * slot questions. Seeded, so tests are reproducible.
 */
import type { ContextSpec } from '../../../src/context/context-format.ts';
import type { ContextExample } from '../../../src/context/training/context-train-data.ts';
import { describeIntent, lexicalOverlap } from '../../../src/context/lexical-features.ts';
import { createRng } from '../../../src/nlu/training/rng.ts';

export const spec: ContextSpec = {
  state: ['turn', 'has_active'],
  candFeatures: ['previous', 'word_overlap', 'fuzzy_overlap'],
  slotFeatures: ['asked', 'word_overlap'],
  commands: ['start_task', 'fill_slot'],
};

const intents = [
  {
    name: 'SetTimer',
    description: 'start a countdown timer',
    slots: ['duration'],
    words: ['timer', 'countdown', 'minutes'],
  },
  {
    name: 'GetWeather',
    description: 'tell the weather forecast',
    slots: ['city'],
    words: ['weather', 'forecast', 'rain'],
  },
  { name: 'PlayMusic', description: 'play a song by an artist', slots: ['artist'], words: ['play', 'song', 'music'] },
  {
    name: 'AddToList',
    description: 'add an item to the shopping list',
    slots: ['item'],
    words: ['add', 'list', 'shopping'],
  },
  {
    name: 'BookTable',
    description: 'reserve a table at a restaurant',
    slots: ['restaurant'],
    words: ['table', 'restaurant', 'reserve'],
  },
  { name: 'CallContact', description: 'phone a contact', slots: ['contact'], words: ['call', 'phone', 'ring'] },
];
const answers: Record<string, string[]> = {
  duration: ['ten minutes', 'an hour', 'five'],
  city: ['paris', 'in london', 'berlin please'],
  artist: ['adele', 'the beatles', 'queen'],
  item: ['bananas', 'milk and eggs', 'bread'],
  restaurant: ['chez marie', 'the golden dragon', 'luigi s'],
  contact: ['mum', 'my boss', 'alice'],
};
const fillers = ['please', 'can you', 'i want to', 'now', 'hey', 'could you'];

/**
 * Generates `count` turns, in dialogues of 2–4 turns.
 * @param count how many turns
 * @param seed the generator's seed
 */
export function syntheticTurns(count: number, seed: number): ContextExample[] {
  const rng = createRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)] as T;
  const out: ContextExample[] = [];
  while (out.length < count) {
    const offered = rng.shuffle(intents.slice()).slice(0, 4);
    type Intent = (typeof intents)[number];
    let active: Intent | null = null;
    let asked = '';
    const turns = 2 + rng.int(3);
    for (let t = 0; t < turns && out.length < count; t++) {
      const carry: boolean = active !== null && rng.next() < 0.5;
      const target: Intent = carry && active !== null ? active : pick(offered);
      const utterance = carry
        ? pick(answers[target.slots[0]!]!)
        : `${pick(fillers)} ${pick(target.words)} ${rng.next() < 0.5 ? pick(target.words) : ''}`.trim();
      const context = asked === '' ? '' : `which ${asked}?`;
      const candidates = [...offered.map((i) => describeIntent(i)), 'none'].map((text, k) => {
        const o = lexicalOverlap(text, utterance);
        return { text, feats: [offered[k] === active ? 1 : 0, o.words, o.fuzzy] };
      });
      const slotNames = offered.map((i) => i.slots[0]!);
      const slots = slotNames.map((s) => ({ text: s, feats: [s === asked ? 1 : 0, lexicalOverlap(s, context).words] }));
      out.push({
        utterance,
        context,
        state: [t / 4, active === null ? 0 : 1],
        candidates,
        slots,
        labels: {
          intent: offered.indexOf(target),
          switch: carry ? 0 : 1,
          command: carry ? 1 : 0,
          ...(carry ? { slot: slotNames.indexOf(asked) } : {}),
        },
      });
      active = target;
      asked = target.slots[0]!;
    }
  }
  return out;
}
