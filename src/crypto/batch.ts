/**
 * Sealing and opening many records at once: the bulk paths of the store (a 10,000-message write, a
 * page of history, a search over 100,000 messages).
 *
 * Hand-written, like the envelope it batches (`envelope.ts`), and byte for byte the same format: each
 * record still gets its own AES-256-GCM call, its own fresh random 96-bit IV and its own AAD naming the
 * database, table, record id, field, bound clear fields and record version, so one damaged or moved
 * record fails alone. What a batch saves is the JavaScript around the calls, which at 10,000 small
 * records costs as much as the calls themselves (measured with `npm run bench:store -- --profile`):
 * - the AAD text is built from a prefix shared by the batch (JSON of the constant parts), not by
 *   `JSON.stringify` of a fresh array per record;
 * - the JSON plaintexts, and the AADs, are UTF-8 encoded in one call per batch ({@link encodeJoined})
 *   instead of one call and one allocation each; every view handed to WebCrypto stays untouched
 *   afterwards, so nothing depends on when WebCrypto copies its inputs;
 * - all IVs come from one `getRandomValues` call;
 * - one promise per record (the WebCrypto call's own), settled together, with no per-record wrapper.
 *
 * @module
 */
import { CryptoError } from '../errors.ts';
import { TAG_JSON, decodeValue, encodeText, encodeValue } from './codec.ts';
import { IV_LENGTH, TAG_LENGTH, type RecordKey } from './envelope.ts';

const HEADER = 1 + IV_LENGTH;
const encoder = new TextEncoder();

/** What every record of a batch shares. */
export interface BatchScope {
  /** Database name. */
  db: string;
  table: string;
  field: string;
}

/** One record of a batch: its primary key and the clear fields its ciphertext is bound to. */
export interface BatchRecord {
  id: RecordKey;
  bound?: readonly (string | number)[] | undefined;
}

/**
 * UTF-8 encodes many JSON texts with one `TextEncoder` call and returns a view of each. The texts are
 * joined with the control character `sep`, which JSON text never holds raw (`JSON.stringify` escapes
 * U+0000–U+001F) and UTF-8 never produces inside another character, so the separators are exactly
 * where the texts meet. With `keep`, each view starts with its separator byte (a codec tag byte).
 * @throws {Error} if a text held `sep` after all (a bug: nothing would be sealed).
 * @internal
 */
export function encodeJoined(texts: readonly string[], sep: number, keep: boolean): Uint8Array<ArrayBuffer>[] {
  if (texts.length === 0) return [];
  const mark = String.fromCharCode(sep);
  const bytes = encoder.encode(mark + texts.join(mark));
  const out: Uint8Array<ArrayBuffer>[] = new Array(texts.length);
  let start = 0;
  for (let i = 0; i < texts.length; i++) {
    const next = bytes.indexOf(sep, start + 1);
    // There are exactly as many separators as texts, unless a text held one (every later split would shift).
    if (next < 0 !== (i === texts.length - 1)) throw new Error('A JSON text held a separator');
    const end = next < 0 ? bytes.length : next;
    out[i] = bytes.subarray(keep ? start : start + 1, end);
    start = end;
  }
  return out;
}

/**
 * The AAD text of each record of a scope, equal to the UTF-8 decoding of the envelope's
 * `additionalData(ctx, version)`: the JSON of `['confidant/aad', version, db, table, id, field, bound]`,
 * with the constant parts serialised once per version.
 * @internal
 */
export function batchAad(scope: BatchScope): (record: BatchRecord, version: number) => string {
  const prefixes: string[] = [];
  const field = JSON.stringify(scope.field);
  return (record, version) => {
    const prefix = (prefixes[version] ??=
      `["confidant/aad",${JSON.stringify(version)},${JSON.stringify(scope.db)},${JSON.stringify(scope.table)},`);
    return `${prefix}${JSON.stringify(record.id)},${field},${JSON.stringify(record.bound ?? [])}]`;
  };
}

/**
 * Seals one field of many records; the same output as the envelope's `seal` record by record.
 * @param version the record-format (schema) version, written in each header and bound in each AAD
 * @throws {TypeError} when a value cannot be encoded (nothing is sealed then).
 * @throws {CryptoError} when WebCrypto refuses (e.g. a key without `encrypt`).
 */
export async function sealBatch(
  key: CryptoKey,
  scope: BatchScope,
  records: readonly (BatchRecord & { value: unknown })[],
  version: number,
): Promise<Uint8Array<ArrayBuffer>[]> {
  if (!Number.isInteger(version) || version < 1 || version > 255) throw new RangeError(`Bad record version ${version}`);
  // Encode everything before the first WebCrypto call: a bad value throws with nothing sealed.
  const plain: Uint8Array<ArrayBuffer>[] = new Array(records.length);
  const jsonAt: number[] = [];
  const json: string[] = [];
  records.forEach((r, i) => {
    const text = encodeText(r.value);
    if (text?.[0] === TAG_JSON) {
      jsonAt.push(i);
      json.push(text[1]);
    } else {
      plain[i] = encodeValue(r.value);
    }
  });
  // The JSON ones (message bodies) in one call, each view starting with its tag byte.
  encodeJoined(json, TAG_JSON, true).forEach((bytes, j) => (plain[jsonAt[j] as number] = bytes));
  const ivs = new Uint8Array(records.length * IV_LENGTH);
  // getRandomValues fills at most 65,536 bytes per call.
  for (let i = 0; i < ivs.length; i += 65_536) crypto.getRandomValues(ivs.subarray(i, i + 65_536));
  const aadText = batchAad(scope);
  const aads = encodeJoined(
    records.map((r) => aadText(r, version)),
    0,
    false,
  );
  const subtle = crypto.subtle;
  let cts: ArrayBuffer[];
  try {
    cts = await Promise.all(
      records.map((_, i) =>
        subtle.encrypt(
          {
            name: 'AES-GCM',
            iv: ivs.subarray(i * IV_LENGTH, (i + 1) * IV_LENGTH),
            additionalData: aads[i] as Uint8Array<ArrayBuffer>,
          },
          key,
          plain[i] as Uint8Array<ArrayBuffer>,
        ),
      ),
    );
  } catch (cause) {
    throw new CryptoError('Encryption failed', { cause });
  }
  return cts.map((ct, i) => {
    // Each record gets a buffer of its own: IndexedDB stores a view's whole underlying buffer.
    const out = new Uint8Array(HEADER + ct.byteLength);
    out[0] = version;
    out.set(ivs.subarray(i * IV_LENGTH, (i + 1) * IV_LENGTH), 1);
    out.set(new Uint8Array(ct), HEADER);
    return out;
  });
}

/**
 * Opens one field of many records. Never rejects for a bad record: each result is the decoded value,
 * or the `CryptoError` that record failed with (code `auth` for a malformed, altered, moved or
 * unknown-version ciphertext).
 * @param maxVersion the newest record-format version this code understands
 */
export async function openBatch(
  key: CryptoKey,
  scope: BatchScope,
  records: readonly (BatchRecord & { sealed: Uint8Array })[],
  maxVersion: number,
): Promise<unknown[]> {
  const out: unknown[] = new Array(records.length);
  const aadText = batchAad(scope);
  const at: number[] = [];
  const texts: string[] = [];
  records.forEach((r, i) => {
    const sealed = r.sealed;
    const version = sealed instanceof Uint8Array ? (sealed[0] ?? 0) : 0;
    if (!(sealed instanceof Uint8Array) || sealed.length < HEADER + TAG_LENGTH || version < 1 || version > maxVersion) {
      out[i] = new CryptoError(`Malformed or unknown-version ciphertext in ${scope.table}.${scope.field}`, {
        code: 'auth',
      });
      return;
    }
    at.push(i);
    texts.push(aadText(r, version));
  });
  const aads = encodeJoined(texts, 0, false);
  const subtle = crypto.subtle;
  const pending = at.map((i, j) => {
    const sealed = (records[i] as { sealed: Uint8Array<ArrayBuffer> }).sealed;
    return subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.subarray(1, HEADER), additionalData: aads[j] as Uint8Array<ArrayBuffer> },
      key,
      sealed.subarray(HEADER),
    );
  });
  // The common case, every record good, settles in one Promise.all; only a failure pays for allSettled.
  let values: ArrayBuffer[] | undefined;
  let settled: PromiseSettledResult<ArrayBuffer>[] | undefined;
  try {
    values = await Promise.all(pending);
  } catch {
    settled = await Promise.allSettled(pending);
  }
  for (let j = 0; j < at.length; j++) {
    const i = at[j] as number;
    const s = settled?.[j];
    if (s?.status === 'rejected') {
      // OperationError is GCM's tag check failing: tampering, a moved ciphertext, or the wrong key.
      const auth = (s.reason as { name?: unknown } | null)?.name === 'OperationError';
      out[i] = new CryptoError(`Record failed authentication in ${scope.table}.${scope.field}`, {
        code: auth ? 'auth' : 'crypto',
        cause: s.reason,
      });
      continue;
    }
    try {
      out[i] = decodeValue(new Uint8Array(values?.[j] ?? (s as PromiseFulfilledResult<ArrayBuffer>).value));
    } catch (cause) {
      out[i] = new CryptoError(`Undecodable value in ${scope.table}.${scope.field}`, { code: 'auth', cause });
    }
  }
  return out;
}
