'use strict';
// A server stream ended before respond() waits for it (no automatic
// response), as in Node; a pushed HEAD stream starts ended; a ping is an
// HTTP2PING async resource; a response's writable side has finished when
// 'finish' is emitted.
const common = require('../common');
const assert = require('assert');
const async_hooks = require('async_hooks');
const http2 = require('http2');

const pings = [];
async_hooks.createHook({
  init(id, type) { if (type === 'HTTP2PING') pings.push(id); },
}).enable();

const server = http2.createServer();
server.on('stream', common.mustCall((stream, headers) => {
  stream.end();
  setTimeout(common.mustCall(() => {
    assert.strictEqual(stream.headersSent, false);
    assert.strictEqual(stream.destroyed, false);
    stream.pushStream({ ':method': 'HEAD' }, common.mustCall((err, push) => {
      assert.ifError(err);
      assert.strictEqual(push.writableEnded, true);
      push.respond();
      stream.respond();
    }));
  }), 50);
}));
const compatServer = http2.createServer(common.mustCall((req, res) => {
  res.write('abc');
  res.end();
  res.on('finish', common.mustCall(() => {
    assert.strictEqual(res.writableFinished, true);
  }));
}));

server.listen(0, common.mustCall(() => {
  const client = http2.connect(`http://localhost:${server.address().port}`);
  client.on('connect', common.mustCall(() => {
    client.ping(common.mustCall((err) => {
      assert.ifError(err);
      assert.strictEqual(pings.length, 1);
    }));
  }));
  client.on('stream', common.mustCall((push) => {
    push.on('push', common.mustCall());
    push.resume();
  }));
  const req = client.request();
  req.on('response', common.mustCall((h) => assert.strictEqual(h[':status'], 200)));
  req.resume();
  // The request stays open: the server's end() alone does not close it.
  req.on('end', common.mustCall(() => req.close()));
  req.on('close', common.mustCall(() => {
    client.close();
    server.close();
    compatServer.listen(0, common.mustCall(() => {
      const port = compatServer.address().port;
      const compatClient = http2.connect(`http://localhost:${port}`);
      const compat = compatClient.request();
      compat.resume();
      compat.on('close', common.mustCall(() => {
        compatClient.close();
        compatServer.close();
      }));
    }));
  }));
}));
