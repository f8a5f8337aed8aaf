'use strict';
// setServers()/getServers(): addresses with and without ports, IPv6 in
// brackets; port 53 is not shown; dns.setServers() replaces the default
// resolver of both flavours.
require('../common');
const assert = require('assert');
const dns = require('dns');

const resolver = new dns.Resolver();
resolver.setServers([
  '127.0.0.1',
  '127.0.0.2:53',
  '127.0.0.3:5353',
  '::1',
  '[::2]',
  '[::3]:53',
  '[fe80::4]:5353',
  '127.0.0.3:5353',
]);
assert.deepStrictEqual(resolver.getServers(), [
  '127.0.0.1',
  '127.0.0.2',
  '127.0.0.3:5353',
  '::1',
  '::2',
  '::3',
  '[fe80::4]:5353',
]);

resolver.setServers([]);
assert.deepStrictEqual(resolver.getServers(), []);

// A failed setServers() keeps the servers there were.
resolver.setServers(['127.0.0.9']);
assert.throws(() => resolver.setServers(['127.0.0.1', 'nope']),
              { code: 'ERR_INVALID_IP_ADDRESS' });
assert.deepStrictEqual(resolver.getServers(), ['127.0.0.9']);

dns.setServers(['127.0.0.7:5300']);
assert.deepStrictEqual(dns.getServers(), ['127.0.0.7:5300']);
assert.deepStrictEqual(dns.promises.getServers(), ['127.0.0.7:5300']);
dns.promises.setServers(['[::1]:5301']);
assert.deepStrictEqual(dns.promises.getServers(), ['[::1]:5301']);
assert.strictEqual(require('dns/promises'), dns.promises);
