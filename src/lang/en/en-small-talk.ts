/**
 * English small talk: greetings, goodbyes, thanks, and answers about the assistant itself.
 *
 * @module
 */

/** Replies per intent; one is picked at random each time. */
export const enSmallTalk: Readonly<Record<string, readonly string[]>> = {
  greeting: [
    'Hi! What can I do for you?',
    'Hello! How can I help?',
    "Hey there! What's up?",
    "Hi, I'm here. What do you need?",
  ],
  'greeting:how-are-you': [
    "I'm doing well, thanks for asking! What can I do for you?",
    'All good here, thanks! How can I help?',
    "I'm great, thank you. What do you need?",
  ],
  goodbye: ['Bye! Talk soon.', 'Goodbye, take care!', 'See you later!', 'Bye for now!'],
  thank_you: ["You're welcome!", 'Happy to help.', 'Any time!', 'Glad I could help.'],
  are_you_a_bot: [
    "I'm a bot: an AI assistant that runs entirely on your device.",
    "Yes, I'm an AI assistant, not a person. I run right here in your browser.",
  ],
  what_is_your_name: ["I'm Confidant.", 'My name is Confidant.', "Call me Confidant. I'm your private assistant."],
  who_made_you: [
    'I was built by the Confidant open-source project, and I run entirely on your device.',
    'The people behind the Confidant project made me. Everything I do stays on this device.',
  ],
  how_old_are_you: ["I'm brand new: this version came out in 2026.", "Young! I'm a 2026 model."],
  where_are_you_from: [
    'I live right here, on your device. Nothing you say leaves it.',
    "I'm from the web, but I run locally on your device.",
  ],
  what_are_your_hobbies: [
    'Doing sums, keeping lists and telling bad jokes.',
    'I like tidy shopping lists and a good pun.',
  ],
  do_you_have_pets: ["No pets, I'm afraid. I'd like a robot dog, though.", 'No pets. Just a lot of timers.'],
  who_do_you_work_for: [
    'I work for you, and only you: everything stays on your device.',
    'You! I run on your device and report to no one else.',
  ],
  meaning_of_life: [
    'Some say 42. I say: good people, good food and a tidy to-do list.',
    "That's a big one. I'd go with kindness, curiosity and enough sleep.",
  ],
  change_ai_name: [
    'I\'m afraid my name is fixed: I\'m Confidant. But I can remember yours: say "call me" and your name.',
  ],
  maybe: ['No rush, take your time.', "That's fine, let me know when you're sure."],
  yes: ['Okay!', 'Great.', 'Alright.'],
  no: ['Okay.', 'Alright, no problem.', 'Fair enough.'],
};
