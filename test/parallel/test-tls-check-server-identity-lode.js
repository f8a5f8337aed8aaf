'use strict';
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');
const assert = require('assert');
const tls = require('tls');

// tls.checkServerIdentity(host, cert): undefined when the certificate names
// the host (RFC 6125 wildcards), else an ERR_TLS_CERT_ALTNAME_INVALID error
// with the reason, host and certificate.

const ok = (host, cert) => assert.strictEqual(
  tls.checkServerIdentity(host, cert), undefined, `${host} should match`);
const bad = (host, cert, reason) => {
  const err = tls.checkServerIdentity(host, cert);
  assert.ok(err instanceof Error, `${host} should not match`);
  assert.strictEqual(err.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
  assert.strictEqual(err.host, host.replace(/\.$/, ''));
  assert.strictEqual(err.cert, cert);
  if (reason) assert.strictEqual(err.reason, reason);
  assert.strictEqual(err.message,
                     `Hostname/IP does not match certificate's altnames: ${
                       err.reason}`);
};

const dns = { subjectaltname: 'DNS:a.example.com, DNS:*.b.example.com' };
ok('a.example.com', dns);
ok('A.EXAMPLE.COM.', dns);
ok('x.b.example.com', dns);
bad('x.y.b.example.com', dns);
bad('b.example.com', dns,
    "Host: b.example.com. is not in the cert's altnames: " +
    'DNS:a.example.com, DNS:*.b.example.com');

// A wildcard never covers a top-level domain, nor a punycode label.
bad('example.com', { subjectaltname: 'DNS:*.com' });
bad('xn--a.example.com', { subjectaltname: 'DNS:xn--*.example.com' });
ok('foobar.example.com', { subjectaltname: 'DNS:foo*.example.com' });

// The CN counts only without DNS names.
ok('cn.example.com', { subject: { CN: 'cn.example.com' } });
bad('cn.example.com', { subject: { CN: 'cn.example.com' },
                        subjectaltname: 'DNS:other.example.com' });
ok('two.example.com', { subject: { CN: ['one.example.com',
                                        'two.example.com'] } });
bad('none.example.com', {}, 'Cert does not contain a DNS name');

// IP addresses compare in canonical form, against IP names only.
const ips = { subjectaltname: 'IP Address:127.0.0.1, ' +
                              'IP Address:0:0:0:0:0:0:0:1, DNS:localhost' };
ok('127.0.0.1', ips);
ok('::1', ips);
bad('127.0.0.2', ips,
    "IP: 127.0.0.2 is not in the cert's list: 127.0.0.1, ::1");
bad('10.0.0.1', { subject: { CN: '10.0.0.1' } });

// A quoted (escaped) name is one name, commas included.
ok('a.example.com', { subjectaltname: 'DNS:"evil.com, DNS:x.com", ' +
                                      'DNS:a.example.com' });
assert.throws(() => tls.checkServerIdentity('a.com',
                                            { subjectaltname: 'DNS:"bad' }),
              { code: 'ERR_TLS_CERT_ALTNAME_FORMAT', name: 'SyntaxError' });
