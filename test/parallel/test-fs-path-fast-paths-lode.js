'use strict';
// The string-path fast paths of path.join/normalize and of writeFileSync,
// statSync, lstatSync and readdirSync give what the general paths give.
require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const tmpdir = require('../common/tmpdir');

// normalize(): paths already normal come back as they are, the others are
// rewritten.
const same = ['/', 'a', '/a/b', 'a/b/', '/a/b/', '.a', 'a/..b', '...', 'a/.b.'];
for (const p of same) assert.strictEqual(path.posix.normalize(p), p);
const rewritten = [
  ['//', '/'], ['//a', '/a'], ['a//b', 'a/b'], ['a//', 'a/'], ['.', '.'],
  ['./', './'], ['..', '..'], ['a/.', 'a'], ['a/./b', 'a/b'],
  ['a/../b', 'b'], ['/..', '/'], ['../a', '../a'], ['a/b/..', 'a'],
  ['/a/./', '/a/'],
];
for (const [p, want] of rewritten) {
  assert.strictEqual(path.posix.normalize(p), want);
}
assert.strictEqual(path.posix.join(), '.');
assert.strictEqual(path.posix.join('', ''), '.');
assert.strictEqual(path.posix.join('/a', '', 'b'), '/a/b');
assert.strictEqual(path.posix.join('a/', '/b'), 'a/b');
assert.strictEqual(path.posix.join('a', '..', '..', 'b'), '../b');
assert.throws(() => path.posix.join('a', 1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => path.posix.normalize(null),
              { code: 'ERR_INVALID_ARG_TYPE' });

tmpdir.refresh();
const file = tmpdir.resolve('fast.txt');
fs.writeFileSync(file, 'h\u00e9llo');
assert.strictEqual(fs.readFileSync(file, 'utf8'), 'h\u00e9llo');
fs.writeFileSync(file, 'x');
assert.strictEqual(fs.readFileSync(file, 'utf8'), 'x');
assert.strictEqual(fs.statSync(file).size, 1);
assert.strictEqual(fs.lstatSync(file).isFile(), true);
assert.strictEqual(fs.statSync(tmpdir.resolve('none'),
                               { throwIfNoEntry: false }), undefined);
assert.deepStrictEqual(fs.readdirSync(tmpdir.path), ['fast.txt']);
assert.strictEqual(
  fs.readdirSync(tmpdir.path, { withFileTypes: true })[0].isFile(), true);

// A NUL byte still goes through the validators.
const bad = `${file}\u0000`;
for (const fn of [() => fs.writeFileSync(bad, 'x'), () => fs.statSync(bad),
                  () => fs.lstatSync(bad), () => fs.readdirSync(bad)]) {
  assert.throws(fn, { code: 'ERR_INVALID_ARG_VALUE', name: 'TypeError' });
}
assert.throws(() => fs.statSync(tmpdir.resolve('none')),
              { code: 'ENOENT', syscall: 'stat' });
assert.throws(() => fs.writeFileSync(tmpdir.resolve('no/such'), 'x'),
              { code: 'ENOENT', syscall: 'open' });
