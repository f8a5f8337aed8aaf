'use strict';
// Preset dictionaries for zlib and raw streams, and the errors for a
// missing or wrong one.
const common = require('../common');
const assert = require('assert');
const zlib = require('zlib');

const dictionary = Buffer.from('the quick brown fox jumps over the lazy dog');
const text = 'the lazy dog jumps over the quick brown fox';

// zlib format: the inflater asks for the dictionary.
const packed = zlib.deflateSync(text, { dictionary });
assert.strictEqual(zlib.inflateSync(packed, { dictionary }).toString(), text);
assert.strictEqual(zlib.unzipSync(packed, { dictionary }).toString(), text);
// The dictionary helps.
assert(packed.length < zlib.deflateSync(text).length);

// Any ArrayBuffer view or ArrayBuffer will do.
for (const dict of [new Uint8Array(dictionary),
                    new DataView(dictionary.buffer, dictionary.byteOffset,
                                 dictionary.length),
                    dictionary.buffer.slice(dictionary.byteOffset,
                                            dictionary.byteOffset +
                                            dictionary.length)]) {
  assert.strictEqual(zlib.inflateSync(packed, { dictionary: dict }).toString(),
                     text);
}

// Raw format: both sides must set it up front.
const raw = zlib.deflateRawSync(text, { dictionary });
assert.strictEqual(zlib.inflateRawSync(raw, { dictionary }).toString(), text);
assert.throws(() => zlib.inflateRawSync(raw), {
  code: 'Z_DATA_ERROR', errno: -3,
});

assert.throws(() => zlib.inflateSync(packed), {
  name: 'Error', message: 'Missing dictionary', code: 'Z_NEED_DICT', errno: 2,
});
assert.throws(() => zlib.inflateSync(packed, {
  dictionary: Buffer.from('something else'),
}), {
  name: 'Error', message: 'Bad dictionary', code: 'Z_NEED_DICT', errno: 2,
});

// In a stream, too.
const inflate = zlib.createInflate();
inflate.on('error', common.mustCall((err) => {
  assert.strictEqual(err.message, 'Missing dictionary');
}));
inflate.end(packed);

// A stream with a dictionary that is reset keeps it.
const deflate = zlib.createDeflate({ dictionary });
deflate.reset();
const out = [];
deflate.on('data', (chunk) => out.push(chunk));
deflate.on('end', common.mustCall(() => {
  assert.strictEqual(
    zlib.inflateSync(Buffer.concat(out), { dictionary }).toString(), text);
}));
deflate.end(text);

assert.throws(() => zlib.deflateSync('x', { dictionary: 'abc' }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.dictionary" property must be an instance of ' +
           "Buffer, TypedArray, DataView, or ArrayBuffer. Received type string ('abc')",
});
