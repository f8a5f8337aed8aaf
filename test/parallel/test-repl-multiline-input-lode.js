'use strict';
// Input that more lines can complete (an open function, string or template,
// a trailing operator) continues after the "| " prompt; .break drops it;
// an error that no line can fix is reported at once.
require('../common');
const assert = require('assert');
const { startLines } = require('../common/repl-lode');

const { stream, server } = startLines();

stream.text = '';
stream.run(['function add(a, b) {', '  return a + b;', '}', 'add(2, 3)']);
assert.strictEqual(stream.text, '| | undefined\n> 5\n> ');

stream.text = '';
stream.run(['`one', 'two`', '1 +', '2', "'con\\", "tinued'"]);
assert.strictEqual(stream.text,
                   "| 'one\\ntwo'\n> | 3\n> | 'continued'\n> ");

stream.text = '';
stream.run(['if (true) {', '.break', '40 + 2']);
assert.strictEqual(stream.text, '| > 42\n> ');

// Not recoverable: a bad token, a number like `2e`.
stream.text = '';
stream.run(['let 1x = 2', '2e']);
assert.strictEqual(stream.text,
                   'let 1x = 2\n    ^\n\n' +
                   'Uncaught SyntaxError: Invalid or unexpected token\n> ' +
                   '2e\n^^\n\n' +
                   'Uncaught SyntaxError: Invalid or unexpected token\n> ');
server.close();
