// Flags: --expose-internals
'use strict';
require('../common');
const assert = require('assert');
const { codes, determineSpecificType } = require('internal/errors');

function msg(code, ...args) {
  return new codes[code](...args).message;
}

class Foo {}
const cases = [
  [['ERR_INVALID_ARG_TYPE', 'a', 'string', null],
   'The "a" argument must be of type string. Received null'],
  [['ERR_INVALID_ARG_TYPE', 'a', 'string', undefined],
   'The "a" argument must be of type string. Received undefined'],
  [['ERR_INVALID_ARG_TYPE', 'a', ['string', 'Buffer', 'URL'], new Foo()],
   'The "a" argument must be of type string or an instance of Buffer or ' +
   'URL. Received an instance of Foo'],
  [['ERR_INVALID_ARG_TYPE', 'a', ['object', 'Buffer'], 1n],
   'The "a" argument must be an instance of Buffer or Object. ' +
   'Received type bigint (1n)'],
  [['ERR_INVALID_ARG_TYPE', 'a.b', ['string', 'number', 'boolean'], -0],
   'The "a.b" property must be one of type string, number, or boolean. ' +
   'Received type number (-0)'],
  [['ERR_INVALID_ARG_TYPE', 'first argument', 'null', function f() {}],
   'The first argument must be null. Received function f'],
  [['ERR_INVALID_ARG_TYPE', 'a', 'Async-iterable', 'x'.repeat(30)],
   'The "a" argument must be an Async-iterable. Received type string ' +
   "('xxxxxxxxxxxxxxxxxxxxxxxxx...')"],
  [['ERR_INVALID_ARG_TYPE', 'a', ['a valid x', 'b valid y'], 1],
   'The "a" argument must be one of a valid x or b valid y. ' +
   'Received type number (1)'],
  [['ERR_INVALID_ARG_TYPE', 'a', 'string', "it's"],
   'The "a" argument must be of type string. Received type string ' +
   '("it\'s")'],
  [['ERR_INVALID_ARG_VALUE', 'a', { b: 1 }],
   "The argument 'a' is invalid. Received { b: 1 }"],
  [['ERR_INVALID_ARG_VALUE', 'a.b', 'x', 'must be y'],
   "The property 'a.b' must be y. Received 'x'"],
  [['ERR_OUT_OF_RANGE', 'n', '>= 0', 2 ** 40],
   'The value of "n" is out of range. It must be >= 0. ' +
   'Received 1_099_511_627_776'],
  [['ERR_OUT_OF_RANGE', 'n', '>= 0', -(2 ** 33)],
   'The value of "n" is out of range. It must be >= 0. ' +
   'Received -8_589_934_592'],
  [['ERR_OUT_OF_RANGE', 'n', '< 5', 2n ** 40n],
   'The value of "n" is out of range. It must be < 5. ' +
   'Received 1_099_511_627_776n'],
  [['ERR_OUT_OF_RANGE', 'n', '< 5', 7n],
   'The value of "n" is out of range. It must be < 5. Received 7n'],
  [['ERR_OUT_OF_RANGE', 'Custom.', 'x', 1.5, true],
   'Custom. It must be x. Received 1.5'],
  [['ERR_MISSING_ARGS', 'a'], 'The "a" argument must be specified'],
  [['ERR_MISSING_ARGS', 'a', 'b'],
   'The "a" and "b" arguments must be specified'],
  [['ERR_MISSING_ARGS', 'a', ['b', 'c'], 'd'],
   'The "a", "b" or "c", and "d" arguments must be specified'],
  [['ERR_UNKNOWN_ENCODING', 'nope'], 'Unknown encoding: nope'],
  [['ERR_INVALID_RETURN_VALUE', 'a promise', 'fn', 5],
   'Expected a promise to be returned from the "fn" function but got ' +
   'type number (5).'],
  [['ERR_METHOD_NOT_IMPLEMENTED', '_read()'],
   'The _read() method is not implemented'],
  [['ERR_UNHANDLED_ERROR'], 'Unhandled error.'],
  [['ERR_UNHANDLED_ERROR', 'x'], 'Unhandled error. (x)'],
  [['ERR_INVALID_THIS', 'URL'], 'Value of "this" must be of type URL'],
  [['ERR_BUFFER_OUT_OF_BOUNDS'],
   'Attempt to access memory outside buffer bounds'],
  [['ERR_BUFFER_OUT_OF_BOUNDS', 'offset'],
   '"offset" is outside of buffer bounds'],
  [['ERR_SOCKET_BAD_PORT', 'Port', -1],
   'Port should be >= 0 and < 65536. Received type number (-1).'],
  [['ERR_SOCKET_BAD_PORT', 'Port', 0, false],
   'Port should be > 0 and < 65536. Received type number (0).'],
  [['ERR_UNKNOWN_SIGNAL', 'SIGX'], 'Unknown signal: SIGX'],
  [['ERR_MODULE_NOT_FOUND', 'pkg', '/a.js', undefined],
   "Cannot find package 'pkg' imported from /a.js"],
  [['ERR_PACKAGE_PATH_NOT_EXPORTED', '/p/', './x', '/a.js'],
   "Package subpath './x' is not defined by \"exports\" in " +
   '/p/package.json imported from /a.js'],
  [['ERR_REQUIRE_ESM', '/m.mjs', false],
   'require() of ES Module /m.mjs not supported.\nInstead change the ' +
   'require of /m.mjs to a dynamic import() which is available in all ' +
   'CommonJS modules.'],
];
for (const [[code, ...args], expected] of cases) {
  assert.strictEqual(msg(code, ...args), expected);
}

// Lode's own code for APIs that are not there yet.
if (codes.ERR_NOT_IMPLEMENTED !== undefined) {
  assert.strictEqual(msg('ERR_NOT_IMPLEMENTED', 'worker_threads'),
                     'The worker_threads API is not implemented in lode yet');
}

// Wrong argument counts are internal assertion failures.
assert.throws(() => new codes.ERR_UNKNOWN_ENCODING(), {
  code: 'ERR_INTERNAL_ASSERTION',
  message: new RegExp('^Code: ERR_UNKNOWN_ENCODING; The provided arguments ' +
                      'length \\(0\\) does not match the required ones ' +
                      '\\(1\\)\\.'),
});
assert.throws(() => new codes.ERR_MISSING_ARGS(), {
  code: 'ERR_INTERNAL_ASSERTION',
  message: /^At least one arg needs to be specified\n/,
});

assert.strictEqual(determineSpecificType(Object.create(null)),
                   '[Object: null prototype] {}');
assert.strictEqual(determineSpecificType(Symbol('s')),
                   'type symbol (Symbol(s))');
assert.strictEqual(determineSpecificType(NaN), 'type number (NaN)');

const falsy = new codes.ERR_FALSY_VALUE_REJECTION(0);
assert.strictEqual(falsy.reason, 0);
assert.strictEqual(falsy.message, 'Promise was rejected with falsy value');
const url = new codes.ERR_INVALID_URL('bad://', 'base');
assert.strictEqual(url.message, 'Invalid URL');
assert.strictEqual(url.input, 'bad://');
assert.strictEqual(url.base, 'base');
