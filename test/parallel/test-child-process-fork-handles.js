'use strict';
// Handles sent with a message: a listening net.Server, a connected
// net.Socket (let go of by the sender) and a bare TCP handle.
const common = require('../common');
const assert = require('assert');
const net = require('net');
const { fork } = require('child_process');

if (process.argv[2] === 'child') {
  process.on('message', (message, handle) => {
    if (message === 'server') {
      assert.ok(handle instanceof net.Server);
      assert.strictEqual(handle.listening, true);
      handle.once('connection', common.mustCall((socket) => {
        socket.end('served by the child');
        handle.close();
      }));
      process.send('server ready');
    } else if (message.what === 'socket') {
      assert.ok(handle instanceof net.Socket);
      handle.end(`socket ${message.n}`);
      process.send('socket done');
    } else if (message === 'tcp') {
      assert.strictEqual(handle.constructor.name, 'TCP');
      handle.close();
      process.disconnect();
    }
  });
  return;
}

const child = fork(__filename, ['child']);

function read(port, expected, callback) {
  let data = '';
  net.connect(port).setEncoding('utf8')
    .on('data', (chunk) => data += chunk)
    .on('end', common.mustCall(() => {
      assert.strictEqual(data, expected);
      callback();
    }));
}

const server = net.createServer(common.mustNotCall());
server.listen(0, common.mustCall(() => {
  child.send('server', server, common.mustSucceed());
}));

const steps = {
  'server ready'() {
    const { port } = server.address();
    server.close();
    read(port, 'served by the child', testSocket);
  },
  'socket done'() {
    const other = net.createServer().listen(0, common.mustCall(() => {
      child.send('tcp', other._handle);
      other.close();
    }));
  },
};
child.on('message', common.mustCall((message) => steps[message](), 2));

function testSocket() {
  const server = net.createServer(common.mustCall((socket) => {
    child.send({ what: 'socket', n: 1 }, socket);
    // Without keepOpen the sender lets go of the handle at once.
    assert.strictEqual(socket._handle, null);
    server.close();
  }));
  server.listen(0, common.mustCall(() => {
    read(server.address().port, 'socket 1', common.mustCall());
  }));
}

child.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
