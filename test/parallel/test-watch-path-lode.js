'use strict';
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const { spawn } = require('child_process');
const tmpdir = require('../common/tmpdir');

// --watch-path watches a folder instead of the files the program loads:
// a change to any file in it restarts the program, whose arguments are
// passed on each time. Without a terminal, nothing clears the screen.

if (common.isIBMi) common.skip('no fs.watch');

tmpdir.refresh();
const watched = tmpdir.resolve('watched');
fs.mkdirSync(watched);
fs.writeFileSync(tmpdir.resolve('main.js'),
                 "console.log('run', process.argv.slice(2).join(' '));");

const child = spawn(process.execPath,
                    ['--watch-path=watched', '--watch-preserve-output',
                     'main.js', 'a', 'b'],
                    { cwd: tmpdir.path });
let out = '';
let runs = 0;
let writer;
child.stdout.setEncoding('utf8');
child.stdout.on('data', (chunk) => {
  out += chunk;
  const completed = out.split('Completed running').length - 1;
  if (completed === 1 && writer === undefined) {
    writer = setInterval(() => {
      fs.writeFileSync(`${watched}/file-${runs++}.txt`, 'x');
    }, 300);
  } else if (completed === 2) {
    clearInterval(writer);
    child.kill('SIGTERM');
  }
});
child.on('exit', common.mustCall((code) => {
  assert.strictEqual(code, 0);
  assert.doesNotMatch(out, /\u001bc/);
  assert.match(out, /^run a b\nCompleted running 'main\.js a b'\. /);
  assert.match(out, /\nRestarting 'main\.js a b'\n(Restarting 'main\.js a b'\n)*run a b\nCompleted running 'main\.js a b'\. /);
}));
