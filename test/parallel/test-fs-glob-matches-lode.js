'use strict';
// path.matchesGlob: minimatch's dialect with Node's options.
require('../common');
const assert = require('assert');
const path = require('path');

const cases = [
  ['a/b/c.js', '**/*.js', true],
  ['c', '**/c', true],
  ['.x/a', '**/a', false],
  ['x/.a', '**/.a', true],
  ['a/.b', 'a/**', false],
  ['a', 'a/**', false],
  ['a/b', 'a/**', true],
  ['.hidden', '*', false],
  ['', '*', false],
  ['..', '.*', false],
  ['.a', '.*', true],
  ['.a', '?a', false],
  ['.a', '[.]a', true],
  ['ab', 'a?', true],
  ['a/b', 'a?b', false],
  ['db', '[!a-c]b', true],
  ['db', '[^a-c]b', true],
  ['a-c', 'a[b-]c', true],
  ['a]c', 'a[]]c', true],
  ['a[c', 'a[c', true],
  ['a1', 'a[[:digit:]]', true],
  ['é', '[[:alpha:]]', true],
  ['foo.js', '*.{js,ts}', true],
  ['ad', 'a{b,{c,d}}', true],
  ['{a}', '{a}', true],
  ['a02', 'a{01..03}', true],
  ['a4', 'a{1..5..2}', false],
  ['ac', 'a{a..c}', true],
  ['abc', '+(a|b|c)', true],
  ['abd', '+(a|b|c)', false],
  ['foo.js', '!(*.ts)', true],
  ['foo.ts', '!(*.ts)', false],
  ['.a', '!(b)', false],
  ['b', '!(a)b', true],
  ['ab', '!(a)b', false],
  ['x', '!(x)*', true],
  ['xy', '!(x)*', false],
  ['a', '?(a)*', true],
  ['', '?(a)*', false],
  ['a', 'a?()', true],
  ['@(a', '@(a', true],
  ['#foo', '#foo', true],
  ['!foo', '!foo', true],
  ['foo', '!foo', false],
  ['x/../c', 'x/../c', true],
  ['x/./c', 'x/c', true],
  ['a/', 'a', true],
  ['a', 'a/', false],
  ['ABC', 'abc', false],
  ['a\\b', 'a\\b', false],
  ['', '', true],
];
for (const [file, pattern, expected] of cases) {
  assert.strictEqual(path.matchesGlob(file, pattern), expected,
                     `${file} ~ ${pattern}`);
}
// Windows paths: backslashes separate on both sides.
assert.strictEqual(path.win32.matchesGlob('foo\\bar\\baz', 'foo\\[bcr]ar\\*'),
                   true);
assert.strictEqual(path.posix.matchesGlob('foo\\bar', 'foo/*'), false);

assert.throws(() => path.matchesGlob(1, '*'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => path.matchesGlob('a', 1), { code: 'ERR_INVALID_ARG_TYPE' });
