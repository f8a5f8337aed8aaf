'use strict';
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');
const assert = require('assert');
const tls = require('tls');
const fixtures = require('../common/fixtures');

// A client that trusts the server's CA connects, is authorized, and both
// sides exchange data over TLS 1.3 by default.

const key = fixtures.readKey('../keys-lode/server-key.pem');
const cert = fixtures.readKey('../keys-lode/server-cert.pem');
const ca = fixtures.readKey('../keys-lode/ca-cert.pem');

const server = tls.createServer({ key, cert }, common.mustCall((socket) => {
  assert.strictEqual(socket.encrypted, true);
  assert.strictEqual(socket.authorized, false);
  assert.strictEqual(socket.getProtocol(), 'TLSv1.3');
  socket.setEncoding('utf8');
  socket.on('data', common.mustCall((data) => {
    assert.strictEqual(data, 'ping');
    socket.end('pong');
  }));
}));

server.listen(0, common.mustCall(() => {
  const client = tls.connect({
    port: server.address().port,
    host: 'localhost',
    ca,
  }, common.mustCall(() => {
    assert.strictEqual(client.authorized, true);
    assert.strictEqual(client.authorizationError, null);
    assert.strictEqual(client.getProtocol(), 'TLSv1.3');
    const cipher = client.getCipher();
    assert.strictEqual(cipher.version, 'TLSv1.3');
    assert.match(cipher.name, /^TLS_/);
    assert.strictEqual(cipher.standardName, cipher.name);
    assert.strictEqual(client.alpnProtocol, false);
    assert.strictEqual(client.isSessionReused(), false);
    client.write('ping');
  }));
  let received = '';
  client.setEncoding('utf8');
  client.on('data', (d) => { received += d; });
  client.on('end', common.mustCall(() => {
    assert.strictEqual(received, 'pong');
    server.close();
  }));
}));
