'use strict';
// 'net' entries time a TCP connect and 'dns' entries a lookup, while an
// observer watches those types; without one, nothing is timed.
const common = require('../common');
const assert = require('assert');
const net = require('net');
const dns = require('dns');
const { PerformanceObserver } = require('perf_hooks');

const entries = [];
const obs = new PerformanceObserver((list) => {
  entries.push(...list.getEntries());
});
obs.observe({ entryTypes: ['net', 'dns'] });

const server = net.createServer((socket) => socket.end());
server.listen(0, '127.0.0.1', common.mustCall(() => {
  const { port } = server.address();
  const socket = net.connect(port, '127.0.0.1', common.mustCall(() => {
    socket.end();
    dns.lookup('localhost', { family: 4 }, common.mustSucceed((address) => {
      dns.promises.lookup('localhost', { family: 4, all: true })
        .then(common.mustCall(() => setImmediate(check, port, address)));
    }));
  }));
}));

function check(port, address) {
  obs.disconnect();
  server.close();
  const [connect, lookup, lookupAll] = entries;
  assert.strictEqual(entries.length, 3);
  assert.strictEqual(connect.name, 'connect');
  assert.strictEqual(connect.entryType, 'net');
  assert.deepStrictEqual(connect.detail, { host: '127.0.0.1', port });
  assert.ok(connect.duration >= 0);

  assert.strictEqual(lookup.name, 'lookup');
  assert.strictEqual(lookup.entryType, 'dns');
  assert.strictEqual(lookup.detail.hostname, 'localhost');
  assert.strictEqual(lookup.detail.family, 4);
  assert.strictEqual(lookup.detail.hints, 0);
  assert.strictEqual(typeof lookup.detail.verbatim, 'boolean');
  assert.ok(lookup.detail.addresses.includes(address));
  assert.deepStrictEqual(lookupAll.detail.addresses[0],
                         { address, family: 4 });

  // Unobserved: nothing is queued.
  dns.lookup('localhost', common.mustSucceed(() => {
    assert.strictEqual(entries.length, 3);
  }));
}
