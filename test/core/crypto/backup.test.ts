import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decryptBackup, encryptBackup, readBackupHeader } from '../../../src/crypto/backup.ts';
import { utf8 } from '../../../src/crypto/bytes.ts';
import { CryptoError, WrongPassphraseError } from '../../../src/errors.ts';

const body = utf8('{"secret":"the backup body"}');
// One derivation per call (~100 ms in Node): keep this file to a handful.
const file = await encryptBackup(body, 'backup passphrase');

describe('backup container', () => {
  it('round-trips and keeps the body out of the file', async () => {
    assert.deepEqual(await decryptBackup(file, 'backup passphrase'), body);
    assert.equal(Buffer.from(file).includes(Buffer.from('the backup body')), false);
    assert.equal(readBackupHeader(file).header.iterations, 600_000);
  });

  it('a wrong passphrase gets WrongPassphraseError', async () => {
    await assert.rejects(decryptBackup(file, 'not it'), WrongPassphraseError);
  });

  it('refuses low iteration counts, edited headers, damaged bodies and foreign bytes', async () => {
    await assert.rejects(encryptBackup(body, 'pw', 599_999), RangeError);
    const { prefixLength } = readBackupHeader(file);
    const header = new TextDecoder().decode(file.subarray(21, prefixLength));
    const lowered = header.replace('"iterations":600000', '"iterations":100000');
    const edited = new Uint8Array([...file.subarray(0, 21), ...utf8(lowered), ...file.subarray(prefixLength)]);
    new DataView(edited.buffer).setUint32(17, utf8(lowered).length);
    await assert.rejects(
      decryptBackup(edited, 'backup passphrase'),
      (e) => e instanceof CryptoError && e.code === 'format',
    );
    const damaged = file.slice();
    damaged[damaged.length - 1] = (damaged[damaged.length - 1] ?? 0) ^ 1;
    await assert.rejects(
      decryptBackup(damaged, 'backup passphrase'),
      (e) => e instanceof CryptoError && e.code === 'auth',
    );
    for (const junk of [
      new Uint8Array(3),
      utf8('CONFIDANT-BACKUPxxxxxxxxxxx'),
      utf8('hello world, not a backup at all'),
    ]) {
      await assert.rejects(decryptBackup(junk, 'pw'), (e) => e instanceof CryptoError && e.code === 'format');
    }
  });
});
