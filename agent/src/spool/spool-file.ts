import { crc32 } from 'node:zlib';

/**
 * One spooled batch per file, named by its seq so a directory listing sorts into send order.
 * The file holds the exact frame the sender puts on the wire (no protobuf work on replay)
 * behind a small header with a CRC, so a torn or bit-rotted file is recognised, not sent:
 *
 *   "VGSB" | version u8 | crc32 u32 (of everything after it) | seq u64 | id length u8 | batch id | frame length u32 | frame
 *
 * All integers big-endian.
 */

const MAGIC = Buffer.from('VGSB', 'latin1');
const FORMAT_VERSION = 1;
const CRC_OFFSET = MAGIC.length + 1;
const BODY_OFFSET = CRC_OFFSET + 4;
export const SPOOL_FILE_SUFFIX = '.batch';
const NAME = /^(\d{20})\.batch$/;

export interface SpoolFile {
  readonly seq: number;
  readonly batchId: string;
  readonly frame: Buffer;
}

/** Why a spool file cannot be used, in words for the quarantine log line. */
export class SpoolFileError extends Error {
  override readonly name = 'SpoolFileError';
}

/** `00000000001700000000123.batch` for seq 1700000000123: fixed width so names sort by seq. */
export function spoolFileName(seq: number): string {
  return `${String(seq).padStart(20, '0')}${SPOOL_FILE_SUFFIX}`;
}

/** The seq a spool file name stands for; undefined for any other name. */
export function seqFromFileName(name: string): number | undefined {
  const match = NAME.exec(name);
  if (!match) return undefined;
  const seq = Number(match[1]);
  return Number.isSafeInteger(seq) ? seq : undefined;
}

export function encodeSpoolFile(file: SpoolFile): Buffer {
  const id = Buffer.from(file.batchId, 'utf8');
  if (id.length > 255) throw new RangeError('batch id longer than 255 bytes');
  const body = Buffer.alloc(8 + 1 + id.length + 4);
  body.writeBigUInt64BE(BigInt(file.seq), 0);
  body.writeUInt8(id.length, 8);
  id.copy(body, 9);
  body.writeUInt32BE(file.frame.length, 9 + id.length);
  const header = Buffer.alloc(BODY_OFFSET);
  MAGIC.copy(header, 0);
  header.writeUInt8(FORMAT_VERSION, MAGIC.length);
  header.writeUInt32BE(crc32(file.frame, crc32(body)), CRC_OFFSET);
  return Buffer.concat([header, body, file.frame]);
}

/** Parses and verifies a spool file; throws SpoolFileError saying what is wrong with it. */
export function decodeSpoolFile(data: Buffer): SpoolFile {
  if (data.length < BODY_OFFSET + 13) throw new SpoolFileError(`truncated (${data.length} bytes)`);
  if (!data.subarray(0, MAGIC.length).equals(MAGIC)) throw new SpoolFileError('not a spool file (bad magic)');
  const version = data.readUInt8(MAGIC.length);
  if (version !== FORMAT_VERSION) throw new SpoolFileError(`unknown format version ${version}`);
  if (data.readUInt32BE(CRC_OFFSET) !== crc32(data.subarray(BODY_OFFSET))) throw new SpoolFileError('checksum mismatch (torn write or disk corruption)');
  const seq = Number(data.readBigUInt64BE(BODY_OFFSET));
  const idLength = data.readUInt8(BODY_OFFSET + 8);
  const frameLengthAt = BODY_OFFSET + 9 + idLength;
  if (data.length < frameLengthAt + 4) throw new SpoolFileError('truncated header');
  const frameLength = data.readUInt32BE(frameLengthAt);
  const frame = data.subarray(frameLengthAt + 4);
  if (frame.length !== frameLength) throw new SpoolFileError(`frame is ${frame.length} bytes, header says ${frameLength}`);
  return { seq, batchId: data.toString('utf8', BODY_OFFSET + 9, frameLengthAt), frame };
}
