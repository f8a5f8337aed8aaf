'use strict';
// On a terminal, an unfinished input stays on the line being edited: Enter
// adds a row behind "| " and the whole entry runs once it is complete.
require('../common');
const assert = require('assert');
const { startTerminal } = require('../common/repl-lode');

const { term, server } = startTerminal();

term.text = '';
term.emit('data', 'function f() {\r');
assert.strictEqual(server.line, 'function f() {\n');
assert.ok(term.text.endsWith('| '), JSON.stringify(term.text));

term.emit('data', 'return 5\r');
assert.strictEqual(server.line, 'function f() {\nreturn 5\n');
term.text = '';
term.emit('data', '}\r');
assert.strictEqual(server.line, '');
assert.ok(term.text.includes('undefined\n'), JSON.stringify(term.text));

term.text = '';
term.emit('data', 'f() + 1\r');
assert.ok(term.text.includes('6\n'), JSON.stringify(term.text));

// The whole entry is one history item (stored with its rows reversed).
assert.strictEqual(server.history[1], '}\rreturn 5\rfunction f() {');
server.close();
