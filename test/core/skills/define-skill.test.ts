import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defineSkill } from '../../../src/skills/define-skill.ts';
import type { SkillDefinition } from '../../../src/skills/types.ts';

const base: SkillDefinition = { id: 'acme.orders', version: '1.0.0', intents: ['order.status'], execute: () => 'ok' };
const define = (patch: Record<string, unknown>) => () => defineSkill({ ...base, ...patch } as SkillDefinition);

test('a valid skill comes back frozen, with canonical origins', () => {
  const skill = defineSkill({
    ...base,
    slots: [{ name: 'order', kind: 'number', prompt: ['Which order?', 'Order number?'] }],
    permissions: { network: ['https://API.Acme.com/', 'https://münchen.de', 'http://localhost:8080'], storage: true },
  });
  assert.ok(Object.isFrozen(skill));
  assert.ok(Object.isFrozen(skill.permissions));
  assert.ok(Object.isFrozen(skill.intents));
  assert.ok(Object.isFrozen(skill.slots![0]));
  assert.deepEqual(skill.permissions!.network, [
    'https://api.acme.com',
    'https://xn--mnchen-3ya.de',
    'http://localhost:8080',
  ]);
  assert.throws(() => (skill.intents as string[]).push('x'), TypeError);
});

test('ids, versions and intents are checked', () => {
  for (const id of ['Acme', 'acme..orders', '-acme', 'acme_orders', 'acme.', '', 'a b'])
    assert.throws(define({ id }), RangeError, id);
  assert.throws(define({ id: 42 }), TypeError);
  for (const version of ['1', '1.0', 'v1.0.0', '01.0.0', '1.0.0.0'])
    assert.throws(define({ version }), RangeError, version);
  assert.doesNotThrow(define({ version: '1.2.3-beta.1+build.5' }));
  assert.throws(define({ intents: [] }), TypeError);
  assert.throws(define({ intents: 'order.status' }), TypeError);
  assert.throws(define({ intents: ['ok', 'ok'] }), RangeError);
  assert.throws(define({ intents: ['has space'] }), RangeError);
  assert.throws(define({ execute: undefined }), TypeError);
  assert.throws(define({ confirm: 'yes?' }), TypeError);
});

test('slots and timeouts are checked', () => {
  assert.throws(define({ slots: [{ name: '1x', kind: 'text', prompt: 'p' }] }), RangeError);
  assert.throws(define({ slots: [{ name: 'x', kind: 'colour', prompt: 'p' }] }), RangeError);
  assert.throws(define({ slots: [{ name: 'x', kind: 'text', prompt: '' }] }), TypeError);
  assert.throws(
    define({
      slots: [
        { name: 'x', kind: 'text', prompt: 'p' },
        { name: 'x', kind: 'date', prompt: 'q' },
      ],
    }),
    RangeError,
  );
  assert.doesNotThrow(define({ slots: [{ name: 'city', kind: 'custom:city', prompt: 'Where?' }] }));
  for (const timeoutMs of [0, -1, 1.5, 120_001]) assert.throws(define({ timeoutMs }), RangeError);
  assert.throws(define({ timeoutMs: '100' }), TypeError);
});

test('network origins must be exact https origins (http only for localhost)', () => {
  const bad = [
    'http://api.acme.com',
    'https://*.acme.com',
    'https://acme.com/path',
    'https://acme.com/?q=1',
    'https://acme.com#x',
    'https://user:pw@acme.com',
    'https://user@acme.com',
    'ftp://acme.com',
    'wss://acme.com',
    'acme.com',
    '//acme.com',
    'https:acme.com',
    'https://acme.com\\evil.com',
    'data:text/plain,hi',
    'javascript:alert(1)',
    'https://',
    'https://acme.com.',
    'http://localhost.',
    'http://127.0.0.2',
    'http://0.0.0.0',
    'https://acme.com/*',
    '*',
    'https://ac me.com',
    'https://%61cme.com',
  ];
  for (const origin of bad) assert.throws(define({ permissions: { network: [origin] } }), RangeError, origin);
  assert.throws(define({ permissions: { network: 'https://acme.com' } }), TypeError);
  assert.throws(define({ permissions: { network: [42] } }), TypeError);
  for (const origin of [
    'https://acme.com',
    'https://acme.com:8443',
    'http://127.0.0.1:3000',
    'http://[::1]:3000',
    'https://10.0.0.1',
  ]) {
    assert.doesNotThrow(define({ permissions: { network: [origin] } }), origin);
  }
});

test('unknown permissions fail closed, flags must be booleans', () => {
  assert.throws(define({ permissions: { camera: true } }), RangeError);
  assert.throws(define({ permissions: { storage: 'yes' } }), TypeError);
  assert.throws(define({ permissions: [] }), TypeError);
});

test('mutating the input after definition changes nothing', () => {
  const network = ['https://acme.com'];
  const skill = defineSkill({ ...base, permissions: { network } });
  network.push('https://evil.example');
  assert.deepEqual(skill.permissions!.network, ['https://acme.com']);
});

test('per-intent descriptions are checked against the intents and kept, across a thread boundary too', async () => {
  const skill = defineSkill({ ...base, intentDescriptions: { 'order.status': 'where is my order, delivery status' } });
  assert.deepEqual(skill.intentDescriptions, { 'order.status': 'where is my order, delivery status' });
  assert.ok(Object.isFrozen(skill.intentDescriptions));
  const { manifestOf } = await import('../../../src/skills/remote-skill.ts');
  assert.deepEqual(manifestOf(skill).intentDescriptions, skill.intentDescriptions);
  assert.throws(define({ intentDescriptions: { 'order.cancel': 'cancel an order' } }), RangeError);
  assert.throws(define({ intentDescriptions: { 'order.status': 42 } }), TypeError);
  assert.throws(define({ intentDescriptions: 'where is my order' }), TypeError);
  assert.throws(define({ intentDescriptions: { 'order.status': 'x'.repeat(301) } }), RangeError);
});
