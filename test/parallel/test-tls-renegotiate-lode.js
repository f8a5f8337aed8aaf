'use strict';
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');
const assert = require('assert');
const tls = require('tls');
const fixtures = require('../common/fixtures');

// renegotiate() runs a new handshake on TLS 1.2; TLS 1.3 has none, and the
// callback gets OpenSSL's refusal. disableRenegotiation() makes a client's
// attempt an error on the server.

const read = (f) => fixtures.readKey(`../keys-lode/${f}`);
const creds = { key: read('server-key.pem'), cert: read('server-cert.pem') };

function pair(maxVersion, onServer) {
  const server = tls.createServer({ ...creds, maxVersion }, onServer);
  server.listen(0, () => {
    const client = tls.connect({ port: server.address().port,
                                 rejectUnauthorized: false });
    client.on('error', () => {});
    client.resume();
    server.on('close', () => client.destroy());
  });
  return server;
}

const s12 = pair('TLSv1.2', common.mustCall((socket) => {
  socket.on('error', common.mustNotCall());
  assert.strictEqual(socket.renegotiate({}, common.mustCall((err) => {
    assert.ifError(err);
    socket.end();
    s12.close();
  })), true);
}));

const s13 = pair('TLSv1.3', common.mustCall((socket) => {
  assert.strictEqual(socket.renegotiate({}, common.mustCall((err) => {
    assert.ok(err instanceof Error);
    assert.strictEqual(err.code, 'ERR_SSL_WRONG_SSL_VERSION');
    socket.end();
    s13.close();
  })), false);
  assert.throws(() => socket.renegotiate(null),
                { code: 'ERR_INVALID_ARG_TYPE' });
}));
