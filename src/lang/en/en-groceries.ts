/**
 * Plain spoken lists of groceries: "milk eggs and cheese" is three items, though only the last two
 * are parted by "and" (voice input and quick typing drop the commas). A run of two to four words
 * is split only when EVERY word is a common grocery here, so a to-do ("call mom") or an item with
 * an unknown word ("goat cheese", "sourdough bread") stays whole; and a food word that names a
 * kind of another ("chocolate milk", "chicken soup", "apple juice") stays with it: a flavour
 * ({@link MODIFIERS}) before what it flavours ({@link HEADS}) is one item, and so are a few
 * {@link COMPOUNDS} ("peanut butter"). A bounded lexicon, not a model:
 * a miss keeps the words together, as before.
 *
 * @module
 */

/** Groceries said as one word, singular and plural. */
const GROCERIES = new Set(
  (
    'milk eggs egg bread butter cheese yogurt yoghurt cream flour sugar salt pepper rice pasta noodles oats cereal ' +
    'coffee tea juice water beer wine soda apples apple bananas banana oranges orange lemons lemon limes lime grapes ' +
    'berries strawberries blueberries raspberries pears pear peaches plums mangoes mango avocados avocado melon ' +
    'watermelon pineapple tomatoes tomato potatoes potato onions onion garlic carrots carrot lettuce spinach ' +
    'broccoli cucumber cucumbers peppers mushrooms celery cabbage corn peas beans lentils chickpeas chicken beef ' +
    'pork ham bacon sausages sausage fish salmon tuna shrimp prawns turkey mince tofu honey jam ketchup mayo ' +
    'mayonnaise mustard vinegar oil margarine chocolate cookies biscuits crackers chips crisps nuts almonds ' +
    'peanuts cake bagels muffins tortillas soup ginger basil parsley cinnamon vanilla toothpaste shampoo soap ' +
    'detergent napkins batteries foil coke lemonade cheddar mozzarella parmesan zucchini courgettes aubergine ' +
    'eggplant kale herbs spices sauce salsa hummus granola popcorn icecream'
  ).split(' '),
);

/** Singular food words that name a flavour or kind of another ("chocolate milk", "chicken soup", "apple juice"). */
const MODIFIERS = new Set(
  (
    'chocolate vanilla strawberry blueberry raspberry apple orange lemon lime mango peach grape tomato chicken beef ' +
    'pork fish turkey garlic ginger coconut almond peanut soy oat rice corn egg potato onion mushroom honey ice'
  ).split(' '),
);

/** Words a flavour before them names a kind of ("milk", "juice", "sauce", "soup", "cream"). */
const HEADS = new Set(
  (
    'milk juice sauce soup cream cake cookies biscuits chips crisps oil powder paste noodles tea salad sausage ' +
    'sausages mince yogurt yoghurt muffins jam'
  ).split(' '),
);

/** Pairs that are one item though neither word is a flavour of the other by the rule above. */
const COMPOUNDS = new Set(['peanut butter', 'garlic bread', 'cream cheese', 'milk chocolate', 'coffee beans']);

/**
 * The items of one run of words, when it is a plain list of groceries ("milk eggs" → milk, eggs;
 * "chocolate milk eggs" → chocolate milk, eggs); otherwise the run as it was.
 * @param item one item as a list parser cut it (lower case)
 * @returns its items
 */
export function splitGroceries(item: string): string[] {
  const words = item.split(' ');
  if (words.length < 2 || words.length > 4 || !words.every((w) => GROCERIES.has(w))) return [item];
  const items: string[] = [];
  for (const word of words) {
    const previous = items.at(-1);
    // "chocolate milk": a kind of milk, unless the word before is itself two words already.
    const pair = `${previous} ${word}`;
    if (
      previous !== undefined &&
      !previous.includes(' ') &&
      ((MODIFIERS.has(previous) && HEADS.has(word)) || COMPOUNDS.has(pair))
    )
      items[items.length - 1] = pair;
    else items.push(word);
  }
  return items;
}
