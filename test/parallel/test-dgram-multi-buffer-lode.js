'use strict';
const common = require('../common');
const assert = require('assert');
const dgram = require('dgram');

// A list of chunks (Buffers, strings, typed arrays, DataViews) goes out as
// one datagram; an empty list as an empty datagram; offset/length send a
// slice.

const expected = ['ab' + 'cd' + 'ef' + 'gh', '', 'ell'];
const server = dgram.createSocket('udp4');
const client = dgram.createSocket('udp4');

server.on('message', common.mustCall((msg, rinfo) => {
  assert.strictEqual(msg.toString(), expected.shift());
  assert.strictEqual(rinfo.size, msg.length);
  if (expected.length === 0) {
    client.close();
    server.close();
  }
}, 3));

server.bind(0, '127.0.0.1', common.mustCall(() => {
  const port = server.address().port;
  const view = new DataView(new ArrayBuffer(2));
  view.setUint8(0, 0x67);
  view.setUint8(1, 0x68);
  const list = [Buffer.from('ab'), 'cd', new Uint8Array([0x65, 0x66]), view];
  client.send(list, port, '127.0.0.1', common.mustSucceed((bytes) => {
    assert.strictEqual(bytes, 8);
    client.send([], port, '127.0.0.1', common.mustSucceed((bytes) => {
      assert.strictEqual(bytes, 0);
      client.send('hello', 1, 3, port, '127.0.0.1', common.mustSucceed());
    }));
  }));
}));
