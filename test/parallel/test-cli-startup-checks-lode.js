'use strict';
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const tmpdir = require('../common/tmpdir');

function run(args, env) {
  return spawnSync(process.execPath, args, {
    encoding: 'utf8', env: { ...process.env, ...env },
  });
}

// Node 24 has no security fix to revert.
{
  const { status, stderr } = run(['--security-revert=CVE-1', '-p', '1']);
  assert.strictEqual(status, 12);
  assert.strictEqual(stderr, `${process.execPath}: Error: Attempt to ` +
                             'revert an unknown CVE [CVE-1]\n');
}

// The two CA stores exclude each other.
{
  const { status, stderr } =
    run(['--use-bundled-ca', '--use-openssl-ca', '-p', '1']);
  assert.strictEqual(status, 9);
  assert.match(stderr, /either --use-openssl-ca or --use-bundled-ca/);
}

// NODE_PENDING_DEPRECATION=1 turns the option on; the command line wins.
{
  const code = 'process.stdout.write(String(require("internal/options")' +
               '.getOptionValue("--pending-deprecation")))';
  const env = { NODE_PENDING_DEPRECATION: '1' };
  assert.strictEqual(run(['--expose-internals', '-e', code], env).stdout,
                     'true');
  assert.strictEqual(
    run(['--expose-internals', '--no-pending-deprecation', '-e', code], env)
      .stdout, 'false');
}

// --trace-sync-io reports a synchronous call made once the loop runs, not
// one made by the main script.
{
  const code = `require('fs').statSync(${JSON.stringify(__filename)});
                setImmediate(() => require('fs').readdirSync('.'));`;
  const { status, stderr } = run(['--trace-sync-io', '-e', code]);
  assert.strictEqual(status, 0);
  const warnings = stderr.match(/WARNING: Detected use of sync API/g);
  assert.strictEqual(warnings.length, 1);
  assert.match(stderr, /readdirSync/);
  assert.doesNotMatch(stderr, /statSync/);
}

// A V8 warning goes through process.emitWarning, type 'V8'.
{
  tmpdir.refresh();
  const file = tmpdir.resolve('asm.js');
  fs.writeFileSync(file, `function M() {
    'use asm';
    function f(x) { x = x | 0; return x + 1; }
    return { f: f };
  }
  M();`);
  const { stderr } = run([file]);
  assert.match(stderr, /^\(node:\d+\) V8: \S+asm\.js:3 Invalid asm\.js/);
}

