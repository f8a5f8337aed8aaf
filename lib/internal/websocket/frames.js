'use strict';

// RFC 6455 framing, shared by the WebSocket client (internal/websocket)
// and the debugger's protocol client (internal/debugger/inspect_client).
// Clients mask every frame they send; decodeFrame() reads one frame and
// says whether it was masked, so that a client can refuse masked frames.

const {
  MathFloor,
} = primordials;

const { Buffer } = require('buffer');

const kOpContinuation = 0x0;
const kOpText = 0x1;
const kOpBinary = 0x2;
const kOpClose = 0x8;
const kOpPing = 0x9;
const kOpPong = 0xA;

// Mask keys come from a pool refilled 1024 at a time, so that a frame
// does not cost a call into the random generator of its own.
const kMaskPoolSize = 4096;
let maskPool = null;
let maskOffset = kMaskPoolSize;

// A masked client frame (FIN set) with room for `length` payload bytes:
// the header and mask key are written, the payload goes at
// frame.length - length and is masked by maskPayload().
function allocFrame(opcode, length) {
  let headerLength;
  if (length < 126) {
    headerLength = 2;
  } else if (length < 0x10000) {
    headerLength = 4;
  } else {
    headerLength = 10;
  }
  const frame = Buffer.allocUnsafe(headerLength + 4 + length);
  frame[0] = 0x80 | opcode;
  if (headerLength === 2) {
    frame[1] = 0x80 | length;
  } else if (headerLength === 4) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeUInt32BE(MathFloor(length / 0x100000000), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  if (maskOffset === kMaskPoolSize) {
    maskPool ??= Buffer.allocUnsafe(kMaskPoolSize);
    // crypto is loaded here, not at startup.
    require('crypto').randomFillSync(maskPool);
    maskOffset = 0;
  }
  frame[headerLength] = maskPool[maskOffset];
  frame[headerLength + 1] = maskPool[maskOffset + 1];
  frame[headerLength + 2] = maskPool[maskOffset + 2];
  frame[headerLength + 3] = maskPool[maskOffset + 3];
  maskOffset += 4;
  return frame;
}

// Where a client frame's mask key starts (after a 2, 4 or 10 byte header:
// the second byte says which, the mask bit being set).
function maskKeyOffset(frame) {
  return frame[1] === 0xFF ? 10 : frame[1] === 0xFE ? 4 : 2;
}

// Where a client frame's payload starts (after the header and mask key).
function payloadOffset(frame) {
  return maskKeyOffset(frame) + 4;
}

// The Sec-WebSocket-Accept value a server answers `key` with (RFC 6455
// 4.2.2), for each client's handshake check.
const kWebSocketGuid = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
let crypto;
function acceptKey(key) {
  crypto ??= require('crypto');
  return crypto.createHash('sha1').update(key + kWebSocketGuid)
    .digest('base64');
}

// Masks the payload allocFrame() left room for, in place.
function maskPayload(frame) {
  const length = frame.length;
  const keyOffset = maskKeyOffset(frame);
  const m0 = frame[keyOffset];
  const m1 = frame[keyOffset + 1];
  const m2 = frame[keyOffset + 2];
  const m3 = frame[keyOffset + 3];
  let i = keyOffset + 4;
  for (; i + 3 < length; i += 4) {
    frame[i] ^= m0;
    frame[i + 1] ^= m1;
    frame[i + 2] ^= m2;
    frame[i + 3] ^= m3;
  }
  const start = keyOffset + 4;
  for (; i < length; i++) frame[i] ^= frame[keyOffset + ((i - start) & 3)];
  return frame;
}

// One masked client frame (FIN set) carrying `payload` (a Uint8Array).
function encodeFrame(opcode, payload) {
  const length = payload.length;
  const frame = allocFrame(opcode, length);
  frame.set(payload, frame.length - length);
  return maskPayload(frame);
}

// One masked client frame carrying `string` in UTF-8 (lone surrogates
// become U+FFFD, as the USVString conversion would make them), encoded
// straight into the frame.
function encodeTextFrame(opcode, string) {
  const length = Buffer.byteLength(string, 'utf8');
  const frame = allocFrame(opcode, length);
  frame.utf8Write(string, frame.length - length, length);
  return maskPayload(frame);
}

// The header of the frame at the start of `buffer`: null when `buffer`
// does not hold all of it yet, else { fin, rsv (the three bits), opcode,
// masked, mask (4 bytes or null), length (of the payload), offset (where
// the payload starts) }. A length beyond 2^53 - 1 comes back as -1.
function decodeHeader(buffer) {
  if (buffer.length < 2) return null;
  const b0 = buffer[0];
  const b1 = buffer[1];
  const masked = (b1 & 0x80) !== 0;
  let length = b1 & 0x7F;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return null;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return null;
    const high = buffer.readUInt32BE(2);
    length = high > 0x1FFFFF ? -1 :
      high * 0x100000000 + buffer.readUInt32BE(6);
    offset = 10;
  }
  let mask = null;
  if (masked) {
    if (buffer.length < offset + 4) return null;
    mask = buffer.subarray(offset, offset + 4);
    offset += 4;
  }
  return {
    fin: (b0 & 0x80) !== 0,
    rsv: (b0 >> 4) & 0x7,
    opcode: b0 & 0x0F,
    masked,
    mask,
    length,
    offset,
  };
}

// One whole frame from the start of `buffer`, or null when it is
// incomplete: the header's fields plus `payload` (unmasked, a copy) and
// `size` (the bytes the frame takes).
function decodeFrame(buffer) {
  const header = decodeHeader(buffer);
  if (header === null || header.length < 0) return null;
  const { offset, length, mask } = header;
  if (buffer.length < offset + length) return null;
  const payload = Buffer.from(buffer.subarray(offset, offset + length));
  if (mask !== null) {
    for (let i = 0; i < length; i++) payload[i] ^= mask[i & 3];
  }
  header.payload = payload;
  header.size = offset + length;
  return header;
}

module.exports = {
  acceptKey,
  decodeFrame,
  decodeHeader,
  encodeFrame,
  encodeTextFrame,
  kOpBinary,
  kOpClose,
  kOpContinuation,
  kOpPing,
  kOpPong,
  kOpText,
  payloadOffset,
};
