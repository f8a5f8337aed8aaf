'use strict';
// .editor (terminal only): lines are collected, with their indentation,
// until Ctrl+D runs them as one input; Ctrl+C leaves without running.
const common = require('../common');
const assert = require('assert');
const repl = require('repl');
const { Terminal, startTerminal } = require('../common/repl-lode');

const { term, server } = startTerminal();
assert.ok(server.commands.editor);

term.text = '';
term.emit('data', '.editor\r');
assert.ok(term.text.includes(
  '// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)\n'));
assert.strictEqual(server.editorMode, true);

term.emit('data', 'function twice(x) {\r');
// Typed key by key, the next line starts with the same indentation.
for (const key of '  return x * 2;\r') term.emit('data', key);
assert.strictEqual(server.line, '  ');  // the indentation carries over
term.emit('data', '}\r');
term.emit('data', 'twice(21)');
term.text = '';
term.emit('data', '\x04');  // Ctrl+D
assert.strictEqual(server.editorMode, false);
assert.ok(term.text.includes('42\n'), JSON.stringify(term.text));

term.emit('data', '.editor\r');
term.emit('data', 'throw new Error("never")\r');
term.text = '';
term.emit('data', '\x03');  // Ctrl+C
assert.strictEqual(server.editorMode, false);
assert.ok(!term.text.includes('never'));
server.close();
common.mustCall()();

// Not on a plain stream.
const plain = new Terminal();
const other = repl.start({ input: plain, output: plain, terminal: false });
assert.strictEqual(other.commands.editor, undefined);
other.close();
