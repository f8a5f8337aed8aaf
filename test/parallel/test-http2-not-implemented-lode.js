'use strict';
// What lode's http2 does not do yet throws ERR_NOT_IMPLEMENTED naming it
// (doc/status.md) instead of silently doing nothing.
const common = require('../common');
const assert = require('assert');
const http2 = require('http2');

const notImplemented = { code: 'ERR_NOT_IMPLEMENTED', name: 'Error' };
const server = http2.createServer();
server.on('session', common.mustCall((session) => {
  assert.throws(() => session.altsvc('h2=":8000"', 'https://example.org'),
                notImplemented);
  assert.throws(() => session.origin('https://example.org'), notImplemented);
}));
server.on('stream', common.mustCall((stream) => {
  stream.respond();
  stream.end('body');
}));
server.listen(0, common.mustCall(() => {
  const client = http2.connect(`http://localhost:${server.address().port}`);
  const req = client.request();
  req.resume();
  req.on('end', common.mustCall(() => {
    client.close();
    server.close();
  }));
}));
