'use strict';
// `await` works at the top level of REPL input: the value is printed when
// the promise settles, declarations stay visible afterwards, and a
// rejection prints as an uncaught error.
const common = require('../common');
const assert = require('assert');
const repl = require('repl');
const { Lines } = require('../common/repl-lode');

// Resolves `waiting` with the output once the next prompt is written: the
// result of an awaited input arrives later than the line that started it.
class Waiting extends Lines {
  write(chunk) {
    super.write(chunk);
    if (this.waiting && this.text.endsWith('> ')) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve(this.text);
    }
    return true;
  }
}

const stream = new Waiting();
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
