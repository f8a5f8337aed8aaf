'use strict';
// fs.watchFile: zeroed Stats while the file is missing, (curr, prev) once it
// appears, one StatWatcher per path, unwatchFile, bigint stats.
const common = require('../common');
const assert = require('assert');
const tmpdir = require('../common/tmpdir');
const fs = require('fs');

tmpdir.refresh();
const file = tmpdir.resolve('later.txt');

assert.throws(() => fs.watchFile(file), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.watchFile(file, {}, 'x'),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.watchFile({}, common.mustNotCall()),
              { code: 'ERR_INVALID_ARG_TYPE' });

let created = false;
const listener = common.mustCall((curr, prev) => {
  assert.ok(curr instanceof fs.Stats);
  if (!created) {
    for (const stats of [curr, prev]) {
      assert.strictEqual(stats.ino, 0);
      assert.strictEqual(stats.size, 0);
      assert.strictEqual(stats.mtimeMs, 0);
      assert.strictEqual(stats.mtime.getTime(), 0);
    }
    created = true;
    fs.writeFileSync(file, 'abc');
  } else {
    assert.ok(curr.ino > 0);
    assert.strictEqual(curr.size, 3);
    assert.strictEqual(prev.ino, 0);
    fs.unwatchFile(file, listener);
  }
}, 2);
const watcher = fs.watchFile(file, { interval: 20 }, listener);
assert.strictEqual(fs.watchFile(file, { interval: 20 }, listener), watcher);
fs.unwatchFile(file, listener);  // One of the two registrations.
watcher.on('stop', common.mustCall());

const big = tmpdir.resolve('big.txt');
fs.writeFileSync(big, '');
fs.watchFile(big, { bigint: true, interval: 20 }, common.mustCall((curr) => {
  assert.strictEqual(typeof curr.size, 'bigint');
  assert.strictEqual(curr.size, 2n);
  fs.unwatchFile(big);
}));
setTimeout(() => fs.writeFileSync(big, 'xy'), common.platformTimeout(100));
