'use strict';
const common = require('../common');
const assert = require('assert');
const net = require('net');
const tty = require('tty');

// tty.ReadStream/WriteStream are net.Sockets over a TTY handle; the tests
// run without a terminal, so the failure paths and the prototype are what
// can be checked here (a pty check lives outside the test suite).

assert.strictEqual(tty.isatty(-1), false);
assert.strictEqual(tty.isatty(1.5), false);
assert.strictEqual(tty.isatty(9999), false);

assert.throws(() => new tty.ReadStream(-1), {
  code: 'ERR_INVALID_FD',
  name: 'RangeError',
  message: '"fd" must be a positive integer: -1',
});
assert.throws(() => new tty.WriteStream(9999), {
  code: 'ERR_TTY_INIT_FAILED',
  name: 'SystemError',
  info: {
    errno: -22,
    code: 'EINVAL',
    message: 'invalid argument',
    syscall: 'uv_tty_init',
  },
});

assert.ok(tty.WriteStream.prototype instanceof net.Socket);
assert.ok(tty.ReadStream.prototype instanceof net.Socket);
assert.strictEqual(tty.WriteStream.prototype.isTTY, true);
for (const name of ['cursorTo', 'moveCursor', 'clearLine',
                    'clearScreenDown', 'getWindowSize', 'getColorDepth',
                    'hasColors', '_refreshSize']) {
  assert.strictEqual(typeof tty.WriteStream.prototype[name], 'function');
}
assert.strictEqual(typeof tty.ReadStream.prototype.setRawMode, 'function');

// The cursor helpers write VT100 sequences to any stream.
const written = [];
const fake = { write(data, cb) { written.push(data); return true; } };
const { cursorTo, moveCursor, clearLine, clearScreenDown } =
  tty.WriteStream.prototype;
cursorTo.call(fake, 3);
cursorTo.call(fake, 3, 4);
moveCursor.call(fake, -2, 1);
clearLine.call(fake, -1);
clearLine.call(fake, 0);
clearScreenDown.call(fake);
assert.deepStrictEqual(written, [
  '\x1b[4G', '\x1b[5;4H', '\x1b[2D\x1b[1B', '\x1b[1K', '\x1b[2K', '\x1b[0J',
]);
common.mustCall()();
