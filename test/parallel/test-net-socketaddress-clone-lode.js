'use strict';
// net.SocketAddress and net.BlockList are copied as what they are by
// structuredClone() and postMessage(); an IPv4 address has no flow label.
const common = require('../common');
const assert = require('assert');
const { SocketAddress, BlockList } = require('net');
const { MessageChannel } = require('worker_threads');

const v4 = new SocketAddress({ address: '1.2.3.4', port: 80, flowlabel: 5 });
assert.strictEqual(v4.flowlabel, 0);
const v6 = new SocketAddress({ address: '::1', family: 'ipv6', flowlabel: 7 });

const list = new BlockList();
list.addAddress('10.0.0.1');
list.addSubnet('192.168.0.0', 16);

function check(copy) {
  const [a, b, l] = copy;
  assert(a instanceof SocketAddress);
  assert.deepStrictEqual(a.toJSON(), v4.toJSON());
  assert(b instanceof SocketAddress);
  assert.deepStrictEqual(b.toJSON(), v6.toJSON());
  assert(l instanceof BlockList);
  assert.deepStrictEqual(l.rules, list.rules);
  assert.strictEqual(l.check('10.0.0.1'), true);
  assert.strictEqual(l.check('192.168.4.4'), true);
  assert.strictEqual(l.check('10.0.0.2'), false);
}

check(structuredClone([v4, v6, list]));

const { port1, port2 } = new MessageChannel();
port2.once('message', common.mustCall((copy) => {
  check(copy);
  port2.close();
}));
port1.postMessage([v4, v6, list]);
