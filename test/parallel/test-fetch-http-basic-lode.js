'use strict';
// fetch() over http: the request Node's fetch sends (method, path,
// default headers, body framing) and the Response it gives back.
const common = require('../common');
const assert = require('assert');
const http = require('http');

const server = http.createServer(common.mustCall((req, res) => {
  const headers = req.rawHeaders;
  if (req.method === 'GET') {
    assert.strictEqual(req.url, '/path?q=1');
    assert.deepStrictEqual(headers.slice(2, 4), ['connection', 'keep-alive']);
    assert.strictEqual(req.headers.accept, '*/*');
    assert.strictEqual(req.headers['accept-language'], '*');
    assert.strictEqual(req.headers['sec-fetch-mode'], 'cors');
    assert.strictEqual(req.headers['user-agent'], 'node');
    assert.ok(headers.includes('X-Custom'));
    res.setHeader('X-Reply', 'yes');
    res.setHeader('Set-Cookie', ['a=1', 'b=2']);
    res.writeHead(200, 'Fine', { 'content-type': 'text/plain' });
    res.end('hello');
    return;
  }
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => body += chunk);
  req.on('end', common.mustCall(() => {
    assert.strictEqual(req.method, 'POST');
    assert.strictEqual(req.headers['content-length'], '4');
    assert.strictEqual(req.headers['content-type'], 'text/plain;charset=UTF-8');
    res.writeHead(201);
    res.end(body.toUpperCase());
  }));
}, 2));

server.listen(0, common.mustCall(async () => {
  const url = `http://localhost:${server.address().port}/path?q=1#frag`;
  const response = await fetch(url, { headers: { 'X-Custom': 'v' } });
  assert.ok(response instanceof Response);
  assert.strictEqual(response.status, 200);
  assert.strictEqual(response.statusText, 'Fine');
  assert.strictEqual(response.ok, true);
  assert.strictEqual(response.type, 'basic');
  assert.strictEqual(response.redirected, false);
  assert.strictEqual(response.url, url.slice(0, -5));
  assert.strictEqual(response.headers.get('x-reply'), 'yes');
  assert.deepStrictEqual(response.headers.getSetCookie(), ['a=1', 'b=2']);
  assert.throws(() => response.headers.set('a', 'b'), { message: 'immutable' });
  assert.strictEqual(await response.text(), 'hello');

  const posted = await fetch(url, { method: 'POST', body: 'data' });
  assert.strictEqual(posted.status, 201);
  assert.strictEqual(await posted.text(), 'DATA');
  server.close();
}));
