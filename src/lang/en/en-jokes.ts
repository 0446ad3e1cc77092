/**
 * The English jokes and fun facts the meta skill tells: short, family-friendly, and true (the facts).
 *
 * @module
 */

/** One-liners. */
export const JOKES: readonly string[] = [
  "Why don't skeletons fight each other? They don't have the guts.",
  'I told my computer I needed a break. It said: "No problem, I\'ll go to sleep."',
  'Why did the scarecrow win an award? He was outstanding in his field.',
  'What do you call a fake noodle? An impasta.',
  "Why don't eggs tell jokes? They'd crack each other up.",
  'I would tell you a UDP joke, but you might not get it.',
  'Why was the math book sad? It had too many problems.',
  'What did the ocean say to the beach? Nothing, it just waved.',
  "Parallel lines have so much in common. It's a shame they'll never meet.",
  'Why did the bicycle fall over? It was two tired.',
  "I'm reading a book about anti-gravity. It's impossible to put down.",
  'What do you call a bear with no teeth? A gummy bear.',
  'Why do programmers prefer dark mode? Because light attracts bugs.',
  "What did one wall say to the other? I'll meet you at the corner.",
];

/** Facts worth a "huh!". */
export const FUN_FACTS: readonly string[] = [
  'Honey never spoils: edible honey has been found in ancient Egyptian tombs.',
  'Octopuses have three hearts and blue blood.',
  'A day on Venus is longer than its year.',
  'Bananas are berries, but strawberries are not.',
  'The Eiffel Tower grows about 15 cm taller in summer, as the iron expands in the heat.',
  'Wombat droppings are cube-shaped.',
  'There are more possible games of chess than atoms in the observable universe.',
  'Sharks are older than trees: they have been around for over 400 million years.',
  'A group of flamingos is called a flamboyance.',
  'Sea otters hold hands while they sleep so they do not drift apart.',
  'The first computer bug was a real moth, found in a Harvard relay in 1947.',
  'Your nose can tell apart at least a trillion different smells.',
  'Lightning is about five times hotter than the surface of the sun.',
];
