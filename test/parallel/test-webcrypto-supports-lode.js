'use strict';
// SubtleCrypto.supports(operation, algorithm[, lengthOrAdditionalAlgorithm])
// answers from the algorithm's normalization and parameter checks alone.
const common = require('../common');
const assert = require('assert');

common.expectWarning('ExperimentalWarning',
                     'The supports Web Crypto API method is an experimental ' +
                     'feature and might change at any time');

const { supports } = SubtleCrypto;
const cases = [
  [true, 'digest', 'SHA-256'],
  [false, 'digest', 'Invalid'],
  [false, 'nonsense', 'SHA-256'],
  [true, 'generateKey', { name: 'AES-GCM', length: 256 }],
  [false, 'generateKey', { name: 'AES-GCM', length: 100 }],
  [false, 'generateKey', { name: 'HMAC', hash: 'SHA-256', length: 0 }],
  [false, 'generateKey', { name: 'ECDSA', namedCurve: 'P-192' }],
  [true, 'encrypt', { name: 'AES-CBC', iv: Buffer.alloc(16) }],
  [false, 'encrypt', 'AES-CBC'],
  [true, 'sign', { name: 'RSA-PSS', saltLength: 32 }],
  [false, 'sign', 'RSA-PSS'],
  [true, 'deriveBits',
   { name: 'HKDF', hash: 'SHA-256', salt: Buffer.alloc(0),
     info: Buffer.alloc(0) }, 256],
  [false, 'deriveBits',
   { name: 'HKDF', hash: 'SHA-256', salt: Buffer.alloc(0),
     info: Buffer.alloc(0) }, 255],
  [false, 'deriveBits',
   { name: 'PBKDF2', hash: 'SHA-256', salt: Buffer.alloc(0),
     iterations: 0 }, 256],
  [true, 'wrapKey', 'AES-KW', 'AES-GCM'],
  [true, 'wrapKey', { name: 'AES-GCM', iv: Buffer.alloc(12) }, 'HMAC'],
  [false, 'exportKey', 'HKDF'],
  [true, 'getPublicKey', 'ECDSA'],
  [false, 'getPublicKey', 'AES-GCM'],
  [true, 'deriveKey',
   { name: 'PBKDF2', hash: 'SHA-256', salt: Buffer.alloc(0), iterations: 1 },
   { name: 'AES-GCM', length: 128 }],
];
for (const [expected, ...args] of cases) {
  assert.strictEqual(supports.call(SubtleCrypto, ...args), expected,
                     JSON.stringify(args));
}
assert.throws(() => SubtleCrypto.supports('digest'), {
  code: 'ERR_MISSING_ARGS',
  message: "Failed to execute 'supports' on 'SubtleCrypto': 2 arguments " +
    'required, but only 1 present.',
});
assert.throws(() => supports.call({}, 'digest', 'SHA-256'),
              { code: 'ERR_INVALID_THIS' });
