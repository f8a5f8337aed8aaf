'use strict';
// Without useGlobal the REPL has a context of its own: its variables stay
// out of globalThis, builtin modules are lazy globals there, and .clear
// starts a new context (emitting 'reset').
const common = require('../common');
const assert = require('assert');
const { startLines } = require('../common/repl-lode');

const { stream, server } = startLines();
server.context.fromOutside = 'hello';
stream.text = '';
stream.run(['var inRepl = 1', 'fromOutside', 'typeof path.join',
            'path === require("path")', 'typeof process.version']);
assert.strictEqual(
  stream.text,
  "undefined\n> 'hello'\n> 'function'\n> true\n> 'string'\n> ");
assert.strictEqual(globalThis.inRepl, undefined);
assert.strictEqual(server.context.inRepl, 1);

server.on('reset', common.mustCall((context) => {
  assert.strictEqual(context, server.context);
}));
stream.text = '';
stream.run(['.clear', 'typeof inRepl']);
assert.strictEqual(stream.text, "Clearing context...\n> 'undefined'\n> ");
server.close();
