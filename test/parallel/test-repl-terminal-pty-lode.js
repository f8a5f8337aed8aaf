'use strict';
// `lode -i` on a real terminal (a pseudo-terminal made by a Python helper):
// the welcome line, coloured results, the Ctrl+C hint, the history file
// named by NODE_REPL_HISTORY, and .exit ending the process with status 0.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const fixtures = require('../common/fixtures');
const tmpdir = require('../common/tmpdir');

if (spawnSync('python3', ['-c', 'import pty']).status !== 0) {
  common.skip('needs python3 with the pty module');
}

tmpdir.refresh();
const history = path.join(tmpdir.path, 'repl_history');
const steps = ['6 * 7\r', 'const word = "hi"\r', 'word\r', '\x03', '.exit\r'];
const env = { ...process.env, TERM: 'xterm-256color',
              NODE_REPL_HISTORY: history };
// A CI variable lowers the colour depth, as in Node: not wanted here.
delete env.CI;
delete env.FORCE_COLOR;
delete env.NO_COLOR;
delete env.NODE_DISABLE_COLORS;
const child = spawnSync('python3', [
  fixtures.path('repl-pty.py'), process.execPath, '-i',
], {
  input: JSON.stringify(steps),
  env,
  encoding: 'utf8',
  timeout: 30000,
});
assert.strictEqual(child.status, 0, child.stderr);
const screen = child.stdout;

assert.ok(screen.startsWith(
  `Welcome to Node.js ${process.version}.\r\n` +
  'Type ".help" for more information.\r\n'), screen);
assert.ok(screen.includes('6 * 7\r\r\n\x1b[33m42\x1b[39m\r\n'), screen);
assert.ok(screen.includes("word\r\r\n\x1b[32m'hi'\x1b[39m\r\n"), screen);
assert.ok(screen.includes(
  '(To exit, press Ctrl+C again or Ctrl+D or type .exit)\r\n'), screen);
assert.match(screen, /\nEXIT 0\n$/);

// Newest first; .exit is kept too.
assert.strictEqual(fs.readFileSync(history, 'utf8'),
                   '.exit\nword\nconst word = "hi"\n6 * 7');
