'use strict';
// CryptoKey's algorithm and usages getters give copies the caller may
// change (the same object on each read); the key itself, and its
// inspection, keep the original values. BufferSource arguments refuse
// shared memory and take ArrayBuffers of other realms.
const common = require('../common');
const assert = require('assert');
const util = require('util');
const vm = require('vm');
const { subtle } = globalThis.crypto;

(async () => {
  const { publicKey, privateKey } = await subtle.generateKey(
    { name: 'RSA-PSS', modulusLength: 1024,
      publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true, ['sign', 'verify']);
  const algorithm = publicKey.algorithm;
  assert.strictEqual(publicKey.algorithm, algorithm);
  assert.strictEqual(publicKey.usages, publicKey.usages);
  assert.notStrictEqual(publicKey.algorithm, privateKey.algorithm);
  assert.strictEqual(Object.isFrozen(algorithm), false);
  algorithm.name = 'x';
  algorithm.hash.name = 'y';
  algorithm.publicExponent[0] = 9;
  publicKey.usages.push('foo');
  assert.strictEqual(publicKey.algorithm.name, 'x');
  assert.deepStrictEqual(publicKey.usages, ['verify', 'foo']);
  const shown = util.inspect(publicKey, { depth: 4 });
  assert.match(shown, /name: 'RSA-PSS'/);
  assert.match(shown, /hash: { name: 'SHA-256' }/);
  assert.match(shown, /usages: \[ 'verify' \]/);
  const data = Buffer.from('hello');
  const signature = await subtle.sign(
    { name: 'RSA-PSS', saltLength: 32 }, privateKey, data);
  assert.strictEqual(await subtle.verify(
    { name: 'RSA-PSS', saltLength: 32 }, publicKey, signature, data), true);

  const other = vm.runInNewContext('new Uint8Array([1, 2, 3]).buffer');
  assert.strictEqual((await subtle.digest('SHA-256', other)).byteLength, 32);
  await assert.rejects(
    subtle.digest('SHA-256', new Uint8Array(new SharedArrayBuffer(4))), {
      code: 'ERR_INVALID_ARG_TYPE',
      message: "Failed to execute 'digest' on 'SubtleCrypto': 2nd argument " +
        'is a view on a SharedArrayBuffer, which is not allowed.',
    });
  await assert.rejects(subtle.digest('SHA-256', new SharedArrayBuffer(4)), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: "Failed to execute 'digest' on 'SubtleCrypto': 2nd argument " +
      'is not instance of ArrayBuffer, Buffer, TypedArray, or DataView.',
  });
})().then(common.mustCall());
