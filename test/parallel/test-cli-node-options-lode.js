'use strict';
// NODE_OPTIONS: options taken before those of the command line, only those
// allowed there, and not in process.execArgv.
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const tmpdir = require('../common/tmpdir');

function run(nodeOptions, args) {
  return spawnSync(process.execPath, args, {
    env: { ...process.env, NODE_OPTIONS: nodeOptions },
    encoding: 'utf8',
  });
}

{
  const r = run('--title "lode title" --no-warnings --expose-gc',
                ['-p', 'JSON.stringify([process.execArgv, process.title, ' +
                       'typeof gc, process.emitWarning("w")])']);
  assert.strictEqual(r.status, 0, r.stderr);
  assert.strictEqual(r.stderr, '');
  assert.deepStrictEqual(JSON.parse(r.stdout),
                         [['-p', JSON.parse(JSON.stringify(
                           'JSON.stringify([process.execArgv, process.title, ' +
                           'typeof gc, process.emitWarning("w")])'))],
                          'lode title', 'function', null]);
}
{
  // The command line comes after NODE_OPTIONS, so its values win.
  const r = run('--title=env', ['--title=cli', '-p', 'process.title']);
  assert.strictEqual(r.stdout.trim(), 'cli');
}
{
  tmpdir.refresh();
  const preload = path.join(tmpdir.path, 'pre.js');
  fs.writeFileSync(preload, 'globalThis.preloaded = true;');
  const r = run(`-r "${preload}"`, ['-p', 'globalThis.preloaded']);
  assert.strictEqual(r.stdout.trim(), 'true', r.stderr);
}
for (const [value, shown] of [['--eval 1', '--eval'], ['-e', '-e'],
                              ['--bogus=1', '--bogus='],
                              ['--expose-internals', '--expose-internals'],
                              ['--', '--']]) {
  const r = run(value, ['-e', 'console.log("ran")']);
  assert.strictEqual(r.status, 9, value);
  assert.strictEqual(r.stdout, '');
  assert.strictEqual(r.stderr,
                     `${process.execPath}: ${shown} is not allowed in ` +
                     'NODE_OPTIONS\n');
}
{
  const r = run('--title "x', ['-e', '1']);
  assert.strictEqual(r.status, 9);
  assert.strictEqual(r.stderr, `${process.execPath}: invalid value for ` +
                               'NODE_OPTIONS (unterminated string)\n\n');
}
{
  // An option's value does not come from the command line.
  const r = run('--title', ['x.js']);
  assert.strictEqual(r.status, 9);
  assert.strictEqual(r.stderr,
                     `${process.execPath}: --title requires an argument\n`);
}

// process.allowedNodeEnvironmentFlags lists what NODE_OPTIONS accepts.
{
  const flags = process.allowedNodeEnvironmentFlags;
  for (const flag of ['--require', '-r', '--no-warnings', '--title',
                      '--expose-gc', '--max-old-space-size', 'title']) {
    assert(flags.has(flag), flag);
  }
  for (const flag of ['--eval', '-e', '--expose-internals', '--print',
                      '--env-file']) {
    assert(!flags.has(flag), flag);
  }
  // Every listed lode option is accepted there.
  const accepted = [...flags].filter((f) => f.startsWith('--no-') ||
                                           f === '--warnings');
  const r = run(accepted.join(' '), ['-p', '1']);
  assert.strictEqual(r.status, 0, r.stderr);
}
