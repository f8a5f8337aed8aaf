'use strict';
require('../common');
const assert = require('assert');
const util = require('util');

// libuv's error numbers differ between platforms: look them up by name.
const uv = {};
for (const [errno, [name]] of util.getSystemErrorMap()) {
  uv[`UV_${name}`] = errno;
}

assert.strictEqual(util.getSystemErrorName(uv.UV_ENOENT), 'ENOENT');
assert.strictEqual(util.getSystemErrorName(uv.UV_EACCES), 'EACCES');
assert.strictEqual(util.getSystemErrorMessage(uv.UV_ENOENT),
                   'no such file or directory');
assert.strictEqual(util.getSystemErrorName(-424242),
                   'Unknown system error -424242');

const map = util.getSystemErrorMap();
assert.ok(map instanceof Map);
assert.deepStrictEqual(map.get(uv.UV_EPIPE), ['EPIPE', 'broken pipe']);

for (const fn of [util.getSystemErrorName, util.getSystemErrorMessage]) {
  for (const bad of [0, 1, -1.5, 2 ** 53 * -1 - 2]) {
    assert.throws(() => fn(bad), {
      code: 'ERR_OUT_OF_RANGE',
      name: 'RangeError',
      message: 'The value of "err" is out of range. It must be a negative ' +
               `integer. Received ${util.inspect(bad)}`.replace(
                 /-?\d{10,}/, (m) => m.replace(/\B(?=(\d{3})+$)/g, '_')),
    });
  }
  assert.throws(() => fn('x'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "err" argument must be of type number. ' +
             "Received type string ('x')",
  });
}

const errno = util._errnoException(uv.UV_EPIPE, 'write');
assert.strictEqual(errno.message, 'write EPIPE');
assert.strictEqual(errno.code, 'EPIPE');
assert.strictEqual(errno.syscall, 'write');
assert.strictEqual(
  util._exceptionWithHostPort(uv.UV_ECONNREFUSED, 'connect', '::1', 8).message,
  'connect ECONNREFUSED ::1:8');
