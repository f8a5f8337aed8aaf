'use strict';
const common = require('../common');
const assert = require('assert');
const http = require('http');
const net = require('net');

// The answer to HEAD carries the headers a GET would get (Content-Length
// included) but never a body, even when the handler writes one; the next
// response on the connection follows the headers directly.

const server = http.createServer(common.mustCall((req, res) => {
  if (req.method === 'HEAD') {
    res.setHeader('Content-Length', 11);
    res.end('not sent 11');
  } else {
    res.end('second');
  }
}, 3));

server.listen(0, common.mustCall(() => {
  const { port } = server.address();
  // Through the client: a HEAD response ends without data.
  const req = http.request({ port, method: 'HEAD' }, common.mustCall((res) => {
    assert.strictEqual(res.statusCode, 200);
    assert.strictEqual(res.headers['content-length'], '11');
    res.on('data', common.mustNotCall());
    res.on('end', common.mustCall(() => raw(port)));
  }));
  req.end();
}));

// On the wire: HEAD then GET pipelined on one connection.
function raw(port) {
  const sock = net.connect(port, () => {
    sock.write('HEAD / HTTP/1.1\r\nHost: x\r\n\r\n' +
               'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  });
  let text = '';
  sock.setEncoding('latin1');
  sock.on('data', (d) => { text += d; });
  sock.on('end', common.mustCall(() => {
    const [head, second] = text.split(/(?=HTTP\/1\.1 )/);
    assert.match(head, /^HTTP\/1\.1 200 OK\r\n/);
    assert.match(head, /\r\nContent-Length: 11\r\n/);
    assert.ok(head.endsWith('\r\n\r\n'), head);
    assert.doesNotMatch(text, /not sent/);
    assert.match(second, /^HTTP\/1\.1 200 OK\r\n[^]*\r\n\r\nsecond$/);
    server.close();
  }));
}
