'use strict';

// The two wire formats of a child_process IPC channel, picked by the
// `serialization` option of fork()/spawn():
//   json      one JSON text per message, each ended by '\n';
//   advanced  a 4-byte big-endian length, then the message as V8's
//             ValueSerializer writes it (internalBinding('messaging')).
// Each format has
//   initMessageChannel(channel)            sets up the reading state;
//   parseChannelMessages(channel, bytes, onMessage)
//                                          calls onMessage for every message
//                                          complete after `bytes` and sets
//                                          channel.buffering while a part of
//                                          one is held back;
//   writeChannelMessage(channel, req, message, handle) -> err.

const {
  ArrayPrototypePush,
  JSONParse,
  JSONStringify,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  Symbol,
  TypedArrayPrototypeSet,
  TypedArrayPrototypeSubarray,
} = primordials;

const {
  serializeMessage,
  deserializeMessage,
} = internalBinding('messaging');
const { FastBuffer } = require('internal/buffer');

const kJSONBuffer = Symbol('kJSONBuffer');
const kStringDecoder = Symbol('kStringDecoder');
const kChunks = Symbol('kChunks');
const kChunksSize = Symbol('kChunksSize');

let StringDecoder;

const json = {
  initMessageChannel(channel) {
    channel[kJSONBuffer] = '';
    channel[kStringDecoder] = undefined;
  },

  parseChannelMessages(channel, bytes, onMessage) {
    if (bytes.length === 0) return;
    if (channel[kStringDecoder] === undefined) {
      StringDecoder ??= require('string_decoder').StringDecoder;
      channel[kStringDecoder] = new StringDecoder('utf8');
    }
    let text = channel[kJSONBuffer] + channel[kStringDecoder].write(
      new FastBuffer(bytes.buffer, bytes.byteOffset, bytes.length));
    channel[kJSONBuffer] = '';
    let end;
    while ((end = StringPrototypeIndexOf(text, '\n')) !== -1) {
      const line = StringPrototypeSlice(text, 0, end);
      text = StringPrototypeSlice(text, end + 1);
      // What is left stays buffered if a message throws.
      channel[kJSONBuffer] = text;
      onMessage(JSONParse(line));
    }
    channel[kJSONBuffer] = text;
    channel.buffering = text.length !== 0;
  },

  writeChannelMessage(channel, req, message, handle) {
    const text = `${JSONStringify(message)}\n`;
    return channel.writeUtf8String(req, text, handle);
  },
};

// The byte at `index` of the list of chunks.
function byteAt(chunks, index) {
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    if (index < chunk.length) return chunk[index];
    index -= chunk.length;
  }
  return 0;
}

function concat(chunks, size) {
  if (chunks.length === 1) return chunks[0];
  const out = new FastBuffer(size);
  let offset = 0;
  for (let i = 0; i < chunks.length; i++) {
    TypedArrayPrototypeSet(out, chunks[i], offset);
    offset += chunks[i].length;
  }
  return out;
}

const advanced = {
  initMessageChannel(channel) {
    channel[kChunks] = [];
    channel[kChunksSize] = 0;
    channel.buffering = false;
  },

  parseChannelMessages(channel, bytes, onMessage) {
    if (bytes.length === 0) return;
    ArrayPrototypePush(channel[kChunks], bytes);
    channel[kChunksSize] += bytes.length;
    while (channel[kChunksSize] >= 4) {
      const chunks = channel[kChunks];
      const size = (byteAt(chunks, 0) * 0x1000000) +
        ((byteAt(chunks, 1) << 16) | (byteAt(chunks, 2) << 8) |
         byteAt(chunks, 3));
      const total = channel[kChunksSize];
      if (total < 4 + size) break;
      // Only now, with the whole message in, are the chunks joined.
      const all = concat(chunks, total);
      const rest = TypedArrayPrototypeSubarray(all, 4 + size);
      channel[kChunks] = rest.length > 0 ? [rest] : [];
      channel[kChunksSize] = rest.length;
      channel.buffering = rest.length > 0;
      const body = TypedArrayPrototypeSubarray(all, 4, 4 + size);
      onMessage(deserializeMessage(body, FastBuffer.prototype));
    }
    channel.buffering = channel[kChunksSize] > 0;
  },

  writeChannelMessage(channel, req, message, handle) {
    const data = serializeMessage(message, FastBuffer.prototype);
    return channel.writeBuffer(req, data, handle);
  },
};

module.exports = { json, advanced };
