'use strict';
const common = require('../common');
const assert = require('assert');
const dgram = require('dgram');
const { fork } = require('child_process');

// A bound dgram socket sent to a child arrives there as a bound
// dgram.Socket of the same type and port; the parent keeps its own.

if (process.argv[2] === 'child') {
  process.once('message', (msg, socket) => {
    assert.strictEqual(msg, 'socket');
    assert(socket instanceof dgram.Socket);
    assert.strictEqual(socket.type, 'udp4');
    process.send(socket.address().port);
    socket.close();
  });
  return;
}

const socket = dgram.createSocket('udp4');
socket.bind(0, '127.0.0.1', common.mustCall(() => {
  const child = fork(__filename, ['child']);
  child.send('socket', socket);
  child.on('message', common.mustCall((port) => {
    assert.strictEqual(port, socket.address().port);
    socket.close();
  }));
  child.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
}));
