'use strict';
// The option table: Node's negation and NODE_OPTIONS rules, an option lode
// refuses as not implemented, --help's layout, and a worker taking the
// options of the NODE_OPTIONS in its env.
const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const { Worker } = require('worker_threads');

function run(args, env) {
  return spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

{
  const r = run(['--no-title', '-e', '0']);
  assert.strictEqual(r.status, 9);
  assert.strictEqual(r.stderr, `${process.execPath}: --no-title is an ` +
                     'invalid negation because it is not a boolean option\n');
}
{
  // Negating a boolean, under its alias too.
  const r = run(['--no-deprecation', '--no-experimental-strip-types', '-p',
                 'process.noDeprecation']);
  assert.strictEqual(r.stdout, 'true\n');
}
{
  const r = run(['--trace-promises', '-e', '0']);
  assert.strictEqual(r.status, 9);
  assert.match(r.stderr, /--trace-promises is not implemented in lode yet/);
}
{
  const r = run(['--allow-fs-read=*', '-e', '0']);
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /TypeError \[ERR_MISSING_OPTION\]: --permission is required/);
}
{
  // Accepted in NODE_OPTIONS as in Node; per-process options are not, in
  // a worker's.
  const r = run(['-p', '1'], { NODE_OPTIONS: '--trace-sync-io --expose-gc' });
  assert.strictEqual(r.stdout, '1\n');
  assert.throws(() => new Worker('', {
    eval: true, env: { NODE_OPTIONS: '--title=x' },
  }), {
    code: 'ERR_WORKER_INVALID_EXEC_ARGV',
    message: 'Initiated Worker with invalid NODE_OPTIONS env variable: ' +
             '--title= is not allowed in NODE_OPTIONS',
  });
}
{
  const w = new Worker('process.emitWarning("w")', {
    eval: true, stderr: true, env: { NODE_OPTIONS: '--no-warnings' },
  });
  let stderr = '';
  w.stderr.on('data', (chunk) => { stderr += chunk; });
  w.on('exit', common.mustCall(() => assert.strictEqual(stderr, '')));
}
{
  const r = run(['--help']);
  assert.strictEqual(r.status, 0);
  const lines = r.stdout.split('\n');
  assert.strictEqual(lines[2], 'Options:');
  // Two columns: names in 28, help wrapped within 39 characters.
  assert(lines.includes('  -c, --check                 syntax check script ' +
                        'without executing'));
  assert(lines.includes('  --no-warnings               silence all process ' +
                        'warnings'));
  for (const line of lines) {
    if (line.startsWith(' '.repeat(30))) assert(line.length <= 30 + 42, line);
  }
  assert.match(r.stdout, /--completion-bash {11}print source-able bash completion\n {30}script\n/);
  assert.match(r.stdout, /--experimental-config-file=\.\.\.\n {30}set config file from supplied file \(not\n {30}implemented in lode\)\n/);
  assert.match(r.stdout, /--enable-fips {15}enable FIPS crypto at startup\n/);
  // The inspector's options are listed, as implemented.
  assert.match(r.stdout, /--inspect\[=\[host:\]port\] {5}activate inspector on host:port\n {30}\(default: 127\.0\.0\.1:9229\)\n/);
  assert(r.stdout.includes('\nEnvironment variables:\n'));
}

// An empty value after '=' is a missing one, as in Node.
for (const option of ['--eval=', '--title=', '--inspect-port=', '--debug-port=']) {
  const r = spawnSync(process.execPath, [option, '-e', '0'],
                      { encoding: 'utf8' });
  assert.strictEqual(r.status, 9, option);
  assert.strictEqual(r.stderr.split('\n')[0],
                     `${process.execPath}: ${option} requires an argument`);
}
