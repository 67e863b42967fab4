/**
 * ClickHouse's RowBinary input format, written straight from row values into one buffer: what the
 * ingest path sends a ClickHouse server instead of JSONEachRow (no JSON per row for us to build or
 * for the server to parse, no object per row in between). Every release from 18.16 on reads it the
 * same way: little-endian fixed-width numbers, strings and arrays prefixed by a LEB128 length, and
 * LowCardinality(String) written as a plain String.
 */

const TWO_32 = 4_294_967_296;

export class RowBinaryWriter {
  #buf: Buffer;
  #pos = 0;

  constructor(capacity = 1 << 16) {
    this.#buf = Buffer.allocUnsafe(capacity);
  }

  #ensure(n: number): void {
    if (this.#pos + n <= this.#buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.#buf.length * 2, this.#pos + n));
    this.#buf.copy(grown, 0, 0, this.#pos);
    this.#buf = grown;
  }

  uint8(v: number): void {
    this.#ensure(1);
    this.#buf[this.#pos++] = v;
  }

  uint32(v: number): void {
    this.#ensure(4);
    this.#pos = this.#buf.writeUInt32LE(v >>> 0, this.#pos);
  }

  int32(v: number): void {
    this.#ensure(4);
    this.#pos = this.#buf.writeInt32LE(v | 0, this.#pos);
  }

  /** A non-negative integer below 2^53 (what the wire checks let through) as UInt64. */
  uint64(v: number): void {
    this.#ensure(8);
    this.#buf.writeUInt32LE(v % TWO_32 >>> 0, this.#pos);
    this.#buf.writeUInt32LE(Math.floor(v / TWO_32) >>> 0, this.#pos + 4);
    this.#pos += 8;
  }

  /** An integer below 2^53 in magnitude as Int64. */
  int64(v: number): void {
    if (v >= 0) return this.uint64(v);
    this.#ensure(8);
    this.#pos = this.#buf.writeBigInt64LE(BigInt(v), this.#pos);
  }

  float64(v: number): void {
    this.#ensure(8);
    this.#pos = this.#buf.writeDoubleLE(v, this.#pos);
  }

  varint(v: number): void {
    this.#ensure(10);
    let n = v;
    while (n >= 0x80) {
      this.#buf[this.#pos++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.#buf[this.#pos++] = n;
  }

  string(v: string): void {
    // Short strings (ids, hashes, names) cannot need more than 127 bytes: one length byte, one pass.
    if (v.length * 3 < 0x80) {
      this.#ensure(1 + v.length * 3);
      const n = this.#buf.write(v, this.#pos + 1, 'utf8');
      this.#buf[this.#pos] = n;
      this.#pos += 1 + n;
      return;
    }
    const n = Buffer.byteLength(v, 'utf8');
    this.varint(n);
    this.#ensure(n);
    this.#pos += this.#buf.write(v, this.#pos, 'utf8');
  }

  /** What was written, as one buffer (a view, not a copy). */
  finish(): Buffer {
    return this.#buf.subarray(0, this.#pos);
  }
}
