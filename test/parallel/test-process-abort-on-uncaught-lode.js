'use strict';
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

// --abort-on-uncaught-exception: an exception nothing handles aborts the
// process (V8 prints "Uncaught ..." and the stack, then abort()) instead of
// the usual report and exit code 1; the uncaught-exception capture callback
// (and so a domain with an 'error' listener) keeps the process alive, and so
// does an error C++ hands back to JS that catches it. Workers never abort.

const cases = {
  plain: `throw new Error('plain boom');`,
  capture: `
    process.setUncaughtExceptionCaptureCallback((err) => {
      console.log('captured', err.message);
    });
    throw new Error('foo');`,
  captureOff: `
    process.setUncaughtExceptionCaptureCallback(() => {});
    process.setUncaughtExceptionCaptureCallback(null);
    setImmediate(() => { throw new Error('later boom'); });`,
  listenerOnly: `
    process.on('uncaughtException', () => console.log('listener ran'));
    throw new Error('listened boom');`,
  caughtCompiles: `
    const vm = require('vm');
    const fs = require('fs');
    const path = require('path');
    try { new vm.Script('['); } catch { console.log('script'); }
    const bad = path.join(require('os').tmpdir(),
                          'lode-aou-' + process.pid + '.js');
    fs.writeFileSync(bad, '[');
    try { require(bad); } catch { console.log('require'); }
    fs.unlinkSync(bad);
    try { JSON.parse('['); } catch { console.log('json'); }`,
  worker: `
    const { Worker } = require('worker_threads');
    const w = new Worker('throw new Error("in worker")', { eval: true });
    w.on('error', (err) => console.log('worker error', err.message));
    w.on('exit', (code) => console.log('worker exit', code));`,
  domainHandled: `
    const d = require('domain').create();
    d.on('error', (err) => console.log('domain', err.message));
    d.run(() => setTimeout(() => { throw new Error('in domain'); }, 1));`,
  domainHandlerThrows: `
    const d = require('domain').create();
    d.on('error', () => { throw new Error('from handler'); });
    d.run(() => { throw new Error('in domain'); });`,
};

function run(name, flags = ['--abort-on-uncaught-exception']) {
  // No core file.
  return spawnSync('/bin/sh', [
    '-c', 'ulimit -c 0; exec "$@"', 'sh',
    process.execPath, ...flags, '-e', cases[name],
  ], { encoding: 'utf8' });
}

function assertAborted(child) {
  assert(['SIGABRT', 'SIGTRAP', 'SIGILL'].includes(child.signal) ||
         [132, 133, 134].includes(child.status),
         `${child.status} ${child.signal} ${child.stderr}`);
}

function assertExited(child, status, stdout) {
  assert.strictEqual(child.signal, null, child.stderr);
  assert.strictEqual(child.status, status, child.stderr);
  if (stdout !== undefined) assert.strictEqual(child.stdout, stdout);
}

{
  const child = run('plain');
  assertAborted(child);
  assert.match(child.stderr, /^Uncaught Error: plain boom\n\nFROM\n/);
  assert.doesNotMatch(child.stderr, /Node\.js v/);
}
// Without the flag: the usual report and exit code 1.
assertExited(run('plain', []), 1);
assertAborted(run('captureOff'));
assertAborted(run('listenerOnly'));
assertAborted(run('domainHandlerThrows'));
assertExited(run('capture'), 0, 'captured foo\n');
assertExited(run('caughtCompiles'), 0, 'script\nrequire\njson\n');
assertExited(run('worker'), 0, 'worker error in worker\nworker exit 1\n');
assertExited(run('domainHandled'), 0, 'domain in domain\n');

// v8.setFlagsFromString('--abort-on-uncaught-exception') alone does not
// make the process abort, as in Node.
{
  const child = spawnSync(process.execPath, ['-e', `
    require('v8').setFlagsFromString('--abort-on-uncaught-exception');
    throw new Error('set late');
  `], { encoding: 'utf8' });
  assertExited(child, 1);
  assert.match(child.stderr, /Error: set late/);
}
