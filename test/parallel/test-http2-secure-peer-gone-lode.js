// Flags: --expose-internals
'use strict';
// A TLS http2 server whose client drops its connection without a word
// still closes: the session's GOAWAY and the close_notify after it cannot
// be written once the client's reset has come back, and end() used to
// wait for them for ever (server.close() never called back).
const common = require('../common');
const fixtures = require('../common/fixtures');
const assert = require('assert');
const http2 = require('http2');
const { kSocket } = require('internal/http2/util');

const read = (f) => fixtures.readKey(`../keys-lode/${f}`);

const server = http2.createSecureServer({
  key: read('server-key.pem'),
  cert: read('server-cert.pem'),
});
server.on('stream', common.mustCall((stream) => {
  stream.respond();
  stream.end('body');
}));
server.on('secureConnection', common.mustCall((socket) => {
  socket.on('close', common.mustCall());
}));

const timer = setTimeout(() => assert.fail('the server never closed'), 5000);

server.listen(0, common.mustCall(() => {
  const client = http2.connect(`https://localhost:${server.address().port}`,
                               { rejectUnauthorized: false });
  client.on('error', () => {});
  const req = client.request();
  req.resume();
  req.on('end', common.mustCall(() => {
    server.close(common.mustSucceed(() => clearTimeout(timer)));
    client[kSocket].destroy();
  }));
}));
