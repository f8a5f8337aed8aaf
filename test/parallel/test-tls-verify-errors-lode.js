'use strict';
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');
const assert = require('assert');
const tls = require('tls');
const fixtures = require('../common/fixtures');

// Certificates that do not check out fail the client with OpenSSL's
// verdict as the error code; with rejectUnauthorized: false the client
// connects and the code is in authorizationError.

const read = (f) => fixtures.readKey(`../keys-lode/${f}`);

const cases = [
  // No trust in the issuer.
  { key: 'server-key.pem', cert: 'server-cert.pem', ca: undefined,
    code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
  // Self-signed leaf.
  { key: 'self-key.pem', cert: 'self-cert.pem', ca: 'ca-cert.pem',
    code: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
  // Expired.
  { key: 'server-key.pem', cert: 'expired-cert.pem', ca: 'ca-cert.pem',
    code: 'CERT_HAS_EXPIRED' },
];

function test({ key, cert, ca, code }, reject, next) {
  const server = tls.createServer({ key: read(key), cert: read(cert) },
                                  (socket) => socket.end());
  server.listen(0, common.mustCall(() => {
    const client = tls.connect({
      port: server.address().port,
      servername: 'localhost',
      ca: ca && read(ca),
      rejectUnauthorized: reject,
    });
    if (reject) {
      client.on('error', common.mustCall((err) => {
        assert.strictEqual(err.code, code);
        assert.strictEqual(typeof err.message, 'string');
        server.close(next);
      }));
    } else {
      client.on('secureConnect', common.mustCall(() => {
        assert.strictEqual(client.authorized, false);
        assert.strictEqual(client.authorizationError, code);
        client.end();
        server.close(next);
      }));
    }
  }));
}

let i = 0;
(function next() {
  const c = cases[Math.floor(i / 2)];
  if (c === undefined) return;
  test(c, i++ % 2 === 0, next);
})();
