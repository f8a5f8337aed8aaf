'use strict';

// stream/consumers: read a whole stream (a Node stream, a ReadableStream or
// any async iterable) into one value.

const {
  ArrayPrototypePush,
  JSONParse,
} = primordials;

const { TextDecoder } = require('internal/encoding');
const { Blob } = require('internal/blob');
const { Buffer } = require('buffer');

async function blob(stream) {
  const chunks = [];
  for await (const chunk of stream) {
    ArrayPrototypePush(chunks, chunk);
  }
  return new Blob(chunks);
}

async function arrayBuffer(stream) {
  const result = await blob(stream);
  return result.arrayBuffer();
}

async function buffer(stream) {
  return Buffer.from(await arrayBuffer(stream));
}

async function text(stream) {
  const decoder = new TextDecoder();
  let result = '';
  for await (const chunk of stream) {
    if (typeof chunk === 'string') {
      result += chunk;
    } else {
      result += decoder.decode(chunk, { stream: true });
    }
  }
  // The end of the input: what the decoder still holds.
  result += decoder.decode(undefined, { stream: false });
  return result;
}

async function json(stream) {
  const string = await text(stream);
  return JSONParse(string);
}

module.exports = {
  arrayBuffer,
  blob,
  buffer,
  text,
  json,
};
