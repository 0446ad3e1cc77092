/**
 * Fuzz targets (fast-check): every parser and checker that takes outside text, with its invariants.
 * `npm test` runs them seeded and briefly (test/core/fuzz/fuzz.test.ts); `npm run fuzz` runs them
 * for >= 100,000 inputs (test/fuzz/run.ts). The markdown sanitizer, which needs a DOM, runs in
 * Chromium (test/browser/widget/sanitize-fuzz.test.ts).
 *
 * Invariants, for every target:
 * - **no throw but typed errors**: each target lists the error classes its API documents;
 * - **no request**: `fetch` is replaced by a recorder while targets run (none may call it);
 * - **bounded time**: each input finishes within `maxMs` (the fastest of three runs, when the first
 *   overran: a pause of the machine does not repeat, a runaway parser does);
 * - **no script**: markdown output holds only the converter's own tags and attributes.
 * Plus what each result must satisfy (offsets inside the text, URLs on allowed origins, …).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  CorpusError,
  CryptoError,
  InputError,
  PermissionError,
  SkillError,
  WrongPassphraseError,
} from '../../src/errors.ts';
import { createAssistant, type Assistant } from '../../src/index.ts';
import { encodeValue } from '../../src/crypto/codec.ts';
import { checkLink, createLinkPolicy } from '../../src/links/link-policy.ts';
import { specialHostKind } from '../../src/links/special-hosts.ts';
import { parseCorpus, type CorpusFormat } from '../../src/nlu/corpus/parse-corpus.ts';
import { extractEntities } from '../../src/nlu/entities/extract-entities.ts';
import { CalcError, evaluateExpression } from '../../src/skills/builtin/expression.ts';
import { checkRequestUrl, normalizeDeclaredOrigin, originOfEndpoint } from '../../src/skills/origins.ts';
import { parseWorkflow } from '../../src/skills/workflow/parse.ts';
import { readBackupPayload } from '../../src/store/backup-payload.ts';
import { markdownToHtml } from '../../widget/markdown.ts';
import { InvariantError, MARKDOWN_PIECES, checkMarkdownHtml, invariant, mutated, soup } from './arbitraries.ts';

/**
 * What people (and attackers) type into the chat box: requests of every built-in skill in both
 * languages, slot answers, cues, markup, injection attempts, format and bidi characters, other
 * scripts, full-width forms, numbers at the edges of what the grammars read.
 */
const TURN_PIECES = [
  ' ',
  'set a timer for ',
  '10 minutes',
  'remind me ',
  'tomorrow at 6pm',
  ' to call mom',
  'add ',
  ' to my shopping list',
  "what's on my list",
  'clear my todo list',
  'yes',
  'no',
  'cancel',
  'never mind',
  'what time is it in ',
  'tokyo',
  "what's 15% of ",
  '1e308',
  '-5',
  '99999999999999999999',
  '0',
  'NaN',
  'call me ',
  'spell ',
  'convert 5 km to ',
  'roll a d',
  'and ',
  'another one',
  'too',
  '帮我设一个',
  '五分钟的计时器',
  '提醒我明天早上七点',
  '购物清单加个香蕉',
  '算了',
  '七乘以八',
  '百分之',
  '现在几点',
  '那巴黎呢',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '{{constructor.constructor("x")()}}',
  '__proto__',
  'constructor',
  'toString',
  '%s%n',
  '\u202E',
  '\u200B',
  '\uD800',
  '\uDFFF',
  '\u0000',
  '\r\n',
  'ＳＥＴ　ＴＩＭＥＲ　５',
  '８点一刻',
  'タイマー',
  'تعيين',
  '💩',
  'z̷̧̛̖',
];

/** One fuzz target. */
export interface FuzzTarget<T = unknown> {
  name: string;
  /** Share of the run's inputs this target gets (relative weight). */
  weight: number;
  /** The longest one input may take. */
  maxMs: number;
  arbitrary: fc.Arbitrary<T>;
  /** Error classes the API documents; anything else thrown is a failure. */
  allowed: readonly (abstract new (...args: never[]) => Error)[];
  /** Checks one input; throws (an `InvariantError`) when an invariant fails. */
  check(input: T): void | Promise<void>;
}

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');

const CORPUS_FORMATS: readonly (CorpusFormat | undefined)[] = ['confidant', 'rasa', 'nlpjs', 'dataset', undefined];
const CORPUS_SAMPLES = [
  fixture('corpus/confidant.yaml'),
  fixture('corpus/confidant.json'),
  fixture('corpus/nlu.yml'),
  fixture('corpus/nlpjs-corpus.json'),
  fixture('corpus/mini-dataset.json').slice(0, 4000),
];
const YAML_PIECES = [
  ':',
  ': ',
  '- ',
  '\n',
  '\n  ',
  '  ',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ',',
  '#',
  '&a ',
  '*a',
  '<<: ',
  '!!js/function ',
  '!tag ',
  '|',
  '>',
  '---',
  '...',
  '%YAML 1.2',
  '__proto__',
  'constructor',
  'prototype',
  'id',
  'intents',
  'examples',
  'steps',
  'ask',
  'reply',
  'webhook',
  'url: https://api.acme.com/x',
  'if',
  '{{ slots.city }}',
  '{{ vars.__proto__ }}',
  'true',
  'null',
  '1e309',
  '0x10',
  '\t',
];
const WORKFLOW_SAMPLE = fixture('skills/weather.workflow.yaml');
const URL_PIECES = [
  'http://',
  'https://',
  'HTTPS://',
  'https:',
  '//',
  '\\',
  '/',
  '@',
  ':',
  '#',
  '?',
  '%',
  '%40',
  '%2f',
  '.',
  '..',
  'api.example.com',
  'evil.example',
  'localhost',
  '127.0.0.1',
  '0x7f.1',
  '2130706433',
  '[::1]',
  '[::ffff:127.0.0.1]',
  '[fe80::1%25eth0]',
  '169.254.169.254',
  '10.0.0.1',
  'xn--',
  'münchen',
  '\u3002',
  '\uff0e',
  ':443',
  ':80',
  ':0',
  ':65536',
  'user:pass@',
  'javascript:',
  'mailto:',
  'tel:',
  'data:',
  ' ',
  '\t',
  '\n',
  '\u0000',
];
const DECLARED = new Set(['https://api.example.com', 'http://127.0.0.1:8080']);
const ENTITY_PIECES = [
  ' ',
  'tomorrow',
  'at 6pm',
  '6:30',
  'next friday',
  'in 10 minutes',
  'for 2 hours',
  '3',
  'three',
  'twenty one',
  '1,000',
  '1.5',
  '-',
  '%',
  '$',
  '€',
  '£',
  '¥',
  'usd',
  'km',
  'kg',
  '°c',
  'first',
  '2nd',
  'jan',
  '2026-02-30',
  '31/12',
  'a@b.co',
  'https://x.y/z',
  '+44 20 7946 0958',
  '明天',
  '下午三点',
  '十五',
  '两个半小时',
  '周五',
  '百分之二十',
  '\u0000',
  '\ud800',
];
const CALC_PIECES = [
  '1',
  '2',
  '0',
  '9999999',
  '.',
  '1e308',
  '+',
  '-',
  '*',
  '/',
  '^',
  '**',
  '%',
  '!',
  '(',
  ')',
  'sqrt',
  ' ',
  '×',
  '÷',
  'plus',
  'minus',
  'times',
  'divided by',
  'x',
  ',',
];

/** A real backup's decrypted payload, to mutate structurally. */
const BACKUP_BASE = {
  format: 'confidant-backup',
  conversations: [{ id: 'c1', title: 'T', createdAt: 1, updatedAt: 2 }],
  messages: [{ id: 'm1', conversationId: 'c1', role: 'user', text: 'hi', createdAt: 1 }],
  dialogueState: [{ conversationId: 'c1', state: { turn: 1 } }],
  settings: [{ key: 'retention.days', value: 30 }],
  skillData: [{ skillId: 'acme.x', key: 'k', value: [1, 2] }],
  models: [{ id: 'active', updatedAt: 1, bytes: new Uint8Array([1, 2, 3]), info: null }],
};
const TABLES = ['conversations', 'messages', 'dialogueState', 'settings', 'skillData', 'models'] as const;

const payloadArbitrary: fc.Arbitrary<Uint8Array> = fc.oneof(
  // Arbitrary bytes, with and without a valid tag byte.
  fc.uint8Array({ maxLength: 64 }),
  fc.tuple(fc.constantFrom(0, 1, 2, 3, 4, 5), fc.uint8Array({ maxLength: 64 })).map(([tag, rest]) => {
    const out = new Uint8Array(rest.length + 1);
    out[0] = tag;
    out.set(rest, 1);
    return out;
  }),
  // Structurally mutated payloads: a field of a record replaced by anything.
  fc
    .record({
      table: fc.constantFrom(...TABLES),
      field: fc.constantFrom(
        'id',
        'title',
        'createdAt',
        'updatedAt',
        'conversationId',
        'role',
        'text',
        'key',
        'skillId',
        'bytes',
        'state',
        'value',
        'format',
        'extra',
      ),
      value: fc.anything({ withTypedArray: true, withBigInt: false, withMap: true, withSet: true, withDate: true }),
      whole: fc.boolean(),
    })
    .map(({ table, field, value, whole }) => {
      const payload = structuredClone(BACKUP_BASE) as Record<string, unknown>;
      if (whole) payload[field === 'format' ? 'format' : table] = value;
      else ((payload[table] as Record<string, unknown>[])[0] as Record<string, unknown>)[field] = value;
      try {
        return encodeValue(payload);
      } catch {
        return encodeValue({ format: 'confidant-backup' });
      }
    }),
);

/** The targets, in the order they run. */
export const fuzzTargets: FuzzTarget<unknown>[] = [
  {
    name: 'markdown to HTML',
    weight: 3,
    maxMs: 500,
    arbitrary: fc.oneof(soup(MARKDOWN_PIECES, 60), fc.string({ maxLength: 200 })),
    allowed: [],
    check(text: string) {
      checkMarkdownHtml(markdownToHtml(text));
      checkMarkdownHtml(markdownToHtml(text, { images: true }));
    },
  } satisfies FuzzTarget<string>,
  {
    name: 'YAML workflow loader',
    weight: 2,
    maxMs: 1000,
    arbitrary: fc.oneof(mutated(WORKFLOW_SAMPLE, YAML_PIECES), soup(YAML_PIECES, 50)),
    allowed: [SkillError],
    check(text: string) {
      const spec = parseWorkflow(text);
      invariant(typeof spec.manifest.id === 'string', 'a workflow without an id');
    },
  } satisfies FuzzTarget<string>,
  {
    name: 'corpus parsers (Confidant, Rasa, NLP.js, dataset, detected)',
    weight: 3,
    maxMs: 1000,
    arbitrary: fc.tuple(
      fc.constantFrom(...CORPUS_FORMATS),
      fc.oneof(
        ...CORPUS_SAMPLES.map((s) => mutated(s, [...YAML_PIECES, '{"', '":', '"text"', '"intent"', '[{'])),
        soup(YAML_PIECES, 40),
      ),
    ),
    allowed: [CorpusError],
    check([format, text]: [CorpusFormat | undefined, string]) {
      const corpus = parseCorpus(text, format === undefined ? {} : { format });
      invariant(Array.isArray(corpus.train) && corpus.train.length > 0, 'a corpus without examples');
      for (const e of [...corpus.train, ...(corpus.validation ?? [])])
        invariant(typeof e.text === 'string' && typeof e.intent === 'string', 'an example of the wrong shape');
    },
  } satisfies FuzzTarget<[CorpusFormat | undefined, string]>,
  {
    name: 'URL checks (declared origins, request URLs, endpoints, links)',
    weight: 4,
    maxMs: 200,
    arbitrary: fc.oneof(soup(URL_PIECES, 12), fc.webUrl({ withFragments: true, withQueryParameters: true })),
    allowed: [TypeError, RangeError, PermissionError],
    check(raw: string) {
      const attempt = <T>(run: () => T): T | undefined => {
        try {
          return run();
        } catch (error) {
          if (error instanceof TypeError || error instanceof RangeError || error instanceof PermissionError)
            return undefined;
          throw error;
        }
      };
      const origin = attempt(() => normalizeDeclaredOrigin(raw, 'fuzz'));
      if (origin !== undefined) {
        const url = new URL(origin);
        invariant(url.origin === origin, `a declared origin that is not an origin: ${origin}`);
        invariant(
          url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname),
          `plain http off localhost: ${origin}`,
        );
      }
      const endpoint = attempt(() => originOfEndpoint(raw, 'fuzz'));
      if (endpoint !== undefined) invariant(new URL(raw).origin === endpoint, `an endpoint origin mismatch: ${raw}`);
      const request = attempt(() => checkRequestUrl(raw, DECLARED, 'fuzz'));
      if (request !== undefined) {
        invariant(DECLARED.has(request.origin), `a request to an undeclared origin: ${request.href}`);
        invariant(request.username === '' && request.password === '', 'credentials in a request URL');
      }
      for (const policy of [undefined, createLinkPolicy({ allowedHosts: ['api.example.com', '*.example.com'] })]) {
        const verdict = checkLink(raw, policy);
        if (!verdict.ok) continue;
        const href = new URL(verdict.href);
        invariant(href.href === verdict.href, `a link href that does not round-trip: ${verdict.href}`);
        invariant(['http:', 'https:', 'mailto:'].includes(href.protocol), `a link with ${href.protocol}`);
        if (href.protocol !== 'mailto:') {
          invariant(href.username === '' && href.password === '', 'credentials in a link');
          invariant(specialHostKind(href.hostname) === null, `a link to a local host: ${verdict.href}`);
          if (policy !== undefined)
            invariant(
              href.hostname === 'api.example.com' || href.hostname.endsWith('.example.com'),
              `a link off the allowlist: ${verdict.href}`,
            );
        }
      }
    },
  } satisfies FuzzTarget<string>,
  {
    name: 'entity extractors (English and Chinese)',
    weight: 3,
    maxMs: 1000,
    arbitrary: soup(ENTITY_PIECES, 30),
    allowed: [],
    check(text: string) {
      const entities = extractEntities(text, { now: new Date('2026-03-01T10:00:00Z'), timeZone: 'Europe/Paris' });
      let end = 0;
      for (const e of entities) {
        invariant(e.start >= end && e.end > e.start && e.end <= text.length, `bad offsets ${e.start}-${e.end}`);
        invariant(text.slice(e.start, e.end) === e.text, `an entity whose text is not its slice: ${e.text}`);
        end = e.end;
      }
    },
  } satisfies FuzzTarget<string>,
  {
    name: 'calculator',
    weight: 3,
    maxMs: 200,
    arbitrary: soup(CALC_PIECES, 30),
    allowed: [CalcError],
    check(text: string) {
      const value = evaluateExpression(text);
      invariant(Number.isFinite(value), `a non-finite result: ${value}`);
    },
  } satisfies FuzzTarget<string>,
  {
    name: 'backup import (decrypted payload)',
    weight: 2,
    maxMs: 500,
    arbitrary: payloadArbitrary,
    allowed: [CryptoError],
    check(bytes: Uint8Array) {
      try {
        const payload = readBackupPayload(bytes);
        for (const t of TABLES) invariant(Array.isArray(payload[t]), `${t} is not a list`);
      } catch (error) {
        if (error instanceof CryptoError) invariant(error.code === 'format', `a CryptoError coded ${error.code}`);
        throw error;
      }
    },
  } satisfies FuzzTarget<Uint8Array>,
  {
    name: 'assistant turns (the whole engine: models, context, skills, encrypted store)',
    weight: 1,
    maxMs: 3000,
    arbitrary: fc.oneof(
      { weight: 9, arbitrary: soup(TURN_PIECES, 12) },
      // Longer than a message may be, or just under: refused with a typed error, or answered.
      {
        weight: 1,
        arbitrary: fc.nat({ max: 12_000 }).map((n) => 'set a timer '.repeat(Math.ceil(n / 12)).slice(0, n)),
      },
    ),
    allowed: [InputError],
    async check(text: string) {
      const assistant = await turnAssistant();
      const conversationId = await assistant.store.newConversation();
      let reply;
      try {
        reply = await assistant.send(text, { conversationId });
      } finally {
        // Whatever the turn did, the conversation keeps answering and its history holds what was said.
        const after = await assistant.send('what time is it', { conversationId });
        invariant(typeof after.text === 'string' && after.text.length > 0, 'no reply after a hostile turn');
        const history = await assistant.store.history(conversationId);
        const said = history.filter((m) => m.role === 'user').map((m) => m.text);
        invariant(said.includes('what time is it'), `the next turn was not stored: ${JSON.stringify(said)}`);
        invariant(
          said.length === (reply === undefined ? 1 : 2),
          `${said.length} user messages stored after ${reply === undefined ? 'a refused' : 'an answered'} turn`,
        );
      }
      invariant(typeof reply.text === 'string' && reply.text.trim().length > 0, 'an empty reply');
      const intent = reply.understanding.intent;
      invariant(intent === null || typeof intent === 'string', `a non-string intent: ${String(intent)}`);
    },
  } satisfies FuzzTarget<string>,
].map((t) => t as unknown as FuzzTarget<unknown>);

let sharedAssistant: Promise<Assistant> | undefined;

/**
 * One assistant for every turn of a run (the whole engine in this thread, the shipped models, an
 * encrypted memory store): creating one per input would time the model loading, not the turn.
 */
function turnAssistant(): Promise<Assistant> {
  sharedAssistant ??= createAssistant({ worker: false, storage: 'memory', timeZone: 'Europe/Paris' });
  return sharedAssistant;
}

/** Stops the shared assistant of the whole-engine target, if one was started. */
export async function disposeTurnAssistant(): Promise<void> {
  const started = sharedAssistant;
  sharedAssistant = undefined;
  if (started !== undefined) await (await started).dispose();
}

/** Errors a full backup import may raise on a damaged file (the slow path, fuzzed a few times). */
export const IMPORT_ERRORS = [CryptoError, WrongPassphraseError] as const;

/** The outcome of running one target. */
export interface TargetReport {
  name: string;
  runs: number;
  failures: number;
  /** The slowest input, in ms (the fastest of its runs when it was run again). */
  maxMs: number;
  /** The first counterexample, shrunk, when one failed. */
  counterexample?: string;
  error?: string;
}

/**
 * Runs one target for `runs` inputs from `seed` (at most `timeLimitMs`), with `fetch` replaced by a
 * recorder: any call is an invariant failure.
 */
export async function runTarget(
  target: FuzzTarget<unknown>,
  options: { runs: number; seed: number; timeLimitMs?: number },
): Promise<TargetReport> {
  const realFetch = globalThis.fetch;
  const requests: string[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL) => {
    requests.push(String(input));
    throw new InvariantError(`a request: ${String(input)}`);
  }) as typeof fetch;
  let slowest = 0;
  let runs = 0;
  try {
    // One input first, untimed: the first call of a target pays for lazy set-up (grammars, Intl, JIT).
    await Promise.resolve()
      .then(() => target.check(fc.sample(target.arbitrary, { numRuns: 1, seed: options.seed })[0] as never))
      .catch(() => undefined);
    /** Runs one input; returns how long it took. */
    const once = async (input: unknown): Promise<number> => {
      const started = performance.now();
      try {
        await target.check(input);
      } catch (error) {
        if (error instanceof InvariantError) throw error;
        if (!target.allowed.some((Class) => error instanceof Class))
          throw new InvariantError(`an untyped throw: ${(error as Error)?.name}: ${(error as Error)?.message}`);
      }
      return performance.now() - started;
    };
    const property = fc.asyncProperty(target.arbitrary, async (input) => {
      runs++;
      let took = await once(input);
      // Slow once may be the machine (a GC pause, a loaded CPU); slow every time is the input. A
      // runaway parser reproduces, a pause does not: the fastest of three runs must be in bound.
      for (let again = 0; again < 2 && took > target.maxMs; again++) took = Math.min(took, await once(input));
      slowest = Math.max(slowest, took);
      invariant(took <= target.maxMs, `took ${took.toFixed(0)} ms (limit ${target.maxMs}), three times`);
      invariant(requests.length === 0, `requested ${requests[0]}`);
    });
    const details = await fc.check(property, {
      numRuns: options.runs,
      seed: options.seed,
      ...(options.timeLimitMs === undefined ? {} : { interruptAfterTimeLimit: options.timeLimitMs }),
      markInterruptAsFailure: false,
    });
    return {
      name: target.name,
      runs: details.numRuns,
      failures: details.failed ? 1 : 0,
      maxMs: Math.round(slowest * 10) / 10,
      ...(details.failed
        ? {
            counterexample: JSON.stringify(details.counterexample)?.slice(0, 500),
            error: String(
              (details.errorInstance as Error | undefined)?.message ?? 'interrupted or too many skips',
            ).slice(0, 500),
          }
        : {}),
    };
  } finally {
    globalThis.fetch = realFetch;
    void runs;
  }
}
