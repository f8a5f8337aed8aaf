'use strict';
// Encrypted private keys: PKCS#8 with a passphrase, traditional PEM
// encryption, DER, and the errors for a missing or wrong passphrase.
require('../common');
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const read = (name) =>
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'keys-lode', name),
                  'ascii');
const plain = crypto.createPrivateKey(read('crypto-rsa-private.pem'));
const encrypted = read('crypto-rsa-private-enc.pem');

assert(crypto.createPrivateKey({ key: encrypted, passphrase: 'lode-test' })
  .equals(plain));
assert(crypto.createPrivateKey({
  key: encrypted, passphrase: Buffer.from('lode-test'),
}).equals(plain));
assert.throws(() => crypto.createPrivateKey({ key: encrypted, passphrase: 'x' }), {
  code: 'ERR_OSSL_BAD_DECRYPT',
  message: /bad decrypt/,
});
assert.throws(() => crypto.createPrivateKey(encrypted), {
  name: 'Error',
  message: /interrupted or cancelled/,
});

for (const type of ['pkcs8', 'pkcs1']) {
  const pem = plain.export({
    type, format: 'pem', cipher: 'aes-128-cbc', passphrase: 'secret',
  });
  assert.match(pem, type === 'pkcs8' ? /BEGIN ENCRYPTED PRIVATE KEY/ :
    /Proc-Type: 4,ENCRYPTED/);
  assert(crypto.createPrivateKey({ key: pem, passphrase: 'secret' })
    .equals(plain));
}

const der = plain.export({
  type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: 'secret',
});
assert.throws(() => crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }), {
  name: 'TypeError',
  code: 'ERR_MISSING_PASSPHRASE',
  message: 'Passphrase required for encrypted key',
});
assert(crypto.createPrivateKey({
  key: der, format: 'der', type: 'pkcs8', passphrase: 'secret',
}).equals(plain));

assert.throws(() => plain.export({
  type: 'pkcs1', format: 'der', cipher: 'aes-128-cbc', passphrase: 'x',
}), { code: 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS' });
assert.throws(() => plain.export({
  type: 'pkcs8', format: 'pem', cipher: 'no-such-cipher', passphrase: 'x',
}), { code: 'ERR_CRYPTO_UNKNOWN_CIPHER', message: 'Unknown cipher' });
assert.throws(() => plain.export({ type: 'pkcs8', format: 'pem', passphrase: 'x' }), {
  code: 'ERR_INVALID_ARG_VALUE',
});
