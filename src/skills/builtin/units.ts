/**
 * Units of measurement for the conversion skill: length, mass, volume, temperature, speed, time,
 * data and energy, each with its factor to the dimension's base unit (and an offset for temperature).
 *
 * @module
 */

/** A dimension units convert within. */
export type Dimension = 'length' | 'mass' | 'volume' | 'temperature' | 'speed' | 'time' | 'data' | 'energy';

/** One unit. `base = (value + offset) * factor`. */
export interface Unit {
  id: string;
  dimension: Dimension;
  factor: number;
  offset: number;
  /** How it is read out: singular and plural. */
  one: string;
  many: string;
}

/** id, dimension, factor, singular, plural, then aliases (plurals of word aliases are added). */
const TABLE: [string, Dimension, number, string, string, ...string[]][] = [
  ['millimeter', 'length', 0.001, 'millimeter', 'millimeters', 'mm', 'millimetre'],
  ['centimeter', 'length', 0.01, 'centimeter', 'centimeters', 'cm', 'cms', 'centimetre'],
  ['meter', 'length', 1, 'meter', 'meters', 'm', 'metre'],
  ['kilometer', 'length', 1000, 'kilometer', 'kilometers', 'km', 'kms', 'kilometre', 'klick'],
  ['inch', 'length', 0.0254, 'inch', 'inches'],
  ['foot', 'length', 0.3048, 'foot', 'feet', 'ft'],
  ['yard', 'length', 0.9144, 'yard', 'yards', 'yd', 'yds'],
  ['mile', 'length', 1609.344, 'mile', 'miles', 'mi'],
  ['nautical-mile', 'length', 1852, 'nautical mile', 'nautical miles', 'nmi'],
  ['milligram', 'mass', 1e-6, 'milligram', 'milligrams', 'mg'],
  ['gram', 'mass', 0.001, 'gram', 'grams', 'g', 'gr', 'gramme'],
  ['kilogram', 'mass', 1, 'kilogram', 'kilograms', 'kg', 'kgs', 'kilo', 'kilogramme'],
  // The Chinese market jin (市斤), exactly half a kilogram.
  ['jin', 'mass', 0.5, 'jin', 'jin', 'catty'],
  // The market liang (市两), a tenth of a jin: 50 grams.
  ['liang', 'mass', 0.05, 'liang', 'liang'],
  ['tonne', 'mass', 1000, 'metric ton', 'metric tons', 'tonne', 'metric ton'],
  ['ounce', 'mass', 0.028349523125, 'ounce', 'ounces', 'oz'],
  ['pound', 'mass', 0.45359237, 'pound', 'pounds', 'lb', 'lbs'],
  ['stone', 'mass', 6.35029318, 'stone', 'stone', 'st', 'stones'],
  ['ton', 'mass', 907.18474, 'ton', 'tons', 'short ton'],
  ['milliliter', 'volume', 0.001, 'milliliter', 'milliliters', 'ml', 'millilitre'],
  ['centiliter', 'volume', 0.01, 'centiliter', 'centiliters', 'cl', 'centilitre'],
  ['liter', 'volume', 1, 'liter', 'liters', 'l', 'litre', 'ltr'],
  ['cubic-meter', 'volume', 1000, 'cubic meter', 'cubic meters', 'm3', 'cubic metre'],
  ['teaspoon', 'volume', 0.00492892159375, 'teaspoon', 'teaspoons', 'tsp'],
  ['tablespoon', 'volume', 0.01478676478125, 'tablespoon', 'tablespoons', 'tbsp'],
  ['fluid-ounce', 'volume', 0.0295735295625, 'fluid ounce', 'fluid ounces', 'fl oz', 'floz'],
  ['cup', 'volume', 0.2365882365, 'cup', 'cups'],
  ['pint', 'volume', 0.473176473, 'pint', 'pints', 'pt'],
  ['quart', 'volume', 0.946352946, 'quart', 'quarts', 'qt'],
  ['gallon', 'volume', 3.785411784, 'gallon', 'gallons', 'gal'],
  [
    'celsius',
    'temperature',
    1,
    'degree Celsius',
    'degrees Celsius',
    'c',
    '°c',
    'centigrade',
    'degrees celsius',
    'degree celsius',
    'degrees c',
  ],
  [
    'fahrenheit',
    'temperature',
    5 / 9,
    'degree Fahrenheit',
    'degrees Fahrenheit',
    'f',
    '°f',
    'degrees fahrenheit',
    'degree fahrenheit',
    'degrees f',
  ],
  ['kelvin', 'temperature', 1, 'kelvin', 'kelvin', 'k'],
  ['meter-per-second', 'speed', 1, 'meter per second', 'meters per second', 'm/s', 'mps', 'metre per second'],
  [
    'kilometer-per-hour',
    'speed',
    1 / 3.6,
    'kilometer per hour',
    'kilometers per hour',
    'km/h',
    'kph',
    'kmh',
    'kmph',
    'kilometre per hour',
    'kilometres per hour',
  ],
  ['mile-per-hour', 'speed', 0.44704, 'mile per hour', 'miles per hour', 'mph'],
  ['knot', 'speed', 0.514444, 'knot', 'knots', 'kt', 'kn'],
  ['millisecond', 'time', 0.001, 'millisecond', 'milliseconds', 'ms'],
  ['second', 'time', 1, 'second', 'seconds', 'sec', 'secs', 's'],
  ['minute', 'time', 60, 'minute', 'minutes', 'min', 'mins'],
  ['hour', 'time', 3600, 'hour', 'hours', 'hr', 'hrs', 'h'],
  ['day', 'time', 86400, 'day', 'days'],
  ['week', 'time', 604800, 'week', 'weeks', 'wk', 'wks'],
  ['month', 'time', 2629746, 'month', 'months'],
  ['year', 'time', 31556952, 'year', 'years', 'yr', 'yrs'],
  ['decade', 'time', 315569520, 'decade', 'decades'],
  ['century', 'time', 3155695200, 'century', 'centuries'],
  ['bit', 'data', 0.125, 'bit', 'bits'],
  ['byte', 'data', 1, 'byte', 'bytes', 'b'],
  ['kilobyte', 'data', 1e3, 'kilobyte', 'kilobytes', 'kb'],
  ['megabyte', 'data', 1e6, 'megabyte', 'megabytes', 'mb', 'megs'],
  ['gigabyte', 'data', 1e9, 'gigabyte', 'gigabytes', 'gb', 'gigs'],
  ['terabyte', 'data', 1e12, 'terabyte', 'terabytes', 'tb'],
  ['kibibyte', 'data', 1024, 'kibibyte', 'kibibytes', 'kib'],
  ['mebibyte', 'data', 1024 ** 2, 'mebibyte', 'mebibytes', 'mib'],
  ['gibibyte', 'data', 1024 ** 3, 'gibibyte', 'gibibytes', 'gib'],
  ['joule', 'energy', 1, 'joule', 'joules', 'j'],
  ['kilojoule', 'energy', 1000, 'kilojoule', 'kilojoules', 'kj', 'kjs'],
  // The calorie of food labels and of everyday talk is the kilocalorie (round 13: "convert 200 calories to
  // kilojoules", as Australian labels give kJ).
  ['kilocalorie', 'energy', 4184, 'calorie', 'calories', 'kcal', 'kcals', 'cal', 'cals', 'kilocalorie', 'food calorie'],
  ['kilowatt-hour', 'energy', 3.6e6, 'kilowatt hour', 'kilowatt hours', 'kwh'],
];

const OFFSETS: Record<string, number> = { fahrenheit: -32, kelvin: -273.15 };

/** Every unit by id. */
export const UNITS: ReadonlyMap<string, Unit> = new Map(
  TABLE.map(([id, dimension, factor, one, many]) => [
    id,
    { id, dimension, factor, offset: OFFSETS[id] ?? 0, one, many },
  ]),
);

const ALIASES = new Map<string, string>();
for (const [id, , , one, many, ...aliases] of TABLE) {
  for (const alias of [id.replace(/-/g, ' '), one.toLowerCase(), many.toLowerCase(), ...aliases]) {
    ALIASES.set(alias, id);
    if (/^[a-z ]{4,}$/.test(alias) && !alias.endsWith('s')) ALIASES.set(`${alias}s`, id);
  }
}
ALIASES.set('degrees', 'celsius');

/** A regular-expression alternation of every alias, longest first, for the parsers. */
export const UNIT_PATTERN = [...ALIASES.keys()]
  .sort((a, b) => b.length - a.length)
  .map((a) => a.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
  .join('|');

/**
 * The unit an alias names.
 * @param alias e.g. `kgs`, `miles per hour`, `°F`
 */
export function unitByAlias(alias: string): Unit | undefined {
  const id = ALIASES.get(alias.toLowerCase().trim());
  return id === undefined ? undefined : UNITS.get(id);
}

/**
 * Converts a value between two units of the same dimension.
 * @returns the converted value, or `undefined` when the dimensions differ
 */
export function convert(value: number, from: Unit, to: Unit): number | undefined {
  if (from.dimension !== to.dimension) return undefined;
  return ((value + from.offset) * from.factor) / to.factor - to.offset;
}
