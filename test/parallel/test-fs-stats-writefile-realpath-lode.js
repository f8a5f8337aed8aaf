'use strict';
// Stats dates round to the nearest millisecond; writeFileSync's general path
// goes through fs.openSync/writeSync/closeSync; realpath of /dev/stdin when
// it is a pipe ends at the pipe.
const common = require('../common');
const assert = require('assert');
const tmpdir = require('../common/tmpdir');
const fs = require('fs');
const { spawnSync } = require('child_process');

tmpdir.refresh();

// A time set from a Date reads back as that Date.
{
  const t = tmpdir.resolve('t.txt');
  fs.writeFileSync(t, '');
  const d = new Date(1795681530734);
  fs.utimesSync(t, d, d);
  assert.strictEqual(fs.statSync(t).mtime.getTime(), d.getTime());
}

// writeFileSync with an encoding uses fs.openSync, writeSync and closeSync.
{
  const calls = [];
  const { openSync, writeSync, closeSync } = fs;
  fs.openSync = (...a) => { calls.push('open'); return openSync(...a); };
  fs.writeSync = (...a) => { calls.push('write'); return writeSync(...a); };
  fs.closeSync = (fd) => { calls.push('close'); return closeSync(fd); };
  try {
    fs.writeFileSync(tmpdir.resolve('b64.txt'), 'aGk=', 'base64');
  } finally {
    Object.assign(fs, { openSync, writeSync, closeSync });
  }
  assert.deepStrictEqual(calls, ['open', 'write', 'close']);
  assert.strictEqual(fs.readFileSync(tmpdir.resolve('b64.txt'), 'utf8'), 'hi');
}

// /dev/stdin -> /proc/self/fd/0 -> pipe:[N]: the result is that last path.
if (!common.isWindows && fs.existsSync('/proc/self/fd/0')) {
  for (const code of [
    'fs.realpath("/dev/stdin", (e, p) => process.exit(e ? 1 : p ? 2 : 3))',
    'process.exit(fs.realpathSync("/dev/stdin") ? 2 : 3)',
  ]) {
    const child = spawnSync(process.execPath,
                            ['-e', `const fs = require('fs'); ${code}`],
                            { stdio: 'pipe' });
    assert.strictEqual(child.status, 2, child.stderr.toString());
  }
}
