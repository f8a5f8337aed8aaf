// Flags: --expose-internals
'use strict';
// A socket over a JS stream (JSStreamSocket, what tls wraps a non-socket
// duplex in) writes strings as the libuv streams do: 'ascii' keeps the
// low byte of each character as 'latin1' does (no masking to 7 bits).
const common = require('../common');
const assert = require('assert');
const { Duplex } = require('stream');
const JSStreamSocket = require('internal/js_stream_socket');

const chunks = [];
const duplex = new Duplex({
  read() {},
  write(chunk, encoding, callback) {
    chunks.push(chunk.toString('hex'));
    callback();
  },
});
const socket = new JSStreamSocket(duplex);
socket.write('\u00e9A', 'ascii');
socket.write('\u00e9A', 'latin1');
socket.write('h\u00e9', 'utf8');
socket.write('\u00e9', 'ucs2');
setTimeout(common.mustCall(() => {
  assert.deepStrictEqual(chunks, ['e941', 'e941', '68c3a9', 'e900']);
}), 50);
