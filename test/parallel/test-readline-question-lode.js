'use strict';
const common = require('../common');
const assert = require('assert');
const readline = require('readline');
const { PassThrough, Writable } = require('stream');
const { promisify } = require('util');

function sink() {
  const out = new Writable({
    write(chunk, encoding, cb) {
      out.chunks.push(chunk.toString());
      cb();
    },
  });
  out.chunks = [];
  return out;
}

// Through pipes: the query is written as is, the next line answers it, and
// a second question() while one is pending only re-prompts.
{
  const input = new PassThrough();
  const output = sink();
  const rl = readline.createInterface({ input, output });
  rl.question('Name? ', common.mustCall((answer) => {
    assert.strictEqual(answer, 'Bob');
    assert.deepStrictEqual(output.chunks, ['Name? ', 'Name? ']);
    assert.strictEqual(rl.getPrompt(), '> ');
    rl.close();
    assert.throws(() => rl.question('again?', common.mustNotCall()), {
      code: 'ERR_USE_AFTER_CLOSE',
      message: 'readline was closed',
    });
  }));
  rl.question('ignored? ', common.mustNotCall());
  input.write('Bob\n');
}

// On a terminal, an aborted question clears the line and restores the prompt.
{
  const input = new PassThrough();
  const output = sink();
  const rl = readline.createInterface({ input, output, terminal: true });
  const ac = new AbortController();
  rl.question('Q? ', { signal: ac.signal }, common.mustNotCall());
  input.write('par');
  ac.abort();
  assert.deepStrictEqual(output.chunks, [
    '\x1b[1G', '\x1b[0J', 'Q? ', '\x1b[4G', 'p', 'a', 'r', '\r\n',
  ]);
  assert.strictEqual(rl.getPrompt(), '> ');
  assert.strictEqual(rl.line, '');
  rl.close();
}

// util.promisify(rl.question) and an already aborted signal.
(async () => {
  const input = new PassThrough();
  const rl = readline.createInterface({ input });
  const question = promisify(rl.question).bind(rl);
  const answer = question('a? ');
  input.write('yes\n');
  assert.strictEqual(await answer, 'yes');
  await assert.rejects(question('b? ', { signal: AbortSignal.abort() }), {
    name: 'AbortError',
    message: 'The operation was aborted',
  });
  rl.close();
})().then(common.mustCall());
