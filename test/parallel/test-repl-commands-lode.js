'use strict';
// REPL commands: .help lists them (with those added by defineCommand), an
// unknown one is reported, .exit closes the REPL and emits 'exit'.
const common = require('../common');
const assert = require('assert');
const { startLines } = require('../common/repl-lode');

const { stream, server } = startLines();
server.defineCommand('say', {
  help: 'Say something',
  action: common.mustCall(function(text) {
    this.output.write(`said: ${text}\n`);
    this.displayPrompt();
  }),
});
assert.throws(() => server.defineCommand('bad', {}),
              { code: 'ERR_INVALID_ARG_TYPE' });

stream.text = '';
stream.run(['.help']);
assert.strictEqual(stream.text, [
  '.break   Sometimes you get stuck, this gets you out',
  '.clear   Break, and also clear the local context',
  '.exit    Exit the REPL',
  '.help    Print this help message',
  '.load    Load JS from a file into the REPL session',
  '.save    Save all evaluated commands in this REPL session to a file',
  '.say     Say something',
  '',
  'Press Ctrl+C to abort current expression, Ctrl+D to exit the REPL',
  '> ',
].join('\n'));

stream.text = '';
stream.run(['.say hello there', '.nope', '.5 + 1']);
assert.strictEqual(stream.text,
                   'said: hello there\n> Invalid REPL keyword\n> 1.5\n> ');

server.on('exit', common.mustCall());
stream.run(['.exit']);
