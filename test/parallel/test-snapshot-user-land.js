'use strict';
// User-land startup snapshots: --build-snapshot runs a builder script whose
// state, callbacks and main function come back with --snapshot-blob.
require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const blob = path.join(tmpdir.path, 'app.blob');

function run(args, env) {
  const child = spawnSync(process.execPath, args, {
    cwd: tmpdir.path,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return child;
}

const builder = `
const v8 = require('v8');
const zlib = require('zlib');
const assert = require('assert');
assert.strictEqual(v8.startupSnapshot.isBuildingSnapshot(), 1);
assert.strictEqual(typeof module, 'undefined');
assert.throws(() => require('./other'), { code: 'MODULE_NOT_FOUND' });
assert.throws(() => v8.startupSnapshot.addSerializeCallback(1),
              { code: 'ERR_INVALID_ARG_TYPE' });
const state = { text: 'kept '.repeat(100), compressed: null, log: [] };
const buildOrigin = performance.timeOrigin + performance.now() * 0;
require('fs').kept = 'from the builder';
setTimeout(() => state.log.push('timer'), 1);
v8.startupSnapshot.addSerializeCallback((s) => {
  s.compressed = zlib.gzipSync(s.text);
  s.text = null;
  s.log.push('serialize');
}, state);
v8.startupSnapshot.addDeserializeCallback((s) => {
  s.text = zlib.gunzipSync(s.compressed).toString();
  s.log.push('deserialize');
}, state);
v8.startupSnapshot.setDeserializeMainFunction((s) => {
  s.log.push('main');
  console.log(JSON.stringify({
    log: s.log,
    length: s.text.length,
    argv: process.argv.slice(1),
    env: process.env.SNAPSHOT_TEST_VAR,
    building: v8.startupSnapshot.isBuildingSnapshot(),
    kept: require('fs').kept,
    freshClock: performance.timeOrigin > buildOrigin &&
      performance.now() < 10000,
  }));
}, state);
assert.throws(() => v8.startupSnapshot.setDeserializeMainFunction(() => {}),
              { code: 'ERR_DUPLICATE_STARTUP_SNAPSHOT_MAIN_FUNCTION' });
`;
fs.writeFileSync(path.join(tmpdir.path, 'builder.js'), builder);

{
  const child = run(['--snapshot-blob', blob, '--build-snapshot',
                     'builder.js']);
  assert.strictEqual(child.status, 0, child.stderr);
  assert(fs.statSync(blob).isFile());
}

{
  const child = run(['--snapshot-blob', blob, 'a', 'b'],
                    { SNAPSHOT_TEST_VAR: 'run' });
  assert.strictEqual(child.status, 0, child.stderr);
  assert.deepStrictEqual(JSON.parse(child.stdout), {
    log: ['timer', 'serialize', 'deserialize', 'main'],
    length: 500,
    argv: ['a', 'b'],
    env: 'run',
    building: 0,
    kept: 'from the builder',
    freshClock: true,
  });
}

// Without a main function the usual entry runs, in the snapshot's state.
{
  fs.writeFileSync(path.join(tmpdir.path, 'plain.js'),
                   'require("fs").kept = 42;');
  const plain = path.join(tmpdir.path, 'plain.blob');
  let child = run(['--snapshot-blob', plain, '--build-snapshot', 'plain.js']);
  assert.strictEqual(child.status, 0, child.stderr);
  child = run(['--snapshot-blob', plain, '-p', 'require("fs").kept']);
  assert.strictEqual(child.status, 0, child.stderr);
  assert.strictEqual(child.stdout, '42\n');
}

// Errors.
{
  let child = run(['--build-snapshot']);
  assert.strictEqual(child.status, 9);
  assert.match(child.stderr, /--build-snapshot must be used with an entry/);

  child = run(['--snapshot-blob', path.join(tmpdir.path, 'none.blob'),
               'x.js']);
  assert.strictEqual(child.status, 14);
  assert.match(child.stderr, /Cannot open/);

  fs.writeFileSync(path.join(tmpdir.path, 'throws.js'), 'throw new Error("no")');
  const failed = path.join(tmpdir.path, 'failed.blob');
  child = run(['--snapshot-blob', failed, '--build-snapshot', 'throws.js']);
  assert.strictEqual(child.status, 1);
  assert.match(child.stderr, /throws\.js:1/);
  assert(!fs.existsSync(failed));

  fs.writeFileSync(path.join(tmpdir.path, 'worker.js'),
                   'new (require("worker_threads").Worker)("1", ' +
                   '{ eval: true })');
  child = run(['--snapshot-blob', failed, '--build-snapshot', 'worker.js']);
  assert.strictEqual(child.status, 1);
  assert.match(child.stderr,
               /Error: Creating workers is not supported in startup/);
  assert.match(child.stderr, /ERR_NOT_SUPPORTED_IN_SNAPSHOT/);
  assert(!fs.existsSync(failed));

  // process.exitCode fails the build as a throw does.
  fs.writeFileSync(path.join(tmpdir.path, 'code.js'), 'process.exitCode = 3');
  child = run(['--snapshot-blob', failed, '--build-snapshot', 'code.js']);
  assert.strictEqual(child.status, 3);
  assert(!fs.existsSync(failed));

  // A native object kept alive cannot be serialized: an error, no blob.
  fs.writeFileSync(path.join(tmpdir.path, 'hash.js'),
                   'globalThis.h = require("crypto").createHash("sha1")');
  child = run(['--snapshot-blob', failed, '--build-snapshot', 'hash.js']);
  assert.strictEqual(child.status, 1);
  assert.match(child.stderr, /The snapshot cannot be written/);
  assert(!fs.existsSync(failed));

  // So is an fs.promises FileHandle left open: its descriptor number would
  // name another file in each run.
  fs.writeFileSync(path.join(tmpdir.path, 'handle.js'),
                   'require("fs").promises.open(__filename)' +
                   '.then((h) => { globalThis.h = h; })');
  child = run(['--snapshot-blob', failed, '--build-snapshot', 'handle.js']);
  assert.strictEqual(child.status, 1);
  assert.match(child.stderr,
               /An open FileHandle \(fd \d+\) is not supported in startup/);
  assert(!fs.existsSync(failed));

  // A file that is not a snapshot of this binary.
  fs.writeFileSync(failed, 'not a snapshot');
  child = run(['--snapshot-blob', failed]);
  assert.strictEqual(child.status, 14);

  // A damaged snapshot (one byte of V8's part changed) is refused the same
  // way, before V8 reads it.
  const damaged = fs.readFileSync(blob);
  damaged[damaged.length - 100] ^= 0x5a;
  fs.writeFileSync(failed, damaged);
  child = run(['--snapshot-blob', failed]);
  assert.strictEqual(child.status, 14);
  assert.match(child.stderr, /is not a snapshot or is damaged/);
}

// --build-snapshot-config.
{
  const config = path.join(tmpdir.path, 'config.json');
  fs.writeFileSync(config, JSON.stringify({}));
  let child = run(['--snapshot-blob', blob, '--build-snapshot-config',
                   config]);
  assert.strictEqual(child.status, 1);
  assert.match(child.stderr, /"builder" field of .*config\.json is not a/);
  fs.writeFileSync(config, JSON.stringify({ builder: 'plain.js' }));
  const viaConfig = path.join(tmpdir.path, 'config.blob');
  child = run(['--snapshot-blob', viaConfig, '--build-snapshot-config',
               config]);
  assert.strictEqual(child.status, 0, child.stderr);
  child = run(['--snapshot-blob', viaConfig, '-p', 'require("fs").kept']);
  assert.strictEqual(child.stdout, '42\n');
}

// node:generate_default_snapshot: lode's bootstrap alone, the same bytes
// each time with the same V8 seed; it starts like any snapshot.
{
  const args = ['--random_seed=42', '--predictable', '--build-snapshot',
                'node:generate_default_snapshot'];
  const made = [];
  for (let i = 0; i < 2; i++) {
    const child = run(args);
    assert.strictEqual(child.status, 0, child.stderr);
    made.push(fs.readFileSync(path.join(tmpdir.path, 'snapshot.blob')));
  }
  assert(made[0].equals(made[1]));
  const child = run(['--snapshot-blob', 'snapshot.blob', '-p', '6 * 7']);
  assert.strictEqual(child.stdout, '42\n');
}
