'use strict';
// http.createServer({ optimizeEmptyRequests }): a request without a body
// (neither Content-Length nor Transfer-Encoding, whatever the method)
// reaches the handler ended and destroyed, emitting no stream events;
// others, and every request without the option, are ordinary streams (as
// Node 24).
const common = require('../common');
const assert = require('assert');
const http = require('http');
const net = require('net');

assert.throws(() => http.createServer({ optimizeEmptyRequests: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.optimizeEmptyRequests" property must be of type ' +
           'boolean. Received type number (1)',
});

function send(server, head) {
  return new Promise((resolve) => {
    const client = net.connect(server.address().port, () => {
      client.end(head);
    });
    client.resume();
    client.on('end', resolve);
  });
}

function serve(options, expectEnded) {
  const server = http.createServer(options, common.mustCall((req, res) => {
    const ended = expectEnded[req.url];
    assert.strictEqual(req._dumped === true, ended);
    assert.strictEqual(req.readableEnded, ended);
    assert.strictEqual(req.destroyed, ended);
    if (ended) {
      req.on('data', common.mustNotCall());
      req.on('end', common.mustNotCall());
      req.on('close', common.mustNotCall());
    } else {
      req.resume();
      req.on('end', common.mustCall());
    }
    res.end('ok');
  }, Object.keys(expectEnded).length));
  return new Promise((resolve) => server.listen(0, () => resolve(server)));
}

(async () => {
  const heads = {
    '/get': 'GET /get HTTP/1.1\r\nHost: x\r\n\r\n',
    '/head': 'HEAD /head HTTP/1.1\r\nHost: x\r\n\r\n',
    '/head-length': 'HEAD /head-length HTTP/1.1\r\nHost: x\r\n' +
                    'Content-Length: 0\r\n\r\n',
    '/post': 'POST /post HTTP/1.1\r\nHost: x\r\n\r\n',
    '/post-length': 'POST /post-length HTTP/1.1\r\nHost: x\r\n' +
                    'Content-Length: 2\r\n\r\nhi',
    '/post-chunked': 'POST /post-chunked HTTP/1.1\r\nHost: x\r\n' +
                     'Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
  };
  const optimized = await serve({ optimizeEmptyRequests: true }, {
    '/get': true, '/head': true, '/post': true,
    '/head-length': false, '/post-length': false, '/post-chunked': false,
  });
  const plain = await serve({}, {
    '/get': false, '/head': false, '/post': false,
    '/head-length': false, '/post-length': false, '/post-chunked': false,
  });
  for (const server of [optimized, plain]) {
    for (const head of Object.values(heads)) await send(server, head);
    server.close();
  }
})().then(common.mustCall());
