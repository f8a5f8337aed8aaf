'use strict';
require('../common');
const assert = require('assert');
const strict = require('assert/strict');

assert.strictEqual(assert.strict, strict);
assert.strictEqual(strict.strict, strict);
assert.strictEqual(require('node:assert/strict'), strict);
assert.strictEqual(strict.equal, assert.strictEqual);
assert.strictEqual(strict.deepEqual, assert.deepStrictEqual);
assert.strictEqual(strict.notEqual, assert.notStrictEqual);
assert.strictEqual(strict.notDeepEqual, assert.notDeepStrictEqual);
assert.strictEqual(strict.ok, assert.ok);
assert.strictEqual(strict.AssertionError, assert.AssertionError);
assert.strictEqual(strict.Assert, assert.Assert);
assert.strictEqual(assert.name, 'ok');
assert.strictEqual(strict.name, 'strict');
assert.strictEqual(assert.equal.name, 'equal');
assert.strictEqual(strict.equal.name, 'strictEqual');

assert.deepStrictEqual(Object.keys(assert), [
  'AssertionError', 'CallTracker', 'ok', 'fail', 'equal', 'notEqual',
  'deepEqual', 'notDeepEqual', 'deepStrictEqual', 'notDeepStrictEqual',
  'strictEqual', 'notStrictEqual', 'partialDeepStrictEqual', 'match',
  'doesNotMatch', 'throws', 'rejects', 'doesNotThrow', 'doesNotReject',
  'ifError', 'strict', 'Assert',
]);

assert.throws(() => strict.equal(1, '1'), { operator: 'strictEqual' });
assert.throws(() => strict(0), {
  message: 'The expression evaluated to a falsy value:\n\n  strict(0)\n',
});
assert.equal(1, '1');
