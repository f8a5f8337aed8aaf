'use strict';
// Inputs that once made lode abort (found by review): each must now behave
// as in Node, with no crash.
const common = require('../common');
const assert = require('assert');
const os = require('os');
const net = require('net');

// Values that pass the JS checks but are no int32 to V8.
assert.strictEqual(process.kill(String(process.pid), 0), true);
assert.strictEqual(process.kill(process.pid, -0), true);
const mask = process.umask(-0);
process.umask(mask);
os.setPriority(-0, os.getPriority());

// A throwing setter on Object.prototype must not abort a handle's close.
Object.defineProperty(Object.prototype, 'onclose', {
  __proto__: null,
  configurable: true,
  set() { throw new Error('setter'); },
});
const server = net.createServer().listen(0, common.mustCall(() => {
  const socket = net.connect(server.address().port, common.mustCall(() => {
    socket.destroy();
  }));
  socket.on('close', common.mustCall(() => {
    delete Object.prototype.onclose;
    server.close();
  }));
}));

// TextEncoder.encodeInto keeps working under the same kind of pressure.
const { written } = new TextEncoder().encodeInto('héllo', new Uint8Array(8));
assert.strictEqual(written, 6);
