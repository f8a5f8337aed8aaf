'use strict';
const common = require('../common');
const assert = require('assert');
const http = require('http');
const net = require('net');

// A request the parser rejects gets "400 Bad Request" and its connection
// is closed; the 'request' listener never sees it, 'clientError' reports
// the parse error, and the server goes on serving other connections.

const server = http.createServer(common.mustCall((req, res) => {
  res.end(`ok ${req.url}`);
}, 1));

function sendRaw(text, next) {
  const sock = net.connect(server.address().port, () => sock.write(text));
  let raw = '';
  sock.setEncoding('latin1');
  sock.on('data', (d) => { raw += d; });
  sock.on('close', common.mustCall(() => next(raw)));
}

const bad = [
  'GET / HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n',
  'GET /\x01 HTTP/1.1\r\nHost: x\r\n\r\n',
  'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n' +
    'Content-Length: 2\r\n\r\n',
];

server.listen(0, common.mustCall(() => {
  let i = 0;
  (function next() {
    if (i === bad.length) {
      http.get({ port: server.address().port, path: '/after' },
               common.mustCall((res) => {
        assert.strictEqual(res.statusCode, 200);
        res.setEncoding('utf8');
        res.on('data', common.mustCall((d) => {
          assert.strictEqual(d, 'ok /after');
        }));
        res.on('end', common.mustCall(() => server.close()));
      }));
      return;
    }
    sendRaw(bad[i++], (raw) => {
      assert.strictEqual(raw, 'HTTP/1.1 400 Bad Request\r\n' +
                              'Connection: close\r\n\r\n');
      next();
    });
  })();
}));

// With a 'clientError' listener the answer is up to the application.
const quiet = http.createServer(common.mustNotCall());
quiet.on('clientError', common.mustCall((err, socket) => {
  assert.strictEqual(err.code, 'HPE_INVALID_HEADER_TOKEN');
  assert.ok(Buffer.isBuffer(err.rawPacket));
  socket.end('HTTP/1.1 400 Bad Request\r\nX-Why: header\r\n\r\n');
}));
quiet.listen(0, common.mustCall(() => {
  const sock = net.connect(quiet.address().port, () => {
    sock.write('GET / HTTP/1.1\r\nBad Hea\x01der: 1\r\n\r\n');
  });
  let raw = '';
  sock.setEncoding('latin1').on('data', (d) => { raw += d; });
  sock.on('close', common.mustCall(() => {
    assert.match(raw, /^HTTP\/1\.1 400 Bad Request\r\nX-Why: header\r\n/);
    quiet.close();
  }));
}));
