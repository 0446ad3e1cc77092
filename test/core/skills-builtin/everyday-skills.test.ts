import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDice } from '../../../src/skills/builtin/chance.ts';
import { parseConversion } from '../../../src/skills/builtin/conversion.ts';
import { parseListRequest } from '../../../src/skills/builtin/list-parse.ts';
import { builtinSkills } from '../../../src/skills/builtin/index.ts';
import { slotsOf } from '../../../src/dialogue/slots.ts';
import { createHarness } from '../dialogue/harness.ts';
import { packFor } from '../../../src/lang/pack.ts';

describe('lists', () => {
  it('parse adds, removes, checks and clears', () => {
    assert.deepEqual(parseListRequest('add eggs to my shopping list and remove cheese'), {
      add: ['eggs'],
      remove: ['cheese'],
      check: [],
      clear: false,
    });
    assert.deepEqual(parseListRequest('take doing the dishes off my todo list').remove, ['doing the dishes']);
    assert.deepEqual(parseListRequest('put milk, bread and apples on the shopping list').add, [
      'milk',
      'bread',
      'apples',
    ]);
    assert.deepEqual(parseListRequest('do i have carrots on my shopping list').check, ['carrots']);
    // The list named bare at the end, as typed in a hurry: "to shopping", "from groceries", "to todo".
    assert.deepEqual(parseListRequest('add eggs n bread to shopping').add, ['eggs', 'bread']);
    assert.deepEqual(parseListRequest('remove milk from groceries').remove, ['milk']);
    assert.deepEqual(parseListRequest('add call mom to todo').add, ['call mom']);
    assert.equal(parseListRequest('erase all items on my todo list').clear, true);
    assert.deepEqual(parseListRequest("what's on my shopping list"), { add: [], remove: [], check: [], clear: false });
  });

  it('read a question asked right after a change, with a filler and no apostrophe, as no item', () => {
    const shopping = builtinSkills.find((s) => s.id === 'builtin.shopping-list')!;
    const add = slotsOf(shopping).find((s) => s.name === 'add')!;
    // As a follow-up of the task that just added rice ("and eggs" would be an item).
    const read = (text: string) =>
      add.extract!({
        text,
        entities: [],
        slots: { add: ['rice'] },
        answer: false,
        cue: { type: 'follow-up', rest: text },
      });
    assert.equal(read('ok whats on my list'), undefined);
    assert.deepEqual(read('eggs'), ['eggs']);
  });

  it('read "wats on my to do list" / "wats on it rn" (typed as said) as a question, never adding "wats"', async () => {
    const h = await createHarness();
    await h.say('add laundry to my todo list', 'todo_list_update');
    const asked = await h.say('wats on my to do list', 'todo_list_update');
    assert.match(asked.reply.text, /1 item: laundry/);
    assert.equal(asked.understanding.slots['add'], undefined);
    await h.say('add chips and soda to my shopping list', 'shopping_list_update');
    assert.match((await h.say('wats on it rn', 'shopping_list_update')).reply.text, /2 items: chips and soda/);
  });

  it('keep the to-do and shopping lists apart, encrypted in the store', async () => {
    const h = await createHarness();
    await h.say('add milk and eggs to my shopping list', 'shopping_list_update');
    await h.say('add clean the bathroom to my to do list', 'todo_list_update');
    assert.match((await h.say("what's on my shopping list", 'shopping_list')).reply.text, /2 items: milk and eggs/);
    assert.match((await h.say('what is on my to do list', 'todo_list')).reply.text, /1 item: clean the bathroom/);
    assert.match((await h.say('add milk to my shopping list', 'shopping_list_update')).reply.text, /already on it/i);
    assert.match(
      (await h.say('remove cheese from my shopping list', 'shopping_list_update')).reply.text,
      /Your shopping list didn't have cheese/,
    );
    assert.match(
      (await h.say('is milk on my shopping list', 'shopping_list')).reply.text,
      /Yes, your shopping list has milk/,
    );
    assert.deepEqual(await h.store.skillData('builtin.shopping-list').get('items'), ['milk', 'eggs']);
  });

  it('ask what to add, follow up with "and …", and correct the last item', async () => {
    const h = await createHarness();
    const ask = await h.say('i want to add something to my shopping list', 'shopping_list_update');
    assert.equal(ask.reply.expectsAnswer, true);
    assert.match((await h.say('oat milk', null)).reply.text, /oat milk/);
    assert.match((await h.say('and bread', null)).reply.text, /bread/);
    const fixed = await h.say('no, I meant rye bread', 'no');
    assert.equal(fixed.understanding.action, 'correction');
    assert.deepEqual(await h.store.skillData('builtin.shopping-list').get('items'), ['oat milk', 'rye bread']);
  });
});

describe('unit conversion', () => {
  it('parses requests and fragments', () => {
    assert.deepEqual(parseConversion('how many kilos are in 150 pounds'), {
      amount: 150,
      from: 'pound',
      to: 'kilogram',
    });
    assert.deepEqual(parseConversion("what's 32 degrees fahrenheit in celsius"), {
      amount: 32,
      from: 'fahrenheit',
      to: 'celsius',
    });
    assert.deepEqual(parseConversion('how many centimeters are in an inch'), {
      amount: 1,
      from: 'inch',
      to: 'centimeter',
    });
    assert.deepEqual(parseConversion('convert 5 gb to mb'), { amount: 5, from: 'gigabyte', to: 'megabyte' });
    assert.deepEqual(parseConversion('and 10 pounds?'), { amount: 10, from: 'pound' });
    assert.deepEqual(parseConversion('what about in ounces?'), { to: 'ounce' });
    assert.deepEqual(parseConversion('how many crows are in 10 murders'), {});
  });

  it('converts across every dimension and explains a mismatch', async () => {
    const h = await createHarness();
    const cases: [string, RegExp][] = [
      ['what is 5 feet in meters', /1\.524 meters/],
      ['how many kilos in 10 pounds', /4\.53592 kilograms/],
      ["what's 8 ounces in cups", /1 cup/],
      ['convert 100 fahrenheit to celsius', /37\.7778 degrees Celsius/],
      ['how many mph is 100 km/h', /62\.1371 miles per hour/],
      ['how many minutes in 2 hours', /120 minutes/],
      ['how many megabytes in 2 gigabytes', /2,000 megabytes/],
      ['convert 3 meters to kilograms', /can't convert meters to kilograms/],
    ];
    for (const [text, expected] of cases)
      assert.match((await h.say(text, 'measurement_conversion')).reply.text, expected, text);
  });
});

describe('dice, coin, spelling and name', () => {
  it('parses dice', () => {
    assert.deepEqual(parseDice('roll a d20'), { count: 1, sides: 20 });
    assert.deepEqual(parseDice('roll two dice'), { count: 2, sides: 6 });
    assert.deepEqual(parseDice('roll 3d6'), { count: 3, sides: 6 });
    assert.deepEqual(parseDice('i need to roll a 10 sided die'), { count: 1, sides: 10 });
  });

  it('rolls within range and flips a fair coin with the injected random source', async () => {
    const h = await createHarness();
    for (let i = 0; i < 20; i++) {
      const n = Number(/\b(\d+)\b/.exec((await h.say('roll a d20', 'roll_dice')).reply.text)?.[1]);
      assert.ok(n >= 1 && n <= 20, `roll ${n}`);
    }
    const coin = (await h.say('flip a coin, i call heads', 'flip_coin')).reply.text;
    assert.match(coin, /heads|tails/i);
    assert.match(coin, /win|lose/);
  });

  it('spells words', async () => {
    const h = await createHarness();
    assert.match((await h.say('how do you spell necessary', 'spelling')).reply.text, /N-E-C-E-S-S-A-R-Y.*9 letters/);
    assert.match((await h.say("the word 'you' got how many letters", 'spelling')).reply.text, /Y-O-U/);
  });

  it('remembers and recalls the user name in the profile', async () => {
    const h = await createHarness();
    assert.match((await h.say("what's my name", 'user_name')).reply.text, /don't know your name/);
    const ask = await h.say('i want to change my name', 'change_user_name');
    assert.equal(ask.reply.expectsAnswer, true);
    assert.match((await h.say('Mary Ann', null)).reply.text, /Mary Ann/);
    assert.match((await h.say('what do you call me', 'user_name')).reply.text, /Mary Ann/);
    assert.match((await h.say('call me brad', 'change_user_name')).reply.text, /Brad/);
    assert.equal(await h.store.settings().get('profile.name'), 'Brad');
  });
});

describe('small talk and meta', () => {
  it('answers every small-talk and meta intent with a short reply', async () => {
    const h = await createHarness();
    const intents = [
      'greeting',
      'goodbye',
      'thank_you',
      'are_you_a_bot',
      'what_is_your_name',
      'who_made_you',
      'what_can_i_ask_you',
      'tell_joke',
      'fun_fact',
      'how_old_are_you',
      'meaning_of_life',
    ];
    for (const intent of intents) {
      // The intent is given; the text only has to read as words ("(are_you_a_bot)" reads as code: junk).
      const r = await h.say(intent.replace(/_/g, ' '), intent);
      assert.equal(r.understanding.action, 'new-intent', intent);
      assert.ok(r.reply.text.length > 0 && r.reply.text.length < 320, `${intent}: ${r.reply.text}`);
    }
    assert.match((await h.say('are you a bot', 'are_you_a_bot')).reply.text, /bot|AI/);
    assert.match((await h.say('what can i ask you', 'what_can_i_ask_you')).reply.text, /timers/);
  });

  it('does not tell the same joke twice in a row', async () => {
    const h = await createHarness();
    let last = '';
    for (let i = 0; i < 10; i++) {
      const joke = (await h.say('tell me a joke', 'tell_joke')).reply.text;
      assert.notEqual(joke, last);
      last = joke;
    }
  });

  it('declares valid manifests with least privilege', () => {
    const ids = builtinSkills.map((s) => s.id);
    assert.equal(new Set(ids).size, ids.length);
    const intents = builtinSkills.flatMap((s) => s.intents);
    assert.equal(new Set(intents).size, intents.length, 'each intent has one skill');
    for (const s of builtinSkills) {
      assert.equal(s.permissions?.network, undefined, `${s.id} needs no network`);
      assert.ok(s.description !== undefined && s.description.length < 40);
    }
  });
});

describe('reminder phrasing', () => {
  it('says "about" before a thing and "to" before something to do', () => {
    const say = packFor('en').skills.reminders;
    for (const line of say.set('the meeting', 'at 5:00 PM')) assert.doesNotMatch(line, /to the meeting/);
    assert.ok(say.set('the meeting', 'at 5:00 PM').some((line) => line.includes('remind you about the meeting')));
    assert.ok(say.set('call mom', 'at 5:00 PM').some((line) => line.includes('remind you to call mom')));
    assert.match(say.deletedOne('your dentist appointment'), /reminder about your dentist appointment/);
  });
});

describe('reminder task', () => {
  it('keeps the user\'s words in the slot, drops "that I need to", and says it back in the second person', async () => {
    const h = await createHarness();
    const set = await h.say('remind me that i need to buy my train ticket at 5pm', 'reminder_update');
    assert.equal(set.understanding.slots['task'], 'buy my train ticket');
    assert.match(set.reply.text, /buy your train ticket/);
    const other = await h.say("remind me i've got to text my sister tomorrow at 9", 'reminder_update');
    assert.equal(other.understanding.slots['task'], 'text my sister');
  });

  it('reads the reminders of the day a question names ("what reminders do I have tomorrow", "后天有提醒吗")', async () => {
    // The harness's clock: Thursday 2026-11-26, 10:00 in Paris.
    const h = await createHarness();
    await h.say('remind me tomorrow at 9 to pay rent', 'reminder_update');
    await h.say('remind me today at 11pm to lock the door', 'reminder_update');
    const tomorrow = await h.say('what reminders do i have tomorrow', 'reminder');
    assert.match(tomorrow.reply.text, /1 reminder: pay rent/);
    assert.doesNotMatch(tomorrow.reply.text, /lock the door/);
    assert.match((await h.say('any reminders on sunday', 'reminder')).reply.text, /no reminders on Sunday/);
    assert.match((await h.say('what reminders do i have', 'reminder')).reply.text, /2 reminders/);
    assert.match((await h.say('后天有提醒吗', 'reminder')).reply.text, /^11月28日星期六没有提醒/);
  });

  it('reads a reminder as the object of a delete ("把这个提醒删掉", "提醒全部删了"), not as a new task', async () => {
    const h = await createHarness();
    await h.say('明天下午三点提醒我开会', 'reminder_update');
    const one = await h.say('把这个提醒删掉', 'reminder_update');
    assert.equal(one.understanding.slots['task'], undefined);
    assert.match(one.reply.text, /“开会”的提醒删掉了/);
    await h.say('明天下午三点提醒我开会', 'reminder_update');
    await h.say('明天下午五点提醒我买菜', 'reminder_update');
    assert.match((await h.say('把提醒全部删了', 'reminder_update')).reply.text, /2个提醒都删掉了/);
    // A reminder TO cancel something is still a reminder.
    const cancelSomething = await h.say('明天下午三点提醒我取消订阅', 'reminder_update');
    assert.equal(cancelSomething.understanding.slots['task'], '取消订阅');
  });
});

describe('list items as people type them', () => {
  it('drop polite frames, fillers, trailing remarks and purposes; keep quantities; split "n" and "+"', () => {
    const add = (text: string) => parseListRequest(text).add;
    assert.deepEqual(add('lol ok add salad to my grocery list'), ['salad']);
    assert.deepEqual(add('Kindly pop washing powder onto my shopping list'), ['washing powder']);
    assert.deepEqual(add('could you please add a loaf of bread to my shopping list, thank you'), ['a loaf of bread']);
    assert.deepEqual(add('add 2 litres of milk and a dozen eggs to the shopping list'), [
      '2 litres of milk',
      'a dozen eggs',
    ]);
    assert.deepEqual(add('pls put 3 avocados on my grocery list thx'), ['3 avocados']);
    assert.deepEqual(add('put oreos n chips on my shopping list'), ['oreos', 'chips']);
    assert.deepEqual(add('shopping list add 2 onions + 1 garlic + a bag of potatoes'), [
      '2 onions',
      '1 garlic',
      'a bag of potatoes',
    ]);
    assert.deepEqual(add('put crisps, dips and lemonade on the shopping list for the party'), [
      'crisps',
      'dips',
      'lemonade',
    ]);
    assert.deepEqual(add('put clean room on my to-dos'), ['clean room']);
    assert.deepEqual(add('add bread to that'), ['bread']);
    assert.deepEqual(add('stick "buy birthday card for dad" on my task list'), ['buy birthday card for dad']);
  });

  it('keep the article of a quantity with words describing its measure ("a big bag of rice")', () => {
    const add = (text: string) => parseListRequest(text).add;
    assert.deepEqual(add('add flour and a huge sack of potatoes'), ['flour', 'a huge sack of potatoes']);
    assert.deepEqual(add('put a small tin of peas and an extra large box of cornflakes on my list'), [
      'a small tin of peas',
      'an extra large box of cornflakes',
    ]);
    assert.deepEqual(add('add a 2 litre bottle of lemonade'), ['a 2 litre bottle of lemonade']);
    // A container word as the head of the thing's name is no measure: "a chocolate bar" is the thing.
    assert.deepEqual(add('add a chocolate bar and a trash can'), ['chocolate bar', 'trash can']);
    assert.deepEqual(add('add a pencil case'), ['pencil case']);
    // An article before the thing itself still goes, described or not.
    assert.deepEqual(add('add a ripe mango and an onion'), ['ripe mango', 'onion']);
  });

  it('read a list named first, "the task is …" and "X too" as additions', () => {
    const add = (text: string) => parseListRequest(text).add;
    assert.deepEqual(add('todo: vacuum the car, call the plumber'), ['vacuum the car', 'call the plumber']);
    assert.deepEqual(add('todo add pick up package'), ['pick up package']);
    assert.deepEqual(add('oh right the task is to renew passport'), ['renew passport']);
    assert.deepEqual(add('cheese too pls'), ['cheese']);
    assert.deepEqual(add('me too'), []);
  });

  it('read a removal said with a reason after it', () => {
    assert.deepEqual(parseListRequest('take the bananas off we still have some').remove, ['bananas']);
    assert.deepEqual(parseListRequest('cross off pay rent i just did it').remove, ['pay rent']);
  });

  it('take "could you add rice" and "do laundry" answered to the item question as items', async () => {
    const shopping = builtinSkills.find((s) => s.id === 'builtin.shopping-list')!;
    const add = slotsOf(shopping).find((s) => s.name === 'add')!;
    const answer = (text: string) => add.extract!({ text, entities: [], slots: {}, answer: true });
    assert.deepEqual(answer('could you add rice'), ['rice']);
    assert.deepEqual(answer('oh right cat food'), ['cat food']);
    assert.deepEqual(answer('just ice cream i guess'), ['ice cream']);
    assert.deepEqual(answer('do laundry'), ['do laundry']);
    assert.equal(answer('do i have milk on it'), undefined);
  });
});

describe('small talk', () => {
  it('answers "how are you" inside a greeting, in the turn\'s language; a plain hello stays a hello', async () => {
    const h = await createHarness();
    assert.match((await h.say('hi how are you', 'greeting')).reply.text, /thank/i);
    assert.match((await h.say('你好吗', 'greeting')).reply.text, /谢谢/);
    assert.doesNotMatch((await h.say('hello', 'greeting')).reply.text, /thank/i);
  });
});
