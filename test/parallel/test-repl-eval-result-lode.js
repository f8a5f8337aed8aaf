'use strict';
// The REPL prints each result with util.inspect, keeps the last one in `_`
// and stops updating `_` once the user assigns it.
require('../common');
const assert = require('assert');
const { startLines } = require('../common/repl-lode');

const { stream, server } = startLines();
stream.text = '';

stream.run(['1 + 2', "'a' + 'b'", '({ x: [1, 2] })', '_.x.length']);
assert.strictEqual(stream.text,
                   "3\n> 'ab'\n> { x: [ 1, 2 ] }\n> 2\n> ");

stream.text = '';
stream.run(['let v = 7', 'v * 6', '_ = 1', '_', '10', '_']);
assert.strictEqual(stream.text,
                   'undefined\n> 42\n> ' +
                   'Expression assignment to _ now disabled.\n1\n> ' +
                   '1\n> 10\n> 1\n> ');

// An object literal alone is an object, a block otherwise.
stream.text = '';
stream.run(['{ a: 1 }', '{ a: 1 };']);
assert.strictEqual(stream.text, '{ a: 1 }\n> 1\n> ');
server.close();
