'use strict';
// The default Resolver talks UDP: a DNS server on a dgram socket answers
// dns.resolve4(), and timeouts follow the timeout and tries options.
const common = require('../common');
const assert = require('assert');
const dns = require('dns');
const { createUdpServer } = require('../common/dns-server');

const server = createUdpServer((name) => {
  if (name === 'silent.test') return { drop: true };
  return { answers: [{ type: 'A', address: '203.0.113.5', ttl: 1 }] };
});
server.bind(0, '127.0.0.1', common.mustCall(async () => {
  const servers = [`127.0.0.1:${server.address().port}`];
  dns.setServers(servers);
  dns.resolve4('a.test', common.mustSucceed((addresses) => {
    assert.deepStrictEqual(addresses, ['203.0.113.5']);
  }));
  assert.deepStrictEqual(await dns.promises.resolve('a.test'),
                         ['203.0.113.5']);

  const resolver = new dns.promises.Resolver({ timeout: 50, tries: 2 });
  resolver.setServers(servers);
  const start = Date.now();
  await assert.rejects(resolver.resolve4('silent.test'), { code: 'ETIMEOUT' });
  assert(Date.now() - start >= 100);
  // Two tries of the silent name, after the two other queries.
  assert.deepStrictEqual(server.queries.map((q) => q.name),
                         ['a.test', 'a.test', 'silent.test', 'silent.test']);
  server.close();
}));
