'use strict';
// setupHistory(path, cb): the history file is read when the REPL starts
// (Up shows its newest entry) and rewritten, newest first, after each line.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { startTerminal } = require('../common/repl-lode');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const file = path.join(tmpdir.path, 'history');
fs.writeFileSync(file, 'older\noldest');

const { term, server } = startTerminal();
server.setupHistory(file, common.mustSucceed((r) => {
  assert.strictEqual(r, server);
  assert.deepStrictEqual(server.history, ['older', 'oldest']);
  term.emit('data', '\x1b[A');  // Up
  assert.strictEqual(server.line, 'older');
  term.emit('data', '\x15');  // Ctrl+U: clear the line
  term.emit('data', '1 + 1\r');
  term.emit('data', 'let h = 2\r');
  server.once('flushHistory', common.mustCall(() => {
    assert.strictEqual(fs.readFileSync(file, 'utf8'),
                       'let h = 2\n1 + 1\nolder\noldest');
    server.close();
  }));
}));
