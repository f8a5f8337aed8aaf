'use strict';
// --env-file, --env-file-if-exists and process.loadEnvFile().
const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const one = path.join(tmpdir.path, 'one.env');
const two = path.join(tmpdir.path, 'two.env');
fs.writeFileSync(one, 'A=one\nB="quoted value"\n# comment\nexport C=c\n');
fs.writeFileSync(two, 'A=two\nD=\'d\'\n');

function run(args, env = {}) {
  const childEnv = { ...process.env, ...env };
  for (const key of ['A', 'B', 'C', 'D', 'NODE_OPTIONS']) {
    if (!(key in env)) delete childEnv[key];
  }
  return spawnSync(process.execPath, args, { env: childEnv, encoding: 'utf8' });
}
const print = 'console.log(JSON.stringify([process.env.A, process.env.B, ' +
  'process.env.C, process.env.D]))';

{
  const r = run([`--env-file=${one}`, '-e', print]);
  assert.strictEqual(r.status, 0, r.stderr);
  assert.deepStrictEqual(JSON.parse(r.stdout), ['one', 'quoted value', 'c',
                                                null]);
}
{
  // A later file wins over an earlier one; the environment over both.
  let r = run(['--env-file', one, `--env-file=${two}`, '-e', print]);
  assert.deepStrictEqual(JSON.parse(r.stdout), ['two', 'quoted value', 'c',
                                                'd']);
  r = run([`--env-file=${one}`, '-e', print], { A: 'env' });
  assert.strictEqual(JSON.parse(r.stdout)[0], 'env');
}
{
  // The options stay in execArgv.
  const r = run([`--env-file=${one}`, '-p', 'process.execArgv[0]']);
  assert.strictEqual(r.stdout.trim(), `--env-file=${one}`);
}
{
  const missing = path.join(tmpdir.path, 'missing.env');
  let r = run([`--env-file=${missing}`, '-e', 'console.log("ran")']);
  assert.strictEqual(r.status, 9);
  assert.strictEqual(r.stdout, '');
  assert.strictEqual(r.stderr, `${process.execPath}: ${missing}: not found\n`);
  r = run([`--env-file-if-exists=${missing}`, `--env-file-if-exists=${one}`,
           '-e', print]);
  assert.strictEqual(r.status, 0);
  assert.strictEqual(r.stderr,
                     `${missing} not found. Continuing without it.\n`);
  assert.strictEqual(JSON.parse(r.stdout)[0], 'one');
}

// process.loadEnvFile().
{
  assert.strictEqual(typeof process.loadEnvFile, 'function');
  delete process.env.A;
  delete process.env.D;
  process.env.B = 'kept';
  process.loadEnvFile(one);
  assert.strictEqual(process.env.A, 'one');
  assert.strictEqual(process.env.B, 'kept');
  process.loadEnvFile(pathToFileURL(two));
  assert.strictEqual(process.env.A, 'one');
  assert.strictEqual(process.env.D, 'd');
  process.loadEnvFile(Buffer.from(one));

  assert.throws(() => process.loadEnvFile(1), {
    code: 'ERR_INVALID_ARG_TYPE',
    name: 'TypeError',
    message: 'The "path" argument must be of type string or an instance of ' +
             'Buffer or URL. Received type number (1)',
  });
  assert.throws(() => process.loadEnvFile(path.join(tmpdir.path, 'nope')), {
    code: 'ENOENT',
    syscall: 'open',
  });
  assert.throws(() => process.loadEnvFile(tmpdir.path), {
    code: 'ERR_INVALID_ARG_TYPE',
    name: 'TypeError',
    message: `Contents of '${tmpdir.path}' should be a valid string.`,
  });
  // './.env' by default.
  fs.writeFileSync(path.join(tmpdir.path, '.env'), 'LODE_DEFAULT_ENV=yes\n');
  const r = spawnSync(process.execPath, ['-p',
    'process.loadEnvFile(); process.env.LODE_DEFAULT_ENV'], {
    cwd: tmpdir.path, encoding: 'utf8',
  });
  assert.strictEqual(r.stdout.trim(), 'yes', r.stderr);
  assert.throws(() => process.loadEnvFile(), common.isWindows ? Error : {
    code: 'ENOENT',
    path: '.env',
  });
}
