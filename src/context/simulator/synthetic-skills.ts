/**
 * Invented skills the simulator registers next to the built-in ones, so the context model learns to
 * read a manifest rather than remember the built-in skills: a skill it never saw (a host's own) must
 * be understood from its intent names, descriptions and slots alone. The intent model knows none of
 * their intents (some share a label with it, as a host reusing `weather` would), and a few are held
 * out of training to measure exactly that.
 *
 * @module
 */
import type { SkillDefinition, SlotDefinition } from '../../skills/types.ts';
import type { IntentScript } from './intent-scripts.ts';

/** An invented skill and how users talk to it. */
export interface SyntheticSkill {
  skill: SkillDefinition;
  scripts: Record<string, IntentScript>;
  /** Labels of the intent model this skill's requests resemble: not asked while it is registered. */
  overlaps: string[];
  /** Kept out of training, to measure how skills never seen are understood. */
  heldOut?: boolean;
}

const en = (s: string) => ({ en: s.split('|'), zh: [] as string[] });
const slot = (name: string, kind: SlotDefinition['kind'], prompt: string, required = true): SlotDefinition => ({
  name,
  kind,
  prompt,
  required,
});

function define(
  id: string,
  description: string,
  intents: Record<string, { description: string; script: IntentScript }>,
  slots: SlotDefinition[],
  extra: Partial<Pick<SkillDefinition, 'permissions'>> & { overlaps?: string[]; heldOut?: boolean } = {},
): SyntheticSkill {
  const skill: SkillDefinition = {
    id,
    version: '1.0.0',
    intents: Object.keys(intents),
    description,
    intentDescriptions: Object.fromEntries(Object.entries(intents).map(([k, v]) => [k, v.description])),
    slots,
    ...(extra.permissions === undefined ? {} : { permissions: extra.permissions }),
    execute: (ctx) => {
      const values = Object.entries(ctx.slots).filter(([k]) => !k.startsWith('$'));
      return `Done: ${ctx.intent.replace(/[_.]/g, ' ')}${values.length > 0 ? ` (${values.map(([k, v]) => `${k} ${String(v)}`).join(', ')})` : ''}.`;
    },
  };
  return {
    skill,
    scripts: Object.fromEntries(Object.entries(intents).map(([k, v]) => [k, v.script])),
    overlaps: extra.overlaps ?? [],
    ...(extra.heldOut === true ? { heldOut: true } : {}),
  };
}

/** The invented skills. */
export const SYNTHETIC_SKILLS: readonly SyntheticSkill[] = [
  define(
    'acme.pizza',
    'order pizza',
    {
      order_pizza: {
        description: 'order a pizza for delivery: size and toppings',
        script: {
          full: en(
            'i want a large pizza with {topping}|order me a pizza with {topping}|can i get a medium {topping} pizza|get me a {topping} pizza please',
          ),
          bare: en("i'm hungry, order a pizza|order pizza|i'd like to order a pizza|pizza time"),
          answers: { topping: en('{topping}|with {topping}|just {topping}') },
          followUp: [{ slot: 'topping', bank: en('and {topping} too|add {topping}|with extra {topping}') }],
        },
      },
      pizza_status: {
        description: 'where is my pizza order, delivery status',
        script: {
          full: en("where's my pizza|how long until my pizza gets here|is my pizza on the way|track my pizza order"),
        },
      },
    },
    [slot('topping', 'text', 'Which toppings?')],
    { overlaps: ['order', 'order_status', 'meal_suggestion'] },
  ),
  define(
    'weather.now',
    'give the weather forecast',
    {
      weather: {
        description: 'the weather forecast: rain, temperature, sunny or cold, in a city',
        script: {
          full: en(
            "what's the weather in {place}|is it going to rain tomorrow|how hot is it outside|do i need an umbrella today|weather in {place}|will it snow this weekend",
          ),
          followUp: [{ slot: 'city', bank: en('and in {place}?|what about {place}?') }],
        },
      },
    },
    [slot('city', 'custom:place', 'Which city?', false)],
  ),
  define(
    'player.music',
    'play music',
    {
      play_song: {
        description: 'play a song, an artist or a playlist',
        script: {
          full: en('play {song}|put on some {song}|i want to hear {song}|play something by {song}'),
          bare: en('play some music|music please'),
          stop: { intent: 'pause_music', noun: { en: 'music', zh: '音乐' } },
        },
      },
      pause_music: { description: 'pause or stop the music', script: {} },
      next_track: {
        description: 'skip to the next song',
        script: { full: en('next song|skip this one|skip|play the next track') },
      },
    },
    [slot('song', 'text', 'What should I play?', false)],
    { overlaps: ['play_music', 'next_song'] },
  ),
  define(
    'home.lights',
    'control the lights and heating',
    {
      lights_on: {
        description: 'turn the lights on in a room',
        script: {
          full: en(
            'turn on the lights in the {room}|lights on in the {room}|switch on the {room} lights|it is dark in the {room}',
          ),
        },
      },
      lights_off: {
        description: 'turn the lights off',
        script: { full: en('turn off the lights in the {room}|lights off|kill the lights in the {room}') },
      },
      set_thermostat: {
        description: 'set the heating or thermostat to a temperature in degrees',
        script: {
          full: en('set the thermostat to {b} degrees|make it warmer, {b} degrees|heat the house to {b}'),
          bare: en('change the thermostat|adjust the heating'),
        },
      },
    },
    [slot('room', 'text', 'Which room?', false), slot('degrees', 'number', 'What temperature?', false)],
    { overlaps: ['smart_home'], heldOut: true },
  ),
  define(
    'rides.taxi',
    'book taxis',
    {
      book_ride: {
        description: 'book a taxi or a car ride to a destination',
        script: {
          full: en(
            'get me a taxi to {place}|book a cab to {place}|i need a ride to {place}|call a car to take me to {place}',
          ),
          bare: en('book a taxi|i need a cab|get me a ride'),
          answers: { destination: en('{place}|to {place}') },
        },
      },
      ride_status: {
        description: 'where is my taxi, when does the driver arrive',
        script: { full: en("where's my taxi|how far away is the driver|when will my cab arrive") },
      },
    },
    [slot('destination', 'text', 'Where to?')],
    { overlaps: ['uber'], permissions: { consequential: true } },
  ),
  define(
    'notes.simple',
    'keep notes',
    {
      add_note: {
        description: 'write down a note, jot something down',
        script: {
          full: en('take a note: {task}|note that i need to {task}|write this down: {task}|jot down {task}'),
          bare: en('take a note|new note|i want to write a note'),
          answers: { text: en('{task}') },
        },
      },
      read_notes: {
        description: 'read my notes back',
        script: { full: en('read my notes|what did i write down|show me my notes|any notes?') },
      },
    },
    [slot('text', 'text', 'What should the note say?')],
  ),
  define(
    'fitness.log',
    'log workouts',
    {
      log_workout: {
        description: 'log exercise: a run, a swim, gym, how long',
        script: {
          full: en(
            'log a {sport} for {duration}|i just did {duration} of {sport}|record my {sport} workout, {duration}|add a {duration} {sport} to my log',
          ),
          bare: en('log a workout|i worked out today'),
          answers: { activity: en('{sport}'), length: en('{duration}') },
        },
      },
      workout_summary: {
        description: 'how much did I exercise this week, my workout stats',
        script: { full: en('how much did i exercise this week|show my workout stats|how many workouts this month') },
      },
    },
    [slot('activity', 'text', 'What did you do?'), slot('length', 'duration', 'For how long?')],
    { heldOut: true },
  ),
  define(
    'cinema.tickets',
    'find movies and buy tickets',
    {
      find_showtimes: {
        description: 'movie showtimes at the cinema',
        script: {
          full: en(
            "when is {movie} playing|showtimes for {movie}|what's on at the cinema {date}|movie times for {movie} {date}",
          ),
        },
      },
      buy_tickets: {
        description: 'buy movie tickets: how many seats',
        script: {
          full: en('buy {b} tickets for {movie}|get me tickets to {movie}|book two seats for {movie}'),
          bare: en('buy movie tickets|i want tickets'),
          answers: { seats: en('{b}|{b} tickets|{b} please') },
        },
      },
    },
    [slot('seats', 'number', 'How many tickets?')],
    { permissions: { consequential: true } },
  ),
  define(
    'parcels.track',
    'track parcels',
    {
      track_package: {
        description: 'track a package or parcel delivery',
        script: { full: en('where is my package|track my parcel|when will my delivery arrive|has my package shipped') },
      },
    },
    [],
    { overlaps: ['order_status'] },
  ),
  define(
    'support.desk',
    'open support tickets',
    {
      open_ticket: {
        description: 'report a problem to support, open a help ticket',
        script: {
          full: en(
            'my internet is down, open a ticket|report a problem: {task}|i need to contact support about {task}',
          ),
          bare: en('open a ticket|i have a problem|contact support'),
          answers: { issue: en('{task}|the wifi keeps dropping|my screen is broken') },
        },
      },
      ticket_status: {
        description: 'status of my support ticket',
        script: { full: en("what's the status of my ticket|any update on my support request") },
      },
    },
    [slot('issue', 'text', "What's the problem?")],
    { heldOut: true },
  ),
  define(
    'plants.care',
    'help with plants',
    {
      plant_care: {
        description: 'how often to water a plant, plant care tips',
        script: {
          full: en('how often should i water my {plant}|my {plant} leaves are yellow|does a {plant} need sun'),
        },
      },
    },
    [],
    { heldOut: true },
  ),
];

/** Extra placeholders the invented skills use. */
export const SYNTHETIC_VALUES: Record<string, readonly string[]> = {
  topping: ['pepperoni', 'mushrooms', 'olives', 'extra cheese', 'ham and pineapple', 'peppers', 'onions'],
  song: ['jazz', 'taylor swift', 'some rock', 'the beatles', 'lo-fi beats', 'my workout playlist', 'classical music'],
  room: ['kitchen', 'living room', 'bedroom', 'bathroom', 'office', 'hallway'],
  sport: ['run', 'swim', 'bike ride', 'yoga', 'gym session', 'walk'],
  movie: ['dune', 'the new batman', 'inside out', 'oppenheimer', 'the matrix'],
  plant: ['cactus', 'fern', 'monstera', 'orchid', 'basil'],
};
