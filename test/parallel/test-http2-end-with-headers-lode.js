'use strict';
// A response that ends with its headers carries END_STREAM on the HEADERS
// frame, as in Node: a HEAD request's (also through the compatibility API,
// whose writeHead()/end('data') sends no body), and respond() with
// endStream even when waitForTrailers was asked ('wantTrailers' never
// comes). A compat request whose body nobody read still ends once the
// response is done.
const common = require('../common');
const assert = require('assert');
const http2 = require('http2');

function check(onRequest, method, done) {
  const server = http2.createServer();
  onRequest(server);
  server.listen(0, common.mustCall(() => {
    const client = http2.connect(`http://localhost:${server.address().port}`);
    const req = client.request({ ':method': method, ':path': '/' });
    req.on('response', common.mustCall((headers, flags) => {
      // END_STREAM (1) | END_HEADERS (4)
      assert.strictEqual(flags, 5);
      done?.(headers);
    }));
    req.on('data', common.mustNotCall());
    req.resume();
    req.on('end', common.mustCall(() => {
      client.close();
      server.close();
    }));
  }));
}

check((server) => {
  server.on('request', common.mustCall((req, res) => {
    req.on('end', common.mustCall());
    res.writeHead(200, { foo: 'bar' });
    res.end('data');
  }));
}, 'HEAD', (headers) => assert.strictEqual(headers.foo, 'bar'));

check((server) => {
  server.on('stream', common.mustCall((stream) => {
    stream.on('wantTrailers', common.mustNotCall());
    stream.respond({ ':status': 200 },
                   { endStream: true, waitForTrailers: true });
  }));
}, 'GET');
