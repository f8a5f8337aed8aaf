'use strict';
// On a terminal, Ctrl+C on an empty line explains how to leave; a second
// one closes the REPL. Ctrl+C with text on the line only clears it.
const common = require('../common');
const assert = require('assert');
const { startTerminal } = require('../common/repl-lode');

const { term, server } = startTerminal({ rows: 24 });
server.on('exit', common.mustCall());

const hint = '(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n';

term.emit('data', '12345');
term.text = '';
term.emit('data', '\x03');
assert.ok(!term.text.includes(hint));
assert.strictEqual(server.line, '');

term.text = '';
term.emit('data', '\x03');
assert.ok(term.text.includes(hint), JSON.stringify(term.text));

// Anything typed in between starts the count again.
term.emit('data', 'x');
term.emit('data', '\x03');
term.text = '';
term.emit('data', '\x03');
assert.ok(term.text.includes(hint));
term.emit('data', '\x03');
