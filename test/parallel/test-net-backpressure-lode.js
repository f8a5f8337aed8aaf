'use strict';
const common = require('../common');
const assert = require('assert');
const net = require('net');

// write() returns false when the peer does not read, 'drain' follows once it
// does; pause() on the receiving side holds data back without losing any.

const chunk = Buffer.alloc(256 * 1024, 'z');
const count = 32;

const server = net.createServer(common.mustCall((sock) => {
  sock.pause();
  let received = 0;
  setTimeout(() => {
    sock.on('data', (d) => { received += d.length; });
    sock.resume();
  }, 50);
  sock.on('end', common.mustCall(() => {
    assert.strictEqual(received, chunk.length * count);
    sock.end();
  }));
}));

server.listen(0, common.mustCall(() => {
  const client = net.connect(server.address().port);
  let written = 0;
  let sawFalse = false;
  function write() {
    while (written < count) {
      written++;
      if (!client.write(chunk)) {
        sawFalse = true;
        client.once('drain', write);
        return;
      }
    }
    client.end();
  }
  write();
  client.resume();
  client.on('close', common.mustCall(() => {
    assert.strictEqual(sawFalse, true);
    assert.strictEqual(client.bytesWritten, chunk.length * count);
    server.close();
  }));
}));
