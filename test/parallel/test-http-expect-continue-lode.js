'use strict';
const common = require('../common');
const assert = require('assert');
const http = require('http');

// "Expect: 100-continue": with a 'checkContinue' listener the server
// decides. writeContinue() sends the interim 100 response, which fires the
// client's 'continue' event (the time to send the body); answering at once
// with a final status instead means 'continue' never fires. Such requests
// never reach the 'request' listener.

const server = http.createServer(common.mustNotCall());
server.on('checkContinue', common.mustCall((req, res) => {
  assert.strictEqual(req.headers.expect, '100-continue');
  if (req.url === '/refuse') {
    res.writeHead(417, { Connection: 'close' });
    return res.end('no thanks');
  }
  res.writeContinue();
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', common.mustCall(() => res.end(`got ${body}`)));
}, 2));

function send(path, onContinue, onResponse) {
  const req = http.request({
    port: server.address().port, method: 'PUT', path,
    headers: { 'Expect': '100-continue', 'Content-Length': 4 },
  }, common.mustCall((res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d) => { body += d; });
    res.on('end', common.mustCall(() => onResponse(res, body)));
  }));
  req.on('continue', onContinue ? common.mustCall(() => onContinue(req)) :
    common.mustNotCall());
  // The body is not sent until the server agreed.
  return req;
}

server.listen(0, common.mustCall(() => {
  let continued = false;
  send('/accept', (req) => {
    continued = true;
    req.end('data');
  }, (res, body) => {
    assert.ok(continued);
    assert.strictEqual(res.statusCode, 200);
    assert.strictEqual(body, 'got data');
    const refused = send('/refuse', null, (res, body) => {
      assert.strictEqual(res.statusCode, 417);
      assert.strictEqual(body, 'no thanks');
      server.close();
    });
    refused.on('error', common.mustNotCall());
    refused.end();
  });
}));
