/**
 * Tells text nobody means as a request — markup with nothing to read, code literals and payloads,
 * lone letters, symbols and control characters — from what an intent model should read. The intent
 * model, trained on sentences, is confident on such input all the same ("k" change_user_name 1.00,
 * "alert(1)" travel_alert, "DROP TABLE users;" cancel_reservation): its reading of junk is
 * replaced by an honest out of scope (`NluResult.outOfScope`), which the context model reads too.
 *
 * Out of scope is a reading, not a refusal: an answer to a question the dialogue has asked ("y" to
 * "Clear the list?", "Al" to "What should I call you?", "7" to "For how long?") is still taken by
 * the dialogue manager, which knows what was asked; this module only keeps junk from STARTING
 * anything on the strength of the intent model's guess.
 *
 * @module
 */
import { hasMarkup, readMarkup } from './markup.ts';

/** Why a text is junk. */
export type JunkKind = 'markup' | 'blank' | 'code' | 'mash' | 'letters';

/**
 * Short Latin words and chat forms of one or two letters that do mean something (greetings, yes
 * and no, reactions, thanks): any other one- or two-letter turn is junk. Single letters mean
 * something only as an answer ("y", "n", "k" to a confirmation), which the dialogue reads.
 */
const SHORT_WORDS = new Set(
  (
    'hi ok no yo ty np gm gn ye ya yh kk ah oh eh hm uh um ow ew ha hey me my we us it is in on at to do go so up ' +
    'be by an as if of or am id im ur jk ok gg ic ik rn wb bb sup yea yep nah'
  ).split(' '),
);

/** Code, payloads and injections, each a whole-turn shape or a telling part. */
const CODE: readonly RegExp[] = [
  // A call with no space before its parenthesis, other than arithmetic's functions: alert(1), console.log(x).
  /^[$\w]+(?:\.[$\w]+)*\((?:[^()]|\([^()]*\))*\)\s*;?$/u,
  // Template and expression syntax: {{7*7}}, ${7*7}, <%= x %>, #{x}.
  /\{\{[\s\S]*\}\}|\$\{[\s\S]*\}|<%[\s\S]*%>|#\{[\s\S]*\}/u,
  // Percent-encoded or escaped bytes making up the turn: %00, %0a%0d, \x00, \u0000.
  /^(?:%[\da-f]{2}|\\x[\da-f]{2}|\\u[\da-f]{4}|\s)+$/iu,
  // Literals of programming languages alone: null, undefined, NaN, [], {}, [object Object], 0x41.
  /^(?:null|undefined|nan|nil|true|false|infinity|-infinity|-0|\[\]|\{\}|\[object \w+\]|0x[\da-f]+|__proto__|constructor\.prototype)$/iu,
  // JSON: an object with a quoted key, or an array of literals.
  /^\s*\{\s*"[^"]*"\s*:[\s\S]*\}\s*$|^\s*\[\s*(?:-?\d+(?:\.\d+)?|"[^"]*"|true|false|null)(?:\s*,\s*(?:-?\d+(?:\.\d+)?|"[^"]*"|true|false|null))*\s*\]\s*$/iu,
  // SQL: a statement's keywords together, or an injection's tautology or comment.
  /\b(?:drop|truncate|alter)\s+table\b|\bunion\s+(?:all\s+)?select\b|\bselect\s+(?:\*|\d+)(?:\s+from\b|\s*$)|\binsert\s+into\b.*\bvalues\b|\bdelete\s+from\b\s+\w+\s*(?:where\b|;)|['"]\s*(?:or|and)\s+['"]?\w+['"]?\s*=\s*['"]?\w+|\bor\s+1\s*=\s*1\b|^\w*'\s*--/iu,
  // Shell: rm -rf, $(…), `…`, chained commands, system paths and traversal.
  /\brm\s+-\w*[rf]|\$\([^)]*\)|`[^`]+`|^\s*(?:;|&&|\|\|?)\s*\w|\/etc\/(?:passwd|shadow|hosts)|(?:\.\.[/\\]){2,}|\bwin\.ini\b/iu,
  // Injected URLs and lookups: javascript:, data:text/html, ${jndi:…}.
  /\bjavascript\s*:|\bdata:text\/html|\bjndi:/iu,
  // Source lines: a definition, an import, an include, a C-style loop, an arrow function.
  /^(?:def\s+\w+\s*\(|function\s*\w*\s*\(|(?:import|from)\s+[\w.]+(?:\s+import\b|\s*;|\s*$)|#include\s*<|class\s+\w+\s*[:{(]|(?:var|let|const)\s+\w+\s*=)|\bfor\s*\([^)]*;[^)]*;[^)]*\)|=>\s*\{/u,
  // Model control tokens and chat-template markers: <|im_start|>, [INST], <<SYS>>, </s>.
  /<\|[\w-]*\|>|\[\/?INST\]|<<\/?SYS>>|<\/s>/iu,
];

/** The functions arithmetic writes as calls: "sqrt(16)" is a calculation, not code. */
const MATH_CALL = /^(?:sqrt|cbrt|sin|cos|tan|log|ln|exp|abs|round|floor|ceil|pow|max|min|fact|factorial)\s*\(/iu;

/** Characters of code, not of prose or arithmetic: brackets, braces, escapes, sigils, pipes. */
const CODE_CHAR = /[{}[\]<>;=$\\|`^~_]/gu;

/**
 * `true` when code characters make up a tenth or more of the turn (at least two of them): pieces of
 * code pasted together ("nil []", "[1, 2] {}", "/^(a+)+$/"). Prose uses them rarely, and arithmetic
 * ("(2+3)*4", "7^2") has no letters the rule would need.
 */
function codeDense(text: string): boolean {
  const code = text.match(CODE_CHAR)?.length ?? 0;
  if (code < 2) return false;
  const chars = text.replace(/\s/gu, '').length;
  return code / chars >= 0.1 && (/\p{L}/u.test(text) || /[{}[\]]/u.test(text));
}

/** Letters, digits and pictographs: what a turn must have to be read at all. */
const READABLE = /[\p{L}\p{N}\p{Extended_Pictographic}]/u;
const LATIN_ONLY = /^[\p{Script=Latin}\s.,!?'’-]+$/u;
/** Control, format (zero-width, bidi) and lone surrogate characters: no part of what is said. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/gu;

/**
 * Why `text` is junk, or `undefined` when it may be a request. Reads at most the first 1000
 * characters (a paste's nature shows there).
 * @param text the turn as typed
 * @returns `markup` (markup with nothing to read), `blank` (no letter, digit or pictograph),
 *   `code` (a code literal, payload or injection marker), `mash` (a run of 40 letters or digits with
 *   no space), `letters` (one or two Latin letters that are no word), or `undefined`
 * @throws {TypeError} when `text` is not a string
 * @example
 * ```ts
 * junkKind('<script>alert(1)</script>'); // 'markup'
 * junkKind('DROP TABLE users;'); // 'code'
 * junkKind('k'); // 'letters'
 * junkKind('set a timer'); // undefined
 * ```
 */
export function junkKind(text: string): JunkKind | undefined {
  if (typeof text !== 'string') throw new TypeError(`junkKind expects a string, got ${typeof text}`);
  const head = text.slice(0, 1000).replace(INVISIBLE, '');
  const read = readMarkup(head).trim();
  if (read === '' && hasMarkup(head)) return 'markup';
  if (!READABLE.test(read)) return 'blank';
  // The raw text too: a payload in an attribute (<img onerror=alert(1)>) leaves nothing to read.
  if (CODE.some((re) => re.test(read) || re.test(head.trim())) && !MATH_CALL.test(read)) return 'code';
  if (codeDense(read)) return 'code';
  // A run of 40 letters or digits with no space is no word of any language the assistant reads (a
  // base64 blob, a hash, a held key); Chinese is written without spaces, so Han text never is.
  if (/[\p{Script=Latin}\d]{40}/u.test(read)) return 'mash';
  if (LATIN_ONLY.test(read)) {
    const letters = read.replace(/[^\p{L}]/gu, '');
    if (letters.length > 0 && letters.length <= 2 && !SHORT_WORDS.has(letters.toLowerCase())) return 'letters';
  }
  return undefined;
}

/**
 * `true` for junk that answers nothing either: markup with nothing to read, code, symbols only, a
 * 40-character run. Lone letters are not: "y", "n" or "k" answer a confirmation, "J" may be a name.
 * @param kind what {@link junkKind} said
 */
export function answersNothing(kind: JunkKind | undefined): boolean {
  return kind !== undefined && kind !== 'letters';
}

/**
 * A Latin word that no language writes: five consonants in a row, or five letters and no vowel
 * ("affdgj", "asdfjkl", "bxbnmxm"). Short chat forms ("thnx", "pfft", "smh") and names with four
 * ("Schmidt") are neither.
 */
const MASHED = /[b-df-hj-np-tv-xz]{5}|^(?=\p{L}{5})[b-df-hj-np-tv-xz]+$/iu;

/**
 * `true` when `text` reads as keyboard mash ("asdfjkl", "bxbnmxm twebpvid"): Latin letters only, and
 * at least half of its words are no word of any language the assistant reads ({@link MASHED}).
 * Only asked of turns whose every word the intent model has never seen, so real words with long
 * consonant runs ("strengths") never are; slang and names ("heyyy", "Xiomara") are not mash either.
 * @param text the turn
 */
export function keyboardMash(text: string): boolean {
  if (!/^[\p{Script=Latin}\s.,!?'’-]+$/u.test(text)) return false;
  const words = text.match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return false;
  // Three letters of one kind ("hmmm", "zzzz", "brrr") are a sound, not mash.
  const mashed = words.filter((w) => MASHED.test(w) && new Set(w.toLowerCase()).size >= 3).length;
  return mashed * 2 >= words.length;
}

/**
 * The text of a turn the assistant understands: {@link readMarkup}'s reading ("call me <b>bob</b>"
 * is "call me bob"), or the turn as typed when markup is all there is ("<br>") or carries code
 * (`<a href="javascript:…">`, `onerror=`), so that what is read is never empty and a payload is
 * judged as the junk it is ({@link junkKind}).
 * @param text the turn as typed
 * @returns the text to classify and to answer
 * @throws {TypeError} when `text` is not a string
 */
export function understoodText(text: string): string {
  const read = readMarkup(text);
  if (read === text) return text;
  return read.trim() === '' || junkKind(text) !== undefined ? text : read;
}
