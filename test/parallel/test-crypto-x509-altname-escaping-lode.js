'use strict';
// X509Certificate#subjectAltName / #infoAccess / toLegacyObject(): a name
// holding a comma (or another byte that would break the list) is quoted
// after its "DNS:" / "URI:" prefix with \uXXXX escapes, as Node 24 shows
// it, and the legacy infoAccess object has it unquoted, as
// getPeerCertificate() does. The certificate is made by the openssl tool.
const common = require('../common');
const assert = require('assert');
const { execFileSync } = require('child_process');
const fs = require('fs');
const { X509Certificate } = require('crypto');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const config = tmpdir.resolve('san.cnf');
fs.writeFileSync(config, `[req]
distinguished_name = dn
x509_extensions = ext
prompt = no
[dn]
CN = example
[ext]
subjectAltName = @alt
authorityInfoAccess = @aia
[alt]
DNS.1 = good.example.com, DNS:evil.example.com
DNS.2 = plain.example.com
URI.1 = http://example.com/a,b
IP.1 = 10.0.0.1
[aia]
OCSP;URI.1 = http://ocsp.example.com/a,b
caIssuers;URI.2 = http://ca.example.com/ca.cer
`);
try {
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30',
    '-keyout', tmpdir.resolve('key.pem'), '-out', tmpdir.resolve('cert.pem'),
    '-config', config,
  ], { stdio: 'ignore' });
} catch {
  common.skip('the openssl tool is needed to make the certificate');
}

const cert = new X509Certificate(fs.readFileSync(tmpdir.resolve('cert.pem')));
const altNames = 'DNS:"good.example.com\\u002c DNS:evil.example.com", ' +
  'DNS:plain.example.com, URI:"http://example.com/a\\u002cb", ' +
  'IP Address:10.0.0.1';
assert.strictEqual(cert.subjectAltName, altNames);
assert.strictEqual(cert.infoAccess,
                   'OCSP - URI:"http://ocsp.example.com/a\\u002cb"\n' +
                   'CA Issuers - URI:http://ca.example.com/ca.cer');
const legacy = cert.toLegacyObject();
assert.strictEqual(legacy.subjectaltname, altNames);
assert.deepStrictEqual(legacy.infoAccess, {
  '__proto__': null,
  'OCSP - URI': ['http://ocsp.example.com/a,b'],
  'CA Issuers - URI': ['http://ca.example.com/ca.cer'],
});
