'use strict';
// fs.watch on a directory and on a file: 'change' events with the name,
// encodings, ref/unref, close (a no-op the second time) and the errors.
const common = require('../common');
const assert = require('assert');
const tmpdir = require('../common/tmpdir');
const fs = require('fs');

tmpdir.refresh();
const dir = tmpdir.resolve('watched');
fs.mkdirSync(dir);
const file = tmpdir.resolve('watched', 'new.txt');

assert.throws(() => fs.watch(tmpdir.resolve('missing')), (err) => {
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.syscall, 'watch');
  assert.strictEqual(err.filename, tmpdir.resolve('missing'));
  assert.match(err.message, /^ENOENT: no such file or directory, watch /);
  return true;
});
for (const bad of [false, 1, {}, [], null, undefined]) {
  assert.throws(() => fs.watch(bad), { code: 'ERR_INVALID_ARG_TYPE' });
}
assert.throws(() => fs.watch(dir, { encoding: 'nope' }),
              { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => fs.watch(dir, { signal: 1 }),
              { code: 'ERR_INVALID_ARG_TYPE' });

// A watcher that is never triggered does not keep the loop alive.
const idle = fs.watch(__filename, common.mustNotCall());
assert.strictEqual(idle.unref(), idle);
assert.strictEqual(idle.ref(), idle);
idle.unref();

const hex = Buffer.from('new.txt').toString('hex');
const seen = new Set();
function expectName(encoding, check) {
  const watcher = fs.watch(dir, { encoding }, (eventType, filename) => {
    assert.ok(eventType === 'rename' || eventType === 'change');
    if (!check(filename) || seen.has(encoding)) return;
    seen.add(encoding);
    watcher.close();
    watcher.close();
    if (seen.size === 3) {
      clearInterval(timer);
      idle.close();
    }
  });
  watcher.on('close', common.mustCall());
}
expectName('utf8', (name) => name === 'new.txt');
expectName('hex', (name) => name === hex);
expectName('buffer', (name) => Buffer.isBuffer(name) &&
                               name.toString() === 'new.txt');

const timer = setInterval(() => {
  fs.writeFileSync(file, 'x');
  fs.unlinkSync(file);
}, 20);
