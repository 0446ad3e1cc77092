// App-defined skills run in the page and are called from the Worker: createRemoteSkill (Worker side)
// and serveSkill (page side), connected here through comlink over a real MessageChannel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Comlink from 'comlink';
import { createSkillRuntime } from '../../../src/skills/runtime.ts';
import { defineSkill } from '../../../src/skills/define-skill.ts';
import { createRemoteSkill, manifestOf } from '../../../src/skills/remote-skill.ts';
import { serveSkill, type ServedSkill } from '../../../src/skills/serve-skill.ts';
import { endpointFor, type RemoteSkillEndpoint } from '../../../src/skills/remote-protocol.ts';
import type { SkillContext, SkillDefinition } from '../../../src/skills/types.ts';
import { PermissionError } from '../../../src/errors.ts';
import { delay, invocationOf, openTestStore, recordingFetch } from '../../fixtures/skills/helpers.ts';

/** Serves `definition` on one end of a MessageChannel and wraps it as a remote skill on the other. */
function overComlink(definition: SkillDefinition, fetch?: typeof globalThis.fetch) {
  const { port1, port2 } = new MessageChannel();
  const served = serveSkill(definition, fetch === undefined ? {} : { fetch });
  // The page side releases each call's endpoint proxy when the call ends (comlink would otherwise
  // keep its MessageChannel open until garbage collection).
  Comlink.expose(
    {
      invoke: async (call: Parameters<ServedSkill['invoke']>[0], endpoint: Comlink.Remote<RemoteSkillEndpoint>) => {
        try {
          return await served.invoke(call, endpoint as unknown as RemoteSkillEndpoint);
        } finally {
          endpoint[Comlink.releaseProxy]();
        }
      },
      abort: served.abort,
    },
    port1 as unknown as Comlink.Endpoint,
  );
  const page = Comlink.wrap<ServedSkill>(port2 as unknown as Comlink.Endpoint);
  const remote = createRemoteSkill(
    manifestOf(definition),
    (call, endpoint) => page.invoke(call, Comlink.proxy(endpoint)),
    { abort: (id, reason) => page.abort(id, reason) },
  );
  return {
    remote,
    close: () => {
      port1.close();
      port2.close();
    },
  };
}

test('a page-side skill answers, streams and uses the Worker-side storage through comlink', async () => {
  const store = await openTestStore();
  const runtime = createSkillRuntime({ store });
  const counter = defineSkill({
    id: 'app.counter',
    version: '1.0.0',
    intents: ['count'],
    permissions: { storage: true },
    async execute(ctx) {
      const n = ((await ctx.storage!.get<number>('n')) ?? 0) + 1;
      await ctx.storage!.set('n', n);
      return { text: `Count ${n} for ${String(ctx.slots.who)}`, quickReplies: [{ label: 'Again' }] };
    },
  });
  const streamer = defineSkill({
    id: 'app.stream',
    version: '1.0.0',
    intents: ['s'],
    async *execute() {
      yield 'one ';
      await delay(5);
      yield 'two';
    },
  });
  const a = overComlink(counter);
  const b = overComlink(streamer);
  try {
    assert.deepEqual(await runtime.invoke(invocationOf(a.remote, { slots: { who: 'Ada' } })), {
      text: 'Count 1 for Ada',
      quickReplies: [{ label: 'Again' }],
    });
    assert.equal((await runtime.invoke(invocationOf(a.remote, { slots: { who: 'Ada' } }))).text, 'Count 2 for Ada');
    assert.equal(await store.skillData('app.counter').get('n'), 2);
    const deltas: string[] = [];
    assert.deepEqual(await runtime.invoke(invocationOf(b.remote, { onDelta: (t) => deltas.push(t) })), {
      text: 'one two',
    });
    assert.deepEqual(deltas, ['one ', 'two']);
  } finally {
    a.close();
    b.close();
  }
});

test('a page-side skill that throws or hangs gives a polite failure; a hang aborts the page-side signal', async () => {
  const store = await openTestStore();
  const runtime = createSkillRuntime({ store });
  let pageSignal: AbortSignal | undefined;
  const hang = defineSkill({
    id: 'app.hang',
    version: '1.0.0',
    intents: ['h'],
    timeoutMs: 100,
    execute: (ctx) => {
      pageSignal = ctx.signal;
      return new Promise<never>(() => {});
    },
  });
  const boom = defineSkill({
    id: 'app.boom',
    version: '1.0.0',
    intents: ['b'],
    execute: () => {
      throw new Error('private detail');
    },
  });
  const h = overComlink(hang);
  const t = overComlink(boom);
  try {
    assert.equal((await runtime.invoke(invocationOf(h.remote))).failed, 'timeout');
    await delay(20);
    assert.equal(pageSignal?.aborted, true);
    assert.equal((pageSignal?.reason as DOMException).name, 'TimeoutError');
    assert.equal((await runtime.invoke(invocationOf(t.remote))).failed, 'error');
  } finally {
    h.close();
    t.close();
  }
});

test('the page-side fetch is limited to the origins the Worker granted', async () => {
  const store = await openTestStore();
  const runtime = createSkillRuntime({ store, requestPermission: async () => true });
  const rec = recordingFetch();
  const skill = defineSkill({
    id: 'app.net',
    version: '1.0.0',
    intents: ['n'],
    permissions: { network: ['https://api.acme.com'] },
    async execute(ctx) {
      await ctx.fetch!('https://api.acme.com/ok');
      await ctx.fetch!('https://evil.example/');
      return 'unreachable';
    },
  });
  const r = overComlink(skill, rec.fetch);
  try {
    assert.equal((await runtime.invoke(invocationOf(r.remote))).failed, 'permission');
    assert.deepEqual(rec.requested, ['https://api.acme.com/ok']);
  } finally {
    r.close();
  }
});

test('the Worker-side endpoint refuses what the call was not lent, and stops when the call ends', async () => {
  const store = await openTestStore();
  const ctx = { signal: new AbortController().signal, storage: store.skillData('x') } as unknown as SkillContext;
  const { endpoint, close } = endpointFor(ctx, () => undefined, 'test.remote');
  await endpoint.kv('storage', 'set', 'a', 1);
  assert.equal(await endpoint.kv('storage', 'get', 'a'), 1);
  await assert.rejects(endpoint.kv('profile', 'get', 'name'), PermissionError);
  await assert.rejects(endpoint.kv('settings' as 'profile', 'keys'), PermissionError);
  await assert.rejects(endpoint.secret(), PermissionError);
  await assert.rejects(endpoint.schedule('list'), PermissionError);
  await assert.rejects(endpoint.kv('storage', 'drop' as 'get', 'a'), TypeError);
  close();
  await assert.rejects(endpoint.kv('storage', 'get', 'a'), PermissionError);
});

test('createRemoteSkill validates its manifest and returns garbage answers as invalid', async () => {
  assert.throws(
    () => createRemoteSkill({ id: 'Bad', version: '1.0.0', intents: ['x'] }, async () => ({ type: 'streamed' })),
    RangeError,
  );
  assert.throws(() => createRemoteSkill({ id: 'ok.x', version: '1.0.0', intents: ['x'] }, 'nope' as never), TypeError);
  const store = await openTestStore();
  const runtime = createSkillRuntime({ store });
  const garbage = createRemoteSkill(
    { id: 'ok.x', version: '1.0.0', intents: ['x'] },
    async () => ({ type: 'weird' }) as never,
  );
  assert.equal((await runtime.invoke(invocationOf(garbage))).failed, 'invalid');
  const emptyStream = createRemoteSkill(
    { id: 'ok.y', version: '1.0.0', intents: ['x'] },
    async (_c, e: RemoteSkillEndpoint) => {
      void e;
      return { type: 'streamed' };
    },
  );
  assert.equal((await runtime.invoke(invocationOf(emptyStream))).failed, 'invalid');
});
