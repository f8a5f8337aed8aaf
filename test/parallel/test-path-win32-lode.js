'use strict';
require('../common');
const assert = require('assert');
const { win32 } = require('path');

// Expected values were checked against Node.js 24.

// normalize
for (const [args, expected] of [
  [['C:\\a\\..\\b'], 'C:\\b'],
  [['C:a\\..\\..\\b'], 'C:..\\b'],
  [['\\\\server\\share'], '\\\\server\\share\\'],
  [['\\\\server\\share\\a\\..\\..'], '\\\\server\\share\\'],
  [['//server/share/dir/'], '\\\\server\\share\\dir\\'],
  [['\\\\?\\C:\\x\\..\\y'], '\\\\?\\C:\\y'],
  [['\\\\.\\pipe\\name'], '\\\\.\\pipe\\name'],
  [['a/b/../../..'], '..'],
  [['c:'], 'c:.'],
  [['c:/'], 'c:\\'],
  [['..\\..\\x\\'], '..\\..\\x\\'],
  [['CON:x'], '.\\CON:x'],
  [['a:b'], 'a:b'],
  [['x:\\y'], 'x:\\y'],
  [['./a:b'], '.\\a:b'],
  [['/'], '\\'],
  [['//'], '\\'],
  [['\\\\a'], '\\a'],
  [['.'], '.'],
  [[''], '.'],
]) {
  assert.deepStrictEqual(win32.normalize(...args), expected);
}

// join
for (const [args, expected] of [
  [['C:', 'a', '..', 'b'], 'C:\\b'],
  [['//server', 'share'], '\\\\server\\share\\'],
  [['\\\\', 'server', 'share'], '\\server\\share'],
  [['///a', 'b'], '\\a\\b'],
  [['a', '', 'b'], 'a\\b'],
  [[''], '.'],
  [['a', '/b'], 'a\\b'],
  [['C:\\', '..', '..'], 'C:\\'],
  [['x', 'CON:', 'y'], 'x\\CON:\\y'],
  [['\\\\server\\share', '..'], '\\\\server\\share\\'],
]) {
  assert.deepStrictEqual(win32.join(...args), expected);
}

// resolve
for (const [args, expected] of [
  [['C:\\a', 'b'], 'C:\\a\\b'],
  [['C:\\a', 'D:\\b', 'c'], 'D:\\b\\c'],
  [['C:\\a', '\\b'], 'C:\\b'],
  [['\\\\server\\share', 'x', '..', 'y'], '\\\\server\\share\\y'],
  [['c:/ignore', 'd:\\a/b\\c/d', '\\e.exe'], 'd:\\e.exe'],
  [['C:\\', '..'], 'C:\\'],
  [['\\\\?\\C:\\x', '..'], '\\\\?\\C:'],
]) {
  assert.deepStrictEqual(win32.resolve(...args), expected);
}

// relative
for (const [args, expected] of [
  [['C:\\a\\b\\c', 'C:\\a\\d'], '..\\..\\d'],
  [['C:\\a', 'C:\\a\\b\\c'], 'b\\c'],
  [['C:\\a\\b', 'C:\\a'], '..'],
  [['C:\\', 'C:\\a'], 'a'],
  [['C:\\a', 'D:\\a'], 'D:\\a'],
  [['C:\\FOO\\bar', 'c:\\foo\\BAZ'], '..\\BAZ'],
  [['\\\\srv\\share\\a', '\\\\srv\\share\\b'], '..\\b'],
  [['C:\\a', 'C:\\a'], ''],
  [['C:\\a\\', 'C:\\a\\b\\'], 'b'],
]) {
  assert.deepStrictEqual(win32.relative(...args), expected);
}

// dirname
for (const [args, expected] of [
  [['C:\\a\\b'], 'C:\\a'],
  [['C:\\a'], 'C:\\'],
  [['C:\\'], 'C:\\'],
  [['C:'], 'C:'],
  [['C:a'], 'C:'],
  [['\\\\srv\\share'], '\\\\srv\\share'],
  [['\\\\srv\\share\\a'], '\\\\srv\\share\\'],
  [['\\\\srv\\share\\a\\b'], '\\\\srv\\share\\a'],
  [['/a/b/'], '/a'],
  [['a'], '.'],
  [['\\'], '\\'],
  [[''], '.'],
]) {
  assert.deepStrictEqual(win32.dirname(...args), expected);
}

// basename
for (const [args, expected] of [
  [['C:\\a\\b.txt'], 'b.txt'],
  [['C:\\a\\b.txt', '.txt'], 'b'],
  [['C:b.txt'], 'b.txt'],
  [['C:'], ''],
  [['\\dir\\'], 'dir'],
  [['file.js', 'file.js'], ''],
  [['a/b\\c'], 'c'],
  [['aaa', 'a'], 'aa'],
]) {
  assert.deepStrictEqual(win32.basename(...args), expected);
}

// extname
for (const [args, expected] of [
  [['C:\\a.b\\c'], ''],
  [['C:.x'], ''],
  [['file.tar.gz'], '.gz'],
  [['.hidden'], ''],
  [['a.'], '.'],
  [['..'], ''],
  [['a\\b.c\\'], '.c'],
]) {
  assert.deepStrictEqual(win32.extname(...args), expected);
}

// parse
for (const [args, expected] of [
  [
    ['C:\\path\\dir\\file.txt'],
    {
      root: 'C:\\',
      dir: 'C:\\path\\dir',
      base: 'file.txt',
      ext: '.txt',
      name: 'file',
    },
  ],
  [
    ['\\\\server\\share\\file'],
    {
      root: '\\\\server\\share\\',
      dir: '\\\\server\\share\\',
      base: 'file',
      ext: '',
      name: 'file',
    },
  ],
  [
    ['\\\\server\\share'],
    {
      root: '\\\\server\\share',
      dir: '\\\\server\\share',
      base: '',
      ext: '',
      name: '',
    },
  ],
  [['C:'], { root: 'C:', dir: 'C:', base: '', ext: '', name: '' }],
  [['C:\\'], { root: 'C:\\', dir: 'C:\\', base: '', ext: '', name: '' }],
  [['C:abc'], { root: 'C:', dir: 'C:', base: 'abc', ext: '', name: 'abc' }],
  [['\\'], { root: '\\', dir: '\\', base: '', ext: '', name: '' }],
  [['file'], { root: '', dir: '', base: 'file', ext: '', name: 'file' }],
]) {
  assert.deepStrictEqual(win32.parse(...args), expected);
}

// toNamespacedPath
for (const [args, expected] of [
  [['C:\\foo'], '\\\\?\\C:\\foo'],
  [['\\\\server\\share\\x'], '\\\\?\\UNC\\server\\share\\x'],
  [['\\\\?\\C:\\x'], '\\\\?\\C:\\x'],
  [['\\\\.\\pipe\\x'], '\\\\.\\pipe\\x'],
  [[''], ''],
]) {
  assert.deepStrictEqual(win32.toNamespacedPath(...args), expected);
}

assert.strictEqual(win32.sep, '\\');
assert.strictEqual(win32.delimiter, ';');
for (const [p, abs] of [
  ['C:\\x', true],
  ['C:x', false],
  ['C:', false],
  ['\\x', true],
  ['/x', true],
  ['//server', true],
  ['x', false],
  ['', false],
]) {
  assert.strictEqual(win32.isAbsolute(p), abs);
}
assert.strictEqual(win32.format({ root: 'C:\\', name: 'f', ext: 'txt' }),
                   'C:\\f.txt');
assert.strictEqual(win32.format({ dir: 'C:\\d', base: 'f' }), 'C:\\d\\f');
assert.strictEqual(win32.toNamespacedPath(5), 5);
