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
  // Numbers go through a DataView and bytes by index: Buffer's write* methods check every argument,
  // which cost more than the write itself at 24 values a row.
  #view: DataView;
  #pos = 0;

  constructor(capacity = 1 << 16) {
    this.#buf = Buffer.allocUnsafe(capacity);
    this.#view = new DataView(this.#buf.buffer, this.#buf.byteOffset, this.#buf.length);
  }

  #ensure(n: number): void {
    if (this.#pos + n <= this.#buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.#buf.length * 2, this.#pos + n));
    this.#buf.copy(grown, 0, 0, this.#pos);
    this.#buf = grown;
    this.#view = new DataView(grown.buffer, grown.byteOffset, grown.length);
  }

  uint8(v: number): void {
    this.#ensure(1);
    this.#buf[this.#pos++] = v;
  }

  uint32(v: number): void {
    this.#ensure(4);
    this.#view.setUint32(this.#pos, v >>> 0, true);
    this.#pos += 4;
  }

  int32(v: number): void {
    this.#ensure(4);
    this.#view.setInt32(this.#pos, v | 0, true);
    this.#pos += 4;
  }

  /** A non-negative integer below 2^53 (what the wire checks let through) as UInt64. */
  uint64(v: number): void {
    this.#ensure(8);
    const low = v % TWO_32;
    this.#view.setUint32(this.#pos, low, true);
    this.#view.setUint32(this.#pos + 4, (v - low) / TWO_32, true);
    this.#pos += 8;
  }

  /** An integer below 2^53 in magnitude as Int64. */
  int64(v: number): void {
    if (v >= 0) return this.uint64(v);
    this.#ensure(8);
    this.#view.setBigInt64(this.#pos, BigInt(v), true);
    this.#pos += 8;
  }

  float64(v: number): void {
    this.#ensure(8);
    this.#view.setFloat64(this.#pos, v, true);
    this.#pos += 8;
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
    const length = v.length;
    // Short strings (ids, hashes, names) cannot need more than 127 bytes: one length byte, one pass.
    if (length * 3 < 0x80) {
      this.#ensure(1 + length * 3);
      const buf = this.#buf;
      const start = this.#pos;
      // ASCII byte by byte: cheaper than a call into the encoder for strings this short.
      let i = 0;
      for (; i < length; i += 1) {
        const c = v.charCodeAt(i);
        if (c >= 0x80) break;
        buf[start + 1 + i] = c;
      }
      const n = i === length ? length : i + buf.write(v.slice(i), start + 1 + i, 'utf8');
      buf[start] = n;
      this.#pos = start + 1 + n;
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
