'use strict';
const common = require('../common');
const assert = require('assert');
const readline = require('readline');
const { PassThrough, Writable } = require('stream');

// A terminal interface over PassThrough streams: what the editor writes for
// each key, byte for byte as Node 24 writes it.
function terminal(options = {}, columns) {
  const input = new PassThrough();
  const chunks = [];
  const output = new Writable({
    write(chunk, encoding, cb) {
      chunks.push(chunk.toString());
      cb();
    },
  });
  if (columns) output.columns = columns;
  const rl = readline.createInterface({ input, output, terminal: true,
                                        ...options });
  const lines = [];
  rl.on('line', (line) => lines.push(line));
  return { input, rl, chunks, lines };
}

{
  const t = terminal();
  t.rl.prompt();
  for (const k of ['abc', '\x1b[D', '\x1b[D', 'X', '\x1b[H', 'Z', '\r']) {
    t.input.write(k);
  }
  assert.deepStrictEqual(t.chunks, [
    '\x1b[1G', '\x1b[0J', '> ', '\x1b[3G', 'a', 'b', 'c', '\x1b[1D',
    '\x1b[1D', '\x1b[1G', '\x1b[0J', '> aXbc', '\x1b[5G', '\x1b[2D',
    '\x1b[1G', '\x1b[0J', '> ZaXbc', '\x1b[4G', '\x1b[4C', '\r\n',
  ]);
  assert.deepStrictEqual(t.lines, ['ZaXbc']);
  assert.deepStrictEqual(t.rl.history, ['ZaXbc']);
  t.rl.close();
}

// Kill (ctrl+k, ctrl+u), yank (ctrl+y) and yank-pop (meta+y).
{
  const t = terminal();
  // Kills 'three', then 'one two '; yanks the latter, pops to the former.
  for (const k of ['one two three', '\x1bb', '\x0b', '\x15', 'x',
                   '\x19', '\x1by', '\r']) {
    t.input.write(k);
  }
  assert.deepStrictEqual(t.lines, ['xthree']);
  t.rl.close();
}

// Undo (ctrl+_) and redo (ctrl+^).
{
  const t = terminal();
  for (const k of ['abc', '\x7f', '\x1f', '\x1f', '\x1e', '\r']) {
    t.input.write(k);
  }
  assert.deepStrictEqual(t.lines, ['abc']);
  t.rl.close();
}

// History: up/down, prefix search, duplicates and size.
{
  const t = terminal({ history: ['old2', 'old1'] });
  for (const k of ['first', '\r', 'o', '\x1b[A', '\x1b[A', '\r']) {
    t.input.write(k);
  }
  assert.deepStrictEqual(t.lines, ['first', 'old1']);
  assert.deepStrictEqual(t.rl.history, ['old1', 'first', 'old2', 'old1']);
  t.rl.close();

  const d = terminal({ removeHistoryDuplicates: true, historySize: 3 });
  d.rl.on('history', common.mustCall(4));
  for (const k of ['a\r', 'b\r', 'a\r', 'c\r', '   \r']) d.input.write(k);
  assert.deepStrictEqual(d.rl.history, ['c', 'a', 'b']);
  assert.strictEqual(d.rl.historySize, 3);
  d.rl.close();
}

// A line wider than the output wraps: the cursor row is tracked.
{
  const t = terminal({}, 10);
  t.input.write('0123456789abc');
  // One chunk is a paste: its characters are echoed without redrawing.
  assert.deepStrictEqual(t.chunks, [...'0123456789abc']);
  assert.deepStrictEqual(t.rl.getCursorPos(), { cols: 5, rows: 1 });
  t.input.write('\x01');
  assert.deepStrictEqual(t.rl.getCursorPos(), { cols: 2, rows: 0 });
  assert.deepStrictEqual(t.chunks.slice(13), [
    '\x1b[1G', '\x1b[0J', '> 0123456789abc', '\x1b[3G', '\x1b[1A',
  ]);
  t.rl.close();
}

// Ctrl+D on an empty line closes; 'SIGINT' listeners get ctrl+c.
{
  const t = terminal();
  t.rl.on('SIGINT', common.mustCall());
  t.input.write('\x03');
  assert.strictEqual(t.rl.closed, undefined);
  t.rl.on('close', common.mustCall());
  t.input.write('\x04');
  assert.strictEqual(t.rl.closed, true);
  assert.throws(() => t.rl.write('x'), { code: 'ERR_USE_AFTER_CLOSE' });
}
