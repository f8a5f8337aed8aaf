'use strict';
// new URL() on a bad string throws Node's plain TypeError with a code.
require('../common');
const assert = require('assert');

for (const [input, base] of [['foo', undefined], ['a', 'b']]) {
  try {
    new URL(input, base);
    assert.fail('no error');
  } catch (err) {
    assert.strictEqual(Object.getPrototypeOf(err), TypeError.prototype);
    assert.strictEqual(`${err}`, 'TypeError: Invalid URL');
    assert.strictEqual(err.code, 'ERR_INVALID_URL');
    assert.strictEqual(err.input, input);
    assert.strictEqual(err.base, base);
    assert.match(err.stack, /^TypeError: Invalid URL\n {4}at new URL /);
    assert.deepStrictEqual(Object.getOwnPropertyNames(err),
                           base === undefined ?
                             ['stack', 'message', 'code', 'input'] :
                             ['stack', 'message', 'code', 'input', 'base']);
  }
}
