'use strict';
// Without useGlobal the REPL has a context of its own: its variables stay
// out of globalThis, builtin modules are lazy globals there, and .clear
// starts a new context (emitting 'reset').
const common = require('../common');
const assert = require('assert');
const { Stream } = require('stream');
const repl = require('repl');

class Lines extends Stream {
  readable = true;
  writable = true;
  text = '';
  run(lines) {
    for (const line of lines) this.emit('data', `${line}\n`);
  }
  write(chunk) {
    this.text += chunk;
    return true;
  }
  pause() {}
  resume() {}
}

const stream = new Lines();
const server = repl.start({ input: stream, output: stream, prompt: '> ',
                            terminal: false });
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
