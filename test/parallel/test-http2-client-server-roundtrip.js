'use strict';
// A plaintext (h2c) request with a body goes to an http2 server and the
// response comes back with headers, a body and trailers.
const common = require('../common');
const assert = require('assert');
const http2 = require('http2');

const server = http2.createServer();
server.on('stream', common.mustCall((stream, headers) => {
  assert.strictEqual(headers[':method'], 'POST');
  assert.strictEqual(headers[':path'], '/echo');
  assert.strictEqual(headers['x-test'], 'yes');
  assert.strictEqual(stream.constructor.name, 'ServerHttp2Stream');
  let body = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => { body += chunk; });
  stream.on('end', common.mustCall(() => {
    stream.respond({ ':status': 201, 'content-type': 'text/plain' },
                   { waitForTrailers: true });
    stream.on('wantTrailers', common.mustCall(() => {
      stream.sendTrailers({ 'x-trailer': 'done' });
    }));
    stream.end(`echo:${body}`);
  }));
}));

server.listen(0, common.mustCall(() => {
  const client = http2.connect(`http://localhost:${server.address().port}`);
  client.on('connect', common.mustCall());
  const req = client.request({ ':method': 'POST', ':path': '/echo',
                               'X-Test': 'yes' });
  assert.strictEqual(req.pending, true);
  req.on('response', common.mustCall((headers) => {
    assert.strictEqual(headers[':status'], 201);
    assert.strictEqual(headers['content-type'], 'text/plain');
  }));
  req.on('trailers', common.mustCall((trailers) => {
    assert.strictEqual(trailers['x-trailer'], 'done');
  }));
  let data = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => { data += chunk; });
  req.on('end', common.mustCall(() => {
    assert.strictEqual(data, 'echo:hello world');
    client.close();
    server.close();
  }));
  req.on('close', common.mustCall(() => {
    assert.strictEqual(req.rstCode, http2.constants.NGHTTP2_NO_ERROR);
  }));
  req.write('hello ');
  req.end('world');
}));
