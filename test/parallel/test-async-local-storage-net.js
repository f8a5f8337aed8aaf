'use strict';
// Socket events run in the context the socket was made in; an accepted
// socket has none (as in Node), the server's 'connection' has the
// server's.
const common = require('../common');
const assert = require('assert');
const net = require('net');
const { AsyncLocalStorage } = require('async_hooks');

const als = new AsyncLocalStorage();

als.run('server', () => {
  const server = net.createServer(common.mustCall((socket) => {
    assert.strictEqual(als.getStore(), 'server');
    socket.on('data', common.mustCall(() => {
      assert.strictEqual(als.getStore(), undefined);
      socket.end('bye');
    }));
  }));
  server.listen(0, common.mustCall(() => {
    assert.strictEqual(als.getStore(), 'server');
    als.run('client', () => {
      const client = net.connect(server.address().port, common.mustCall(() => {
        assert.strictEqual(als.getStore(), 'client');
        client.write('hi', common.mustCall(() => {
          assert.strictEqual(als.getStore(), 'client');
        }));
      }));
      client.on('data', common.mustCall(() => {
        assert.strictEqual(als.getStore(), 'client');
      }));
      client.on('close', common.mustCall(() => {
        assert.strictEqual(als.getStore(), 'client');
        server.close();
      }));
    });
  }));
});
