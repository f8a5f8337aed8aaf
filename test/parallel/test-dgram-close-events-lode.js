'use strict';
const common = require('../common');
const assert = require('assert');
const dgram = require('dgram');

// 'close' comes once, after close() returns; a close() during the bind
// waits for it; an aborted signal closes the socket; Symbol.asyncDispose
// closes and resolves.

const plain = dgram.createSocket('udp4');
let returned = false;
plain.on('close', common.mustCall(() => assert(returned)));
assert.strictEqual(plain.close(common.mustCall()), plain);
returned = true;

// The bind's lookup is still pending: 'listening' comes first, then 'close'.
const binding = dgram.createSocket('udp4');
const order = [];
binding.bind(0, '127.0.0.1');
binding.send('x', 9, '127.0.0.1');
binding.on('listening', common.mustCall(() => order.push('listening')));
binding.close(common.mustCall(() => {
  order.push('close');
  assert.deepStrictEqual(order, ['listening', 'close']);
}));

const controller = new AbortController();
const aborted = dgram.createSocket({ type: 'udp4',
                                     signal: controller.signal });
aborted.on('close', common.mustCall());
controller.abort();

const disposed = dgram.createSocket('udp4');
disposed.on('close', common.mustCall());
disposed.bind(0, '127.0.0.1', common.mustCall(async () => {
  await disposed[Symbol.asyncDispose]();
  // Disposing twice is fine.
  await disposed[Symbol.asyncDispose]();
}));

// unref(): this socket alone does not keep the process running.
dgram.createSocket('udp4').bind(0).unref();
