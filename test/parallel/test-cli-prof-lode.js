'use strict';
// --prof is passed on to V8, which writes its tick log
// (isolate-<address>-<pid>-v8.log) to the working directory; --prof-process
// (V8's tick processor) is refused.
require('../common');
const assert = require('assert');
const fs = require('fs');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const run = spawnSync(process.execPath, [
  '--prof', '-e', 'let s = 0; for (let i = 0; i < 1e6; i++) s += i;',
], { cwd: tmpdir.path, encoding: 'utf8' });
assert.strictEqual(run.status, 0, run.stderr);
const logs = fs.readdirSync(tmpdir.path)
  .filter((name) => /^isolate-0x[0-9a-f]+-\d+-v8\.log$/.test(name));
assert.strictEqual(logs.length, 1, String(fs.readdirSync(tmpdir.path)));
const log = fs.readFileSync(tmpdir.resolve(logs[0]), 'utf8');
assert.match(log, /^v8-version,/m);
assert.match(log, /^code-creation,/m);

const processed = spawnSync(process.execPath, ['--prof-process', logs[0]],
                            { cwd: tmpdir.path, encoding: 'utf8' });
assert.strictEqual(processed.status, 9);
assert.match(processed.stderr, /--prof-process is not implemented in lode yet/);
