'use strict';
require('../common');
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

// --no-experimental-detect-module: a .js file outside any "type" scope is
// CommonJS even when it only parses as an ES module (a SyntaxError, after
// Node's hint for the entry point); with detection on it runs as an ES
// module.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lode-detect-'));
const file = path.join(dir, 'entry.js');
fs.writeFileSync(file, "export default 1;\nconsole.log('ran');\n");

try {
  const on = spawnSync(process.execPath, [file], { encoding: 'utf8' });
  assert.strictEqual(on.status, 0, on.stderr);
  assert.strictEqual(on.stdout, 'ran\n');

  const off = spawnSync(process.execPath,
                        ['--no-experimental-detect-module', file],
                        { encoding: 'utf8' });
  assert.strictEqual(off.status, 1);
  assert.strictEqual(off.stdout, '');
  assert.match(off.stderr, /SyntaxError: Unexpected token 'export'/);
  assert.match(off.stderr, /Warning: Failed to load the ES module: /);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
