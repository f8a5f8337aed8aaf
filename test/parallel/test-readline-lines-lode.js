'use strict';
const common = require('../common');
const assert = require('assert');
const readline = require('readline');
const { PassThrough } = require('stream');

// Non-terminal input: \r\n, \n, a lone \r, U+2028 and U+2029 end a line; a
// \n right after a chunk-ending \r (within crlfDelay) is not a second line.
{
  const input = new PassThrough();
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  const lines = [];
  rl.on('line', (line) => lines.push(line));
  rl.on('close', common.mustCall(() => {
    assert.deepStrictEqual(lines, ['a', 'b', 'c', 'd', 'e', 'f', '', 'gh']);
  }));
  input.write('a\r\nb\rc\nd\r');
  input.write('\ne\u2028f\u2029\r\ng');
  input.end('h');
}

// crlfDelay is at least 100ms; a \n after that much time is an empty line.
{
  const rl = readline.createInterface({ input: new PassThrough(),
                                        crlfDelay: 50 });
  assert.strictEqual(rl.crlfDelay, 100);
  assert.strictEqual(rl.terminal, false);
  rl.close();
}

// Multi-byte characters split between chunks.
{
  const input = new PassThrough();
  const rl = readline.createInterface({ input });
  rl.on('line', common.mustCall((line) => {
    assert.strictEqual(line, '€uro');
  }));
  const euro = Buffer.from('€uro\n');
  input.write(euro.subarray(0, 1));
  input.write(euro.subarray(1, 2));
  input.end(euro.subarray(2));
}

// for await: every line, the unterminated last one too.
(async () => {
  const input = new PassThrough();
  const rl = readline.createInterface({ input });
  setImmediate(() => {
    input.write('x\ny\n');
    input.end('z');
  });
  const got = [];
  for await (const line of rl) got.push(line);
  assert.deepStrictEqual(got, ['x', 'y', 'z']);
})().then(common.mustCall());
