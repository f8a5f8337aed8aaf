'use strict';
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');
const assert = require('assert');
const tls = require('tls');
const fixtures = require('../common/fixtures');

// getPeerCertificate() in Node's object format: name objects without a
// prototype, the alt names and AIA as text and object, fingerprints,
// Buffers; with `true` the chain up to the self-signed root, which links
// to itself.

const read = (f) => fixtures.readKey(`../keys-lode/${f}`);

const server = tls.createServer({
  key: read('server-key.pem'),
  cert: read('server-cert.pem'),
}, (socket) => socket.end());

server.listen(0, common.mustCall(() => {
  const client = tls.connect({
    port: server.address().port,
    ca: read('ca-cert.pem'),
    servername: 'localhost',
  }, common.mustCall(() => {
    const cert = client.getPeerCertificate(true);
    assert.strictEqual(Object.getPrototypeOf(cert.subject), null);
    assert.deepStrictEqual({ ...cert.subject },
                           { C: 'NL', O: 'lode tests', OU: 'server',
                             CN: 'localhost' });
    assert.strictEqual(cert.issuer.CN, 'lode test CA');
    assert.strictEqual(cert.subjectaltname,
                       'DNS:localhost, DNS:*.lode.test, ' +
                       'IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    assert.deepStrictEqual({ ...cert.infoAccess }, {
      'OCSP - URI': ['http://ocsp.lode.test/'],
      'CA Issuers - URI': ['http://ca.lode.test/ca.pem'],
    });
    assert.strictEqual(cert.ca, false);
    assert.strictEqual(cert.bits, 2048);
    assert.strictEqual(cert.exponent, '0x10001');
    assert.match(cert.modulus, /^[0-9A-F]{512}$/);
    assert.ok(Buffer.isBuffer(cert.pubkey));
    assert.ok(Buffer.isBuffer(cert.raw));
    assert.match(cert.fingerprint, /^([0-9A-F]{2}:){19}[0-9A-F]{2}$/);
    assert.match(cert.fingerprint256, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    assert.match(cert.fingerprint512, /^([0-9A-F]{2}:){63}[0-9A-F]{2}$/);
    assert.deepStrictEqual(cert.ext_key_usage, ['1.3.6.1.5.5.7.3.1']);
    assert.strictEqual(cert.serialNumber, '1001');
    assert.match(cert.valid_to,
                 /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT$/);
    assert.strictEqual(cert.asn1Curve, undefined);

    const root = cert.issuerCertificate;
    assert.strictEqual(root.subject.CN, 'lode test CA');
    assert.strictEqual(root.ca, true);
    assert.strictEqual(root.issuerCertificate, root);

    // Without `true`: no chain.
    assert.strictEqual(client.getPeerCertificate().issuerCertificate,
                       undefined);
    // The own certificate of a client without one: an empty object.
    assert.deepStrictEqual(client.getCertificate(), {});
    client.end();
    server.close();
  }));
}));
