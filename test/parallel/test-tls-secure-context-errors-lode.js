'use strict';
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');
const assert = require('assert');
const tls = require('tls');
const fixtures = require('../common/fixtures');

// tls.createSecureContext() checks its options and reports what OpenSSL
// refuses with Node's codes; nothing of it crashes.

const read = (f) => fixtures.readKey(`../keys-lode/${f}`);
const key = read('server-key.pem');
const cert = read('server-cert.pem');

assert.throws(() => tls.createSecureContext({ minVersion: 'TLSv9' }),
              { code: 'ERR_TLS_INVALID_PROTOCOL_VERSION', name: 'TypeError' });
assert.throws(() => tls.createSecureContext({ secureProtocol: 'TLS_method',
                                              minVersion: 'TLSv1.2' }),
              { code: 'ERR_TLS_PROTOCOL_VERSION_CONFLICT' });
assert.throws(() => tls.createSecureContext({ secureProtocol: 'bogus' }),
              { code: 'ERR_TLS_INVALID_PROTOCOL_METHOD',
                message: 'Unknown method: bogus' });
assert.throws(() => tls.createSecureContext({ secureProtocol: 'SSLv3_method' }),
              { message: 'SSLv3 methods disabled' });
assert.throws(() => tls.createSecureContext({ ciphers: 'nonsense' }),
              { code: 'ERR_SSL_NO_CIPHER_MATCH' });
assert.throws(() => tls.createSecureContext({ ciphers: ':' }),
              { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => tls.createSecureContext({ key: 42 }),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => tls.createSecureContext({ cert: 'not a certificate' }),
              { code: 'ERR_OSSL_PEM_NO_START_LINE' });
// The key must match the certificate.
assert.throws(() => tls.createSecureContext({ key: read('client-key.pem'),
                                              cert }),
              { code: 'ERR_OSSL_X509_KEY_VALUES_MISMATCH' });
assert.throws(() => tls.createSecureContext({ ecdhCurve: 'no-such-curve' }),
              { code: 'ERR_CRYPTO_OPERATION_FAILED',
                message: 'Failed to set ECDH curve' });
assert.throws(() => tls.createSecureContext({ ticketKeys: Buffer.alloc(4) }),
              { code: 'ERR_INVALID_ARG_VALUE' });

// What works: protocol bounds, an encrypted key, PKCS#12, ticket keys.
const ctx = tls.createSecureContext({ key, cert, minVersion: 'TLSv1.3' });
assert.ok(ctx instanceof tls.SecureContext);
tls.createSecureContext({ key: read('server-key-enc.pem'),
                          passphrase: 'lode-pass', cert });
assert.throws(() => tls.createSecureContext({ key: read('server-key-enc.pem'),
                                              passphrase: 'wrong', cert }),
              /bad decrypt/);
tls.createSecureContext({ pfx: read('server.pfx'), passphrase: 'lode-pass' });
assert.throws(() => tls.createSecureContext({ pfx: read('server.pfx'),
                                              passphrase: 'wrong' }),
              { message: 'mac verify failure' });
const keys = Buffer.alloc(48, 7);
const withKeys = tls.createSecureContext({ ticketKeys: keys });
assert.deepStrictEqual(withKeys.context.getTicketKeys(), keys);
