'use strict';
const common = require('../common');
const assert = require('assert');
const http = require('http');
const net = require('net');

// maxHeaderSize bounds the header block: a server answers a larger request
// head with "431 Request Header Fields Too Large" and closes that
// connection; a client given the option fails a response whose headers are
// too large with HPE_HEADER_OVERFLOW.

const server = http.createServer({ maxHeaderSize: 1024 },
                                 common.mustCall((req, res) => {
  if (req.url === '/big') res.setHeader('X-Big', 'b'.repeat(2000));
  res.end(`ok ${req.headers['x-pad'].length}`);
}, 2));

server.listen(0, common.mustCall(() => {
  const { port } = server.address();
  const sock = net.connect(port, () => {
    sock.write('GET / HTTP/1.1\r\nHost: x\r\n' +
               `X-Pad: ${'a'.repeat(2000)}\r\n\r\n`);
  });
  let raw = '';
  sock.setEncoding('latin1').on('data', (d) => { raw += d; });
  sock.on('close', common.mustCall(() => {
    assert.strictEqual(raw, 'HTTP/1.1 431 Request Header Fields Too Large\r\n' +
                            'Connection: close\r\n\r\n');
    // A head under the limit still passes.
    http.get({ port, headers: { 'X-Pad': 'a'.repeat(500) } },
             common.mustCall((res) => {
      assert.strictEqual(res.statusCode, 200);
      res.setEncoding('utf8');
      res.on('data', common.mustCall((d) => assert.strictEqual(d, 'ok 500')));
      res.on('end', common.mustCall(() => clientSide(port)));
    }));
  }));
}));

function clientSide(port) {
  const req = http.get({ port, path: '/big', maxHeaderSize: 1024,
                         headers: { 'X-Pad': '' } });
  req.on('response', common.mustNotCall());
  req.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'HPE_HEADER_OVERFLOW');
    assert.strictEqual(err.message, 'Parse Error: Header overflow');
    server.close();
  }));
}
