'use strict';
require('../common');
const assert = require('assert');
const fs = require('fs');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');

// --redirect-warnings=file and NODE_REDIRECT_WARNINGS append the warning
// text to the file instead of stderr; throwDeprecation throws on the next
// tick, after the code that emitted it went on.

tmpdir.refresh();
const script = `
  process.emitWarning('first', { code: 'LODE1', detail: 'more' });
  process.emitWarning('second', 'DeprecationWarning', 'DEP0999');
`;
{
  const file = tmpdir.resolve('flag.txt');
  const child = spawnSync(process.execPath,
                          [`--redirect-warnings=${file}`, '-e', script],
                          { encoding: 'utf8' });
  assert.strictEqual(child.status, 0);
  assert.strictEqual(child.stderr, '');
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.replace(/\(node:\d+\)/g, '(node:PID)')
    .replace(/`\S+ --trace/, '`node --trace').split('\n');
  assert.deepStrictEqual(lines, [
    '(node:PID) [LODE1] Warning: first',
    'more',
    '(Use `node --trace-warnings ...` to show where the warning was created)',
    '(node:PID) [DEP0999] DeprecationWarning: second',
    '',
  ]);
}
{
  const file = tmpdir.resolve('env.txt');
  fs.writeFileSync(file, 'before\n');
  const child = spawnSync(process.execPath, ['-e', script], {
    encoding: 'utf8', env: { ...process.env, NODE_REDIRECT_WARNINGS: file },
  });
  assert.strictEqual(child.status, 0);
  assert.strictEqual(child.stderr, '');
  assert.match(fs.readFileSync(file, 'utf8'),
               /^before\n\(node:\d+\) \[LODE1\]/);
}
{
  // A file that cannot be opened: stderr after all.
  const child = spawnSync(process.execPath, [
    `--redirect-warnings=${tmpdir.resolve('missing', 'x.txt')}`, '-e', script,
  ], { encoding: 'utf8' });
  assert.match(child.stderr, /Warning: first/);
}
{
  const child = spawnSync(process.execPath, ['--throw-deprecation', '-e', `
    process.emitWarning('old', 'DeprecationWarning');
    console.log('still running');
  `], { encoding: 'utf8' });
  assert.strictEqual(child.status, 1);
  assert.strictEqual(child.stdout, 'still running\n');
  assert.match(child.stderr, /DeprecationWarning: old/);
}
{
  const child = spawnSync(process.execPath, ['-e', `
    process.emitWarning('quiet');
  `], { encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
  assert.strictEqual(child.stderr, '');
}
