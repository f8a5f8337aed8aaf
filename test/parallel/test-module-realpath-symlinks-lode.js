'use strict';
// require() names a file by its real path: the loader finds each folder's
// real path once and checks the file itself with lstat, so links to files,
// links to folders, links to links and relative links must all still
// resolve as realpath() does. Checked against Node.js 24.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const root = fs.realpathSync(tmpdir.path);
const real = path.join(root, 'real');
fs.mkdirSync(path.join(real, 'sub'), { recursive: true });
fs.mkdirSync(path.join(root, 'other'));
const a = path.join(real, 'sub', 'a.js');
const b = path.join(root, 'other', 'b.js');
fs.writeFileSync(a, 'module.exports = __filename;');
fs.writeFileSync(b, 'module.exports = __filename;');
try {
  fs.symlinkSync('../../other/b.js', path.join(real, 'sub', 'blink.js'));
} catch (err) {
  if (err.code === 'EPERM') common.skip('no symbolic links here');
  throw err;
}
fs.symlinkSync('real', path.join(root, 'realdir'));
fs.symlinkSync('realdir', path.join(root, 'dirlink2'));
fs.symlinkSync('sub', path.join(real, 'subl'));

for (const [request, expected] of [
  ['real/sub/a.js', a],
  ['realdir/sub/a.js', a],
  ['dirlink2/sub/a.js', a],
  ['real/sub/blink.js', b],
  ['dirlink2/subl/blink.js', b],
  ['real/subl/a', a],
  ['realdir//sub/a.js', a],
  ['real/sub/../sub/a.js', a],
]) {
  const full = `${root}/${request}`;
  assert.strictEqual(require.resolve(full), expected, request);
  assert.strictEqual(require(full), expected, request);
}
assert.strictEqual(require.cache[a].filename, a);
assert.strictEqual(require.cache[b].filename, b);
