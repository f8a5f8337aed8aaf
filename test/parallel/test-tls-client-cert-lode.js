'use strict';
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');
const assert = require('assert');
const tls = require('tls');
const fixtures = require('../common/fixtures');

// requestCert: the server asks for a client certificate and checks it
// against its `ca`; with rejectUnauthorized a client without a valid one
// is turned away, without it the socket is only marked unauthorized.

const read = (f) => fixtures.readKey(`../keys-lode/${f}`);
const serverOptions = {
  key: read('server-key.pem'), cert: read('server-cert.pem'),
  ca: read('ca-cert.pem'), requestCert: true,
};
const clientCreds = { key: read('client-key.pem'),
                      cert: read('client-cert.pem') };

function run(rejectUnauthorized, creds) {
  return new Promise((resolve) => {
    const server = tls.createServer({ ...serverOptions, rejectUnauthorized },
                                    (s) => {
                                      resolve({ authorized: s.authorized,
                                                error: s.authorizationError,
                                                peer: s.getPeerCertificate() });
                                      s.end();
                                    });
    server.on('tlsClientError', (err) => resolve({ tlsClientError: err }));
    server.listen(0, () => {
      const client = tls.connect({ port: server.address().port,
                                   rejectUnauthorized: false, ...creds });
      client.on('error', () => {});
      client.on('close', () => server.close());
      client.resume();
    });
  });
}

(async () => {
  let r = await run(true, clientCreds);
  assert.strictEqual(r.authorized, true);
  assert.strictEqual(r.peer.subject.CN, 'lode client');

  r = await run(false, {});
  assert.strictEqual(r.authorized, false);
  assert.strictEqual(r.error, 'UNABLE_TO_GET_ISSUER_CERT');
  assert.deepStrictEqual(r.peer, {});

  r = await run(false, { key: read('self-key.pem'),
                         cert: read('self-cert.pem') });
  assert.strictEqual(r.authorized, false);
  assert.strictEqual(r.error, 'DEPTH_ZERO_SELF_SIGNED_CERT');

  // Rejected during the handshake: no certificate at all.
  r = await run(true, {});
  assert.match(r.tlsClientError.message, /peer did not return a certificate/);
  assert.strictEqual(r.tlsClientError.code,
                     'ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE');
})().then(common.mustCall());
