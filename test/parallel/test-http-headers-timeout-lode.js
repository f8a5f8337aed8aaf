'use strict';
const common = require('../common');
const assert = require('assert');
const http = require('http');
const net = require('net');

// A client that does not finish its request head within headersTimeout
// gets "408 Request Timeout" and the connection closes. The check runs
// every connectionsCheckingInterval ms. A request sent in time, on another
// connection, is served normally meanwhile.

const server = http.createServer({
  headersTimeout: 200,
  requestTimeout: 5000,
  connectionsCheckingInterval: 25,
}, common.mustCall((req, res) => res.end(`served ${req.url}`)));

server.listen(0, common.mustCall(() => {
  const { port } = server.address();
  const start = Date.now();
  const slow = net.connect(port, () => {
    // An unfinished head: no empty line ends it.
    slow.write('GET /slow HTTP/1.1\r\nHost: x\r\n');
  });
  let raw = '';
  slow.setEncoding('latin1').on('data', (d) => { raw += d; });
  slow.on('close', common.mustCall(() => {
    const elapsed = Date.now() - start;
    assert.strictEqual(raw, 'HTTP/1.1 408 Request Timeout\r\n' +
                            'Connection: close\r\n\r\n');
    assert.ok(elapsed >= 150, `closed after ${elapsed} ms`);
    assert.ok(elapsed < 2500, `closed after ${elapsed} ms`);
    server.close();
  }));

  http.get({ port, path: '/fast', agent: false }, common.mustCall((res) => {
    assert.strictEqual(res.statusCode, 200);
    res.setEncoding('utf8');
    res.on('data', common.mustCall((d) => {
      assert.strictEqual(d, 'served /fast');
    }));
  }));
}));
