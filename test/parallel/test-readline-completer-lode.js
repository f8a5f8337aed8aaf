'use strict';
const common = require('../common');
const assert = require('assert');
const readline = require('readline');
const { PassThrough, Writable } = require('stream');

function terminal(completer, columns) {
  const input = new PassThrough();
  const chunks = [];
  const output = new Writable({
    write(chunk, encoding, cb) {
      chunks.push(chunk.toString());
      cb();
    },
  });
  output.columns = columns;
  const rl = readline.createInterface({ input, output, terminal: true,
                                        completer });
  return { input, rl, chunks };
}

// A returning completer: the common prefix is inserted, a second tab lists
// the candidates in columns.
{
  const words = ['apple', 'apricot', 'banana', 'avocado'];
  const t = terminal((line) => {
    const hits = words.filter((w) => w.startsWith(line));
    return [hits.length ? hits : words, line];
  }, 40);
  t.input.write('a');
  t.input.write('\t');
  t.input.write('\t');
  assert.deepStrictEqual(t.chunks, [
    'a', '\r\napple    apricot  avocado\r\n\r\n', '\x1b[1G', '\x1b[0J',
    '> a', '\x1b[4G',
  ]);
  t.input.write('pr');
  t.input.write('\t');
  assert.strictEqual(t.rl.line, 'apricot');
  t.rl.close();
}

// A callback completer, called asynchronously; '' starts a new group.
{
  const t = terminal((line, cb) => {
    setImmediate(() => cb(null, [['foo', 'foobar', '', 'fox'], line]));
  }, 30);
  t.input.write('f');
  t.input.write('\t');
  setImmediate(common.mustCall(() => {
    setImmediate(common.mustCall(() => {
      t.input.write('\t');
      setImmediate(common.mustCall(() => {
        setImmediate(common.mustCall(() => {
          assert.deepStrictEqual(t.chunks, [
            'f', 'o', '\r\nfoo     foobar\r\n\r\nfox\r\n\r\n', '\x1b[1G',
            '\x1b[0J', '> fo', '\x1b[5G',
          ]);
          t.rl.close();
        }));
      }));
    }));
  }));
}

// An async completer with readline/promises.
{
  const { createInterface } = require('readline/promises');
  const input = new PassThrough();
  const rl = createInterface({
    input, output: new PassThrough(), terminal: true,
    completer: common.mustCall(async (line) => [['zeta', 'zebra'], line]),
  });
  input.write('z');
  input.write('\t');
  setTimeout(common.mustCall(() => {
    assert.strictEqual(rl.line, 'ze');
    rl.close();
  }), 10);
}

// Completer errors are written to the output.
{
  const t = terminal((line, cb) => cb(new Error('boom')), 30);
  t.input.write('\t');
  assert.match(t.chunks[0], /^Tab completion error: Error: boom\n/);
  t.rl.close();
}

assert.throws(() => readline.createInterface({
  input: new PassThrough(), completer: 5,
}), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'completer' is invalid. Received 5",
});
