'use strict';
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');

// `--run <script>` runs a package.json script with `sh -c` from the folder
// of the nearest package.json, with node_modules/.bin folders in front of
// PATH, NODE_RUN_SCRIPT_NAME and NODE_RUN_PACKAGE_JSON_PATH set, and the
// arguments after `--` appended (quoted when they need it).

if (common.isWindows) common.skip('POSIX shell scripts');

tmpdir.refresh();
const root = tmpdir.resolve('pkg');
const sub = path.join(root, 'sub', 'deeper');
fs.mkdirSync(path.join(root, 'node_modules', '.bin'), { recursive: true });
fs.mkdirSync(path.join(root, 'sub', 'node_modules', '.bin'), { recursive: true });
fs.mkdirSync(sub, { recursive: true });
const packageJson = path.join(root, 'package.json');
fs.writeFileSync(packageJson, JSON.stringify({
  scripts: {
    where: 'pwd; echo "$NODE_RUN_SCRIPT_NAME $NODE_RUN_PACKAGE_JSON_PATH"',
    path: 'echo "$PATH"',
    args: 'printf "[%s]"',
  },
}));

function run(args, cwd) {
  return spawnSync(process.execPath, ['--run', ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, PATH: '/usr/bin:/bin' },
  });
}

{
  const child = run(['where'], sub);
  assert.strictEqual(child.stderr, '');
  assert.strictEqual(child.status, 0);
  assert.strictEqual(child.stdout, `${fs.realpathSync(root)}\nwhere ${packageJson}\n`);
}

{
  const child = run(['path'], sub);
  assert.strictEqual(child.status, 0);
  // From the current directory up; only the folders that exist.
  assert.strictEqual(child.stdout, [
    path.join(root, 'sub', 'node_modules', '.bin'),
    path.join(root, 'node_modules', '.bin'),
    '/usr/bin',
    '/bin',
  ].join(':') + '\n');
}

{
  const child = run(['args', '--', 'a b', '$HOME', '', 'plain', '--flag'], root);
  assert.strictEqual(child.status, 0);
  assert.strictEqual(child.stdout, '[a b][$HOME][][plain][--flag]');
  // Without `--`, what follows the name is not passed on.
  assert.strictEqual(run(['args', 'extra'], root).stdout, '[]');
}
