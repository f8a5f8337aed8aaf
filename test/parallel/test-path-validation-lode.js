'use strict';
require('../common');
const assert = require('assert');
const path = require('path');

// Non-string arguments throw ERR_INVALID_ARG_TYPE naming the argument.
for (const flavor of [path.posix, path.win32]) {
  for (const bad of [null, undefined, 1, {}, true]) {
    for (const fn of ['normalize', 'isAbsolute', 'dirname', 'extname',
                      'parse', 'basename']) {
      assert.throws(() => flavor[fn](bad), {
        code: 'ERR_INVALID_ARG_TYPE',
        name: 'TypeError',
      });
    }
    const code = 'ERR_INVALID_ARG_TYPE';
    assert.throws(() => flavor.join('a', bad), { code });
    assert.throws(() => flavor.relative(bad, 'a'), { code });
    assert.throws(() => flavor.relative('a', bad), { code });
  }
  assert.throws(() => flavor.join(1), {
    message: 'The "path" argument must be of type string. ' +
             'Received type number (1)',
  });
  assert.throws(() => flavor.resolve('/a', 1), {
    message: 'The "paths[1]" argument must be of type string. ' +
             'Received type number (1)',
  });
  assert.throws(() => flavor.relative('a', null), {
    message: 'The "to" argument must be of type string. Received null',
  });
  assert.throws(() => flavor.basename('a', 1), {
    message: 'The "suffix" argument must be of type string. ' +
             'Received type number (1)',
  });
  assert.throws(() => flavor.format(null), {
    message: 'The "pathObject" argument must be of type object. ' +
             'Received null',
  });
  assert.strictEqual(flavor.join(), '.');
  assert.strictEqual(flavor.join('', ''), '.');
  // toNamespacedPath() passes non-strings through.
  assert.strictEqual(flavor.toNamespacedPath(null), null);
}

// resolve() stops at the first absolute path from the right, so arguments
// to its left are not even validated.
assert.strictEqual(path.posix.resolve(1, '/a'), '/a');
assert.strictEqual(path.win32.resolve(1, 'C:\\a'), 'C:\\a');
assert.throws(() => path.win32.resolve(1, 'C:a'), {
  message: 'The "paths[0]" argument must be of type string. ' +
           'Received type number (1)',
});

assert.strictEqual(path.posix.win32, path.win32);
assert.strictEqual(path.win32.posix, path.posix);
assert.strictEqual(path,
                   process.platform === 'win32' ? path.win32 : path.posix);
assert.deepStrictEqual(Object.keys(path), [
  'resolve', 'normalize', 'isAbsolute', 'join', 'relative', 'toNamespacedPath',
  'dirname', 'basename', 'extname', 'format', 'parse', 'matchesGlob', 'sep',
  'delimiter', 'win32', 'posix', '_makeLong',
]);
