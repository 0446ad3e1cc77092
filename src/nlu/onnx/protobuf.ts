/**
 * The few Protocol Buffers wire-format primitives the ONNX writer and reader need.
 *
 * Hand-written rather than protobufjs (or the `onnx-proto` bindings built on it): the subset
 * is ~100 lines, and a protobuf runtime would add tens of kilobytes to the bundle and a code
 * generator to the build. Wire format: https://protobuf.dev/programming-guides/encoding/
 *
 * @module
 */

/** Wire types used by ONNX messages. */
export const WireType = { varint: 0, fixed64: 1, bytes: 2, fixed32: 5 } as const;

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder('utf-8', { fatal: false });

/** Builds one message as a list of byte chunks; nested messages are encoded first, then embedded. */
export class ProtoWriter {
  readonly #chunks: Uint8Array[] = [];
  #scratch: number[] = [];
  #length = 0;

  #flushScratch(): void {
    if (this.#scratch.length === 0) return;
    this.#push(Uint8Array.from(this.#scratch));
    this.#scratch = [];
  }

  #push(chunk: Uint8Array): void {
    this.#chunks.push(chunk);
    this.#length += chunk.length;
  }

  #varint(value: number | bigint): void {
    // Negative int64s are encoded as their 64-bit two's complement (10 bytes), as protobuf does.
    let v = BigInt.asUintN(64, BigInt(value));
    while (v >= 0x80n) {
      this.#scratch.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.#scratch.push(Number(v));
  }

  #tag(field: number, wire: number): void {
    this.#varint((field << 3) | wire);
  }

  /** Writes an integer field (int32, int64, enum). */
  int(field: number, value: number | bigint): this {
    this.#tag(field, WireType.varint);
    this.#varint(value);
    return this;
  }

  /** Writes a 32-bit float field. */
  float(field: number, value: number): this {
    this.#tag(field, WireType.fixed32);
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, value, true);
    this.#scratch.push(...b);
    return this;
  }

  /** Writes a length-delimited bytes field. */
  bytes(field: number, value: Uint8Array): this {
    this.#tag(field, WireType.bytes);
    this.#varint(value.length);
    this.#flushScratch();
    this.#push(value);
    return this;
  }

  /** Writes a UTF-8 string field. */
  string(field: number, value: string): this {
    return this.bytes(field, textEncoder.encode(value));
  }

  /** Writes an embedded message field. */
  message(field: number, build: (w: ProtoWriter) => void): this {
    const inner = new ProtoWriter();
    build(inner);
    return this.bytes(field, inner.finish());
  }

  /** Returns the encoded message. */
  finish(): Uint8Array {
    this.#flushScratch();
    const out = new Uint8Array(this.#length);
    let offset = 0;
    for (const c of this.#chunks) {
      out.set(c, offset);
      offset += c.length;
    }
    return out;
  }
}

/** One decoded field: its number and wire type, and its value (a number/bigint for varints, bytes otherwise). */
export interface ProtoField {
  field: number;
  wire: number;
  /** For varints: the value (a `bigint` when over 2^53). */
  int: number | bigint;
  /** For length-delimited fields: the bytes (a view, not a copy). */
  bytes: Uint8Array;
}

/**
 * Decodes the top-level fields of one message. Throws a `RangeError` on truncated or malformed
 * input, which the model loader turns into a `ModelLoadError`.
 * @param buf the encoded message
 * @returns its fields in order
 */
export function readFields(buf: Uint8Array): ProtoField[] {
  const fields: ProtoField[] = [];
  const empty = new Uint8Array(0);
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (pos >= buf.length) throw new RangeError('protobuf: truncated varint');
      const b = buf[pos++] as number;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
    }
    throw new RangeError('protobuf: varint too long');
  };
  while (pos < buf.length) {
    const key = varint();
    const field = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (field === 0) throw new RangeError('protobuf: field number 0');
    if (wire === WireType.varint) {
      const v = varint();
      fields.push({ field, wire, int: v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v, bytes: empty });
    } else if (wire === WireType.bytes) {
      const len = Number(varint());
      if (len > buf.length - pos) throw new RangeError('protobuf: truncated length-delimited field');
      fields.push({ field, wire, int: 0, bytes: buf.subarray(pos, pos + len) });
      pos += len;
    } else if (wire === WireType.fixed32 || wire === WireType.fixed64) {
      const len = wire === WireType.fixed32 ? 4 : 8;
      if (len > buf.length - pos) throw new RangeError('protobuf: truncated fixed field');
      fields.push({ field, wire, int: 0, bytes: buf.subarray(pos, pos + len) });
      pos += len;
    } else {
      throw new RangeError(`protobuf: unsupported wire type ${wire}`);
    }
  }
  return fields;
}

/** Decodes UTF-8 bytes (invalid sequences become U+FFFD). */
export function utf8(bytes: Uint8Array): string {
  return textDecoder.decode(bytes);
}
