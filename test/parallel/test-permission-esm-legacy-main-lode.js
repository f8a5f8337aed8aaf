'use strict';
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const tmpdir = require('../common/tmpdir');

// With --permission, importing a package without "exports" probes its
// "main" and index files in order; the first one it may not read stops the
// search with ERR_ACCESS_DENIED naming that file, as in Node.
tmpdir.refresh();
const pkg = path.join(tmpdir.path, 'node_modules', 'pkg');
fs.mkdirSync(pkg, { recursive: true });
fs.writeFileSync(path.join(pkg, 'package.json'), '{"main": "lib/main"}');
fs.mkdirSync(path.join(pkg, 'lib'));
fs.writeFileSync(path.join(pkg, 'lib', 'main.js'), 'export default 1;');
const entry = path.join(tmpdir.path, 'entry.mjs');
fs.writeFileSync(entry, 'import x from "pkg"; console.log(x);');

function run(...reads) {
  return spawnSync(process.execPath, [
    '--permission',
    `--allow-fs-read=${entry}`,
    `--allow-fs-read=${path.join(pkg, 'package.json')}`,
    ...reads.map((file) => `--allow-fs-read=${path.join(pkg, file)}`),
    entry,
  ], { encoding: 'utf8', cwd: tmpdir.path });
}

{
  // lib/main (without extension) comes first.
  const { status, stderr } = run();
  assert.strictEqual(status, 1);
  assert.match(stderr, /code: 'ERR_ACCESS_DENIED'/);
  assert.ok(stderr.includes(`resource: '${path.join(pkg, 'lib', 'main')}'`),
            stderr);
}
{
  const { status, stdout, stderr } = run('lib/main', 'lib/main.js');
  assert.strictEqual(stderr, '');
  assert.strictEqual(status, 0);
  assert.strictEqual(stdout, '1\n');
}
