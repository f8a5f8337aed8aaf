'use strict';
// util.diff(): the edit script between two strings (one UTF-16 unit at a
// time) or two arrays of strings, as Node 24 gives it.
require('../common');
const assert = require('assert');
const { diff } = require('util');

assert.strictEqual(diff.name, 'diff');
assert.strictEqual(diff.length, 2);

// 0: in both, 1: only in actual, -1: only in expected; actual's side of a
// change comes first.
assert.deepStrictEqual(diff('kitten', 'sitting'), [
  [1, 'k'], [-1, 's'], [0, 'i'], [0, 't'], [0, 't'], [1, 'e'], [-1, 'i'],
  [0, 'n'], [-1, 'g'],
]);
assert.deepStrictEqual(diff(['a', 'b', 'c'], ['a', 'x', 'c']),
                       [[0, 'a'], [1, 'b'], [-1, 'x'], [0, 'c']]);
assert.deepStrictEqual(diff(['a,', 'b'], ['a', 'b']),
                       [[1, 'a,'], [-1, 'a'], [0, 'b']]);
assert.deepStrictEqual(diff('', 'ab'), [[-1, 'a'], [-1, 'b']]);
assert.deepStrictEqual(diff('ab', ''), [[1, 'a'], [1, 'b']]);
// A string and an array of its characters compare alike.
assert.deepStrictEqual(diff('ab', ['a', 'b']), [[0, 'a'], [0, 'b']]);
// Surrogate pairs are two units.
assert.deepStrictEqual(diff('😀', '😁'),
                       [[0, '\ud83d'], [1, '\ude00'], [-1, '\ude01']]);

// The same value gives nothing, whatever it is (nothing is checked then);
// equal arrays list their shared values.
assert.deepStrictEqual(diff('abc', 'abc'), []);
assert.deepStrictEqual(diff('', ''), []);
assert.deepStrictEqual(diff(1, 1), []);
const same = {};
assert.deepStrictEqual(diff(same, same), []);
assert.deepStrictEqual(diff(['a', 'b'], ['a', 'b']), [[0, 'a'], [0, 'b']]);
// Node 24 throws a TypeError from inside its own code here (a bug);
// two empty arrays have an empty edit script.
assert.deepStrictEqual(diff([], []), []);

// Arguments are checked in order, the elements of an array too.
const typeError = (message) => ({
  code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError', message,
});
assert.throws(() => diff({}, 'foo'), typeError(
  'The "actual" argument must be of type string. ' +
  'Received an instance of Object'));
assert.throws(() => diff('foo', 1), typeError(
  'The "expected" argument must be of type string. Received type number (1)'));
assert.throws(() => diff(['1', { b: 2 }], ['1', {}]), typeError(
  'The "actual[1]" argument must be of type string. ' +
  'Received an instance of Object'));
assert.throws(() => diff(['1', '2'], ['a', 3]), typeError(
  'The "expected[1]" argument must be of type string. ' +
  'Received type number (3)'));
assert.throws(() => diff(new String('a'), 'a'), typeError(
  'The "actual" argument must be of type string. ' +
  'Received an instance of String'));
