'use strict';
// A client stream's events run in the async context of the request() call
// that made it, as in Node: AsyncLocalStorage gives each request's store
// in its 'response', 'data' and 'end' listeners, whatever store was active
// when the session was made; a server's 'stream' event runs in its
// session's (the store the server listened in).
const common = require('../common');
const assert = require('assert');
const http2 = require('http2');
const { AsyncLocalStorage } = require('async_hooks');

const storage = new AsyncLocalStorage();
const server = http2.createServer();
server.on('stream', common.mustCall((stream) => {
  // The server session's context: its socket's 'connection', made in the
  // store listen() ran in.
  assert.strictEqual(storage.getStore(), 'server');
  stream.respond();
  stream.end('body');
}, 3));

storage.run('server', () => server.listen(0, common.mustCall(() => {
  const client = storage.run('session', () =>
    http2.connect(`http://localhost:${server.address().port}`));
  let open = 3;
  for (const id of ['a', 'b', 'c']) {
    storage.run(id, () => {
      const req = client.request();
      req.on('response', common.mustCall(() => {
        assert.strictEqual(storage.getStore(), id);
      }));
      req.on('data', common.mustCall(() => {
        assert.strictEqual(storage.getStore(), id);
      }));
      req.on('end', common.mustCall(() => {
        assert.strictEqual(storage.getStore(), id);
        if (--open === 0) {
          client.close();
          server.close();
        }
      }));
    });
  }
})));
