'use strict';
const common = require('../common');
const assert = require('assert');
const net = require('net');

// An echo server over TCP on 127.0.0.1: addresses, ports, byte counters,
// encodings and the order of 'end', 'finish' and 'close'.

const server = net.createServer(common.mustCall((sock) => {
  assert.strictEqual(sock.remoteAddress, '127.0.0.1');
  assert.strictEqual(sock.remoteFamily, 'IPv4');
  assert.strictEqual(typeof sock.remotePort, 'number');
  assert.strictEqual(sock.server, server);
  sock.pipe(sock);
}));

server.listen(0, '127.0.0.1', common.mustCall(() => {
  const address = server.address();
  assert.strictEqual(address.address, '127.0.0.1');
  assert.strictEqual(address.family, 'IPv4');
  assert.ok(address.port > 0);
  assert.strictEqual(server.listening, true);

  const client = net.connect(address.port, '127.0.0.1');
  assert.strictEqual(client.readyState, 'opening');
  assert.strictEqual(client.pending, true);
  client.setEncoding('utf8');
  let received = '';
  client.on('connect', common.mustCall(() => {
    assert.strictEqual(client.readyState, 'open');
    assert.strictEqual(client.remotePort, address.port);
    assert.strictEqual(client.localAddress, '127.0.0.1');
    assert.deepStrictEqual(client.address().family, 'IPv4');
    client.write('héllo ');
    client.write(Buffer.from('wörld'));
    client.end('!', 'latin1');
  }));
  client.on('ready', common.mustCall());
  client.on('data', (chunk) => { received += chunk; });
  client.on('end', common.mustCall(() => {
    assert.strictEqual(received, 'héllo wörld!');
  }));
  client.on('close', common.mustCall((hadError) => {
    assert.strictEqual(hadError, false);
    assert.strictEqual(client.bytesRead, Buffer.byteLength('héllo wörld!'));
    assert.strictEqual(client.bytesWritten, Buffer.byteLength('héllo wörld!'));
    assert.strictEqual(client.readyState, 'closed');
    server.close(common.mustCall(() => {
      assert.strictEqual(server.listening, false);
      assert.strictEqual(server.address(), null);
    }));
  }));
}));
