'use strict';
// On a terminal the REPL previews the input's value below it as you type,
// but only when computing it has no side effects: a call that would change
// state is not run until the line is entered.
const common = require('../common');
const assert = require('assert');
const { startTerminal } = require('../common/repl-lode');

const { term, server } = startTerminal({ rows: 24 });
server.context.counter = 0;
server.context.bump = () => ++server.context.counter;

term.type('Math.max(4, 2) * 10');
assert.ok(term.text.endsWith('\n// 40\x1b[22G\x1b[1A'),
          JSON.stringify(term.text));
term.emit('data', '\x15');  // Ctrl+U: drop the line

term.type('bump()');
assert.ok(!term.text.includes('// 1'), JSON.stringify(term.text));
assert.strictEqual(server.context.counter, 0);
term.emit('data', '\r');
assert.strictEqual(server.context.counter, 1);

term.type('[1, 2, 3].map((x) => x * 2)');
assert.ok(term.text.includes('\n// [ 2, 4, 6 ]'), JSON.stringify(term.text));
term.emit('data', '\x15');

// An unknown name previews nothing (the user may still be typing it).
term.type('notDefinedYet');
assert.ok(!term.text.includes('// '), JSON.stringify(term.text));
server.close();
common.mustCall()();
