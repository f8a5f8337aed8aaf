// Flags: --test-udp-no-try-send
'use strict';
const common = require('../common');
const assert = require('assert');
const dgram = require('dgram');

// Without the immediate send every datagram waits in libuv's queue: the
// queue counts them, and each callback gets its byte count once it went.

const server = dgram.createSocket('udp4');
const client = dgram.createSocket('udp4');
let got = 0;
server.on('message', common.mustCall(() => {
  if (++got === 2) {
    client.close();
    server.close();
  }
}, 2));
server.bind(0, '127.0.0.1', common.mustCall(() => {
  client.connect(server.address().port, '127.0.0.1', common.mustCall(() => {
    assert.strictEqual(client.getSendQueueCount(), 0);
    client.send('abc', common.mustSucceed((n) => assert.strictEqual(n, 3)));
    client.send('defg', common.mustSucceed((n) => assert.strictEqual(n, 4)));
    assert.strictEqual(client.getSendQueueCount(), 2);
    assert.strictEqual(client.getSendQueueSize(), 7);
  }));
}));
