'use strict';
const common = require('../common');
const assert = require('assert');
const http = require('http');
const net = require('net');

// Bodies without a Content-Length go out chunked in both directions, and
// trailers set with addTrailers() travel after the last chunk: the
// receiving side finds them in message.trailers / rawTrailers once the
// body has ended.

const server = http.createServer(common.mustCall((req, res) => {
  assert.strictEqual(req.headers['transfer-encoding'], 'chunked');
  assert.strictEqual(req.headers['content-length'], undefined);
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', common.mustCall(() => {
    assert.strictEqual(body, 'one-two');
    assert.deepStrictEqual(req.trailers, { 'x-checksum': 'abc' });
    assert.deepStrictEqual(req.rawTrailers, ['X-Checksum', 'abc']);
    res.setHeader('Trailer', 'X-Count');
    res.write('alpha');
    res.write('beta');
    res.addTrailers({ 'X-Count': '2' });
    res.end();
  }));
}, 2));

server.listen(0, common.mustCall(() => {
  const { port } = server.address();
  const req = http.request({ port, method: 'POST' }, common.mustCall((res) => {
    assert.strictEqual(res.headers['transfer-encoding'], 'chunked');
    assert.strictEqual(res.headers.trailer, 'X-Count');
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d) => { body += d; });
    res.on('end', common.mustCall(() => {
      assert.strictEqual(body, 'alphabeta');
      assert.deepStrictEqual(res.trailers, { 'x-count': '2' });
      rawCheck(port);
    }));
  }));
  req.write('one-');
  req.write('two');
  req.addTrailers({ 'X-Checksum': 'abc' });
  req.end();
}));

// The same exchange on the wire: chunk sizes in hex, then the zero chunk
// followed by the trailer line.
function rawCheck(port) {
  const sock = net.connect(port, common.mustCall(() => {
    sock.end('POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n' +
             'Transfer-Encoding: chunked\r\n\r\n' +
             '4\r\none-\r\n3\r\ntwo\r\n0\r\nX-Checksum: abc\r\n\r\n');
  }));
  let raw = '';
  sock.setEncoding('latin1');
  sock.on('data', (d) => { raw += d; });
  sock.on('end', common.mustCall(() => {
    assert.match(raw, /^HTTP\/1\.1 200 OK\r\n/);
    assert.match(raw, /\r\nTransfer-Encoding: chunked\r\n/);
    assert.ok(raw.endsWith('\r\n\r\n5\r\nalpha\r\n4\r\nbeta\r\n' +
                           '0\r\nX-Count: 2\r\n\r\n'), raw);
    server.close();
  }));
}
