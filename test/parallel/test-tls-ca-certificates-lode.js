'use strict';
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');
const assert = require('assert');
const tls = require('tls');
const fixtures = require('../common/fixtures');

// tls.rootCertificates and tls.getCACertificates(): frozen lists of PEM
// strings; tls.setDefaultCACertificates() replaces what connections
// without a `ca` trust.

const roots = tls.rootCertificates;
assert.ok(Object.isFrozen(roots));
assert.strictEqual(roots, tls.rootCertificates);
assert.strictEqual(tls.getCACertificates('bundled'), roots);
assert.strictEqual(tls.getCACertificates(), tls.getCACertificates('default'));
for (const pem of roots) {
  assert.match(pem,
               /^-----BEGIN CERTIFICATE-----\n[^]*\n-----END CERTIFICATE-----$/);
}
assert.strictEqual(new Set(roots).size, roots.length);
assert.ok(Array.isArray(tls.getCACertificates('extra')));
assert.ok(Array.isArray(tls.getCACertificates('system')));
assert.throws(() => tls.getCACertificates('nope'),
              { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => tls.getCACertificates(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => tls.setDefaultCACertificates('x'),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => tls.setDefaultCACertificates(['no certificate here']),
              { code: 'ERR_CRYPTO_OPERATION_FAILED' });

// With our CA as the default, a client trusts the server without `ca`.
const ca = fixtures.readKey('../keys-lode/ca-cert.pem', 'utf8');
tls.setDefaultCACertificates([ca]);
assert.strictEqual(tls.getCACertificates('default').length, 1);
const server = tls.createServer({
  key: fixtures.readKey('../keys-lode/server-key.pem'),
  cert: fixtures.readKey('../keys-lode/server-cert.pem'),
}, (s) => s.end());
server.listen(0, common.mustCall(() => {
  const client = tls.connect({ port: server.address().port,
                               servername: 'localhost' },
                             common.mustCall(() => {
                               assert.strictEqual(client.authorized, true);
                               client.end();
                               server.close();
                             }));
}));
