// The runtime under concurrency: 100 invocations at once all complete with their own answer,
// a hanging skill among them is released within its timeout, and shared state (grants, storage,
// metrics) stays consistent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSkillRuntime } from '../../../src/skills/runtime.ts';
import { defineSkill } from '../../../src/skills/define-skill.ts';
import { createMetrics } from '../../../src/metrics/metrics.ts';
import { delay, invocationOf, openTestStore, recordingFetch } from '../../fixtures/skills/helpers.ts';

test('100 concurrent invocations all complete with their own reply; hanging ones are released in time', async () => {
  const store = await openTestStore();
  const metrics = createMetrics();
  let asked = 0;
  const runtime = createSkillRuntime({
    store,
    metrics,
    fetch: recordingFetch((url) => new Response(new URL(url).pathname.slice(1))).fetch,
    requestPermission: async () => {
      asked++;
      await delay(10);
      return true;
    },
  });
  const echo = defineSkill({
    id: 'echo',
    version: '1.0.0',
    intents: ['echo'],
    permissions: { storage: true },
    async execute(ctx) {
      await delay(Math.floor(Math.random() * 20));
      await ctx.storage!.set(`k${ctx.text}`, ctx.text);
      return `echo ${ctx.text}`;
    },
  });
  const net = defineSkill({
    id: 'net',
    version: '1.0.0',
    intents: ['net'],
    permissions: { network: ['https://api.acme.com'] },
    execute: async (ctx) => (await ctx.fetch!(`https://api.acme.com/${ctx.text}`)).text(),
  });
  const streamer = defineSkill({
    id: 'stream',
    version: '1.0.0',
    intents: ['stream'],
    async *execute(ctx) {
      yield 'a';
      await delay(5);
      yield ctx.text;
    },
  });
  const hang = defineSkill({
    id: 'hang',
    version: '1.0.0',
    intents: ['hang'],
    timeoutMs: 200,
    execute: () => new Promise<never>(() => {}),
  });
  const thrower = defineSkill({
    id: 'throw',
    version: '1.0.0',
    intents: ['throw'],
    execute: () => {
      throw new Error('x');
    },
  });
  const skills = [echo, net, streamer, hang, thrower];

  const started = performance.now();
  const replies = await Promise.all(
    Array.from({ length: 100 }, (_, i) => runtime.invoke(invocationOf(skills[i % skills.length]!, { text: `n${i}` }))),
  );
  const took = performance.now() - started;
  assert.equal(replies.length, 100);
  replies.forEach((reply, i) => {
    const kind = skills[i % skills.length]!.id;
    if (kind === 'echo') assert.deepEqual(reply, { text: `echo n${i}` });
    if (kind === 'net') assert.deepEqual(reply, { text: `n${i}` });
    if (kind === 'stream') assert.deepEqual(reply, { text: `an${i}` });
    if (kind === 'hang') assert.equal(reply.failed, 'timeout');
    if (kind === 'throw') assert.equal(reply.failed, 'error');
  });
  assert.ok(took < 3_000, `all done in ${Math.round(took)} ms`);
  assert.equal(asked, 1, 'one consent question for 20 concurrent first uses');
  assert.equal((await store.skillData('echo').keys()).length, 20);
  const calls = metrics
    .snapshot()
    .counters.filter((c) => c.name === 'confidant_skill_invocations_total')
    .reduce((n, c) => n + c.value, 0);
  assert.equal(calls, 100);
});
