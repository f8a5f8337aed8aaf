'use strict';
const common = require('../common');
const assert = require('assert');
const http = require('http');

// How a client request fails when the exchange is cut: the server hanging
// up before answering, req.destroy() with or without an error, and a
// response body cut short (res 'aborted', then 'error' "aborted").

const server = http.createServer((req, res) => {
  if (req.url === '/hangup') return req.socket.destroy();
  if (req.url === '/cut') {
    res.writeHead(200, { 'Content-Length': 100 });
    res.write('partial');
    return setTimeout(() => req.socket.destroy(), 20);
  }
  // '/never' is never answered.
});

const hangUp = { code: 'ECONNRESET', name: 'Error', message: 'socket hang up' };

function request(path, onError) {
  const req = http.get({ port: server.address().port, path, agent: false });
  req.on('response', common.mustNotCall());
  req.on('error', common.mustCall(onError));
  req.on('close', common.mustCall(() => {
    assert.strictEqual(req.destroyed, true);
  }));
  return req;
}

server.listen(0, common.mustCall(() => {
  request('/hangup', (err) => assert.deepStrictEqual(
    { code: err.code, name: err.name, message: err.message }, hangUp));

  const plain = request('/never', (err) => assert.deepStrictEqual(
    { code: err.code, name: err.name, message: err.message }, hangUp));
  plain.on('socket', () => setTimeout(() => plain.destroy(), 20));

  const mine = new Error('mine');
  const withErr = request('/never', (err) => assert.strictEqual(err, mine));
  withErr.on('socket', () => setTimeout(() => withErr.destroy(mine), 20));

  const cut = http.get({ port: server.address().port, path: '/cut' },
                       common.mustCall((res) => {
    let body = '';
    res.setEncoding('utf8').on('data', (d) => { body += d; });
    res.on('end', common.mustNotCall());
    res.on('aborted', common.mustCall());
    res.on('error', common.mustCall((err) => {
      assert.strictEqual(err.code, 'ECONNRESET');
      assert.strictEqual(err.message, 'aborted');
      assert.strictEqual(res.complete, false);
      assert.strictEqual(body, 'partial');
    }));
    res.on('close', common.mustCall(() => server.close()));
  }));
  cut.on('error', common.mustNotCall());
}));
