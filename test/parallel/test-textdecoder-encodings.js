'use strict';
require('../common');
const assert = require('assert');

const bytes = (...b) => new Uint8Array(b);

// UTF-8: BOM, replacement, fatal, streaming across calls.
assert.strictEqual(new TextDecoder().decode(bytes(0xef, 0xbb, 0xbf, 0x41)), 'A');
assert.strictEqual(
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes(0xef, 0xbb, 0xbf)),
  '\ufeff');
assert.strictEqual(new TextDecoder().decode(bytes(0xf0, 0x9f, 0x41)), '\ufffdA');
assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes(0xff)), {
  code: 'ERR_ENCODING_INVALID_ENCODED_DATA',
  message: 'The encoded data was not valid for encoding utf-8',
});
{
  const d = new TextDecoder();
  assert.strictEqual(d.decode(bytes(0xe2, 0x82), { stream: true }), '');
  assert.strictEqual(d.decode(bytes(0xac)), '\u20ac');
}

// UTF-16: surrogate pairs split across calls, lone surrogates.
{
  const d = new TextDecoder('utf-16le');
  assert.strictEqual(d.decode(bytes(0x3d), { stream: true }), '');
  assert.strictEqual(d.decode(bytes(0xd8), { stream: true }), '');
  assert.strictEqual(d.decode(bytes(0x00, 0xde)), '\u{1f600}');
  assert.strictEqual(d.decode(bytes(0x00, 0xd8, 0x41, 0x00)), '\ufffdA');
}
assert.strictEqual(new TextDecoder('utf-16be').decode(bytes(0xfe, 0xff, 0, 0x41)),
                   'A');

// Legacy encodings go through ICU.
assert.strictEqual(new TextDecoder('shift_jis').decode(bytes(0x82, 0xa0)), '\u3042');
assert.strictEqual(new TextDecoder('koi8-r').decode(bytes(0xc1)), '\u0430');
assert.strictEqual(new TextDecoder('gb18030').decode(bytes(0x80)), '\u20ac');
assert.strictEqual(new TextDecoder('euc-jp').decode(bytes(0x8e)), '\ufffd');
assert.throws(() => new TextDecoder('shift_jis', { fatal: true }).decode(bytes(0x81)),
              { code: 'ERR_ENCODING_INVALID_ENCODED_DATA' });

// Labels.
assert.strictEqual(new TextDecoder(' UTF8 ').encoding, 'utf-8');
assert.strictEqual(new TextDecoder('latin1').encoding, 'windows-1252');
assert.strictEqual(new TextDecoder('unicode').encoding, 'utf-16le');
assert.throws(() => new TextDecoder('nope'), {
  code: 'ERR_ENCODING_NOT_SUPPORTED',
  message: 'The "nope" encoding is not supported',
});
assert.throws(() => new TextDecoder('iso-2022-kr'), {
  message: 'The "replacement" encoding is not supported',
});
assert.throws(() => new TextDecoder().decode('x'), {
  code: 'ERR_INVALID_ARG_TYPE',
});

// TextEncoder.
const enc = new TextEncoder();
assert.deepStrictEqual(enc.encode('\ud800x'), bytes(0xef, 0xbf, 0xbd, 0x78));
assert.deepStrictEqual(enc.encodeInto('a\u00e9\u{1f600}', new Uint8Array(4)),
                       { read: 2, written: 3 });
assert.throws(() => enc.encodeInto('a', []), { code: 'ERR_INVALID_ARG_TYPE' });
assert.strictEqual(require('util').TextDecoder, TextDecoder);
assert.strictEqual(require('util').inspect(new TextDecoder()),
                   "TextDecoder { encoding: 'utf-8', fatal: false, ignoreBOM: false }");
