'use strict';
// http2.createSecureServer({ allowHTTP1: true }) serves a TLS connection
// that negotiated http/1.1 (or no ALPN) with the HTTP/1 machinery; without
// allowHTTP1 such a client gets a 403 text explaining the missing ALPN.
const common = require('../common');
const fixtures = require('../common/fixtures');
const assert = require('assert');
const http = require('http');
const http2 = require('http2');
const https = require('https');
const tls = require('tls');

const read = (f) => fixtures.readKey(`../keys-lode/${f}`);
const key = read('server-key.pem');
const cert = read('server-cert.pem');

class MyResponse extends http.ServerResponse {}

const server = http2.createSecureServer({
  key, cert, allowHTTP1: true, Http1ServerResponse: MyResponse,
}, common.mustCall((req, res) => {
  assert.strictEqual(req.httpVersion, '1.1');
  assert.ok(req instanceof http.IncomingMessage);
  assert.ok(res instanceof MyResponse);
  assert.strictEqual(req.socket.alpnProtocol, 'http/1.1');
  res.end(`hello ${req.url}`);
}));
assert.strictEqual(server.headersTimeout, 60000);
assert.strictEqual(server.requestTimeout, 300000);

server.listen(0, common.mustCall(() => {
  https.get({ port: server.address().port, rejectUnauthorized: false,
              ALPNProtocols: ['http/1.1'], path: '/x' },
            common.mustCall((res) => {
              assert.strictEqual(res.statusCode, 200);
              let body = '';
              res.setEncoding('utf8');
              res.on('data', (c) => { body += c; });
              res.on('end', common.mustCall(() => {
                assert.strictEqual(body, 'hello /x');
                server.close();
                strict();
              }));
            }));
}));

function strict() {
  const s = http2.createSecureServer({ key, cert });
  s.listen(0, common.mustCall(() => {
    let text = '';
    tls.connect({ port: s.address().port, rejectUnauthorized: false })
      .setEncoding('utf8')
      .on('data', (c) => { text += c; })
      .on('end', common.mustCall(() => {
        assert.match(text, /^HTTP\/1\.0 403 Forbidden\r\n/);
        assert.match(text, /Missing ALPN Protocol, expected `h2`/);
        s.close();
      }));
  }));
}

// Compat response header checks, in Node's order.
{
  const s = http2.createServer(common.mustCall((req, res) => {
    assert.throws(() => res.setHeader(':path', '/'),
                  { code: 'ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED' });
    assert.throws(() => res.setHeader(':foo', '1'),
                  { code: 'ERR_HTTP2_INVALID_PSEUDOHEADER' });
    assert.throws(() => res.setHeader('t est', 1),
                  { code: 'ERR_INVALID_HTTP_TOKEN' });
    res.setHeader(' test', 1);
    res.end();
  }));
  s.listen(0, common.mustCall(() => {
    const c = http2.connect(`http://localhost:${s.address().port}`);
    c.request().on('response', common.mustCall((h) => {
      assert.strictEqual(h.test, '1');
    })).on('close', common.mustCall(() => { c.close(); s.close(); }))
      .resume().end();
  }));
}
