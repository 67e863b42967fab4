import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { vigil } from '@vigil/proto';
import { DEFAULT_MAX_FRAME_BYTES } from '../protocol.js';
import { VigilError } from '../errors.js';

/**
 * A frame is one WebSocket binary message: one header byte naming the payload encoding,
 * then a protobuf envelope (AgentMessage or ServerMessage), optionally deflate-compressed.
 * The size limit applies to the frame as received and again to the decompressed payload,
 * so a small compressed frame cannot expand without bound.
 */
export const FRAME_PLAIN = 0;
export const FRAME_DEFLATE = 1;

export type AgentMessage = vigil.v1.AgentMessage;
export type ServerMessage = vigil.v1.ServerMessage;
export type AgentMessageInput = vigil.v1.IAgentMessage;
export type ServerMessageInput = vigil.v1.IServerMessage;

export interface CodecOptions {
  /** Largest frame accepted or produced, compressed and decompressed alike. */
  readonly maxFrameBytes?: number;
  /** Compress payloads at least this large; 0 disables compression. */
  readonly compressAboveBytes?: number;
}

const DEFAULT_COMPRESS_ABOVE = 4096;

function encodeFrame(payload: Uint8Array, options: CodecOptions): Buffer {
  const max = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  const threshold = options.compressAboveBytes ?? DEFAULT_COMPRESS_ABOVE;
  if (payload.length > max) {
    throw new VigilError('FRAME_TOO_LARGE', `Frame payload is ${payload.length} bytes; the limit is ${max}`);
  }
  if (threshold > 0 && payload.length >= threshold) {
    const compressed = deflateRawSync(payload);
    if (compressed.length < payload.length) return Buffer.concat([Buffer.of(FRAME_DEFLATE), compressed]);
  }
  return Buffer.concat([Buffer.of(FRAME_PLAIN), payload]);
}

function payloadOf(frame: Uint8Array, options: CodecOptions): Uint8Array {
  const max = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  if (frame.length > max + 1) {
    throw new VigilError('FRAME_TOO_LARGE', `Frame is ${frame.length} bytes; the limit is ${max}`);
  }
  if (frame.length < 2) throw new VigilError('FRAME_MALFORMED', 'Frame is empty');
  const body = frame.subarray(1);
  switch (frame[0]) {
    case FRAME_PLAIN:
      return body;
    case FRAME_DEFLATE:
      try {
        return inflateRawSync(body, { maxOutputLength: max });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new VigilError('FRAME_TOO_LARGE', `Decompressed frame exceeds the limit of ${max} bytes`);
        }
        throw new VigilError('FRAME_MALFORMED', 'Frame payload is not valid deflate data');
      }
    default:
      throw new VigilError('FRAME_MALFORMED', `Unknown frame encoding byte ${frame[0]}`);
  }
}

interface EnvelopeType<T> {
  decode(reader: Uint8Array): T;
}

function decodeEnvelope<T extends { kind?: string }>(type: EnvelopeType<T>, frame: Uint8Array, options: CodecOptions): T {
  const payload = payloadOf(frame, options);
  let message: T;
  try {
    message = type.decode(payload);
  } catch {
    throw new VigilError('FRAME_MALFORMED', 'Frame payload is not a valid protobuf message');
  }
  // Random bytes can parse as a message made only of unknown fields: without a known kind it is garbage.
  if (!message.kind) throw new VigilError('FRAME_MALFORMED', 'Frame holds no known message kind');
  return message;
}

/** Encodes an agent → server envelope into a frame. */
export function encodeAgentMessage(message: AgentMessageInput, options: CodecOptions = {}): Buffer {
  return encodeFrame(vigil.v1.AgentMessage.encode(message).finish(), options);
}

/** Decodes a frame into an agent → server envelope; throws FRAME_MALFORMED or FRAME_TOO_LARGE. */
export function decodeAgentMessage(frame: Uint8Array, options: CodecOptions = {}): AgentMessage {
  return decodeEnvelope(vigil.v1.AgentMessage, frame, options);
}

/** Encodes a server → agent envelope into a frame. */
export function encodeServerMessage(message: ServerMessageInput, options: CodecOptions = {}): Buffer {
  return encodeFrame(vigil.v1.ServerMessage.encode(message).finish(), options);
}

/** Decodes a frame into a server → agent envelope; throws FRAME_MALFORMED or FRAME_TOO_LARGE. */
export function decodeServerMessage(frame: Uint8Array, options: CodecOptions = {}): ServerMessage {
  return decodeEnvelope(vigil.v1.ServerMessage, frame, options);
}

/** Plain-JSON view of an agent envelope (for `vigil-agent test` output and logs). */
export function agentMessageToJson(message: AgentMessageInput): Record<string, unknown> {
  const typed = message instanceof vigil.v1.AgentMessage ? message : vigil.v1.AgentMessage.fromObject(message);
  return vigil.v1.AgentMessage.toObject(typed, { enums: String, longs: Number, defaults: true, oneofs: true });
}
