// Flags: --expose-internals
'use strict';
// The OpenSSL start-up options: --secure-heap sets up OpenSSL's secure heap
// (sizes must be powers of 2), --openssl-config loads a configuration file
// (an error in it stops the start), --openssl-legacy-provider makes the
// legacy algorithms available, and FIPS mode without a FIPS provider fails
// at start-up; crypto.setFips() is refused in workers.
const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const tmpdir = require('../common/tmpdir');

function run(args) {
  const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

{
  const { status, stdout } = run([
    '--secure-heap=65536', '--secure-heap-min=4', '-p',
    'JSON.stringify(require("crypto").secureHeapUsed())',
  ]);
  assert.strictEqual(status, 0);
  assert.deepStrictEqual(JSON.parse(stdout),
                         { total: 65536, used: 0, utilization: 0, min: 4 });
}
{
  const { status, stderr } = run(['--secure-heap=3', '--secure-heap-min=3',
                                  '-e', '0']);
  assert.strictEqual(status, 9);
  assert.match(stderr, /--secure-heap must be a power of 2/);
  assert.match(stderr, /--secure-heap-min must be a power of 2/);
}
{
  const { status, stdout } = run(['-p',
                                  'require("crypto").secureHeapUsed().total']);
  assert.strictEqual(status, 0);
  assert.strictEqual(stdout.trim(), '0');
}

tmpdir.refresh();
{
  // A configuration that loads a module which does not exist.
  const conf = path.join(tmpdir.path, 'bad.cnf');
  fs.writeFileSync(conf, 'nodejs_conf = init\n[init]\nmissing = m\n' +
                         '[m]\nactivate = 1\n');
  const { status, stderr } = run([`--openssl-config=${conf}`, '-e', '0']);
  assert.notStrictEqual(status, 0);
  assert.match(stderr, /OpenSSL configuration error:/);
}
{
  // A configuration that only names another section is fine.
  const conf = path.join(tmpdir.path, 'good.cnf');
  fs.writeFileSync(conf, 'nodejs_conf = init\n[init]\n');
  const { status, stdout } = run([`--openssl-config=${conf}`, '-p',
                                  'require("crypto").randomBytes(4).length']);
  assert.strictEqual(status, 0);
  assert.strictEqual(stdout.trim(), '4');
}
{
  const { status, stdout } = run([
    '--openssl-legacy-provider', '-p',
    'require("crypto").createHash("md4").update("").digest("hex")',
  ]);
  assert.strictEqual(status, 0);
  assert.strictEqual(stdout.trim(), '31d6cfe0d16ae931b73c59d7e0c089c0');
}
{
  // Without a FIPS provider (Debian's OpenSSL has none).
  const { internalBinding } = require('internal/test/binding');
  if (internalBinding('crypto').testFipsCrypto() === 0) {
    for (const flag of ['--enable-fips', '--force-fips']) {
      const { status, stderr } = run([flag, '-e', '0']);
      assert.strictEqual(status, 1);
      assert.match(stderr, /OpenSSL error when trying to enable FIPS:/);
    }
  }
}
{
  const { status, stderr } = run(['-e', `
    const { Worker } = require('worker_threads');
    new Worker('require("crypto").setFips(true)', { eval: true });
  `]);
  assert.strictEqual(status, 1);
  assert.match(stderr, /Calling crypto\.setFips\(\) is not supported in workers/);
}
common.mustCall()();
