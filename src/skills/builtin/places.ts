/**
 * A small gazetteer for the time skills: well-known cities, countries, US states and time-zone
 * names, each with its IANA zone. It is matched on word boundaries, longest name first, so
 * "what time is it in New York" finds "New York" and "and in Paris?" finds "Paris".
 *
 * Countries spanning several zones map to their most populous one, and say so (`spans`). Chinese
 * names are the zh language pack's (src/lang/zh/zh-places.ts).
 *
 * @module
 */

import { hasHan } from '../../nlu/runtime/language-id.ts';
import { lastParse } from './last-parse.ts';
import { ZH_PLACE_NAMES } from '../../lang/zh/zh-places.ts';

/** A place people ask the time of. */
export interface Place {
  /** Display name, e.g. `New York`. */
  name: string;
  /** IANA zone, e.g. `America/New_York`. */
  zone: string;
  /**
   * Set for a country spanning several zones (`us`, `canada`, …): the language pack's note for it
   * is said after the answer.
   */
  spans?: string;
}

/** name → zone; lower-case aliases after `|`. Kept as one table so it reads like data. */
const TABLE = `
London|uk|united kingdom|england|britain|great britain|scotland|wales=Europe/London
Dublin|ireland=Europe/Dublin
Lisbon|portugal=Europe/Lisbon
Paris|france=Europe/Paris
Berlin|germany|munich|hamburg|frankfurt=Europe/Berlin
Madrid|spain|barcelona=Europe/Madrid
Rome|italy|milan=Europe/Rome
Amsterdam|netherlands|holland=Europe/Amsterdam
Brussels|belgium=Europe/Brussels
Zurich|switzerland|geneva=Europe/Zurich
Vienna|austria=Europe/Vienna
Stockholm|sweden=Europe/Stockholm
Oslo|norway=Europe/Oslo
Copenhagen|denmark=Europe/Copenhagen
Helsinki|finland=Europe/Helsinki
Warsaw|poland=Europe/Warsaw
Prague|czech republic|czechia=Europe/Prague
Athens|greece=Europe/Athens
Istanbul|turkey=Europe/Istanbul
Kyiv|kiev|ukraine=Europe/Kyiv
Moscow|russia=Europe/Moscow
Cairo|egypt=Africa/Cairo
Lagos|nigeria=Africa/Lagos
Nairobi|kenya=Africa/Nairobi
Johannesburg|south africa|cape town=Africa/Johannesburg
Casablanca|morocco=Africa/Casablanca
Dubai|uae|united arab emirates|abu dhabi=Asia/Dubai
Riyadh|saudi arabia=Asia/Riyadh
Tehran|iran=Asia/Tehran
Jerusalem|israel|tel aviv=Asia/Jerusalem
Karachi|pakistan=Asia/Karachi
Delhi|new delhi|india|mumbai|bangalore|kolkata=Asia/Kolkata
Dhaka|bangladesh=Asia/Dhaka
Bangkok|thailand=Asia/Bangkok
Jakarta|indonesia=Asia/Jakarta
Singapore=Asia/Singapore
Kuala Lumpur|malaysia=Asia/Kuala_Lumpur
Manila|philippines=Asia/Manila
Hong Kong=Asia/Hong_Kong
Beijing|china|shanghai|guangzhou|shenzhen|chengdu|hangzhou|nanjing|wuhan|xian|chongqing|tianjin|harbin|shenyang|dalian|changchun|jinan|qingdao|zhengzhou|changsha|hefei|fuzhou|xiamen|nanchang|kunming|guiyang|nanning|haikou|sanya|lanzhou|xining|yinchuan|hohhot|urumqi|lhasa|taiyuan|shijiazhuang|suzhou|ningbo|wuxi|dongguan|foshan|zhuhai=Asia/Shanghai
Macau|macao=Asia/Macau
Taipei|taiwan=Asia/Taipei
Seoul|south korea|korea=Asia/Seoul
Tokyo|japan|osaka|kyoto=Asia/Tokyo
Sydney|australia|melbourne|canberra=Australia/Sydney
Brisbane|queensland=Australia/Brisbane
Perth=Australia/Perth
Auckland|new zealand|wellington=Pacific/Auckland
Honolulu|hawaii|hst=Pacific/Honolulu
Anchorage|alaska=America/Anchorage
Los Angeles|la|california|san francisco|seattle|washington state|oregon|las vegas|nevada|pacific time|pacific|pst|pdt=America/Los_Angeles
Phoenix|arizona=America/Phoenix
Denver|colorado|utah|salt lake city|new mexico|mountain time|mountain|mst|mdt=America/Denver
Chicago|illinois|texas|houston|dallas|austin|minnesota|missouri|wisconsin|louisiana|new orleans|central time|central|cst|cdt=America/Chicago
New York|nyc|new york city|boston|massachusetts|washington dc|washington|florida|miami|orlando|atlanta|georgia|ohio|michigan|detroit|pennsylvania|philadelphia|new jersey|virginia|north carolina|eastern time|eastern|est|edt=America/New_York
Toronto|ontario|montreal|ottawa|quebec=America/Toronto
Vancouver|british columbia=America/Vancouver
Mexico City|mexico=America/Mexico_City
Bogota|colombia=America/Bogota
Lima|peru=America/Lima
Santiago|chile=America/Santiago
Buenos Aires|argentina=America/Argentina/Buenos_Aires
Sao Paulo|são paulo|brazil|rio de janeiro|rio=America/Sao_Paulo
Havana|cuba=America/Havana
UTC|gmt|coordinated universal time|greenwich=UTC
`;

/** Countries spanning several zones, by alias: the key of the language pack's note. */
const SPANS: Record<string, string> = {
  'united states': 'us',
  usa: 'us',
  america: 'us',
  canada: 'canada',
  australia: 'australia',
  russia: 'russia',
  brazil: 'brazil',
};

const INDEX = new Map<string, Place>();
/** "new york city" → "New York City"; short aliases are acronyms ("uk" → "UK", "pst" → "PST"). */
const display = (alias: string): string =>
  alias.length <= 3
    ? alias.toUpperCase()
    : alias.replace(/(^|\s)(\p{L})/gu, (_, sp: string, c: string) => sp + c.toUpperCase());
for (const line of TABLE.trim().split('\n')) {
  const [names, zone] = line.split('=') as [string, string];
  const [name, ...aliases] = names.split('|') as [string, ...string[]];
  INDEX.set(name.toLowerCase(), { name, zone });
  for (const alias of aliases) INDEX.set(alias, { name: display(alias), zone });
}
for (const alias of ['united states', 'usa', 'us', 'america', 'the us'])
  INDEX.set(alias, { name: 'the US', zone: 'America/New_York' });
INDEX.set('canada', { name: 'Canada', zone: 'America/Toronto' });
for (const [alias, spans] of Object.entries(SPANS)) {
  const place = INDEX.get(alias);
  if (place !== undefined) INDEX.set(alias, { ...place, spans });
}
INDEX.set('the us', INDEX.get('usa')!);
// Longest names first so "new york city" wins over "new york", and "new york" over "york".
const NAMES = [...INDEX.keys()].sort((a, b) => b.length - a.length);
/** Chinese names, each a place of its own named as the user wrote it ("东京"), and its English alias. */
const ZH_INDEX = new Map<string, { place: Place; alias: string }>();
for (const [zh, alias] of ZH_PLACE_NAMES) {
  const place = INDEX.get(alias);
  if (place !== undefined) ZH_INDEX.set(zh, { place: { ...place, name: zh }, alias });
}
// Short aliases that are also ordinary words only count after "in"/"for"/"of" ("in la", "in us").
const NEEDS_PREPOSITION = new Set([
  'la',
  'us',
  'rio',
  'central',
  'eastern',
  'pacific',
  'mountain',
  'georgia',
  'washington',
]);

/**
 * Finds the place a text names, in English or in Chinese ("东京现在几点", "那巴黎呢").
 * @param text e.g. `"and in New York?"`
 * @returns the place, or `undefined`
 */
// The last text's place is remembered: two skills' place slots read the same turn (./last-parse.ts).
export const findPlace: (text: string) => Place | undefined = lastParse(findPlaceIn);

function findPlaceIn(text: string): Place | undefined {
  // Chinese has no spaces between words: a name is found as a substring, longest first.
  if (hasHan(text)) for (const [zh] of ZH_PLACE_NAMES) if (text.includes(zh)) return ZH_INDEX.get(zh)?.place;
  const s = ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\s]/gu, ' ')
    .replace(/\s+/g, ' ')} `;
  for (const name of NAMES) {
    const at = s.indexOf(` ${name} `);
    if (at < 0) continue;
    if (NEEDS_PREPOSITION.has(name) && !/\b(?:in|for|of|at)(?: the)? $/.test(s.slice(0, at + 1))) continue;
    return INDEX.get(name);
  }
  return undefined;
}

/**
 * Looks a place up by its display name (what the `place` slot holds), English or Chinese.
 * @param name e.g. `Paris`, `东京`
 */
export function placeByName(name: string): Place | undefined {
  return INDEX.get(name.toLowerCase()) ?? ZH_INDEX.get(name)?.place;
}

/**
 * The English name of a place, for an English reply about a place named in Chinese.
 * @param name e.g. `东京`, `Paris`
 * @returns e.g. `Tokyo`, `Paris`
 */
export function englishPlaceName(name: string): string {
  const zh = ZH_INDEX.get(name);
  return zh === undefined ? name : (INDEX.get(zh.alias)?.name ?? name);
}
