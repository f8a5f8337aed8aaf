'use strict';
// The legacy Certificate class: SPKAC verification, challenge and public
// key, as statics and on (deprecated) instances.
require('../common');
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const dir = path.join(__dirname, '..', 'fixtures', 'keys-lode');
const spkac = fs.readFileSync(path.join(dir, 'crypto-spkac.txt'), 'ascii')
  .replace(/^SPKAC=/, '');
const publicPem = fs.readFileSync(path.join(dir, 'crypto-rsa-public.pem'), 'ascii');

assert.strictEqual(crypto.Certificate.verifySpkac(Buffer.from(spkac)), true);
assert.strictEqual(crypto.Certificate.exportChallenge(spkac).toString(), 'lode-challenge');
assert.strictEqual(crypto.Certificate.exportPublicKey(spkac).toString(), publicPem);

const cert = crypto.Certificate();
assert(cert instanceof crypto.Certificate);
assert.strictEqual(cert.verifySpkac(Buffer.from(spkac)), true);

// A damaged SPKAC does not verify; nothing can be taken from junk.
const damaged = Buffer.from(spkac);
damaged[100] ^= 1;
assert.strictEqual(crypto.Certificate.verifySpkac(damaged), false);
assert.strictEqual(crypto.Certificate.verifySpkac(Buffer.from('abc')), false);
assert.strictEqual(crypto.Certificate.exportChallenge('abc'), '');
assert.strictEqual(crypto.Certificate.exportPublicKey('abc'), '');
assert.throws(() => crypto.Certificate.verifySpkac(1), { code: 'ERR_INVALID_ARG_TYPE' });
