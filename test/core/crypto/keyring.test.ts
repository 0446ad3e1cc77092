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
import { InputError, WrongPassphraseError } from '../../../src/errors.ts';

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

  it('refuses passphrases that are not well-formed Unicode, and derives NFC and NFD spellings alike', async () => {
    const salt = generateSalt();
    // Before: both lone surrogates became U+FFFD in UTF-8, so each unlocked the other's store.
    for (const malformed of ['pass\uD800word', 'pass\uDFFFword', '\uDC00', 'ab\uD83D']) {
      await assert.rejects(derivePassphraseKey(malformed, salt, 600_000), (e: unknown) => {
        assert.ok(e instanceof InputError);
        assert.equal(e.code, 'malformed-unicode');
        return true;
      });
    }
    // A well-formed astral character (a surrogate pair) is fine.
    await derivePassphraseKey('pass\uD83D\uDE00word', salt, 600_000);
    const dataKey = await generateDataKey();
    const composed = 'caf\u00e9 cr\u00e8me';
    const decomposed = composed.normalize('NFD');
    assert.notEqual(composed, decomposed);
    const wrapped = await wrapDataKey(dataKey, await derivePassphraseKey(composed, salt, 600_000));
    const kek = await derivePassphraseKey(decomposed, salt, 600_000);
    await unwrapDataKey(wrapped, kek, { wrongKey: 'passphrase' });
  });
});
