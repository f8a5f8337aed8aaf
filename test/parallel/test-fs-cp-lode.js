'use strict';
// cp / cpSync / fsPromises.cp: recursive copies, symlinks, filter and the
// error codes of the path checks.
const common = require('../common');
const assert = require('assert');
const tmpdir = require('../common/tmpdir');
const fs = require('fs');

tmpdir.refresh();
process.chdir(tmpdir.path);
fs.mkdirSync('s/sub', { recursive: true });
fs.writeFileSync('s/f', 'F');
fs.writeFileSync('s/sub/g', 'G');
fs.symlinkSync('f', 's/lnk');

fs.cpSync('s', 'd', { recursive: true });
assert.deepStrictEqual(fs.readdirSync('d', { recursive: true }).sort(),
                       ['f', 'lnk', 'sub', 'sub/g']);
assert.strictEqual(fs.readlinkSync('d/lnk'), `${tmpdir.path}/s/f`);

assert.throws(() => fs.cpSync('s', 'x'), {
  code: 'ERR_FS_EISDIR',
  message: 'Recursive option not enabled, cannot copy a directory: s/',
});
assert.throws(() => fs.cpSync('s', 's', { recursive: true }),
              { code: 'ERR_FS_CP_EINVAL' });
assert.throws(() => fs.cpSync('s', 's/sub/x', { recursive: true }), {
  code: 'ERR_FS_CP_EINVAL',
  message: 'Cannot copy s/ to a subdirectory of self s/sub/x',
});
assert.throws(() => fs.cpSync('s', 'd', { recursive: true, force: false,
                                          errorOnExist: true }),
              { code: 'ERR_FS_CP_EEXIST' });

fs.cpSync('s', 'flt', { recursive: true, filter: (src) => !src.endsWith('g') });
assert.deepStrictEqual(fs.readdirSync('flt', { recursive: true }).sort(),
                       ['f', 'lnk', 'sub']);

fs.cp('s', 'd2', common.mustCall((err) => {
  assert.strictEqual(err.name, 'SystemError');
  assert.strictEqual(err.code, 'ERR_FS_EISDIR');
  assert.strictEqual(err.message,
                     'Path is a directory: cp returned EISDIR (s is a ' +
                     'directory (not copied)) s');
}));
fs.promises.cp('s', 'd3', { recursive: true }).then(common.mustCall(() => {
  assert.strictEqual(fs.readFileSync('d3/sub/g', 'utf8'), 'G');
}));
