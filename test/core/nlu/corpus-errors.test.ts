// Every corpus problem is a CorpusError that names the line (and the file), and hostile keys
// never reach Object.prototype.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CorpusError } from '../../../src/errors.ts';
import { parseCorpus, type ParseCorpusOptions } from '../../../src/nlu/corpus/index.ts';

/** Asserts a CorpusError on `line` whose message matches `message` and names the file. */
function fails(text: string, line: number | undefined, message: RegExp, options: ParseCorpusOptions = {}): void {
  assert.throws(
    () => parseCorpus(text, { fileName: 'bad.yml', ...options }),
    (e: unknown) => {
      assert.ok(e instanceof CorpusError, `got ${String(e)}`);
      assert.equal(e.line, line, e.message);
      assert.match(e.message, message);
      assert.match(e.message, /\(in bad\.yml\)/);
      if (line !== undefined) assert.ok(e.message.startsWith(`line ${line}: `), e.message);
      return true;
    },
  );
}

describe('corpus errors name the line', () => {
  it('an intent with zero examples', () => {
    fails('intents:\n  greet:\n    - hi\n  empty: []\n', 4, /intent "empty" has no examples/);
    fails('intents:\n  greet:\n    - hi\n  empty:\n', 4, /intent "empty" has no examples/);
    fails(
      'nlu:\n- intent: greet\n  examples: |\n    - hi\n- intent: bye\n  examples: |\n\n',
      5,
      /intent "bye" has no examples/,
    );
    fails(
      '{\n "locale": "en",\n "data": [\n  {"intent": "a", "utterances": ["x"]},\n  {"intent": "b", "utterances": []}\n ]\n}',
      5,
      /intent "b" has no examples/,
    );
  });
  it('duplicate intent labels, in every format', () => {
    fails('intents:\n  greet: [hi]\n  other: [yo]\n  greet: [hello]\n', 4, /Map keys must be unique/);
    fails(
      'intents:\n  - name: greet\n    examples: [hi]\n  - name: greet\n    examples: [hello]\n',
      4,
      /duplicate intent "greet" \(first declared on line 2\)/,
    );
    fails(
      'version: "3.1"\nnlu:\n- intent: greet\n  examples: |\n    - hi\n- intent: greet\n  examples: |\n    - hello\n',
      6,
      /duplicate intent "greet"/,
    );
    fails(
      '{\n "locale": "en",\n "data": [\n  {"intent": "a", "utterances": ["x"]},\n  {"intent": "a", "utterances": ["y"]}\n ]\n}',
      5,
      /duplicate intent "a"/,
    );
    fails('{\n "intents": {\n  "greet": ["hi"],\n  "greet": ["yo"]\n }\n}', 4, /Map keys must be unique/);
  });
  it('malformed YAML and JSON', () => {
    fails('intents:\n  greet: [hi\n  bye: [x]\n', 3, /malformed YAML/);
    fails('intents:\n\tgreet: [hi]\n', 2, /Tabs are not allowed/);
    fails('{\n  "intents": {\n    "greet": ["hi",]\n  }\n}\n', 3, /malformed JSON/);
    fails(
      '{"splits": {"train": [\n{"text": "a", "intent": "x"},\n{"text": "", "intent": "x"}\n]}}',
      3,
      /needs a non-empty "text"/,
      { format: 'dataset' },
    );
  });
  it('a bad line inside a Rasa examples block', () => {
    fails('nlu:\n- intent: greet\n  examples: |\n    - hi\n    hello\n', 5, /starting with "- "/);
    fails('nlu:\n- intent: greet\n  examples: |\n    - hi\n    - to [NY]{"entity": city}\n', 5, /not valid JSON/);
  });
  it('an unsafe or invalid regex', () => {
    fails('intents:\n  greet: [hi]\nentities:\n  word:\n    regex: "(a+)+b"\n', 4, /nested quantifier/);
    fails(
      'nlu:\n- intent: greet\n  examples: |\n    - hi\n- regex: code\n  examples: |\n    - \\d+\n    - (x|x)*y\n',
      8,
      /same character/,
    );
    fails(
      '{\n "locale": "en",\n "data": [{"intent": "a", "utterances": ["x"]}],\n "entities": {\n  "e": "/a+/gm"\n }\n}',
      5,
      /only i and u/,
    );
    fails('intents:\n  greet: [hi]\nentities:\n  word:\n    regex: "(unclosed"\n', 4, /Invalid regular expression/);
  });
  it('other shape problems', () => {
    fails('intents:\n  greet: [hi]\nintent:\n  bye: [x]\n', 3, /unknown top-level key "intent"/);
    fails('intents:\n  greet:\n    - hi\n    - {a: b}\n', 4, /is not a string/);
    fails('intents:\n  greet: [hi]\nvalidation:\n  bye: [see you]\n', 4, /unknown intent "bye"/);
    fails('foo: bar\n', 1, /unrecognized corpus/);
    fails('  \n', undefined, /empty/);
  });
});

describe('hostile input', () => {
  it('rejects __proto__, constructor and prototype keys without polluting prototypes', () => {
    fails('intents:\n  greet: [hi]\n__proto__:\n  polluted: yes\n', 3, /"__proto__" is not allowed/);
    fails('{"intents": {"greet": ["hi"],\n "__proto__": ["x"]}}', 2, /"__proto__" is not allowed/);
    fails('intents:\n  greet: [hi]\n  constructor: [x]\n', 3, /"constructor" is not allowed/);
    fails(
      '{"locale": "en", "data": [{"intent": "a", "utterances": ["x"]}],\n "entities": {"prototype": "/x/"}}',
      2,
      /"prototype" is not allowed/,
    );
    assert.equal((Object.prototype as Record<string, unknown>)['polluted'], undefined);
    assert.equal(({} as Record<string, unknown>)['greet'], undefined);
  });
  it('stops a YAML alias bomb', () => {
    const bomb =
      'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n' +
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nintents: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';
    fails(bomb, undefined, /aliases expand too much/);
  });
  it('throws TypeError for a non-string text or an unknown format', () => {
    assert.throws(() => parseCorpus(undefined as unknown as string), TypeError);
    assert.throws(() => parseCorpus('intents: {a: [b]}', { format: 'dialogflow' as 'rasa' }), TypeError);
  });
  it('reports a wrong explicit format as a CorpusError', () => {
    fails('intents:\n  greet: [hi]\n', undefined, /"nlu" must be a list/, { format: 'rasa' });
  });
});
