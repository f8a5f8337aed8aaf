'use strict';
const common = require('../common');
const assert = require('assert');
const http = require('http');
const net = require('net');

// Requests pipelined on one connection are answered in the order they
// came, even when a later one is ready first: the slow first response
// holds back the quick ones queued behind it.

const delays = { '/slow': 60, '/quick': 0, '/medium': 20 };
const started = [];

const server = http.createServer(common.mustCall((req, res) => {
  started.push(req.url);
  setTimeout(() => {
    res.setHeader('Content-Type', 'text/plain');
    res.end(`body of ${req.url}`);
  }, delays[req.url]);
}, 3));

server.listen(0, common.mustCall(() => {
  const sock = net.connect(server.address().port, common.mustCall(() => {
    // All three requests in a single write.
    sock.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n' +
               'GET /quick HTTP/1.1\r\nHost: x\r\n\r\n' +
               'GET /medium HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  }));
  let raw = '';
  sock.setEncoding('latin1');
  sock.on('data', (d) => { raw += d; });
  sock.on('end', common.mustCall(() => {
    const bodies = [];
    for (let at = 0; at < raw.length;) {
      const end = raw.indexOf('\r\n\r\n', at) + 4;
      const head = raw.slice(at, end);
      assert.match(head, /^HTTP\/1\.1 200 OK\r\n/);
      const length = Number(/\r\nContent-Length: (\d+)\r\n/.exec(head)[1]);
      bodies.push(raw.slice(end, end + length));
      at = end + length;
    }
    assert.deepStrictEqual(bodies, ['body of /slow', 'body of /quick',
                                    'body of /medium']);
    // Only the last response closes the connection.
    assert.strictEqual(raw.match(/Connection: keep-alive/g).length, 2);
    assert.strictEqual(raw.match(/Connection: close/g).length, 1);
    assert.ok(raw.endsWith('body of /medium'));
    assert.deepStrictEqual(started.sort(), ['/medium', '/quick', '/slow']);
    server.close();
  }));
}));
