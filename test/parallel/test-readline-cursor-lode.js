'use strict';
const common = require('../common');
const assert = require('assert');
const readline = require('readline');
const { Writable } = require('stream');

const chunks = [];
const out = new Writable({
  write(chunk, encoding, cb) {
    chunks.push(chunk.toString());
    cb();
  },
});

assert.strictEqual(readline.cursorTo(out, 2), true);
assert.strictEqual(readline.cursorTo(out, 2, 3), true);
assert.strictEqual(readline.moveCursor(out, -1, -1), true);
assert.strictEqual(readline.moveCursor(out, 1, 1), true);
assert.strictEqual(readline.moveCursor(out, 0, 0), true);
assert.strictEqual(readline.clearLine(out, -1), true);
assert.strictEqual(readline.clearLine(out, 0), true);
assert.strictEqual(readline.clearLine(out, 1), true);
assert.strictEqual(readline.clearScreenDown(out), true);
assert.strictEqual(readline.cursorTo(out, undefined, undefined), true);
assert.deepStrictEqual(chunks, [
  '\x1b[3G', '\x1b[4;3H', '\x1b[1D\x1b[1A', '\x1b[1C\x1b[1B',
  '\x1b[1K', '\x1b[2K', '\x1b[0K', '\x1b[0J',
]);

assert.throws(() => readline.cursorTo(out, NaN), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'x' is invalid. Received NaN",
});
assert.throws(() => readline.cursorTo(out, 'a', 1), {
  code: 'ERR_INVALID_CURSOR_POS',
  message: 'Cannot set cursor row without setting its column',
});
assert.throws(() => readline.clearLine(out, 0, 1), {
  code: 'ERR_INVALID_ARG_TYPE',
});

// Without a stream the callback still runs, with null.
readline.cursorTo(null, 1, common.mustCall((err) => {
  assert.strictEqual(err, null);
}));
readline.clearScreenDown(undefined, common.mustCall());

// tty.WriteStream's helpers are readline's.
const tty = require('tty');
assert.strictEqual(typeof tty.WriteStream.prototype.cursorTo, 'function');
