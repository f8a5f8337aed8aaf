'use strict';
const common = require('../common');
const assert = require('assert');
const { callbackify } = require('util');

async function add(a, b) { return a + b; }
const cbAdd = callbackify(add);
assert.strictEqual(cbAdd.name, 'addCallbackified');
assert.strictEqual(cbAdd.length, 3);

let sync = true;
cbAdd(1, 2, common.mustCall((err, value) => {
  assert.strictEqual(sync, false);
  assert.strictEqual(err, null);
  assert.strictEqual(value, 3);
}));
sync = false;

// Rejections become the error argument; a falsy reason is wrapped.
const err = new Error('fail');
callbackify(() => Promise.reject(err))(common.mustCall((e) => {
  assert.strictEqual(e, err);
}));
for (const reason of [null, 0, '', false, undefined]) {
  callbackify(() => Promise.reject(reason))(common.mustCall((e) => {
    assert.strictEqual(e.code, 'ERR_FALSY_VALUE_REJECTION');
    assert.strictEqual(e.message, 'Promise was rejected with falsy value');
    assert.strictEqual(e.reason, reason);
    assert.ok(Object.hasOwn(e, 'reason'));
  }));
}

// `this` reaches both the original and the callback.
const obj = {
  v: 5,
  get: callbackify(async function() { return this.v; }),
};
obj.get(common.mustCall(function(e, v) {
  assert.strictEqual(v, 5);
  assert.strictEqual(this, obj);
}));

assert.throws(() => callbackify('x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "original" argument must be of type function. ' +
           "Received type string ('x')",
});
assert.throws(() => cbAdd(1, 2), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The last argument must be of type function. ' +
           'Received type number (2)',
});
