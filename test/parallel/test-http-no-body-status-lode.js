'use strict';
const common = require('../common');
const assert = require('assert');
const http = require('http');
const net = require('net');

// 204 No Content and 304 Not Modified responses have no body: no
// Content-Length or Transfer-Encoding is added, body writes are dropped,
// and the connection stays usable for the next response.

const server = http.createServer(common.mustCall((req, res) => {
  if (req.url === '/204') {
    res.writeHead(204);
    res.end('dropped 204');
  } else if (req.url === '/304') {
    res.writeHead(304, { ETag: '"v1"' });
    res.write('dropped ');
    res.end('304');
  } else {
    res.end('last');
  }
}, 5));

server.listen(0, common.mustCall(() => {
  const sock = net.connect(server.address().port, () => {
    sock.write('GET /204 HTTP/1.1\r\nHost: x\r\n\r\n' +
               'GET /304 HTTP/1.1\r\nHost: x\r\n\r\n' +
               'GET /last HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  });
  let text = '';
  sock.setEncoding('latin1');
  sock.on('data', (d) => { text += d; });
  sock.on('end', common.mustCall(() => {
    const [r204, r304, last] = text.split(/(?=HTTP\/1\.1 )/);
    assert.match(r204, /^HTTP\/1\.1 204 No Content\r\n/);
    assert.match(r304, /^HTTP\/1\.1 304 Not Modified\r\n[^]*ETag: "v1"\r\n/);
    for (const r of [r204, r304]) {
      assert.doesNotMatch(r, /Content-Length|Transfer-Encoding/i);
      assert.match(r, /\r\nConnection: keep-alive\r\n/);
      assert.ok(r.endsWith('\r\n\r\n'), r);
    }
    assert.doesNotMatch(text, /dropped/);
    assert.match(last, /\r\nContent-Length: 4\r\n\r\nlast$/);
    client();
  }));
}));

// The client sees both as complete, empty responses.
function client() {
  let left = 2;
  for (const code of [204, 304]) {
    http.get({ port: server.address().port, path: `/${code}` },
             common.mustCall((res) => {
      assert.strictEqual(res.statusCode, code);
      res.on('data', common.mustNotCall());
      res.on('end', common.mustCall(() => {
        if (--left === 0) server.close();
      }));
    }));
  }
}
