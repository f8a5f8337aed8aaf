'use strict';
// A sync fs error is built by assignment: a throwing setter for errno on
// Object.prototype makes that the exception (and rmSync, which expects no
// errors on its way, still works). fsPromises.lchmod is not implemented
// off macOS; FileHandle methods check their receiver.
const common = require('../common');
const assert = require('assert');
const tmpdir = require('../common/tmpdir');
const fs = require('fs');

tmpdir.refresh();
const file = tmpdir.resolve('a.txt');
fs.writeFileSync(file, '');
fs.mkdirSync(tmpdir.resolve('d/e'), { recursive: true });
fs.writeFileSync(tmpdir.resolve('d/e/f.txt'), 'x');

const setterError = new Error('from the setter');
Object.defineProperty(Object.prototype, 'errno', {
  __proto__: null,
  configurable: true,
  set() { throw setterError; },
  get() { return 0; },
});
const fd = fs.openSync(file, 'r');
assert.throws(() => fs.writeSync(fd, 'test'), setterError);
fs.closeSync(fd);
fs.rmSync(tmpdir.resolve('d'), { recursive: true });
delete Object.prototype.errno;
assert.strictEqual(fs.existsSync(tmpdir.resolve('d')), false);

if (!common.isMacOS) {
  assert.rejects(fs.promises.lchmod(file, 0o644), {
    code: 'ERR_METHOD_NOT_IMPLEMENTED',
    message: 'The lchmod() method is not implemented',
  }).then(common.mustCall());
}

fs.promises.open(file, 'r').then(common.mustCall(async (handle) => {
  await assert.rejects(() => handle.stat.call({}), {
    code: 'ERR_INTERNAL_ASSERTION',
    message: /handle must be an instance of FileHandle/,
  });
  await handle.close();
}));
