'use strict';
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');

// What --run reports when it cannot run the script, always with exit
// code 1: the script's own failure, a missing script (with the list of
// those there are), a package.json that is not JSON, or has no "scripts",
// and no package.json at all. `--run` without a name is a bad option.

if (common.isWindows) common.skip('POSIX shell scripts');

tmpdir.refresh();

function run(args, packageJson) {
  if (packageJson !== undefined) {
    fs.writeFileSync(tmpdir.resolve('package.json'), packageJson);
  }
  return spawnSync(process.execPath, args,
                   { cwd: tmpdir.path, encoding: 'utf8' });
}

const file = tmpdir.resolve('package.json');
const scripts = JSON.stringify({
  scripts: { fail: 'exit 3', list: 'ls', count: 5 },
});

let child = run(['--run', 'fail'], scripts);
assert.deepStrictEqual([child.status, child.stdout, child.stderr], [1, '', '']);

child = run(['--run', 'nope']);
assert.strictEqual(child.status, 1);
assert.strictEqual(child.stdout, '');
assert.strictEqual(child.stderr,
                   `Missing script: "nope" for ${file}\n\n` +
                   'Available scripts are:\n  fail: exit 3\n  list: ls\n');

child = run(['--run', 'count']);
assert.strictEqual(child.stderr,
                   `Script "count" is unexpectedly not a string for ${file}\n\n`);

child = run(['--run', 'x'], '{ not json');
assert.deepStrictEqual([child.status, child.stderr],
                       [1, `Can't parse ${file}\n`]);

child = run(['--run', 'x'], '{}');
assert.strictEqual(child.stderr, `Can't find "scripts" field in ${file}\n`);

child = run(['--run', 'x'], '[]');
assert.strictEqual(child.stderr,
                   `Root value unexpected not an object for ${file}\n\n`);

child = spawnSync(process.execPath, ['--run', 'x'], { cwd: '/', encoding: 'utf8' });
assert.deepStrictEqual([child.status, child.stderr],
                       [1, 'Can\'t find package.json for directory /\n']);

child = run(['--run']);
assert.strictEqual(child.status, 9);
assert.match(child.stderr, /: --run requires an argument\n$/);
