'use strict';
// dns.lookup() answers IP literals and falsy host names itself (on the next
// tick), and resolves 'localhost' from the hosts file.
const common = require('../common');
const assert = require('assert');
const dns = require('dns');

let sync = true;
dns.lookup('::1', common.mustSucceed((address, family) => {
  assert.strictEqual(sync, false);
  assert.strictEqual(address, '::1');
  assert.strictEqual(family, 6);
}));
dns.lookup('10.0.0.1', { all: true }, common.mustSucceed((list) => {
  assert.deepStrictEqual(list, [{ address: '10.0.0.1', family: 4 }]);
}));
sync = false;

common.expectWarning('DeprecationWarning',
                     'The provided hostname "" is not a valid hostname, and ' +
                     'is supported in the dns module solely for ' +
                     'compatibility.', 'DEP0118');
dns.lookup('', { family: 6 }, common.mustSucceed((address, family) => {
  assert.strictEqual(address, null);
  assert.strictEqual(family, 6);
}));

dns.lookup('localhost', 4, common.mustSucceed((address, family) => {
  assert.strictEqual(address, '127.0.0.1');
  assert.strictEqual(family, 4);
}));
dns.lookup('localhost', { family: 4, all: true },
           common.mustSucceed((list) => {
             assert(list.length >= 1);
             assert.deepStrictEqual(list[0],
                                    { address: '127.0.0.1', family: 4 });
           }));

// ipv4first puts the IPv4 addresses before the IPv6 ones.
dns.lookup('localhost', { all: true, order: 'ipv4first' },
           common.mustSucceed((list) => {
             const families = list.map((e) => e.family);
             assert.deepStrictEqual(families, [...families].sort());
           }));

dns.promises.lookup('localhost', { family: 4 }).then(common.mustCall((res) => {
  assert.deepStrictEqual(res, { address: '127.0.0.1', family: 4 });
}));

