/**
 * Passkey mode, the page's half: WebAuthn runs only in a window (not in the engine's Worker), so
 * the page asks the authenticator for its PRF output (the WebAuthn PRF extension, CTAP2
 * `hmac-secret`) and hands it to the engine, which derives the key that wraps the data key
 * (`src/crypto/keyring.ts`, `derivePasskeyKek`). The passphrase stays the fallback.
 *
 * No server takes part and no signature is checked: the secret is the PRF output, which only the
 * authenticator holding the credential can compute for our input, after its user verification.
 * The challenge is random because WebAuthn requires one, not because anyone verifies it.
 *
 * @module
 */
import { CryptoError, UnsupportedError } from '../src/index.ts';

/** The PRF input's length, as the core checks it (`PRF_SALT_LENGTH` in src/crypto/keyring.ts). */
const PRF_SALT_LENGTH = 32;

/** An enrolled passkey as the store lists it (`assistant.store.passkeys()`). */
interface EnrolledPasskey {
  credentialId: Uint8Array;
  prfSalt: Uint8Array;
}

/** What passkey unlock needs from an assistant (an `Assistant` has it). */
export interface PasskeyAssistant {
  unlockWithPasskey(credentialId: Uint8Array, prfOutput: Uint8Array): Promise<void>;
  store: {
    passkeys(): Promise<EnrolledPasskey[]>;
    addPasskey(currentPassphrase: string, enrollment: EnrolledPasskey & { prfOutput: Uint8Array }): Promise<void>;
  };
}

/** Options of {@link enrollPasskey}. */
export interface EnrollPasskeyOptions {
  /** The store's passphrase: enrolling proves it, and it stays the fallback. */
  passphrase: string;
  /** Shown by the browser's passkey dialog. @default the page's host */
  rpName?: string;
  /** The account name the passkey is saved under. @default 'Confidant history' */
  userName?: string;
  /** @default 60000 */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Options of {@link unlockWithPasskey}. */
export interface UnlockWithPasskeyOptions {
  /** @default 60000 */
  timeoutMs?: number;
  signal?: AbortSignal;
}

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

interface PrfResults {
  enabled?: boolean;
  results?: { first?: BufferSource };
}

function prfOf(credential: Credential | null): PrfResults | undefined {
  return (credential as PublicKeyCredential | null)?.getClientExtensionResults?.()?.['prf' as never] as
    PrfResults | undefined;
}

const asBytes = (source: BufferSource) =>
  source instanceof ArrayBuffer
    ? new Uint8Array(source)
    : new Uint8Array(source.buffer, source.byteOffset, source.byteLength).slice();

/**
 * Maps what the browser throws to typed errors: no WebAuthn or no PRF → `UnsupportedError`; the
 * user cancelled, no authenticator holds the passkey (a removed credential, another authenticator)
 * or it timed out → `CryptoError` code `passkey-unavailable`. The store changes in neither case.
 */
function mapCeremonyError(error: unknown): Error {
  if (error instanceof DOMException && error.name === 'AbortError') return error;
  if (error instanceof DOMException && error.name === 'NotSupportedError')
    return new UnsupportedError('This browser or authenticator has no passkeys with PRF', {
      code: 'passkey',
      cause: error,
    });
  return new CryptoError('No passkey answered: cancelled, timed out, or not on this authenticator', {
    code: 'passkey-unavailable',
    cause: error,
  });
}

function credentials(): CredentialsContainer {
  const container = (globalThis.navigator as Navigator | undefined)?.credentials;
  if (container === undefined || typeof PublicKeyCredential !== 'function')
    throw new UnsupportedError('This browser has no WebAuthn', { code: 'passkey' });
  return container;
}

/** Asks the authenticator for the PRF output of one of `passkeys`. */
async function evaluate(
  passkeys: readonly EnrolledPasskey[],
  options: UnlockWithPasskeyOptions,
): Promise<{ credentialId: Uint8Array; prfOutput: Uint8Array }> {
  let assertion: Credential | null;
  try {
    assertion = await credentials().get({
      publicKey: {
        challenge: random(32),
        allowCredentials: passkeys.map((p) => ({ type: 'public-key', id: new Uint8Array(p.credentialId) })),
        userVerification: 'required',
        timeout: options.timeoutMs ?? 60_000,
        extensions: {
          prf: {
            evalByCredential: Object.fromEntries(
              passkeys.map((p) => [base64url(p.credentialId), { first: new Uint8Array(p.prfSalt) }]),
            ),
          },
        } as AuthenticationExtensionsClientInputs,
      },
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch (error) {
    throw mapCeremonyError(error);
  }
  const output = prfOf(assertion)?.results?.first;
  if (assertion === null || output === undefined)
    throw new UnsupportedError('The authenticator did not evaluate the PRF extension', { code: 'prf' });
  return { credentialId: new Uint8Array((assertion as PublicKeyCredential).rawId), prfOutput: asBytes(output) };
}

/**
 * Creates a passkey with the PRF extension and enrolls it: the assistant's data key is wrapped
 * under it, and `unlockWithPasskey` opens the store from then on (the passphrase still does).
 *
 * @returns the new credential's id
 * @throws {UnsupportedError} code `passkey` or `prf` where the browser or authenticator cannot
 * @throws {CryptoError} code `passkey-unavailable` when the user cancels; `WrongPassphraseError` for a wrong passphrase
 * @example
 * ```ts
 * await enrollPasskey(assistant, { passphrase });
 * await assistant.lock();
 * await unlockWithPasskey(assistant);
 * ```
 */
export async function enrollPasskey(assistant: PasskeyAssistant, options: EnrollPasskeyOptions): Promise<Uint8Array> {
  const prfSalt = random(PRF_SALT_LENGTH);
  const userName = options.userName ?? 'Confidant history';
  let created: Credential | null;
  try {
    created = await credentials().create({
      publicKey: {
        rp: { name: options.rpName ?? location.hostname },
        user: { id: random(16), name: userName, displayName: userName },
        challenge: random(32),
        pubKeyCredParams: [
          { type: 'public-key', alg: -7 },
          { type: 'public-key', alg: -257 },
        ],
        authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
        timeout: options.timeoutMs ?? 60_000,
        extensions: { prf: { eval: { first: prfSalt } } } as AuthenticationExtensionsClientInputs,
      },
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch (error) {
    throw mapCeremonyError(error);
  }
  const prf = prfOf(created);
  if (created === null || (prf?.enabled !== true && prf?.results?.first === undefined))
    throw new UnsupportedError('The authenticator has no PRF extension', { code: 'prf' });
  const credentialId = new Uint8Array((created as PublicKeyCredential).rawId);
  // Some authenticators evaluate the PRF at creation; the others need one assertion.
  const first = prf.results?.first;
  const prfOutput =
    first === undefined ? (await evaluate([{ credentialId, prfSalt }], options)).prfOutput : asBytes(first);
  await assistant.store.addPasskey(options.passphrase, { credentialId, prfSalt, prfOutput });
  return credentialId;
}

/**
 * Unlocks the assistant with one of its enrolled passkeys.
 *
 * @throws {CryptoError} code `passkey-unavailable` (cancelled, removed, another authenticator),
 *   `unknown-passkey` (none enrolled) or `wrong-passkey`; the store stays locked and the
 *   passphrase still unlocks it
 * @throws {UnsupportedError} code `passkey` or `prf` where the browser or authenticator cannot
 */
export async function unlockWithPasskey(
  assistant: PasskeyAssistant,
  options: UnlockWithPasskeyOptions = {},
): Promise<void> {
  const passkeys = await assistant.store.passkeys();
  if (passkeys.length === 0) throw new CryptoError('No passkey is enrolled', { code: 'unknown-passkey' });
  const { credentialId, prfOutput } = await evaluate(passkeys, options);
  await assistant.unlockWithPasskey(credentialId, prfOutput);
}
