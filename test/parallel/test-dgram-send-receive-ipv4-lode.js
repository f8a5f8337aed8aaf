'use strict';
const common = require('../common');
const assert = require('assert');
const dgram = require('dgram');

// A datagram sent to a socket bound on 127.0.0.1 arrives whole, as a
// Buffer, with the sender's address in rinfo.

const server = dgram.createSocket('udp4');
const client = dgram.createSocket('udp4');

server.on('message', common.mustCall((msg, rinfo) => {
  assert(Buffer.isBuffer(msg));
  assert.strictEqual(msg.toString(), 'hello over udp4');
  assert.strictEqual(rinfo.address, '127.0.0.1');
  assert.strictEqual(rinfo.family, 'IPv4');
  assert.strictEqual(rinfo.port, client.address().port);
  assert.strictEqual(rinfo.size, msg.length);
  client.close();
  server.close();
}));

server.bind(0, '127.0.0.1', common.mustCall(() => {
  const addr = server.address();
  assert.deepStrictEqual(Object.keys(addr), ['address', 'family', 'port']);
  assert.strictEqual(addr.address, '127.0.0.1');
  assert.strictEqual(addr.family, 'IPv4');
  assert(addr.port > 0);
  // An unbound socket binds itself on the first send.
  client.send('hello over udp4', addr.port, '127.0.0.1',
              common.mustSucceed((bytes) => {
                assert.strictEqual(bytes, 15);
              }));
}));
