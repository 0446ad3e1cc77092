// ctx.fetch through the host's channel (issue 16.2): a sandboxed skill cannot reach the network
// itself, so its requests arrive as data at the engine's endpoint, which runs them with the call's
// scoped fetch. Checked here: the round trip of method, headers, body and answer; undeclared
// origins and malformed requests refused before anything is sent; the caps; the end of the call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRemoteSkill } from '../../../src/skills/remote-skill.ts';
import { createSkillRuntime } from '../../../src/skills/runtime.ts';
import { MAX_REMOTE_FETCH_BYTES, type RemoteFetchRequest } from '../../../src/skills/remote-fetch.ts';
import type { RemoteSkillEndpoint } from '../../../src/skills/remote-protocol.ts';
import { invocationOf, openTestStore, startServer } from '../../fixtures/skills/helpers.ts';

const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

/** A remote skill whose remote side runs `body` with the endpoint, as the sandbox's Worker would. */
function remoteWith(origin: string, body: (endpoint: RemoteSkillEndpoint) => Promise<string>) {
  return createRemoteSkill(
    { id: 'third.party', version: '1.0.0', intents: ['x'], permissions: { network: [origin] } },
    async (_call, endpoint) => ({ type: 'reply', reply: await body(endpoint) }),
  );
}

test('a request crosses as data and its answer comes back: method, headers, body, status', async () => {
  const server = await startServer((req, res, body) =>
    res
      .writeHead(201, 'Made', { 'content-type': 'application/json', 'x-answer': 'yes' })
      .end(JSON.stringify({ got: body, type: req.headers['content-type'], custom: req.headers['x-skill'] })),
  );
  try {
    const runtime = createSkillRuntime({ store: await openTestStore(), requestPermission: async () => true });
    let answer: Awaited<ReturnType<RemoteSkillEndpoint['fetch']>> | undefined;
    const skill = remoteWith(server.origin, async (endpoint) => {
      answer = await endpoint.fetch({
        url: `${server.origin}/things?q=1`,
        method: 'POST',
        headers: [
          ['content-type', 'application/json'],
          ['x-skill', 'sandboxed'],
        ],
        body: bytes('{"n":42}'),
      });
      return 'done';
    });
    assert.equal((await runtime.invoke(invocationOf(skill))).text, 'done');
    assert.equal(server.requests[0]!.method, 'POST');
    assert.equal(server.requests[0]!.url, '/things?q=1');
    assert.equal(server.requests[0]!.headers.cookie, undefined);
    assert.equal(answer!.status, 201);
    assert.equal(answer!.statusText, 'Made');
    assert.ok(answer!.headers.some(([k, v]) => k === 'x-answer' && v === 'yes'));
    assert.equal(answer!.url, `${server.origin}/things?q=1`);
    assert.equal(answer!.redirected, false);
    assert.deepEqual(JSON.parse(new TextDecoder().decode(answer!.body)), {
      got: '{"n":42}',
      type: 'application/json',
      custom: 'sandboxed',
    });
  } finally {
    await server.close();
  }
});

test('undeclared origins and malformed requests are refused before anything is sent', async () => {
  const server = await startServer((_req, res) => res.end('ok'));
  const other = await startServer((_req, res) => res.end('should never be asked'));
  try {
    const runtime = createSkillRuntime({ store: await openTestStore(), requestPermission: async () => true });
    const refusals: string[] = [];
    const bad: unknown[] = [
      { url: `${other.origin}/`, method: 'GET', headers: [], body: null },
      { url: `http://user:pw@${server.origin.slice(7)}/`, method: 'GET', headers: [], body: null },
      { url: 'relative/path', method: 'GET', headers: [], body: null },
      { url: `${server.origin}/`, method: 'GET /x', headers: [], body: null },
      { url: `${server.origin}/`, method: 'GET', headers: { a: 'b' }, body: null },
      { url: `${server.origin}/`, method: 'POST', headers: [], body: 'not bytes' },
      { url: `${server.origin}/`, method: 'POST', headers: [], body: new ArrayBuffer(MAX_REMOTE_FETCH_BYTES + 1) },
      null,
    ];
    const skill = remoteWith(server.origin, async (endpoint) => {
      for (const request of bad)
        await endpoint.fetch(request as RemoteFetchRequest).then(
          () => refusals.push('sent'),
          (e: Error) => refusals.push(e.name),
        );
      return 'done';
    });
    assert.equal((await runtime.invoke(invocationOf(skill))).text, 'done');
    assert.deepEqual(refusals, [
      'PermissionError',
      'PermissionError',
      'PermissionError',
      'TypeError',
      'TypeError',
      'TypeError',
      'TypeError',
      'TypeError',
    ]);
    assert.equal(server.requests.length + other.requests.length, 0);
  } finally {
    await server.close();
    await other.close();
  }
});

test('an answer over the cap is refused; a skill without network gets none; the endpoint dies with the call', async () => {
  const huge = 'x'.repeat(MAX_REMOTE_FETCH_BYTES + 10);
  const server = await startServer((_req, res) => res.end(huge));
  try {
    const runtime = createSkillRuntime({ store: await openTestStore(), requestPermission: async () => true });
    let kept: RemoteSkillEndpoint | undefined;
    let error = '';
    const skill = remoteWith(server.origin, async (endpoint) => {
      kept = endpoint;
      await endpoint
        .fetch({ url: `${server.origin}/`, method: 'GET', headers: [], body: null })
        .catch((e: { code: string }) => (error = e.code));
      return 'done';
    });
    assert.equal((await runtime.invoke(invocationOf(skill))).text, 'done');
    assert.equal(error, 'too-large');
    await assert.rejects(kept!.fetch({ url: `${server.origin}/`, method: 'GET', headers: [], body: null }), {
      name: 'PermissionError',
      code: 'call-ended',
    });

    const offline = createRemoteSkill({ id: 'no.net', version: '1.0.0', intents: ['x'] }, async (_call, endpoint) => {
      await endpoint.fetch({ url: `${server.origin}/`, method: 'GET', headers: [], body: null });
      return { type: 'reply', reply: 'unreachable' };
    });
    assert.equal((await runtime.invoke(invocationOf(offline))).failed, 'permission');
    assert.equal(server.requests.length, 1);
  } finally {
    await server.close();
  }
});
