'use strict';
// assert.ok() quotes the failing call also from eval() code.
require('../common');
const assert = require('assert');

assert.throws(
  () => eval('console.log;\nassert.ok(1 === 2);'),
  { message: 'The expression evaluated to a falsy value:\n\n  assert.ok(1 === 2)\n' });
assert.throws(
  () => eval('assert(false)'),
  { message: 'The expression evaluated to a falsy value:\n\n  assert(false)\n' });
