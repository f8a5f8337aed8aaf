'use strict';
// X509Certificate over a CA and a leaf of test/fixtures/keys-lode: names,
// extensions, dates, fingerprints, checks, the legacy object, errors.
require('../common');
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const read = (name) =>
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'keys-lode', name));
const ca = new crypto.X509Certificate(read('crypto-ca-cert.pem'));
const leaf = new crypto.X509Certificate(read('crypto-leaf-cert.pem'));

assert.strictEqual(leaf.subject,
                   'C=US\nO=Lode\nCN=leaf.lode.test\nemailAddress=leaf@lode.test');
assert.strictEqual(leaf.issuer, 'C=US\nST=CA\nL=SF\nO=Lode\nOU=Crypto\nCN=Lode Test CA');
assert.strictEqual(leaf.subjectAltName,
                   'DNS:leaf.lode.test, DNS:*.wild.lode.test, IP Address:127.0.0.1, ' +
                   'IP Address:0:0:0:0:0:0:0:1, email:leaf@lode.test, URI:https://lode.test/');
assert.strictEqual(leaf.infoAccess, 'OCSP - URI:http://ocsp.lode.test/\n' +
                   'CA Issuers - URI:http://ca.lode.test/ca.pem');
assert.deepStrictEqual(leaf.keyUsage, ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
assert.strictEqual(leaf.serialNumber, '1A2B3C4D');
assert.strictEqual(leaf.signatureAlgorithm, 'sha256WithRSAEncryption');
assert.match(leaf.validFrom, /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT$/);
assert.strictEqual(leaf.validToDate.getTime() - leaf.validFromDate.getTime(),
                   36500 * 86400 * 1000);
assert.match(leaf.fingerprint256, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
assert.strictEqual(leaf.ca, false);
assert.strictEqual(ca.ca, true);
assert.strictEqual(leaf.publicKey.asymmetricKeyType, 'ec');
assert(Buffer.isBuffer(leaf.raw));
assert.strictEqual(new crypto.X509Certificate(leaf.raw).fingerprint512,
                   leaf.fingerprint512);
assert.strictEqual(leaf.toString(), read('crypto-leaf-cert.pem').toString());
assert.strictEqual(leaf.toJSON(), leaf.toString());

assert.strictEqual(leaf.checkHost('leaf.lode.test'), 'leaf.lode.test');
assert.strictEqual(leaf.checkHost('a.wild.lode.test'), '*.wild.lode.test');
assert.strictEqual(leaf.checkHost('a.wild.lode.test', { wildcards: false }), undefined);
assert.strictEqual(leaf.checkEmail('leaf@lode.test'), 'leaf@lode.test');
assert.strictEqual(leaf.checkIP('::1'), '::1');
assert.strictEqual(leaf.checkIP('10.0.0.1'), undefined);
assert(leaf.checkIssued(ca));
assert(!ca.checkIssued(leaf));
assert(leaf.verify(ca.publicKey));
assert(!leaf.verify(leaf.publicKey));
assert(leaf.checkPrivateKey(crypto.createPrivateKey(read('crypto-ec-p256-private.pem'))));

const legacy = ca.toLegacyObject();
assert.strictEqual(legacy.subject.CN, 'Lode Test CA');
assert.strictEqual(legacy.exponent, '0x10001');
assert.strictEqual(legacy.bits, 2048);
assert.deepStrictEqual(leaf.toLegacyObject().infoAccess['OCSP - URI'],
                       ['http://ocsp.lode.test/']);

assert.throws(() => new crypto.X509Certificate(Buffer.from('junk')), {
  code: 'ERR_OSSL_PEM_NO_START_LINE',
});
assert.throws(() => leaf.checkIP('[::]'), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => leaf.checkIssued({}), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => leaf.verify(crypto.createPrivateKey(read('crypto-ec-p256-private.pem'))), {
  code: 'ERR_INVALID_ARG_VALUE',
});
