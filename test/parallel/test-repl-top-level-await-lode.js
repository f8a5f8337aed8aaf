'use strict';
// `await` works at the top level of REPL input: the value is printed when
// the promise settles, declarations stay visible afterwards, and a
// rejection prints as an uncaught error.
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
    if (this.waiting && this.text.endsWith('> ')) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve(this.text);
    }
    return true;
  }
  pause() {}
  resume() {}
}

const stream = new Lines();
repl.start({ input: stream, output: stream, prompt: '> ', terminal: false });

function send(line) {
  stream.text = '';
  const p = new Promise((resolve) => { stream.waiting = resolve; });
  stream.run([line]);
  return p;
}

(async () => {
  assert.strictEqual(await send('await Promise.resolve(40 + 2)'), '42\n> ');
  assert.strictEqual(await send('const { a } = await { a: 5 }; a * 2'),
                     '10\n> ');
  assert.strictEqual(await send('a'), '5\n> ');
  assert.strictEqual(
    await send('await new Promise((r) => setTimeout(r, 10, "late"))'),
    "'late'\n> ");
  assert.match(await send('await Promise.reject(new Error("no"))'),
               /^Uncaught Error: no\n {4}at REPL\d+:1:\d+\n> $/);
  // A promise result is shown, not awaited again.
  assert.match(await send('(await 1, Promise.resolve(2))'),
               /^Promise \{\s+2[,\s]/);
})().then(common.mustCall());
