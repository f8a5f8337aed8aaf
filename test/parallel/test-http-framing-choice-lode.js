'use strict';
const common = require('../common');
const assert = require('assert');
const http = require('http');
const net = require('net');

// How a message body is framed: a body given whole to end() gets a
// Content-Length; a body written in parts is chunked, unless the user set
// Content-Length; an HTTP/1.0 peer never gets chunks, the connection's end
// marks the end of the body instead. The client makes the same choice.

const server = http.createServer(common.mustCall((req, res) => {
  switch (req.url) {
    case '/whole': return res.end('hello');
    case '/parts': res.write('hel'); return res.end('lo');
    case '/declared':
      res.setHeader('Content-Length', 5);
      res.write('hel'); return res.end('lo');
    case '/post-whole':
    case '/post-parts':
      return res.end(`${req.headers['content-length']}|` +
                     `${req.headers['transfer-encoding']}`);
  }
}, 6));

// Checks the framing headers the client received, and the body.
function get(path, length, encoding, next) {
  http.get({ port: server.address().port, path }, common.mustCall((res) => {
    assert.strictEqual(res.headers['content-length'], length);
    assert.strictEqual(res.headers['transfer-encoding'], encoding);
    let body = '';
    res.setEncoding('utf8').on('data', (d) => { body += d; });
    res.on('end', common.mustCall(() => {
      assert.strictEqual(body, 'hello');
      next();
    }));
  }));
}

function post(path, parts, expected, next) {
  const port = server.address().port;
  const req = http.request({ port, method: 'POST', path },
                           common.mustCall((res) => {
    let body = '';
    res.setEncoding('utf8').on('data', (d) => { body += d; });
    res.on('end', common.mustCall(() => {
      assert.strictEqual(body, expected);
      next();
    }));
  }));
  parts.slice(0, -1).forEach((part) => req.write(part));
  req.end(parts.at(-1));
}

function http10(next) {
  const sock = net.connect(server.address().port,
                           () => sock.write('GET /parts HTTP/1.0\r\n\r\n'));
  let raw = '';
  sock.setEncoding('latin1').on('data', (d) => { raw += d; });
  sock.on('end', common.mustCall(() => {
    assert.match(raw, /^HTTP\/1\.1 200 OK\r\n/);
    assert.doesNotMatch(raw, /Transfer-Encoding|Content-Length/i);
    assert.match(raw, /\r\nConnection: close\r\n/);
    assert.ok(raw.endsWith('\r\n\r\nhello'), raw);
    next();
  }));
}

server.listen(0, common.mustCall(() => {
  get('/whole', '5', undefined,
      () => get('/parts', undefined, 'chunked',
                () => get('/declared', '5', undefined, () => post(
                  '/post-whole', ['abcd'], '4|undefined',
                  () => post('/post-parts', ['ab', 'cd'], 'undefined|chunked',
                             () => http10(common.mustCall(
                               () => server.close())))))));
}));
