'use strict';
// http2.performServerHandshake(socket[, options]) makes a server session on
// a stream the caller already has; a socket that has a session already is
// refused with ERR_HTTP2_SOCKET_BOUND.
const common = require('../common');
const assert = require('assert');
const http2 = require('http2');
const { Duplex, duplexPair } = require('stream');

const [clientSide, serverSide] = duplexPair();
const session = http2.performServerHandshake(serverSide, {
  settings: { maxConcurrentStreams: 7 },
});
assert.strictEqual(session.constructor.name, 'ServerHttp2Session');
assert.strictEqual(session.server, undefined);
session.on('stream', common.mustCall((stream, headers) => {
  assert.strictEqual(headers[':path'], '/there');
  stream.respond();
  stream.end('hi');
}));

const client = http2.connect('http://example.com', {
  createConnection: () => clientSide,
});
client.on('remoteSettings', common.mustCall((settings) => {
  assert.strictEqual(settings.maxConcurrentStreams, 7);
}));
const req = client.request({ ':path': '/there' });
req.setEncoding('utf8');
let body = '';
req.on('data', (chunk) => body += chunk);
req.on('end', common.mustCall(() => {
  assert.strictEqual(body, 'hi');
  client.close();
  session.close();
}));

const socket = new Duplex({ read() {}, write() {} });
http2.performServerHandshake(socket);
assert.throws(() => http2.performServerHandshake(socket), {
  code: 'ERR_HTTP2_SOCKET_BOUND',
  message: 'The socket is already bound to an Http2Session',
});
assert.throws(() => http2.performServerHandshake(new Duplex(), 1),
              { code: 'ERR_INVALID_ARG_TYPE' });
// Not a socket: a TypeError now, and nothing left to fail later.
assert.throws(() => http2.performServerHandshake({}), TypeError);
