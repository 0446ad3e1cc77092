import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  PBKDF2_MIN_ITERATIONS,
  assertIterations,
  derivePassphraseKey,
  generateDataKey,
  generateDeviceKek,
  generateSalt,
  unwrapDataKey,
  wrapDataKey,
} from '../../../src/crypto/keyring.ts';
import { WrongPassphraseError } from '../../../src/errors.ts';

describe('key hierarchy', () => {
  it('enforces the 600,000-iteration PBKDF2 floor in code', async () => {
    assert.equal(PBKDF2_MIN_ITERATIONS, 600_000);
    assert.throws(() => assertIterations(599_999), RangeError);
    assert.throws(() => assertIterations(600_000.5), RangeError);
    assert.doesNotThrow(() => assertIterations(600_000));
    await assert.rejects(derivePassphraseKey('pw', generateSalt(), 599_999), RangeError);
    await assert.rejects(derivePassphraseKey('', generateSalt(), 600_000), TypeError);
  });

  it('wraps a random data key under a passphrase KEK; the wrong passphrase gets WrongPassphraseError', async () => {
    const salt = generateSalt();
    assert.equal(salt.length, 16);
    const kek = await derivePassphraseKey('correct horse', salt, 600_000);
    const dataKey = await generateDataKey();
    const wrapped = await wrapDataKey(dataKey, kek);
    assert.equal(wrapped.length, 40);
    const working = await unwrapDataKey(wrapped, kek, { wrongKey: 'passphrase' });
    assert.equal(working.extractable, false);
    await assert.rejects(crypto.subtle.exportKey('raw', working));
    const wrong = await derivePassphraseKey('battery staple', salt, 600_000);
    await assert.rejects(unwrapDataKey(wrapped, wrong, { wrongKey: 'passphrase' }), WrongPassphraseError);
    // The unwrapped key is the same key: what one encrypts the other decrypts.
    const iv = new Uint8Array(12);
    const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, dataKey, new Uint8Array([1, 2, 3]));
    assert.deepEqual(
      new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, working, ct)),
      new Uint8Array([1, 2, 3]),
    );
  });

  it('device KEKs are non-extractable', async () => {
    const kek = await generateDeviceKek();
    assert.equal(kek.extractable, false);
    await assert.rejects(crypto.subtle.exportKey('raw', kek));
  });
});
