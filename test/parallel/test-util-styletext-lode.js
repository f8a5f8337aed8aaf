'use strict';
require('../common');
const assert = require('assert');
const util = require('util');
const { Writable } = require('stream');

const opts = { validateStream: false };
assert.strictEqual(util.styleText('red', 'x', opts), '\u001b[31mx\u001b[39m');
assert.strictEqual(util.styleText(['bold', 'underline'], 'x', opts),
                   '\u001b[1m\u001b[4mx\u001b[24m\u001b[22m');
assert.strictEqual(util.styleText('none', 'x', opts), 'x');
// A nested reset of the same style re-opens it.
assert.strictEqual(
  util.styleText('red', `a${util.styleText('red', 'b', opts)}c`, opts),
  '\u001b[31ma\u001b[31mb\u001b[31mc\u001b[39m');

// A stream that is not a TTY gets no colors.
const notTTY = new Writable({ write(c, e, cb) { cb(); } });
assert.strictEqual(util.styleText('red', 'x', { stream: notTTY }), 'x');

assert.throws(() => util.styleText('nope', 'x', opts), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: /^The argument 'format' must be one of: 'reset', 'bold', 'dim',/,
});
assert.throws(() => util.styleText('red', 1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "text" argument must be of type string. ' +
           'Received type number (1)',
});
assert.throws(() => util.styleText('red', 'x', { stream: {} }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "stream" argument must be an instance of ReadableStream, ' +
           'WritableStream, or Stream. Received an instance of Object',
});
assert.throws(() => util.styleText('red', 'x', { validateStream: 'no' }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.validateStream" property must be of type ' +
           "boolean. Received type string ('no')",
});

assert.strictEqual(util.stripVTControlCharacters('\u001b[31mx\u001b[39m'), 'x');
assert.strictEqual(util.toUSVString('a\ud800b'), 'a\ufffdb');
assert.strictEqual(util.toUSVString('\ud83d\ude00'), '\ud83d\ude00');
