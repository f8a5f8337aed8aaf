// Flags: --expose-internals
'use strict';
// The callback flavour of a Resolver (TCP to a DNS server in this test):
// results, the error shape of a server failure, and that a query keeps its
// Resolver alive.
const common = require('../common');
const assert = require('assert');
const dns = require('dns');
const { internalBinding } = require('internal/test/binding');
const { ChannelWrap } = internalBinding('cares_wrap');
const { createTcpServer } = require('../common/dns-server');

const server = createTcpServer((name, type) => {
  if (name === 'broken.test') return { rcode: 2 };  // SERVFAIL
  if (name === 'refused.test') return { rcode: 5 };
  return { answers: [{ type: 'A', address: '198.51.100.7', ttl: 7 }] };
});

function makeResolver(port) {
  const resolver = new dns.Resolver();
  resolver._handle = new ChannelWrap(2000, 1, 0, true);
  resolver.setServers([`127.0.0.1:${port}`]);
  return resolver;
}

server.listen(0, '127.0.0.1', common.mustCall(() => {
  const { port } = server.address();
  let pending = 3;
  const done = () => { if (--pending === 0) server.close(); };

  makeResolver(port).resolve4('ok.test', { ttl: true },
                              common.mustSucceed((records) => {
                                assert.deepStrictEqual(records, [
                                  { address: '198.51.100.7', ttl: 7 },
                                ]);
                                done();
                              }));
  if (global.gc) global.gc();

  const resolver = makeResolver(port);
  const req = resolver.resolve('broken.test', common.mustCall((err, res) => {
    assert.strictEqual(res, undefined);
    assert(err instanceof Error);
    assert.strictEqual(err.code, 'ESERVFAIL');
    assert.strictEqual(err.errno, undefined);
    assert.strictEqual(err.syscall, 'queryA');
    assert.strictEqual(err.hostname, 'broken.test');
    assert.strictEqual(err.message, 'queryA ESERVFAIL broken.test');
    done();
  }));
  assert.strictEqual(req.constructor.name, 'QueryReqWrap');
  resolver.resolveMx('refused.test', common.mustCall((err) => {
    assert.strictEqual(err.code, 'EREFUSED');
    assert.strictEqual(err.syscall, 'queryMx');
    done();
  }));

  // Servers cannot change while queries are pending.
  assert.throws(() => resolver.setServers(['127.0.0.1']), {
    code: 'ERR_DNS_SET_SERVERS_FAILED',
    message: /^c-ares failed to set servers: "There are pending queries\." /,
  });
}));
