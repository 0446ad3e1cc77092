// The LLM fallback against a local server on 127.0.0.1 that speaks the OpenAI chat-completions
// protocol: streaming (SSE), errors, a slow stream and a dropped connection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { createLlmFallback, LLM_FALLBACK_INTENT } from '../../../src/skills/llm/llm-fallback.ts';
import { chatCompletionsUrl } from '../../../src/skills/llm/chat-client.ts';
import { readSse } from '../../../src/skills/llm/sse.ts';
import { createSkillRuntime } from '../../../src/skills/runtime.ts';
import {
  auditRecorder,
  delay,
  invocationOf,
  openTestStore,
  startServer,
  type LocalServer,
} from '../../fixtures/skills/helpers.ts';

const chunk = (content: string | undefined, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: content === undefined ? { role: 'assistant' } : { content }, finish_reason: finish }] })}\n\n`;

function sse(res: ServerResponse) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
}

async function setup(
  server: LocalServer,
  options: Partial<Parameters<typeof createLlmFallback>[0]> = {},
  grant = true,
) {
  const rec = auditRecorder();
  const runtime = createSkillRuntime({
    store: await openTestStore(),
    audit: rec.audit,
    requestPermission: async () => grant,
  });
  const skill = createLlmFallback({ baseUrl: `${server.origin}/v1`, model: 'tiny-chat', ...options });
  const turns = [
    { role: 'user' as const, text: 'first question' },
    { role: 'assistant' as const, text: 'first answer' },
    { role: 'user' as const, text: 'second question' },
    { role: 'assistant' as const, text: 'second answer' },
    // The dialogue manager lists the current turn last; it must not be sent twice.
    { role: 'user' as const, text: 'why is the sky blue?' },
  ];
  const deltas: string[] = [];
  const invoke = () =>
    runtime.invoke(
      invocationOf(skill, {
        intent: LLM_FALLBACK_INTENT,
        text: 'why is the sky blue?',
        conversation: { id: 'c', recentTurns: turns },
        onDelta: (t) => deltas.push(t),
      }),
    );
  return { runtime, skill, invoke, deltas, audit: rec.entries };
}

test('streams the answer and sends only the current turn plus the allowed history', async () => {
  const server = await startServer(async (_req, res) => {
    sse(res);
    // Split events and even lines across writes, with CRLF line ends and a comment.
    res.write(': keep-alive\r\n\r\n' + chunk(undefined));
    res.write(chunk('Rayleigh').slice(0, 20));
    await delay(5);
    res.write(chunk('Rayleigh').slice(20) + chunk(' scattering').replace(/\n/g, '\r\n'));
    res.write(chunk('.', 'stop'));
    res.end('data: [DONE]\n\n');
  });
  try {
    const a = await setup(server, {
      token: async () => 'llm-token',
      historyTurns: 2,
      systemPrompt: 'Be brief.',
      temperature: 0.2,
    });
    assert.deepEqual(await a.invoke(), { text: 'Rayleigh scattering.' });
    assert.deepEqual(a.deltas, ['Rayleigh', ' scattering', '.']);
    const req = server.requests[0]!;
    assert.equal(req.url, '/v1/chat/completions');
    assert.equal(req.headers.authorization, 'Bearer llm-token');
    assert.deepEqual(JSON.parse(req.body), {
      model: 'tiny-chat',
      stream: true,
      temperature: 0.2,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'second question' },
        { role: 'assistant', content: 'second answer' },
        { role: 'user', content: 'why is the sky blue?' },
      ],
    });
    const b = await setup(server);
    await b.invoke();
    assert.deepEqual(
      JSON.parse(server.requests[1]!.body).messages,
      [{ role: 'user', content: 'why is the sky blue?' }],
      'by default only the current turn',
    );
    assert.equal(server.requests[1]!.headers.authorization, undefined);
  } finally {
    await server.close();
  }
});

test('a server that answers with one JSON body works too', async () => {
  const server = await startServer((_req, res) =>
    res
      .setHeader('content-type', 'application/json')
      .end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: 'Whole answer.' } }] })),
  );
  try {
    const { invoke } = await setup(server);
    assert.deepEqual(await invoke(), { text: 'Whole answer.' });
  } finally {
    await server.close();
  }
});

test('HTTP errors and mid-stream errors give a polite failure with a code, not the content', async () => {
  const server = await startServer((req, res) => {
    if (req.url?.startsWith('/auth'))
      return res
        .writeHead(401, { 'content-type': 'application/json' })
        .end(
          '{"error":{"message":"Incorrect API key: why is the sky blue?","type":"invalid_request_error","code":"invalid_api_key"}}',
        );
    if (req.url?.startsWith('/busy')) return res.writeHead(503).end('overloaded');
    sse(res);
    res.write(chunk('partial'));
    res.end('data: {"error":{"message":"model crashed"}}\n\n');
  });
  try {
    for (const [path, code] of [
      ['/auth/v1', 'llm-status'],
      ['/busy/v1', 'llm-status'],
      ['/mid/v1', 'llm-error'],
    ] as const) {
      const { invoke, audit } = await setup(server, { baseUrl: `${server.origin}${path}` });
      assert.equal((await invoke()).failed, 'error', path);
      assert.deepEqual(audit.at(-1), {
        type: 'skill-error',
        skillId: 'confidant.llm-fallback',
        detail: { error: 'SkillError', code },
      });
      assert.ok(!JSON.stringify(audit).includes('sky'));
    }
  } finally {
    await server.close();
  }
});

test('a slow stream is cut at the timeout and the connection is closed', async () => {
  let closed = false;
  const server = await startServer(async (req, res) => {
    req.socket.on('close', () => (closed = true));
    sse(res);
    res.write(chunk('Thinking'));
    await delay(900);
    res.end('data: [DONE]\n\n');
  });
  try {
    const { invoke, deltas } = await setup(server, { timeoutMs: 300 });
    const started = performance.now();
    assert.equal((await invoke()).failed, 'timeout');
    assert.ok(performance.now() - started < 800);
    assert.deepEqual(deltas, ['Thinking']);
    for (let i = 0; i < 20 && !closed; i++) await delay(25);
    assert.ok(closed, 'the request was aborted, not left hanging');
  } finally {
    await server.close();
  }
});

test('a dropped connection mid-stream fails as llm-dropped after the chunks already sent', async () => {
  const server = await startServer(async (_req, res) => {
    sse(res);
    res.write(chunk('Half an'));
    await delay(30);
    res.socket?.destroy();
  });
  try {
    const { invoke, deltas, audit } = await setup(server);
    assert.equal((await invoke()).failed, 'error');
    assert.deepEqual(deltas, ['Half an']);
    assert.equal(audit.at(-1)!.detail!.code, 'llm-dropped');
  } finally {
    await server.close();
  }
});

test('without consent nothing is sent', async () => {
  const server = await startServer((_req, res) => res.end());
  try {
    const { invoke } = await setup(server, {}, false);
    assert.equal((await invoke()).failed, 'permission');
    assert.equal(server.requests.length, 0);
  } finally {
    await server.close();
  }
});

test('options and URLs', () => {
  assert.equal(chatCompletionsUrl('https://api.example.com/v1'), 'https://api.example.com/v1/chat/completions');
  assert.equal(chatCompletionsUrl('https://api.example.com/v1/'), 'https://api.example.com/v1/chat/completions');
  assert.equal(chatCompletionsUrl('http://127.0.0.1:8080'), 'http://127.0.0.1:8080/v1/chat/completions');
  assert.throws(() => createLlmFallback({ baseUrl: 'http://llm.example.com/v1', model: 'm' }), RangeError);
  assert.throws(() => createLlmFallback({ baseUrl: 'https://llm.example.com/v1', model: '' }), TypeError);
  assert.throws(
    () => createLlmFallback({ baseUrl: 'https://llm.example.com/v1', model: 'm', historyTurns: -1 }),
    RangeError,
  );
  const skill = createLlmFallback({ baseUrl: 'https://llm.example.com/v1', model: 'm' });
  assert.deepEqual(skill.permissions, { network: ['https://llm.example.com'] });
  assert.equal(skill.timeoutMs, 60_000);
});

test('the SSE reader follows the event-stream rules', async () => {
  const parts = [
    '\uFEFFdata: a\r',
    '\ndata: b\n\n',
    ': comment\nevent: ping\ndata:c\r\r',
    'data: no blank line at the end',
  ];
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      for (const p of parts) c.enqueue(new TextEncoder().encode(p));
      c.close();
    },
  });
  const events = [];
  for await (const e of readSse(body)) events.push(e);
  assert.deepEqual(events, [
    { event: 'message', data: 'a\nb' },
    { event: 'ping', data: 'c' },
  ]);
});
