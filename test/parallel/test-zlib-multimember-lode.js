'use strict';
// Gunzip reads every member of a multi-member file, stops at zero
// padding, and refuses garbage; Inflate stops at the end of its stream.
const common = require('../common');
const assert = require('assert');
const zlib = require('zlib');

const members = Buffer.concat([zlib.gzipSync('abc'), zlib.gzipSync('def'),
                               zlib.gzipSync('')]);
assert.strictEqual(zlib.gunzipSync(members).toString(), 'abcdef');
assert.strictEqual(zlib.unzipSync(members).toString(), 'abcdef');
zlib.gunzip(members, common.mustSucceed((out) => {
  assert.strictEqual(out.toString(), 'abcdef');
}));

// Zero bytes after a member are padding.
const padded = Buffer.concat([zlib.gzipSync('abc'), Buffer.alloc(10)]);
assert.strictEqual(zlib.gunzipSync(padded).toString(), 'abc');

// Anything else is a header error.
const junk = Buffer.concat([zlib.gzipSync('abc'), Buffer.from('junk')]);
assert.throws(() => zlib.gunzipSync(junk), {
  message: 'incorrect header check', code: 'Z_DATA_ERROR', errno: -3,
});

// Members split across writes, one byte at a time.
const gunzip = zlib.createGunzip();
const out = [];
gunzip.on('data', (chunk) => out.push(chunk));
gunzip.on('end', common.mustCall(() => {
  assert.strictEqual(Buffer.concat(out).toString(), 'abcdef');
}));
for (const byte of members) gunzip.write(Buffer.from([byte]));
gunzip.end();

// Inflate ignores what follows the end of its stream.
const trailing = Buffer.concat([zlib.deflateSync('abc'), Buffer.from('zz')]);
assert.strictEqual(zlib.inflateSync(trailing).toString(), 'abc');
assert.strictEqual(
  zlib.inflateRawSync(Buffer.concat([zlib.deflateRawSync('abc'),
                                     Buffer.from('zz')])).toString(),
  'abc');
assert.strictEqual(
  zlib.brotliDecompressSync(Buffer.concat([zlib.brotliCompressSync('abc'),
                                           Buffer.from('zz')])).toString(),
  'abc');
