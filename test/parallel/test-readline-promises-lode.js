'use strict';
const common = require('../common');
const assert = require('assert');
const readlinePromises = require('readline/promises');
const { PassThrough, Writable } = require('stream');

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

assert.strictEqual(require('readline').promises, readlinePromises);
assert.deepStrictEqual(Object.keys(readlinePromises),
                       ['Interface', 'Readline', 'createInterface']);

(async () => {
  // question() resolves with the answer; an abort rejects with AbortError.
  const input = new PassThrough();
  const output = sink();
  const rl = readlinePromises.createInterface({ input, output });
  const ac = new AbortController();
  const aborted = rl.question('x? ', { signal: ac.signal });
  ac.abort('why');
  await assert.rejects(aborted, {
    name: 'AbortError', code: 'ABORT_ERR', cause: 'why',
  });
  const answer = rl.question('y? ');
  input.write('answer\n');
  assert.strictEqual(await answer, 'answer');
  assert.deepStrictEqual(output.chunks, ['x? ', '\r\n', 'y? ']);
  rl.close();
  await assert.rejects(rl.question('z? '), { code: 'ERR_USE_AFTER_CLOSE' });

  // Ctrl+C on a terminal closes and rejects the pending question.
  const tty = readlinePromises.createInterface({
    input: new PassThrough(), output: sink(), terminal: true,
  });
  const pending = tty.question('c? ');
  tty.input.write('\x03');
  await assert.rejects(pending, {
    name: 'AbortError', message: 'Aborted with Ctrl+C',
  });
  assert.strictEqual(tty.closed, true);

  // Readline queues actions until commit(); rollback() drops them.
  const out = sink();
  const r = new readlinePromises.Readline(out);
  r.cursorTo(3).cursorTo(1, 2).moveCursor(-2, 3).moveCursor(4, -1)
    .moveCursor(0, 0).clearLine(-1).clearLine(0).clearLine(1)
    .clearScreenDown();
  assert.deepStrictEqual(out.chunks, []);
  await r.commit();
  assert.deepStrictEqual(out.chunks, [
    '\x1b[4G\x1b[3;2H\x1b[2D\x1b[3B\x1b[4C\x1b[1A\x1b[1K\x1b[2K\x1b[0K\x1b[0J',
  ]);
  r.cursorTo(5).rollback();
  await r.commit();
  assert.strictEqual(out.chunks[1], '');

  // autoCommit writes on the next tick.
  const auto = new readlinePromises.Readline(out, { autoCommit: true });
  auto.cursorTo(9);
  assert.strictEqual(out.chunks.length, 2);
  await new Promise(setImmediate);
  assert.strictEqual(out.chunks[2], '\x1b[10G');

  assert.throws(() => new readlinePromises.Readline({}), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "stream" argument must be an instance of Writable. ' +
             'Received an instance of Object',
  });
  assert.throws(() => r.clearLine(2), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "dir" is out of range. It must be >= -1 && <= 1. ' +
             'Received 2',
  });
  assert.throws(() => r.moveCursor(1.5, 0), { code: 'ERR_OUT_OF_RANGE' });
})().then(common.mustCall());
