// A skill that uses a capability its manifest does not declare (use-r13 finding 2): the developer gets a
// PermissionError (code `not-declared`) naming the permission to declare, in the runtime (in-thread
// skills) and on the page (app skills the Worker calls through comlink); a typo in a manifest field is
// refused by defineSkill instead of leaving the skill without its permissions.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import * as Comlink from 'comlink';
import { createSkillRuntime } from '../../../src/skills/runtime.ts';
import { defineSkill } from '../../../src/skills/define-skill.ts';
import { createRemoteSkill, manifestOf } from '../../../src/skills/remote-skill.ts';
import { serveSkill, type ServedSkill } from '../../../src/skills/serve-skill.ts';
import type { RemoteSkillEndpoint } from '../../../src/skills/remote-protocol.ts';
import type { SkillContext, SkillDefinition } from '../../../src/skills/types.ts';
import { PermissionError } from '../../../src/errors.ts';
import { explainUndeclared } from '../../../src/skills/undeclared.ts';
import { auditRecorder, invocationOf, openTestStore } from '../../fixtures/skills/helpers.ts';

const weather = (execute: SkillDefinition['execute'], extra: Partial<SkillDefinition> = {}) =>
  defineSkill({ id: 'acme.weather', version: '1.0.0', intents: ['weather'], execute, ...extra });

async function runtimeWithAudit() {
  const rec = auditRecorder();
  return { runtime: createSkillRuntime({ store: await openTestStore(), audit: rec.audit }), audit: rec.entries };
}

test('defineSkill refuses a field it does not know, naming the closest', () => {
  const execute = () => 'sunny';
  assert.throws(
    () =>
      defineSkill({
        id: 'acme.weather',
        version: '1.0.0',
        intents: ['weather'],
        permisions: { network: ['https://api.example.com'] },
        execute,
      } as unknown as SkillDefinition),
    (error: Error) =>
      error instanceof TypeError && /unknown field "permisions"; did you mean "permissions"/.test(error.message),
  );
  assert.throws(
    () => defineSkill({ id: 'acme.w', version: '1.0.0', intents: ['weather'], execute, timeout: 5 } as never),
    /unknown field "timeout"; did you mean "timeoutMs"/,
  );
});

test('an in-thread skill calling ctx.fetch without permissions.network fails as not-declared, said once', async () => {
  const warn = mock.method(console, 'warn', () => undefined);
  try {
    const { runtime, audit } = await runtimeWithAudit();
    const skill = weather((ctx: SkillContext) => ctx.fetch!('https://api.example.com/today').then(() => 'sunny'));
    for (let i = 0; i < 2; i++) {
      const reply = await runtime.invoke(invocationOf(skill));
      assert.equal(reply.failed, 'permission');
    }
    assert.deepEqual(audit[0], {
      type: 'skill-permission-error',
      skillId: 'acme.weather',
      detail: { error: 'PermissionError', code: 'not-declared' },
    });
    assert.equal(warn.mock.callCount(), 1);
    assert.match(String(warn.mock.calls[0]?.arguments[0]), /acme\.weather.*ctx\.fetch.*permissions\.network/);
  } finally {
    warn.mock.restore();
  }
});

test('a skill that only checks for an absent capability, or fails on its own, is left alone', async () => {
  const warn = mock.method(console, 'warn', () => undefined);
  try {
    const { runtime, audit } = await runtimeWithAudit();
    const checks = weather((ctx) => (ctx.storage === undefined ? 'no storage here' : 'stored'));
    assert.deepEqual(await runtime.invoke(invocationOf(checks)), { text: 'no storage here' });
    const ownBug = weather((ctx) => {
      if (ctx.fetch === undefined) throw new TypeError('Failed to fetch');
      return 'x';
    });
    assert.equal((await runtime.invoke(invocationOf(ownBug))).failed, 'error');
    assert.deepEqual(audit.at(-1), { type: 'skill-error', skillId: 'acme.weather', detail: { error: 'TypeError' } });
    // The context's own keys are unchanged: copies of it carry no capability it does not hold.
    const keys = weather((ctx) => Object.keys(ctx).join(','));
    assert.doesNotMatch((await runtime.invoke(invocationOf(keys))).text, /fetch|storage|secret/);
    assert.equal(warn.mock.callCount(), 0);
  } finally {
    warn.mock.restore();
  }
});

test("a capability check followed by the skill's own 'of undefined' bug stays the skill's error", async () => {
  const warn = mock.method(console, 'warn', () => undefined);
  try {
    const { runtime, audit } = await runtimeWithAudit();
    // Review r13-use item 3: storage is optional here (a correct fallback); the bug is the skill's own.
    const fallback = weather((ctx) => {
      const s = ctx.storage ?? null;
      const fmt = undefined as unknown as string;
      return s ? 'stored' : fmt.toUpperCase();
    });
    assert.equal((await runtime.invoke(invocationOf(fallback))).failed, 'error');
    assert.deepEqual(audit.at(-1), { type: 'skill-error', skillId: 'acme.weather', detail: { error: 'TypeError' } });
    const optional = weather(async (ctx) => {
      const unit = (await ctx.storage?.get<string>('unit')) ?? undefined;
      return (unit as unknown as { name: string }).name;
    });
    assert.equal((await runtime.invoke(invocationOf(optional))).failed, 'error');
    const feature = weather((ctx) => (ctx.fetch ? 'online' : (undefined as unknown as () => string)()));
    assert.equal((await runtime.invoke(invocationOf(feature))).failed, 'error');
    assert.equal(warn.mock.callCount(), 0);
    // Using the capability itself still is not-declared: a member of storage read on undefined.
    const destructured = weather(async (ctx) => {
      const { storage } = ctx;
      await storage!.set('unit', 'C');
      return 'saved';
    });
    assert.equal((await runtime.invoke(invocationOf(destructured))).failed, 'permission');
  } finally {
    warn.mock.restore();
  }
});

test('only a message about the capability itself is re-typed, in V8, SpiderMonkey and JSC words', () => {
  const warn = mock.method(console, 'warn', () => undefined);
  try {
    const explained = (message: string, read: string) =>
      explainUndeclared(new TypeError(message), new Set([read]), 'acme.words') instanceof PermissionError;
    assert.ok(explained('ctx.fetch is not a function', 'fetch'));
    assert.ok(explained("Cannot read properties of undefined (reading 'set')", 'storage'));
    assert.ok(explained("Cannot read properties of undefined (reading 'add')", 'schedule'));
    assert.ok(explained('ctx.storage is undefined', 'storage'));
    assert.ok(explained("undefined is not an object (evaluating 'ctx.profile.get')", 'profile'));
    assert.ok(explained('secret is not a function', 'secret'));
    assert.ok(!explained("Cannot read properties of undefined (reading 'toUpperCase')", 'storage'));
    assert.ok(!explained("Cannot read properties of undefined (reading 'set')", 'fetch'));
    assert.ok(!explained('fmt is undefined', 'storage'));
    assert.ok(!explained('ctx.fetchAll is not a function', 'fetch'));
    assert.ok(!explained('Failed to fetch', 'fetch'));
  } finally {
    warn.mock.restore();
  }
});

test('an app skill on the page using ctx.storage without permissions.storage rejects as not-declared', async () => {
  const warn = mock.method(console, 'warn', () => undefined);
  const { port1, port2 } = new MessageChannel();
  try {
    const definition = defineSkill({
      id: 'acme.notes',
      version: '1.0.0',
      intents: ['todo_list'],
      async execute(ctx) {
        await ctx.storage!.set('last', ctx.text);
        return 'noted';
      },
    });
    const served = serveSkill(definition);
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
    const remote = createRemoteSkill(manifestOf(definition), (call, endpoint) =>
      page.invoke(call, Comlink.proxy(endpoint)),
    );
    const { runtime, audit } = await runtimeWithAudit();
    assert.equal((await runtime.invoke(invocationOf(remote))).failed, 'permission');
    // (Plain comlink carries the class name; the Worker transport also carries the code.)
    assert.equal(audit[0]?.detail?.['error'], 'PermissionError');
    assert.match(String(warn.mock.calls[0]?.arguments[0]), /acme\.notes.*ctx\.storage.*permissions\.storage/);
    // The explained error is a PermissionError where the skill runs, with the original as its cause.
    const direct = served.invoke(
      {
        callId: 'c1',
        skillId: 'acme.notes',
        intent: 'todo_list',
        text: 'milk',
        slots: {},
        entities: [],
        conversation: { id: 'c', recentTurns: [] },
        now: Date.now(),
        timeZone: 'UTC',
        lang: 'en',
        capabilities: { network: [], storage: false, profile: false, schedule: false, secret: false },
      },
      {} as RemoteSkillEndpoint,
    );
    await assert.rejects(
      direct,
      (error) => error instanceof PermissionError && error.code === 'not-declared' && error.cause instanceof TypeError,
    );
  } finally {
    warn.mock.restore();
    port1.close();
    port2.close();
  }
});
