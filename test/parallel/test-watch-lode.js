'use strict';
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const { spawn } = require('child_process');
const tmpdir = require('../common/tmpdir');

// --watch runs the file again when it or a file it required changes:
// "Completed running" / "Failed running" after each run, "Restarting"
// before the next. SIGINT stops the watcher (and the child).

if (common.isIBMi) common.skip('no fs.watch');

tmpdir.refresh();
const dep = tmpdir.resolve('dep.js');
const main = tmpdir.resolve('main.js');
fs.writeFileSync(dep, 'module.exports = 1;');
fs.writeFileSync(main, "console.log('value', require('./dep.js'));");

const child = spawn(process.execPath, ['--watch', 'main.js'],
                    { cwd: tmpdir.path, encoding: 'utf8' });
let out = '';
let stage = 0;
child.stdout.setEncoding('utf8');
child.stdout.on('data', (chunk) => {
  out += chunk;
  if (stage === 0 && out.includes('Completed running')) {
    stage = 1;
    // Rewrite the dependency until the watcher notices.
    const writer = setInterval(() => {
      fs.writeFileSync(dep, 'module.exports = 2; throw new Error("dep");');
    }, 300);
    child.on('exit', () => clearInterval(writer));
  } else if (stage === 1 && out.includes('Failed running')) {
    stage = 2;
    child.kill('SIGINT');
  }
});
child.stderr.resume();
child.on('exit', common.mustCall((code, signal) => {
  assert.strictEqual(stage, 2);
  assert.strictEqual(code, 0);
  assert.strictEqual(signal, null);
  assert.match(out, new RegExp([
    '^value 1',
    "Completed running 'main\\.js'\\. Waiting for file changes before restarting\\.\\.\\.",
    "Restarting 'main\\.js'",
    "(Restarting 'main\\.js'\n)*Failed running 'main\\.js'\\. Waiting for file changes before restarting\\.\\.\\.",
  ].join('\n')));
}));
