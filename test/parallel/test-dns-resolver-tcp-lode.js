// Flags: --expose-internals
'use strict';
// A Resolver whose c-ares channel talks TCP (a lode-only argument of the
// internal ChannelWrap) to a DNS server in this test: every record type
// comes back in Node's shapes.
const common = require('../common');
const assert = require('assert');
const dns = require('dns');
const { internalBinding } = require('internal/test/binding');
const { ChannelWrap } = internalBinding('cares_wrap');
const { createTcpServer } = require('../common/dns-server');

const zone = {
  'example.test': [
    { type: 'A', address: '192.0.2.1', ttl: 300 },
    { type: 'A', address: '192.0.2.2', ttl: 60 },
    { type: 'AAAA', address: '2001:db8::1', ttl: 120 },
    { type: 'MX', priority: 10, exchange: 'mx.example.test' },
    { type: 'NS', value: 'ns1.example.test' },
    { type: 'TXT', entries: ['v=spf1', ' -all'] },
    { type: 'TXT', entries: ['hello'] },
    { type: 'SRV', priority: 1, weight: 2, port: 5060,
      name: 'sip.example.test' },
    { type: 'NAPTR', order: 100, preference: 10, flags: 'S',
      service: 'SIP+D2U', regexp: '', replacement: '_sip._udp.example.test' },
    { type: 'SOA', nsname: 'ns1.example.test', hostmaster: 'admin.example.test',
      serial: 3210987654, refresh: 900, retry: 600, expire: 1800,
      minttl: 3333333333 },
    { type: 'CAA', critical: 0, tag: 'issue', value: 'ca.example.test' },
    { type: 'TLSA', usage: 3, selector: 1, match: 1, data: [1, 2, 3] },
  ],
  'alias.example.test': [{ type: 'CNAME', value: 'example.test' }],
  '1.2.0.192.in-addr.arpa': [{ type: 'PTR', value: 'one.example.test' }],
};

const server = createTcpServer(zone);
server.listen(0, '127.0.0.1', common.mustCall(async () => {
  const resolver = new dns.promises.Resolver();
  resolver._handle = new ChannelWrap(2000, 1, 0, true);
  resolver.setServers([`127.0.0.1:${server.address().port}`]);
  const name = 'example.test';

  assert.deepStrictEqual(await resolver.resolve4(name),
                         ['192.0.2.1', '192.0.2.2']);
  assert.deepStrictEqual(await resolver.resolve4(name, { ttl: true }), [
    { address: '192.0.2.1', ttl: 300 },
    { address: '192.0.2.2', ttl: 60 },
  ]);
  assert.deepStrictEqual(await resolver.resolve(name, 'AAAA'),
                         ['2001:db8::1']);
  assert.deepStrictEqual(await resolver.resolveMx(name), [
    { exchange: 'mx.example.test', priority: 10, type: 'MX' },
  ]);
  assert.deepStrictEqual(await resolver.resolveNs(name), ['ns1.example.test']);
  assert.deepStrictEqual(await resolver.resolveTxt(name),
                         [['v=spf1', ' -all'], ['hello']]);
  assert.deepStrictEqual(await resolver.resolveSrv(name), [
    { name: 'sip.example.test', port: 5060, priority: 1, weight: 2,
      type: 'SRV' },
  ]);
  const [naptr] = await resolver.resolveNaptr(name);
  assert.strictEqual(naptr.replacement, '_sip._udp.example.test');
  assert.strictEqual(naptr.service, 'SIP+D2U');
  assert.strictEqual(naptr.order, 100);
  const soa = await resolver.resolveSoa(name);
  assert.strictEqual(soa.nsname, 'ns1.example.test');
  assert.strictEqual(soa.serial, 3210987654);
  assert.strictEqual(soa.minttl, 3333333333);
  assert.deepStrictEqual(await resolver.resolveCaa(name), [
    { critical: 0, type: 'CAA', issue: 'ca.example.test' },
  ]);
  const [tlsa] = await resolver.resolveTlsa(name);
  assert.deepStrictEqual(new Uint8Array(tlsa.data), new Uint8Array([1, 2, 3]));
  assert.deepStrictEqual(await resolver.resolveCname('alias.example.test'),
                         ['example.test']);
  assert.deepStrictEqual(await resolver.reverse('192.0.2.1'),
                         ['one.example.test']);

  const any = await resolver.resolveAny(name);
  assert.deepStrictEqual(any.map((r) => r.type), [
    'A', 'A', 'AAAA', 'MX', 'NS', 'TXT', 'TXT', 'SRV', 'NAPTR', 'SOA',
    undefined, 'CAA',
  ]);
  assert.deepStrictEqual(any[0], { address: '192.0.2.1', ttl: 300, type: 'A' });

  // NXDOMAIN is ENOTFOUND; a name without such records is ENODATA.
  await assert.rejects(resolver.resolve4('missing.example.test'), {
    code: 'ENOTFOUND',
    syscall: 'queryA',
    hostname: 'missing.example.test',
    message: 'queryA ENOTFOUND missing.example.test',
  });
  await assert.rejects(resolver.resolveCname(name), {
    code: 'ENODATA',
    syscall: 'queryCname',
  });
  server.close();
}));
