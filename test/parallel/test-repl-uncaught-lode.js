'use strict';
// Errors print as "Uncaught ..." (the stack stops at the REPL's frames),
// thrown non-errors as "Uncaught <value>", and `_error` keeps the last one
// until the user assigns it.
require('../common');
const assert = require('assert');
const { startLines } = require('../common/repl-lode');

const { stream, server } = startLines();

stream.text = '';
stream.run(["throw new Error('boom')"]);
assert.strictEqual(stream.text, 'Uncaught Error: boom\n> ');

stream.text = '';
stream.run(['function f() { throw new TypeError("inner") }', 'f()']);
assert.match(
  stream.text,
  /^undefined\n> Uncaught TypeError: inner\n {4}at f \(REPL\d+:1:\d+\)\n> $/);

stream.text = '';
stream.run(['throw 42', "throw { a: 'b' }", 'nope']);
assert.strictEqual(stream.text,
                   "Uncaught 42\n> Uncaught { a: 'b' }\n> " +
                   'Uncaught ReferenceError: nope is not defined\n> ');

stream.text = '';
stream.run(['_error.message', '_error = 1', '_error', 'throw 2', '_error']);
assert.strictEqual(stream.text,
                   "'nope is not defined'\n> " +
                   'Expression assignment to _error now disabled.\n1\n> ' +
                   '1\n> Uncaught 2\n> 1\n> ');

// A syntax error shows the line and where it broke, without frames.
stream.text = '';
stream.run(['1 +* 2']);
assert.strictEqual(
  stream.text,
  "1 +* 2\n   ^\n\nUncaught SyntaxError: Unexpected token '*'\n> ");
server.close();
