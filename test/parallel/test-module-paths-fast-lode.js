'use strict';
// The loader's path work: posix resolve/normalize/dirname take shortcuts
// for paths that are already normal (one absolute argument, no trailing
// '/'); Module._nodeModulePaths scans segments. Expected values were
// checked against Node.js 24.
require('../common');
const assert = require('assert');
const { posix } = require('path');
const Module = require('module');

for (const [input, expected] of [
  ['/a/b', '/a/b'],
  ['/a/b/', '/a/b'],
  ['/a//b', '/a/b'],
  ['/a/./b', '/a/b'],
  ['/a/b/..', '/a'],
  ['/..', '/'],
  ['//', '/'],
  ['/', '/'],
  ['/a/...', '/a/...'],
  ['/a/.b/..c', '/a/.b/..c'],
]) {
  assert.strictEqual(posix.resolve(input), expected, input);
}
assert.strictEqual(posix.resolve('/base', './m1.js'), '/base/m1.js');
assert.strictEqual(posix.resolve('/base', '../x/./y'), '/x/y');
assert.throws(() => posix.resolve(1), { code: 'ERR_INVALID_ARG_TYPE' });

for (const [input, expected] of [
  ['/a/b', '/a'],
  ['/a//b', '/a/'],
  ['/a/b/', '/a'],
  ['//a', '//'],
  ['///a', '//'],
  ['/a', '/'],
  ['a', '.'],
  ['a/b', 'a'],
  ['/', '/'],
  ['//', '/'],
  ['', '.'],
]) {
  assert.strictEqual(posix.dirname(input), expected, input);
}

for (const [input, expected] of [
  ['./m1.js', 'm1.js'],
  ['a/./b/../c', 'a/c'],
  ['../../x', '../../x'],
  ['/a//b/', '/a/b/'],
  ['a/..', '.'],
  ['./', './'],
]) {
  assert.strictEqual(posix.normalize(input), expected, input);
}

for (const [from, expected] of [
  ['/', ['/node_modules']],
  ['/a/b', ['/a/b/node_modules', '/a/node_modules', '/node_modules']],
  ['/a/node_modules/b',
   ['/a/node_modules/b/node_modules', '/a/node_modules', '/node_modules']],
  ['/a/xnode_modules/node_modulesx',
   ['/a/xnode_modules/node_modulesx/node_modules',
    '/a/xnode_modules/node_modules', '/a/node_modules', '/node_modules']],
  ['/node_modules/node_modules', ['/node_modules']],
  ['/a//b/../c/', ['/a/c/node_modules', '/a/node_modules', '/node_modules']],
]) {
  assert.deepStrictEqual(Module._nodeModulePaths(from), expected, from);
}

// require.main is a data property holding the main module, as in Node.
const desc = Object.getOwnPropertyDescriptor(require, 'main');
assert.strictEqual(desc.value, module);
assert.strictEqual(desc.writable, true);
assert.strictEqual(desc.enumerable, true);
assert.strictEqual(desc.configurable, true);
const other = Module.createRequire(__filename);
assert.strictEqual(other.main, module);
other.main = 1;
assert.strictEqual(other.main, 1);
assert.strictEqual(require.main, module);
