'use strict';

// In-memory streams for the test-repl-*-lode.js tests, so that they drive a
// REPL without a process or a terminal. Plain Node-compatible code: the same
// tests also run under Node, as an oracle.
//
// Lines: a line-mode stream (terminal: false); run() feeds whole lines.
// Terminal: a TTY-like stream (terminal: true); keys arrive through
//   emit('data', ...), or type() for one key at a time.
// Both collect what the REPL writes in `text`; tests reset it to '' to look
// only at the output of what comes next.

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

class Terminal extends Stream {
  readable = true;
  writable = true;
  isTTY = true;
  columns = 80;
  text = '';
  write(chunk) {
    this.text += chunk;
    return true;
  }
  type(text) {
    this.text = '';
    // One key at a time, as typed (a pasted chunk is not previewed).
    for (const ch of text) this.emit('data', ch);
  }
  pause() {}
  resume() {}
  setRawMode() {}
}

// A REPL on a new Lines stream, prompt '> '; `options` add to or override
// those given to repl.start().
function startLines(options) {
  const stream = new Lines();
  const server = repl.start({ input: stream, output: stream, prompt: '> ',
                              terminal: false, ...options });
  return { stream, server };
}

// A REPL on a new Terminal, prompt '> ', without colours (so that the
// output can be compared as text). `rows` gives the terminal a height;
// without it the stream reports none, as some tests need.
function startTerminal({ rows, ...options } = {}) {
  const term = new Terminal();
  if (rows !== undefined) term.rows = rows;
  const server = repl.start({ input: term, output: term, prompt: '> ',
                              terminal: true, useColors: false, ...options });
  return { term, server };
}

module.exports = { Lines, Terminal, startLines, startTerminal };
