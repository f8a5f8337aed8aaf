'use strict';
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const net = require('net');
const tmpdir = require('../common/tmpdir');

// listen(path) and connect(path) over a Unix domain socket.

tmpdir.refresh();
const path = common.PIPE;

const server = net.createServer(common.mustCall((sock) => {
  sock.setEncoding('utf8');
  sock.on('data', common.mustCall((data) => {
    sock.end(`echo:${data}`);
  }));
}));

server.listen(path, common.mustCall(() => {
  assert.strictEqual(server.address(), path);
  assert.ok(fs.existsSync(path));
  const client = net.createConnection({ path }, common.mustCall(() => {
    client.write('ping');
  }));
  let got = '';
  client.on('data', (d) => { got += d; });
  client.on('close', common.mustCall(() => {
    assert.strictEqual(got, 'echo:ping');
    server.close(common.mustCall());
  }));
}));

// A second server on the same path fails with EADDRINUSE.
server.on('listening', common.mustCall(() => {
  net.createServer().listen(path).on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'EADDRINUSE');
    assert.strictEqual(err.syscall, 'listen');
  }));
}));

// Connecting to a path nobody listens on fails with ENOENT.
net.connect(`${path}.missing`).on('error', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.syscall, 'connect');
  assert.strictEqual(err.address, `${path}.missing`);
}));
