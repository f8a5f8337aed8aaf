'use strict';
// Resolver options, setServers(), setLocalAddress() and resolve*() check
// their arguments with Node's errors.
const common = require('../common');
const assert = require('assert');
const dns = require('dns');

for (const Resolver of [dns.Resolver, dns.promises.Resolver]) {
  assert.throws(() => new Resolver({ timeout: '1' }), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options.timeout" property must be of type number. ' +
             "Received type string ('1')",
  });
  assert.throws(() => new Resolver({ timeout: -2 }), {
    code: 'ERR_OUT_OF_RANGE',
    name: 'RangeError',
  });
  assert.throws(() => new Resolver({ tries: 0 }), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "options.tries" is out of range. ' +
             'It must be >= 1 && <= 2147483647. Received 0',
  });
  assert.throws(() => new Resolver({ maxTimeout: -1 }), {
    code: 'ERR_OUT_OF_RANGE',
  });
  new Resolver({ timeout: 0, tries: 1, maxTimeout: 10 });  // OK

  const resolver = new Resolver();
  assert.throws(() => resolver.setServers('127.0.0.1'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "servers" argument must be an instance of Array. ' +
             "Received type string ('127.0.0.1')",
  });
  assert.throws(() => resolver.setServers(['127.0.0.1', 7]), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "servers[1]" argument must be of type string. ' +
             'Received type number (7)',
  });
  for (const bad of ['example.org', '127.0.0.1:x', '[::1', '::1]', '']) {
    assert.throws(() => resolver.setServers([bad]), {
      code: 'ERR_INVALID_IP_ADDRESS',
      name: 'TypeError',
      message: `Invalid IP address: ${bad}`,
    });
  }

  assert.throws(() => resolver.setLocalAddress(4), {
    code: 'ERR_INVALID_ARG_TYPE',
  });
  assert.throws(() => resolver.setLocalAddress('bad'), {
    code: 'ERR_INVALID_ARG_VALUE',
    name: 'TypeError',
    message: 'Invalid IP address.',
  });
  assert.throws(() => resolver.setLocalAddress('::1', '::2'), {
    code: 'ERR_INVALID_ARG_VALUE',
    message: 'Cannot specify two IPv6 addresses.',
  });
  resolver.setLocalAddress('127.0.0.1', '::1');

  assert.throws(() => resolver.resolve4(1), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "name" argument must be of type string. ' +
             'Received type number (1)',
  });
  assert.throws(() => resolver.resolve('x', 'BOGUS', common.mustNotCall()), {
    code: 'ERR_INVALID_ARG_VALUE',
    message: "The argument 'rrtype' is invalid. Received 'BOGUS'",
  });
}

assert.throws(() => dns.resolve4('example.org'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "callback" argument must be of type function. ' +
           'Received undefined',
});
assert.throws(() => dns.resolve('example.org', 1, common.mustNotCall()), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "rrtype" argument must be of type string. ' +
           'Received type number (1)',
});
assert.throws(() => dns.promises.resolve('example.org', 1), {
  code: 'ERR_INVALID_ARG_TYPE',
});
// reverse() of something that is not an address fails at once.
assert.throws(() => dns.reverse('not-an-ip', common.mustNotCall()), {
  code: 'EINVAL',
  syscall: 'getHostByAddr',
  message: 'getHostByAddr EINVAL not-an-ip',
});
