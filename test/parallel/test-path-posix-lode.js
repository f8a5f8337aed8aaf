'use strict';
require('../common');
const assert = require('assert');
const { posix } = require('path');

// Expected values were checked against Node.js 24.

// normalize
for (const [args, expected] of [
  [['/a/b/../c'], '/a/c'],
  [['a//b/./c/'], 'a/b/c/'],
  [['../../x'], '../../x'],
  [['/../x'], '/x'],
  [['./'], './'],
  [['.'], '.'],
  [[''], '.'],
  [['//a'], '/a'],
  [['/a/b/..'], '/a'],
  [['a/..'], '.'],
  [['a/../..'], '..'],
  [['...'], '...'],
  [['/.../a'], '/.../a'],
]) {
  assert.deepStrictEqual(posix.normalize(...args), expected);
}

// join
for (const [args, expected] of [
  [['/a', 'b', '../c'], '/a/c'],
  [['a', '', 'b'], 'a/b'],
  [[''], '.'],
  [['', ''], '.'],
  [['/', '/a'], '/a'],
  [['a/', '/b/'], 'a/b/'],
  [['..', '..', 'x'], '../../x'],
  [['.', '.'], '.'],
]) {
  assert.deepStrictEqual(posix.join(...args), expected);
}

// resolve
for (const [args, expected] of [
  [['/a/b', 'c'], '/a/b/c'],
  [['/a', '/b', 'c'], '/b/c'],
  [['/a/b/', '../../..'], '/'],
  [['/x', ''], '/x'],
  [['/foo/bar', './baz'], '/foo/bar/baz'],
  [['/foo/bar', '/tmp/file/'], '/tmp/file'],
]) {
  assert.deepStrictEqual(posix.resolve(...args), expected);
}

// relative
for (const [args, expected] of [
  [['/a/b/c', '/a/d'], '../../d'],
  [['/a', '/a/b/c'], 'b/c'],
  [['/a/b', '/a'], '..'],
  [['/', '/a'], 'a'],
  [['/a', '/'], '..'],
  [['/a/b', '/a/b'], ''],
  [['/foo/bar/baz-quux', '/foo/bar/baz'], '../baz'],
  [['/page1/page2/foo', '/'], '../../..'],
]) {
  assert.deepStrictEqual(posix.relative(...args), expected);
}

// dirname
for (const [args, expected] of [
  [['/a/b/'], '/a'],
  [['/a'], '/'],
  [['/'], '/'],
  [['a'], '.'],
  [[''], '.'],
  [['//a'], '//'],
  [['a/b//'], 'a'],
  [['////'], '/'],
]) {
  assert.deepStrictEqual(posix.dirname(...args), expected);
}

// basename
for (const [args, expected] of [
  [['/a/b.txt'], 'b.txt'],
  [['/a/b.txt', '.txt'], 'b'],
  [['/a/b.txt', 'b.txt'], 'b.txt'],
  [['/dir/'], 'dir'],
  [['file.js', 'file.js'], ''],
  [['a\\b'], 'a\\b'],
  [['aaa/bbb', 'bb'], 'b'],
  [['aaa', 'a'], 'aa'],
  [[''], ''],
]) {
  assert.deepStrictEqual(posix.basename(...args), expected);
}

// extname
for (const [args, expected] of [
  [['index.html'], '.html'],
  [['index.coffee.md'], '.md'],
  [['index.'], '.'],
  [['index'], ''],
  [['.index'], ''],
  [['.index.md'], '.md'],
  [['..'], ''],
  [['/a.b/c'], ''],
  [['a.b/'], '.b'],
  [['...'], '.'],
]) {
  assert.deepStrictEqual(posix.extname(...args), expected);
}

// parse
for (const [args, expected] of [
  [
    ['/home/user/dir/file.txt'],
    {
      root: '/',
      dir: '/home/user/dir',
      base: 'file.txt',
      ext: '.txt',
      name: 'file',
    },
  ],
  [['/'], { root: '/', dir: '/', base: '', ext: '', name: '' }],
  [['//'], { root: '/', dir: '/', base: '', ext: '', name: '' }],
  [['./x.js'], { root: '', dir: '.', base: 'x.js', ext: '.js', name: 'x' }],
  [['.x'], { root: '', dir: '', base: '.x', ext: '', name: '.x' }],
  [['/..'], { root: '/', dir: '/', base: '..', ext: '.', name: '.' }],
  [['x/'], { root: '', dir: '', base: 'x', ext: '', name: 'x' }],
  [[''], { root: '', dir: '', base: '', ext: '', name: '' }],
]) {
  assert.deepStrictEqual(posix.parse(...args), expected);
}

// toNamespacedPath
for (const [args, expected] of [
  [['/foo'], '/foo'],
  [[''], ''],
]) {
  assert.deepStrictEqual(posix.toNamespacedPath(...args), expected);
}

assert.strictEqual(posix.sep, '/');
assert.strictEqual(posix.delimiter, ':');
assert.strictEqual(posix.isAbsolute('/x'), true);
assert.strictEqual(posix.isAbsolute('x'), false);
assert.strictEqual(posix.isAbsolute(''), false);
assert.strictEqual(posix.format({ root: '/', dir: '/home', base: 'f.txt' }),
                   '/home/f.txt');
assert.strictEqual(posix.format({ root: '/', name: 'f', ext: 'txt' }),
                   '/f.txt');
assert.strictEqual(posix.format({ dir: 'd', name: 'f', ext: '.e' }), 'd/f.e');
assert.strictEqual(posix.resolve('a'), posix.join(process.cwd(), 'a'));
assert.strictEqual(posix.resolve(), process.cwd());
assert.strictEqual(posix._makeLong, posix.toNamespacedPath);
