// Flags: --expose-internals
'use strict';
// A query the server never answers ends in ECANCELLED on cancel(), or in
// ETIMEOUT once its tries are spent.
const common = require('../common');
const assert = require('assert');
const dns = require('dns');
const { internalBinding } = require('internal/test/binding');
const { ChannelWrap } = internalBinding('cares_wrap');
const { createTcpServer } = require('../common/dns-server');

const server = createTcpServer(() => ({ drop: true }));
server.listen(0, '127.0.0.1', common.mustCall(() => {
  const servers = [`127.0.0.1:${server.address().port}`];
  let pending = 3;
  const done = () => { if (--pending === 0) server.close(); };

  const resolver = new dns.Resolver();
  resolver._handle = new ChannelWrap(10000, 1, 0, true);
  resolver.setServers(servers);
  resolver.resolve4('slow.test', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ECANCELLED');
    assert.strictEqual(err.message, 'queryA ECANCELLED slow.test');
    done();
  }));
  resolver.resolveTxt('slow.test', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ECANCELLED');
    assert.strictEqual(err.syscall, 'queryTxt');
    done();
  }));
  setTimeout(() => resolver.cancel(), 50);

  const quick = new dns.promises.Resolver();
  quick._handle = new ChannelWrap(100, 2, 0, true);
  quick.setServers(servers);
  assert.rejects(quick.resolve6('slow.test'), {
    code: 'ETIMEOUT',
    syscall: 'queryAaaa',
    hostname: 'slow.test',
  }).then(common.mustCall(done));
}));
