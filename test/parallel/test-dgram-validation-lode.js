'use strict';
require('../common');
const assert = require('assert');
const dgram = require('dgram');

// Bad arguments throw Node's errors before anything reaches the binding.

for (const type of [undefined, 'udp5', 'tcp', {}, { type: 'UDP4' }]) {
  assert.throws(() => dgram.createSocket(type), {
    code: 'ERR_SOCKET_BAD_TYPE',
    name: 'TypeError',
    message: 'Bad socket type specified. Valid types are: udp4, udp6',
  });
}
assert.throws(() => dgram.createSocket({ type: 'udp4', lookup: 'x' }),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => dgram.createSocket({ type: 'udp4', recvBufferSize: -1 }),
              { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => dgram.createSocket({ type: 'udp4', signal: {} }),
              { code: 'ERR_INVALID_ARG_TYPE' });

const s = dgram.createSocket('udp4');
const bufferTypes = 'The "buffer" argument must be of type string or an ' +
  'instance of Buffer, TypedArray, or DataView.';
assert.throws(() => s.send(42, 1234), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: `${bufferTypes} Received type number (42)`,
});
assert.throws(() => s.send([Buffer.from('a'), {}], 1234),
              { code: 'ERR_INVALID_ARG_TYPE' });
for (const port of [undefined, 0, -1, 65536, 'x', 1.5]) {
  assert.throws(() => s.send('x', port, '127.0.0.1'),
                { code: 'ERR_SOCKET_BAD_PORT', name: 'RangeError' });
}
assert.throws(() => s.send('x', 1234, 5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => s.send(Buffer.alloc(2), 3, 0, 1234, '127.0.0.1'), {
  code: 'ERR_BUFFER_OUT_OF_BOUNDS',
  message: '"offset" is outside of buffer bounds',
});
assert.throws(() => s.send(Buffer.alloc(2), 1, 2, 1234, '127.0.0.1'), {
  code: 'ERR_BUFFER_OUT_OF_BOUNDS',
  message: '"length" is outside of buffer bounds',
});
assert.throws(() => s.connect(0), { code: 'ERR_SOCKET_BAD_PORT' });
assert.throws(() => s.setTTL('1'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => s.setMulticastTTL(null), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => s.setMulticastInterface(1),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => s.addMembership(), {
  code: 'ERR_MISSING_ARGS',
  message: 'The "multicastAddress" argument must be specified',
});
assert.throws(() => s.addSourceSpecificMembership('1.2.3.4', 5),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => s.setRecvBufferSize(-1), {
  code: 'ERR_SOCKET_BAD_BUFFER_SIZE',
  name: 'TypeError',
});
// Not bound yet: no socket to ask.
assert.throws(() => s.getSendBufferSize(), {
  code: 'ERR_SOCKET_BUFFER_SIZE',
  name: 'SystemError',
  message: 'Could not get or set buffer size: uv_send_buffer_size ' +
           'returned EBADF (bad file descriptor)',
});
assert.throws(() => s.setTTL(1), { code: 'EBADF', syscall: 'setTTL' });
assert.throws(() => s.address(), { code: 'EBADF', syscall: 'getsockname' });
s.close();
assert.throws(() => s.send('x', 1234), {
  code: 'ERR_SOCKET_DGRAM_NOT_RUNNING',
  message: 'Not running',
});
assert.throws(() => s.close(), { code: 'ERR_SOCKET_DGRAM_NOT_RUNNING' });
