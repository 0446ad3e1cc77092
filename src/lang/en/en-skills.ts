/**
 * What the built-in skills say in English. The skills hold the logic (src/skills/builtin); the
 * words are here, one section per skill, so a language is added by writing a file like this one.
 * Each list is a set of variants one is picked from.
 *
 * @module
 */
import { enFormat as f } from './en-format.ts';

type Noun = 'timer' | 'alarm';

/** English replies of the built-in skills. */
/**
 * "remind you to call mom", but "remind you about the meeting": a reminder's text that starts with a
 * determiner is a thing, not something to do.
 */
const aboutTask = (task: string): string =>
  /^(?:the|a|an|your|our|his|her|their|this|that|these|those)\b/i.test(task) ? `about ${task}` : `to ${task}`;

export const enSkills = {
  time: {
    askPlace: ['Which city or country?', 'Where do you mean?'],
    now: (here: string) => [`It's ${here}.`, `It's ${here} right now.`, `Right now it's ${here}.`],
    unknownPlace: (place: string, here: string) =>
      `I don't know the time zone of ${place} yet, sorry. Here it's ${here}.`,
    /** `day`: the day there compared with here. */
    there(place: string, time: string, day: -1 | 0 | 1): string[] {
      const d = day === 0 ? '' : day > 0 ? ' tomorrow' : ' yesterday';
      return [`It's ${time}${d} in ${place}.`, `In ${place} it's ${time}${d}.`];
    },
    zoneHere: (name: string, zone: string, offset: string) =>
      `Your time zone is ${name} (${zone}), ${offset} right now.`,
    zoneThere: (place: string, name: string, offset: string) => `${place} is on ${name}, ${offset} right now.`,
    unknownZone: (place: string) => `I don't know the time zone of ${place} yet, sorry.`,
    /** Said after the answer for a country spanning several zones, by its key in the gazetteer. */
    spans: {
      us: 'The US spans several time zones; that is Eastern time.',
      canada: 'Canada spans several time zones; that is Toronto time.',
      australia: 'Australia spans several time zones; that is Sydney time.',
      russia: 'Russia spans many time zones; that is Moscow time.',
      brazil: 'Brazil spans several time zones; that is Brasília time.',
    } as Readonly<Record<string, string>>,
  },
  date: {
    askDate: 'Which day?',
    today: (day: string, place?: string) => {
      const where = place === undefined ? '' : ` in ${place}`;
      return [`Today is ${day}${where}.`, `It's ${day}${where}.`];
    },
    tomorrow: (day: string) => `Tomorrow is ${day}.`,
    yesterday: (day: string) => `Yesterday was ${day}.`,
    inDays: (n: number, day: string) => `In ${n} days it will be ${day}.`,
    daysAgo: (n: number, day: string) => `${n} days ago it was ${day}.`,
    other: (day: string) => `That's ${day}.`,
  },
  schedule: {
    noun: { timer: 'timer', alarm: 'alarm' } as Readonly<Record<Noun, string>>,
    unavailable: "I can't set timers or alarms in this app, sorry: it doesn't let me announce things later.",
    noneToCancel: (noun: Noun) => `You don't have any ${noun}s running.`,
    cancelledOne: (noun: Noun) => [`Okay, I've cancelled your ${noun}.`, `Done, the ${noun} is off.`],
    cancelledAll: (n: number, noun: Noun) => `Okay, I've cancelled all ${n} ${noun}s.`,
    cancelledThe: (noun: Noun, what: string, left: number) =>
      `Okay, I've cancelled the ${noun} (${what}). You still have ${f.count(left, noun)}.`,
    /** "No, not that one" after a cancel: the one cancelled is back (`what`: its time left, or when it rings). */
    restored: (noun: Noun, what: string) => `Okay, the ${noun} is back on (${what}).`,
    swapped: (noun: Noun, kept: string, cancelled: string) =>
      `Sorry about that: the ${noun} (${kept}) is back on, and I've cancelled the other one (${cancelled}).`,
    noMatch: (noun: Noun) => `I couldn't find that ${noun}.`,
    noneSet: (noun: Noun) => `You don't have any ${noun}s set.`,
    left: (duration: string) => `${duration} left`,
    one: (noun: Noun, what: string) => `You have one ${noun}: ${what}.`,
    many: (n: number, noun: Noun, what: readonly string[]) => `You have ${f.count(n, noun)}: ${what.join('; ')}.`,
    /** Said after setting one when the request asked for it to repeat ("every day at 7"). */
    onceOnly: "I can't repeat alarms or reminders yet, so this one is set once; ask me again for the next.",
  },
  timer: {
    askDuration: ['For how long?', 'How long should the timer run?', 'Sure, for how long?'],
    badDuration: 'A timer can run from one second to 24 hours. How long should it be?',
    done: (length: string) => [`Time's up! Your timer for ${length} is done.`, `Ding! Your timer is done (${length}).`],
    changed: (length: string) => `Okay, I changed the timer to ${length}.`,
    extended: (added: string, left: string) => `Okay, I added ${added} to your timer: ${left} left now.`,
    cannotPause:
      "I can't pause or resume a timer yet, sorry. I can tell you how long is left, cancel it, or set a new one.",
    set: (length: string) => [
      `Timer set for ${length}.`,
      `Okay, ${length}, starting now.`,
      `Sure, your timer for ${length} is running.`,
    ],
  },
  alarm: {
    askTime: ['What time should I set it for?', 'For what time?', 'When should it go off?'],
    badTime: 'Sorry, I need a time, like "7am" or "6:30 tomorrow". What time?',
    passed: 'That time has already passed. What time should I set the alarm for?',
    tooFar: 'That is further ahead than I set alarms: at most 100 years. What time should I set the alarm for?',
    ring: (time: string) => `⏰ It's ${time}: your alarm.`,
    moved: (when: string) => `Okay, I moved your alarm. It will now go off ${when}.`,
    set: (when: string) => [
      `Alarm set. It will go off ${when}.`,
      `Okay, I'll wake you ${when}.`,
      `Done, your alarm will ring ${when}.`,
    ],
  },
  reminders: {
    unavailable: "I can't set reminders in this app, sorry: it doesn't let me announce things later.",
    askTask: ['What should I remind you about?', 'Sure, what is the reminder for?'],
    askWhen: ['When should I remind you?', 'What time should I remind you?'],
    askWhenTask: (task: string) => [
      `When should I remind you ${aboutTask(task)}?`,
      `Sure. What time should I remind you ${aboutTask(task)}?`,
    ],
    passed: 'That time has passed already. When should I remind you?',
    tooFar: 'That is further ahead than I keep reminders: at most 100 years. When should I remind you?',
    none: ['You have no reminders right now.', 'There are no reminders set.'],
    noneOn: (day: string) => `You have no reminders on ${day}.`,
    item: (task: string, when: string) => `${task} ${when}`,
    list: (n: number, items: readonly string[]) => `You have ${f.count(n, 'reminder')}: ${f.list(items)}.`,
    noneToDelete: "You don't have any reminders to delete.",
    deletedOne: (task: string) => `Okay, I deleted your reminder ${aboutTask(task)}.`,
    deletedAll: (n: number) => `Okay, I deleted all ${n} reminders.`,
    announce: (task: string) => `Reminder: ${task}.`,
    changed: (task: string, when: string) => `Okay, I changed it: I'll remind you ${aboutTask(task)} ${when}.`,
    /** A move of a reminder that is not set ("move the gym reminder" with only a dentist one). */
    notFound: "I couldn't find that reminder.",
    whichOne: 'Which one should I move?',
    set: (task: string, when: string) => [
      `Okay, I'll remind you ${aboutTask(task)} ${when}.`,
      `Reminder set: ${task}, ${when}.`,
      `Sure. ${f.capitalize(when)}, I'll remind you ${aboutTask(task)}.`,
    ],
  },
  lists: {
    name: { shopping: 'shopping list', todo: 'to-do list' } as Readonly<Record<'shopping' | 'todo', string>>,
    askAdd: (list: string) => `What should I add to your ${list}?`,
    askRemove: (list: string) => `What should I take off your ${list}?`,
    askCheck: 'Which item?',
    askClear: (list: string) => `Clear your ${list}?`,
    confirmClear: (list: string) => `Clear everything on your ${list}?`,
    unavailable: (list: string) => `I can't keep a ${list} in this app, sorry.`,
    cleared: (list: string) => [`Done, your ${list} is empty.`, `Okay, I cleared your ${list}: it's empty now.`],
    added: (items: readonly string[], list: string) => [
      `Added ${f.list(items)} to your ${list}.`,
      `Okay, I put ${f.list(items)} on your ${list}.`,
    ],
    full: (list: string, max: number) => `Your ${list} is full (${max} items), so I couldn't add everything.`,
    // Said without "is"/"are": one item may be plural ("bananas") and a to-do item is one task
    // ("walk the dogs"), so the count of items does not tell the verb.
    already: (items: readonly string[]) => `Already on it: ${f.list(items)}.`,
    removed: (items: readonly string[], list: string) => [
      `Removed ${f.list(items)} from your ${list}.`,
      `Okay, I took ${f.list(items)} off your ${list}.`,
    ],
    notThere: (items: readonly string[], list: string) => `Your ${list} didn't have ${f.list(items)}.`,
    isOn: (items: readonly string[], list: string) => `Yes, your ${list} has ${f.list(items)}.`,
    isOff: (items: readonly string[], list: string, someOn: boolean) =>
      someOn ? `It doesn't have ${f.list(items)}.` : `No, your ${list} doesn't have ${f.list(items)}.`,
    empty: (list: string) => [`Your ${list} is empty.`, `Your ${list} is empty right now.`],
    show: (list: string, items: readonly string[]) =>
      `Your ${list} has ${f.count(items.length, 'item')}: ${f.list(items)}.`,
  },
  calculator: {
    askExpression: ['What should I calculate?', 'Sure, what is the sum?'],
    badExpression: 'I need some numbers to work with, like "12 times 7". What should I calculate?',
    /** How the symbols are read back: "15% of 80", "12 × 7". */
    speak: (expression: string) =>
      expression
        .replace(/%\s*\*\s*/g, '% of ')
        .replace(/\s*\*\s*/g, ' × ')
        .replace(/\s*\/\s*/g, ' ÷ ')
        .replace(/√\s*/g, '√'),
    result: (expression: string, result: string) => [
      `${expression} is ${result}.`,
      `That's ${result}.`,
      `${result}.`,
      `It comes to ${result}.`,
    ],
    why: {
      'division-by-zero': "Dividing by zero isn't defined, so there's no answer to that one.",
      'too-large': 'That number is too big for me to work out.',
      domain: "That has no real-number answer, I'm afraid.",
    } as Readonly<Record<string, string>>,
    failed: `Sorry, I couldn't work that out. Try something like "12 times 7" or "15% of 80".`,
  },
  conversion: {
    askAmount: 'How much?',
    askFrom: 'From which unit?',
    askTo: ['Into which unit?', 'Convert it to what?'],
    whichUnits: 'Which units should I convert? For example, "5 feet in meters" or "how many grams in a pound".',
    convertTo: (amount: string) => `Convert ${amount} to what?`,
    dimension: {
      length: 'a length',
      mass: 'a weight',
      volume: 'a volume',
      temperature: 'a temperature',
      speed: 'a speed',
      time: 'a time',
      data: 'a data size',
      energy: 'an energy',
    } as Readonly<Record<string, string>>,
    cannot: (from: string, to: string, a: string, b: string) =>
      `I can't convert ${from} to ${to}: one is ${a} and the other ${b}.`,
    result: (a: string, b: string) => [`${a} is ${b}.`, `That's ${b}.`, `${a} comes to ${b}.`],
  },
  dice: {
    askCount: 'How many dice?',
    askSides: 'How many sides?',
    die: (sides: number) => (sides === 6 ? '' : ` (d${sides})`),
    one: (roll: number, die: string) => [`You rolled a ${roll}${die}.`, `It's a ${roll}${die}!`, `${roll}${die}.`],
    many: (rolls: readonly number[], die: string, total: number) =>
      `You rolled ${rolls.length <= 10 ? f.list(rolls.map(String)) : `${rolls.length} dice`}${die}: ${total} in total.`,
  },
  coin: {
    side: { heads: 'heads', tails: 'tails' } as Readonly<Record<'heads' | 'tails', string>>,
    landed: (side: string) => [`It's ${side}.`, `${f.capitalize(side)}!`, `The coin landed on ${side}.`],
    win: 'You win!',
    lose: 'Sorry, you lose.',
  },
  spelling: {
    askWord: ['Which word should I spell?', 'Sure, which word?'],
    badWord: 'I can spell words made of letters. Which word?',
    spelled: (word: string, spelled: string, letters: number) => [
      `${word}: ${spelled}. That's ${f.count(letters, 'letter')}.`,
      `It's spelled ${spelled} (${f.count(letters, 'letter')}).`,
    ],
    han: (word: string) => `${word} is written in Chinese characters, which have no letters to spell out.`,
  },
  userName: {
    askName: ['What should I call you?', 'Sure, what name should I use?'],
    badName: "That doesn't look like a name I can use. What should I call you?",
    unavailable: "I can't remember names in this app, sorry.",
    set: (name: string) => [
      `Nice to meet you, ${name}! I'll call you ${name} from now on.`,
      `Got it, ${name}. That's what I'll call you.`,
      `Okay, ${name} it is.`,
    ],
    unknown: `I don't know your name yet. Tell me by saying "call me" and your name.`,
    known: (name: string) => [`You're ${name}.`, `Your name is ${name}.`, `I call you ${name}.`],
  },
  meta: {
    /** "What can you do?", from what the registered skills do (`describeSkills`). */
    capabilities: (things: readonly string[]) =>
      (things.length === 0 ? "I can't do much here yet." : `I can ${f.list(things)}.`) +
      ' I work offline and nothing you say leaves this device.',
    nothingYet: "I haven't said anything yet.",
  },
};
