'use strict';
const common = require('../common');
const assert = require('assert');
const dgram = require('dgram');

// A connected socket sends without an address, knows its peer, refuses a
// second connect and a send with a port, and can disconnect again.

const server = dgram.createSocket('udp4');
const client = dgram.createSocket('udp4');
const received = [];

server.on('message', common.mustCall((msg) => {
  received.push(msg.toString());
  if (received.length === 2) {
    assert.deepStrictEqual(received, ['one', 'two']);
    client.close();
    server.close();
  }
}, 2));

server.bind(0, '127.0.0.1', common.mustCall(() => {
  const port = server.address().port;
  assert.throws(() => client.remoteAddress(),
                { code: 'ERR_SOCKET_DGRAM_NOT_CONNECTED' });
  client.connect(port, '127.0.0.1', common.mustCall((err) => {
    assert.strictEqual(err, undefined);
    assert.deepStrictEqual(client.remoteAddress(),
                           { address: '127.0.0.1', family: 'IPv4', port });
    assert.throws(() => client.connect(port),
                  { code: 'ERR_SOCKET_DGRAM_IS_CONNECTED',
                    message: 'Already connected' });
    assert.throws(() => client.send('x', 0, 1, port, '127.0.0.1'),
                  { code: 'ERR_SOCKET_DGRAM_IS_CONNECTED' });
    client.send('one', common.mustSucceed((bytes) => {
      assert.strictEqual(bytes, 3);
      client.disconnect();
      assert.throws(() => client.disconnect(),
                    { code: 'ERR_SOCKET_DGRAM_NOT_CONNECTED',
                      message: 'Not connected' });
      client.send('two', port, '127.0.0.1', common.mustSucceed());
    }));
  }));
}));

// A connect to a name that does not resolve reports to its callback.
const lost = dgram.createSocket('udp4');
lost.connect(9, 'nowhere.invalid', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ENOTFOUND');
  assert.strictEqual(err.syscall, 'getaddrinfo');
  lost.close();
}));
