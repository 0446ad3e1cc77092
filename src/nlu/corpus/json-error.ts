/**
 * Finds where JSON text stops being valid JSON. `JSON.parse` reports the position in some
 * engines and messages only ("Unexpected token ']', ..."hi",]..." is not valid JSON" in Node 20),
 * so on the error path this small scanner re-reads the text to name the line. Hand-written: it
 * is a validator only, run once per broken file, and a parser dependency would be larger.
 *
 * @module
 */

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING_RE = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/** The 1-based line of the first syntax error in `text`, or undefined when it is valid JSON. */
export function jsonErrorLine(text: string): number | undefined {
  const at = errorOffset(text);
  if (at === undefined) return undefined;
  let line = 1;
  for (let i = 0; i < at && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function errorOffset(text: string): number | undefined {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && WS.has(text.charCodeAt(i))) i++;
  };
  const sticky = (re: RegExp): boolean => {
    re.lastIndex = i;
    if (!re.test(text)) return false;
    i = re.lastIndex;
    return true;
  };
  // An explicit stack instead of recursion: a file of 100,000 `[` must not overflow the call stack.
  const stack: ('[' | '{')[] = [];
  for (;;) {
    ws();
    // A value.
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      ws();
      if (text[i] === (c === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else if (c === '{') {
        if (!sticky(STRING_RE)) return i;
        ws();
        if (text[i++] !== ':') return i - 1;
        continue;
      } else continue;
    } else if (c === '"') {
      if (!sticky(STRING_RE)) return i;
    } else if (text.startsWith('true', i) || text.startsWith('null', i)) i += 4;
    else if (text.startsWith('false', i)) i += 5;
    else if (!sticky(NUMBER_RE)) return i;
    // After a value: close containers or continue with a comma.
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < text.length ? i : undefined;
      const ch = text[i];
      if (ch === ',') {
        i++;
        ws();
        if (top === '{') {
          if (!sticky(STRING_RE)) return i;
          ws();
          if (text[i++] !== ':') return i - 1;
        }
        break;
      }
      if (ch !== (top === '{' ? '}' : ']')) return i;
      stack.pop();
      i++;
    }
  }
}
