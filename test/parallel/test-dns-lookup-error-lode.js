// Flags: --expose-internals
'use strict';
// A failed getaddrinfo() reaches the callback (or the promise) as Node's
// DNSException: EAI_NONAME becomes ENOTFOUND, other codes keep their name.
const common = require('../common');
const assert = require('assert');
const util = require('util');
const { internalBinding } = require('internal/test/binding');
const cares = internalBinding('cares_wrap');
const { UV_EAI_NONAME, UV_EAI_AGAIN } = internalBinding('uv');

let status = UV_EAI_NONAME;
cares.getaddrinfo = common.mustCall((req, hostname, family, hints, order) => {
  assert.strictEqual(typeof hostname, 'string');
  assert.strictEqual(order, cares.DNS_ORDER_VERBATIM);
  setImmediate(() => req.oncomplete(status));
  return 0;
}, 2);

const dns = require('dns');

dns.lookup('host.test', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ENOTFOUND');
  assert.strictEqual(err.errno, UV_EAI_NONAME);
  assert.strictEqual(err.syscall, 'getaddrinfo');
  assert.strictEqual(err.hostname, 'host.test');
  assert.strictEqual(err.message, 'getaddrinfo ENOTFOUND host.test');
  assert.deepStrictEqual(Object.keys(err),
                         ['errno', 'code', 'syscall', 'hostname']);
  assert.match(util.inspect(err), /^Error: getaddrinfo ENOTFOUND host\.test\n/);

  status = UV_EAI_AGAIN;
  dns.promises.lookup('other.test').catch(common.mustCall((err) => {
    assert.strictEqual(err.code, 'EAI_AGAIN');
    assert.strictEqual(err.message, 'getaddrinfo EAI_AGAIN other.test');
  }));
}));
