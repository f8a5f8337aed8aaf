'use strict';
const common = require('../common');
if (!common.hasIPv6) common.skip('no IPv6 support');
const assert = require('assert');
const dgram = require('dgram');

// udp6 sockets on ::1: bind, send with the address left out (the loopback
// address of the family), receive, and an IPv4 address refused by bind.

const server = dgram.createSocket('udp6');
const client = dgram.createSocket({ type: 'udp6' });

server.on('message', common.mustCall((msg, rinfo) => {
  assert.strictEqual(msg.toString(), 'six');
  assert.strictEqual(rinfo.address, '::1');
  assert.strictEqual(rinfo.family, 'IPv6');
  assert.strictEqual(rinfo.size, 3);
  client.close();
  server.close();
}));

server.bind({ port: 0, address: '::1' }, common.mustCall(() => {
  assert.strictEqual(server.address().family, 'IPv6');
  assert.strictEqual(server.address().address, '::1');
  client.send(Buffer.from('six'), server.address().port, common.mustSucceed());
}));

const wrongFamily = dgram.createSocket('udp6');
wrongFamily.bind(0, '127.0.0.1');
wrongFamily.on('error', common.mustCall((err) => {
  assert.strictEqual(err.code, 'EINVAL');
  assert.strictEqual(err.syscall, 'bind');
  assert.strictEqual(err.address, '127.0.0.1');
  assert.strictEqual(err.message, 'bind EINVAL 127.0.0.1');
  wrongFamily.close();
}));
