'use strict';
// dns.lookupService() asks getnameinfo() for the host and service names of
// an address and port; its arguments are checked first.
const common = require('../common');
const assert = require('assert');
const dns = require('dns');

dns.lookupService('127.0.0.1', 22, common.mustSucceed((hostname, service) => {
  assert.strictEqual(typeof hostname, 'string');
  assert.notStrictEqual(hostname.length, 0);
  assert(['ssh', '22'].includes(service), service);
}));

dns.promises.lookupService('127.0.0.1', '80').then(common.mustCall((res) => {
  assert.deepStrictEqual(Object.keys(res), ['hostname', 'service']);
  assert(['http', '80'].includes(res.service), res.service);
}));

assert.throws(() => dns.lookupService('127.0.0.1', 22), {
  code: 'ERR_MISSING_ARGS',
  name: 'TypeError',
  message: 'The "address", "port", and "callback" arguments must be specified',
});
assert.throws(() => dns.promises.lookupService('127.0.0.1'), {
  code: 'ERR_MISSING_ARGS',
  message: 'The "address" and "port" arguments must be specified',
});
assert.throws(() => dns.lookupService('localhost', 22, common.mustNotCall()), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'address' is invalid. Received 'localhost'",
});
assert.throws(() => dns.lookupService('::1', 65536, common.mustNotCall()), {
  code: 'ERR_SOCKET_BAD_PORT',
  name: 'RangeError',
});
assert.throws(() => dns.lookupService('::1', 22, 'cb'), {
  code: 'ERR_INVALID_ARG_TYPE',
});
