'use strict';
// Redirects: 301/302 turn a POST into a GET, 303 too, 307/308 resend the
// body; manual hands the 3xx back; error and a loop past 20 hops fail.
const common = require('../common');
const assert = require('assert');
const http = require('http');

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  let body = '';
  req.on('data', (chunk) => body += chunk);
  req.on('end', () => {
    if (url.pathname.startsWith('/to/')) {
      res.writeHead(+url.pathname.slice(4), { location: '/end' });
      return res.end('redirect body');
    }
    if (url.pathname === '/loop') {
      res.writeHead(302, { location: '/loop' });
      return res.end();
    }
    res.end(JSON.stringify({
      method: req.method, body, type: req.headers['content-type'] ?? null,
    }));
  });
});

async function check(status, method, expected) {
  const base = `http://127.0.0.1:${server.address().port}`;
  const response = await fetch(`${base}/to/${status}`, {
    method, body: 'data',
  });
  assert.strictEqual(response.redirected, true);
  assert.strictEqual(response.url, `${base}/end`);
  assert.deepStrictEqual(await response.json(), expected);
}

server.listen(0, common.mustCall(async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const get = { method: 'GET', body: '', type: null };
  await check(301, 'POST', get);
  await check(302, 'POST', get);
  await check(303, 'PUT', get);
  const kept = { body: 'data', type: 'text/plain;charset=UTF-8' };
  await check(301, 'PUT', { method: 'PUT', ...kept });
  await check(307, 'POST', { method: 'POST', ...kept });
  await check(308, 'PATCH', { method: 'PATCH', ...kept });

  const manual = await fetch(`${base}/to/302`, { redirect: 'manual' });
  assert.strictEqual(manual.status, 302);
  assert.strictEqual(manual.headers.get('location'), '/end');
  assert.strictEqual(manual.redirected, false);
  assert.strictEqual(await manual.text(), 'redirect body');

  const failedWith = (cause) => (err) => {
    assert.strictEqual(err.name, 'TypeError');
    assert.strictEqual(err.message, 'fetch failed');
    assert.strictEqual(err.cause.message, cause);
    return true;
  };
  await assert.rejects(fetch(`${base}/to/302`, { redirect: 'error' }),
                       failedWith('unexpected redirect'));
  await assert.rejects(fetch(`${base}/loop`),
                       failedWith('redirect count exceeded'));
  server.close();
}));
