// Passkey mode in Chromium with a virtual authenticator that has the PRF extension (DevTools
// protocol, test/browser/cdp-plugin.mjs): enroll, lock, unlock with the passkey; a wrong
// authenticator and a removed credential each get a typed error, leave the store locked and
// unchanged, and the passphrase still unlocks it (the fallback).
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { createAssistant, CryptoError, type Assistant } from '../../../src/index.ts';
import { enrollPasskey, unlockWithPasskey } from '../../../widget/passkey.ts';
import { rawGetAll } from '../../fixtures/store/raw-idb.ts';
import { rejection } from '../../fixtures/rejection.ts';

const PASSPHRASE = 'correct horse battery staple';
const command = <R>(name: string, payload?: object) =>
  executeServerCommand<R, object | undefined>(name, payload) as Promise<R>;

describe('passkey mode (Chromium, virtual authenticator with PRF)', function () {
  this.timeout(120_000);
  const databaseName = `passkey-${crypto.randomUUID()}`;
  let assistant: Assistant;
  let authenticatorId: string;

  before(async () => {
    authenticatorId = await command<string>('webauthn-add');
    assistant = await createAssistant({ databaseName, encryption: { mode: 'passphrase', passphrase: PASSPHRASE } });
    await assistant.send('add milk to my shopping list');
  });
  after(async () => {
    await assistant.dispose();
    indexedDB.deleteDatabase(databaseName);
    await command('webauthn-remove', { authenticatorId }).catch(() => undefined);
  });

  it('enrolls a passkey and unlocks with it; the key record holds only a wrap, no PRF output', async () => {
    const credentialId = await enrollPasskey(assistant, { passphrase: PASSPHRASE, timeoutMs: 10_000 });
    const [listed] = await assistant.store.passkeys();
    expect(listed?.credentialId).to.deep.equal(credentialId);
    expect(await command<string[]>('webauthn-credentials', { authenticatorId })).to.have.length(1);
    await assistant.lock();
    expect(assistant.status).to.equal('locked');
    await unlockWithPasskey(assistant, { timeoutMs: 10_000 });
    expect(assistant.status).to.equal('ready');
    const history = await assistant.store.history(undefined, { limit: 2 });
    expect(history.map((m) => m.text)).to.include('add milk to my shopping list');
    const [row] = await rawGetAll<{ passkeys: { wrapped: Uint8Array; prfSalt: Uint8Array }[] }>(
      indexedDB,
      databaseName,
      'keys',
    );
    expect(row?.passkeys).to.have.length(1);
    expect(Object.keys(row?.passkeys[0] ?? {}).sort()).to.deep.equal([
      'createdAt',
      'credentialId',
      'prfSalt',
      'wrapped',
    ]);
  });

  it('a wrong authenticator (without the passkey) gets a typed error; the passphrase still unlocks', async () => {
    await assistant.lock();
    // Take the enrolled authenticator away and offer another one with PRF (a security key).
    await command('webauthn-remove', { authenticatorId });
    const other = await command<string>('webauthn-add', { transport: 'usb' });
    try {
      const error = (await rejection(unlockWithPasskey(assistant, { timeoutMs: 3000 }))) as CryptoError;
      expect(error).to.be.instanceOf(CryptoError);
      expect(error.code).to.equal('passkey-unavailable');
      expect(assistant.status).to.equal('locked');
      await assistant.unlock(PASSPHRASE);
      expect(assistant.status).to.equal('ready');
    } finally {
      authenticatorId = other;
    }
  });

  it('a removed credential gets a typed error; the passphrase still unlocks; re-enrolling works', async () => {
    await enrollPasskey(assistant, { passphrase: PASSPHRASE, timeoutMs: 10_000 });
    const [credentialId] = await command<string[]>('webauthn-credentials', { authenticatorId });
    await command('webauthn-remove-credential', { authenticatorId, credentialId });
    await assistant.lock();
    const error = (await rejection(unlockWithPasskey(assistant, { timeoutMs: 3000 }))) as CryptoError;
    expect(error.code).to.equal('passkey-unavailable');
    expect(assistant.status).to.equal('locked');
    await assistant.unlock(PASSPHRASE);
    expect(assistant.status).to.equal('ready');
  });

  it('a PRF output from another credential does not unlock (wrong-passkey), changing nothing', async () => {
    const [enrolled] = await assistant.store.passkeys();
    await assistant.lock();
    const error = (await rejection(
      assistant.unlockWithPasskey(enrolled!.credentialId, crypto.getRandomValues(new Uint8Array(32))),
    )) as CryptoError;
    expect(error).to.be.instanceOf(CryptoError);
    expect(error.code).to.equal('wrong-passkey');
    expect(assistant.status).to.equal('locked');
    await assistant.unlock(PASSPHRASE);
  });
});
