'use strict';
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');
const assert = require('assert');
const tls = require('tls');
const fixtures = require('../common/fixtures');

// OCSP stapling: a client that asks (requestOCSP) makes the server emit
// 'OCSPRequest' with its certificate and issuer (DER); what the listener
// answers reaches the client's 'OCSPResponse' (the bytes are not checked
// here: real responses come from the CA's responder).

const read = (f) => fixtures.readKey(`../keys-lode/${f}`);
const RESPONSE = Buffer.from('not really an OCSP response');

const server = tls.createServer({
  key: read('server-key.pem'), cert: read('server-cert.pem'),
  ca: read('ca-cert.pem'),
}, (socket) => socket.end());
server.on('OCSPRequest', common.mustCall((cert, issuer, done) => {
  assert.ok(Buffer.isBuffer(cert));
  assert.ok(Buffer.isBuffer(issuer));
  assert.strictEqual(cert[0], 0x30);  // DER SEQUENCE
  setImmediate(done, null, RESPONSE);
}));

server.listen(0, common.mustCall(() => {
  const client = tls.connect({
    port: server.address().port,
    ca: read('ca-cert.pem'),
    servername: 'localhost',
    requestOCSP: true,
  }, common.mustCall(() => client.end()));
  client.on('OCSPResponse', common.mustCall((response) => {
    assert.deepStrictEqual(response, RESPONSE);
  }));
  client.on('close', common.mustCall(() => server.close()));
  client.resume();
}));
