'use strict';
// mkdir -p (first created directory), readdir (types, recursive, buffer),
// opendir/Dir, mkdtemp, rm and rmdir.
const common = require('../common');
const assert = require('assert');
const tmpdir = require('../common/tmpdir');
const fs = require('fs');
const path = require('path');

tmpdir.refresh();
process.chdir(tmpdir.path);

assert.strictEqual(fs.mkdirSync('a/b/c', { recursive: true }), 'a');
assert.strictEqual(fs.mkdirSync('a/b/c', { recursive: true }), undefined);
assert.strictEqual(fs.mkdirSync('./a/b2/../c2/d', { recursive: true }),
                   './a/b2');
fs.writeFileSync('a/f', '');
assert.throws(() => fs.mkdirSync('a/f/x', { recursive: true }),
              { code: 'ENOTDIR', syscall: 'mkdir', path: 'a/f/x' });

assert.deepStrictEqual(fs.readdirSync('a').sort(), ['b', 'b2', 'c2', 'f']);
assert.deepStrictEqual(
  fs.readdirSync('a', { recursive: true }),
  ['b', 'b2', 'c2', 'f', 'b/c', 'c2/d']);
const dirents = fs.readdirSync('a', { withFileTypes: true })
  .sort((x, y) => (x.name < y.name ? -1 : 1));
assert.strictEqual(dirents[0].name, 'b');
assert.strictEqual(dirents[0].isDirectory(), true);
assert.strictEqual(dirents[3].isFile(), true);
assert.strictEqual(dirents[3].parentPath, 'a');
assert.ok(Buffer.isBuffer(fs.readdirSync('a', 'buffer')[0]));

const dir = fs.opendirSync('a', { recursive: true });
const seen = [];
let ent;
while ((ent = dir.readSync()) !== null) seen.push(ent.name);
dir.closeSync();
assert.deepStrictEqual(seen.sort(), ['b', 'b2', 'c', 'c2', 'd', 'f']);
assert.throws(() => dir.readSync(), { code: 'ERR_DIR_CLOSED' });

const tmp = fs.mkdtempSync(path.join(tmpdir.path, 'x-'));
assert.match(path.basename(tmp), /^x-[A-Za-z0-9]{6}$/);

assert.throws(() => fs.rmdirSync('a'), { code: 'ENOTEMPTY' });
fs.rmSync('nope', { force: true });
fs.rmSync('a', { recursive: true });
assert.strictEqual(fs.existsSync('a'), false);

fs.mkdir('p/q', { recursive: true }, common.mustSucceed((first) => {
  assert.strictEqual(first, 'p');
  fs.readdir('p', { withFileTypes: true }, common.mustSucceed((list) => {
    assert.strictEqual(list[0].name, 'q');
    fs.rm('p', { recursive: true }, common.mustCall((err) => {
      assert.strictEqual(err, null);
      assert.strictEqual(fs.existsSync('p'), false);
    }));
  }));
}));
fs.opendir(tmpdir.path, common.mustSucceed(async (d) => {
  const names = [];
  for await (const e of d) names.push(e.name);
  assert.ok(names.length > 0);
}));
