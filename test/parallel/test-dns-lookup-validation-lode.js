'use strict';
// dns.lookup() and dns.promises.lookup() check their arguments before any
// resolution, with Node's error codes and messages.
const common = require('../common');
const assert = require('assert');
const dns = require('dns');
const dnsPromises = dns.promises;

const both = (args, err) => {
  assert.throws(() => dns.lookup(...args, common.mustNotCall()), err);
  assert.throws(() => dnsPromises.lookup(...args), err);
};

both([42], {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "hostname" argument must be of type string. ' +
           'Received type number (42)',
});
both(['localhost', { family: 5 }], {
  code: 'ERR_INVALID_ARG_VALUE',
  name: 'TypeError',
  message: "The property 'options.family' must be one of: 0, 4, 6. " +
           'Received 5',
});
both(['localhost', { hints: 0x400 }], {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'hints' is invalid. Received 1024",
});
both(['localhost', { hints: '1' }], { code: 'ERR_INVALID_ARG_TYPE' });
both(['localhost', { all: 1 }], { code: 'ERR_INVALID_ARG_TYPE' });
both(['localhost', { verbatim: 'yes' }], { code: 'ERR_INVALID_ARG_TYPE' });
both(['localhost', { order: 'random' }], {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'options.order' must be one of: 'verbatim', " +
           "'ipv4first', 'ipv6first'. Received 'random'",
});

// Only the callback flavour takes the family as a string.
dns.lookup('127.0.0.1', { family: 'IPv4' }, common.mustSucceed());
assert.throws(() => dnsPromises.lookup('127.0.0.1', { family: 'IPv4' }),
              { code: 'ERR_INVALID_ARG_VALUE' });

// The options must be a number or an object; then a callback is needed.
assert.throws(() => dns.lookup('localhost', 'x', common.mustNotCall()), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options" argument must be of type object or integer. ' +
           "Received type string ('x')",
});
assert.throws(() => dns.lookup('localhost', 'x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: /^The "callback" argument must be of type function/,
});
assert.throws(() => dns.lookup('localhost'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => dns.lookup('localhost', 4), {
  code: 'ERR_INVALID_ARG_TYPE',
});

assert.throws(() => dns.setDefaultResultOrder('random'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'dnsOrder' must be one of: 'verbatim', " +
           "'ipv4first', 'ipv6first'. Received 'random'",
});
assert.strictEqual(dns.getDefaultResultOrder(), 'verbatim');
dns.setDefaultResultOrder('ipv4first');
assert.strictEqual(dnsPromises.getDefaultResultOrder(), 'ipv4first');
