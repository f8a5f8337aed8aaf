'use strict';
// Argument validation errors: codes and Node 24's exact messages.
require('../common');
const assert = require('assert');
const fs = require('fs');

assert.throws(() => fs.readFileSync(123.5), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "path" argument must be of type string or an instance of ' +
    'Buffer or URL. Received type number (123.5)',
});
assert.throws(() => fs.readFileSync('a\0b'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'path' must be a string, Uint8Array, or URL " +
    "without null bytes. Received 'a\\x00b'",
});
assert.throws(() => fs.openSync('x', 'bogus'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'flags' is invalid. Received 'bogus'",
});
assert.throws(() => fs.closeSync(-1), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "fd" is out of range. It must be >= 0 && <= ' +
    '2147483647. Received -1',
});
assert.throws(() => fs.readSync(0, Buffer.alloc(3), 0, 10), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "length" is out of range. It must be <= 3. ' +
    'Received 10',
});
assert.throws(() => fs.writeSync(1, 123), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "buffer" argument must be of type string or an instance of ' +
    'Buffer, TypedArray, or DataView. Received type number (123)',
});
assert.throws(() => fs.accessSync('.', 8), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'mode is out of range: >= 0 && <= 7',
});
assert.throws(() => fs.copyFileSync('a', 'b', 'x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'mode must be int32 or null/undefined',
});
assert.throws(() => fs.chownSync('.', -2, 0), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "uid" is out of range. It must be >= -1 && <= ' +
    '4294967295. Received -2',
});
assert.throws(() => fs.symlinkSync('a', 'b', 'bad'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'type' must be one of: 'dir', 'file', 'junction', " +
    "null, undefined. Received 'bad'",
});
assert.throws(() => fs.mkdirSync('x', { recursive: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.recursive" property must be of type boolean. ' +
    'Received type number (1)',
});
assert.throws(() => fs.readFileSync('x', { encoding: 'bogus' }), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'encoding' is invalid encoding. Received 'bogus'",
});
assert.throws(() => fs.readFile('x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "cb" argument must be of type function. Received undefined',
});
assert.throws(() => fs.utimesSync('.', 'x', 1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "time" argument must be an instance of Date or an Time in ' +
    "seconds. Received type string ('x')",
});
assert.strictEqual(Object.getPrototypeOf(fs.constants), null);
assert.strictEqual(fs.lchmod, undefined);
assert.ok('lchmod' in fs);
