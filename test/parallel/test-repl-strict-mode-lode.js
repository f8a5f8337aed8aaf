'use strict';
// replMode REPL_MODE_STRICT runs every input as strict code: assigning an
// undeclared name throws. (Code compiled there gets a line before it: a
// top-level frame is given the user's line, a function's keeps V8's.)
require('../common');
const assert = require('assert');
const repl = require('repl');
const { startLines } = require('../common/repl-lode');

assert.strictEqual(typeof repl.REPL_MODE_STRICT, 'symbol');
assert.strictEqual(typeof repl.REPL_MODE_SLOPPY, 'symbol');

const { stream: strict, server: s } =
  startLines({ replMode: repl.REPL_MODE_STRICT });
strict.text = '';
strict.run(['undeclared = 1', '(function() { return this; })()',
            'function f() {', 'throw new Error("line 2") }', 'f()']);
assert.match(
  strict.text,
  /^Uncaught ReferenceError: undeclared is not defined\n> undefined\n> /);
assert.match(strict.text,
             /Uncaught Error: line 2\n {4}at f \(REPL\d+:3:7\)\n> $/);
s.close();

const { stream: sloppy, server: t } = startLines();
sloppy.text = '';
sloppy.run(['undeclared = 1']);
assert.strictEqual(sloppy.text, '1\n> ');
t.close();
