'use strict';

// util.diff(actual, expected): the shortest edit script between two strings
// (compared one UTF-16 unit at a time) or two arrays of strings, as
// [operation, value] pairs in order: 0 for a value both have, 1 for one only
// `actual` has, -1 for one only `expected` has. It is the same Myers diff
// that assert's messages are made from.

const {
  ArrayIsArray,
  ArrayPrototypePush,
  StringPrototypeSplit,
} = primordials;

const { myersDiff } = require('internal/assert/myers_diff');
const {
  validateString,
  validateStringArray,
} = require('internal/validators');

const kOperations = { __proto__: null, nop: 0, insert: 1, delete: -1 };

function validateInput(value, name) {
  if (ArrayIsArray(value)) {
    validateStringArray(value, name);
  } else {
    validateString(value, name);
  }
}

function diff(actual, expected) {
  // The same value has an empty script, whatever it is (as in Node).
  if (actual === expected) return [];
  validateInput(actual, 'actual');
  validateInput(expected, 'expected');
  const script = myersDiff(
    typeof actual === 'string' ? StringPrototypeSplit(actual, '') : actual,
    typeof expected === 'string' ?
      StringPrototypeSplit(expected, '') : expected);
  // myersDiff lists the script from its end.
  const result = [];
  for (let i = script.length - 1; i >= 0; i--) {
    const { 0: kind, 1: value } = script[i];
    ArrayPrototypePush(result, [kOperations[kind], value]);
  }
  return result;
}

module.exports = { diff };
