'use strict';
const common = require('../common');
const assert = require('assert');
const net = require('net');
const { BlockList, SocketAddress } = net;

// Addresses, ranges and subnets; IPv4 rules also cover IPv4-mapped IPv6.
const list = new BlockList();
list.addAddress('10.0.0.1');
list.addRange('::1', '::f', 'ipv6');
list.addSubnet('192.168.0.0', 16);
assert.deepStrictEqual(list.rules, [
  'Subnet: IPv4 192.168.0.0/16',
  'Range: IPv6 ::1-::f',
  'Address: IPv4 10.0.0.1',
]);
assert.ok(list.check('10.0.0.1'));
assert.ok(list.check('::ffff:10.0.0.1', 'ipv6'));
assert.ok(list.check('192.168.255.1'));
assert.ok(!list.check('192.169.0.1'));
assert.ok(list.check('::a', 'IPv6'));
assert.ok(!list.check('::10', 'ipv6'));
assert.ok(!list.check('not an address'));
assert.throws(() => list.addRange('1.1.1.2', '1.1.1.1'),
              { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => list.addSubnet('1.1.1.1', 33),
              { code: 'ERR_OUT_OF_RANGE' });

const copy = new BlockList();
copy.fromJSON(JSON.stringify(list));
// Rules come back in the order they are added, so fromJSON() reverses them.
assert.deepStrictEqual(copy.rules, list.rules.reverse());

// SocketAddress keeps the canonical text of the address.
const sa = new SocketAddress({ address: '2001:db8:0:0:0:0:0:1',
                               family: 'ipv6', port: 80 });
assert.deepStrictEqual(sa.toJSON(),
                       { address: '2001:db8::1', port: 80, family: 'ipv6',
                         flowlabel: 0 });
assert.throws(() => new SocketAddress({ address: '1.2.3' }),
              { code: 'ERR_INVALID_ADDRESS' });

// A blocked peer: connect fails with ERR_IP_BLOCKED.
const blocked = new BlockList();
blocked.addAddress('127.0.0.1');
net.connect({ port: 9, host: '127.0.0.1', blockList: blocked })
  .on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_IP_BLOCKED');
    assert.strictEqual(err.message, 'IP(127.0.0.1) is blocked by net.BlockList');
  }));
assert.throws(() => net.connect({ port: 9, blockList: {} }),
              { code: 'ERR_INVALID_ARG_TYPE' });
