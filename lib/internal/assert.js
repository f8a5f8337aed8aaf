'use strict';

// The assertion core code makes about itself: a failure is a bug in lode,
// reported as ERR_INTERNAL_ASSERTION (never the public assert's
// AssertionError). `assert.fail(message)` fails unconditionally.

const { assert } = require('internal/errors');

function fail(message) {
  assert(false, message);
}

function internalAssert(value, message) {
  assert(value, message);
}
internalAssert.fail = fail;

module.exports = internalAssert;
