'use strict';
const common = require('../common');
const assert = require('assert');
const http = require('http');

// The header API of an outgoing message: names are case-insensitive but
// keep the case they were first set with on the wire; appendHeader turns
// a value into a list; writeHead's headers merge into those set before,
// winning on a clash.

const server = http.createServer(common.mustCall((req, res) => {
  res.setHeader('X-Keep', 'k');
  res.setHeader('X-Gone', 'g');
  res.setHeader('x-clash', 'from setHeader');
  res.setHeader('Set-Cookie', 'a=1');
  res.appendHeader('set-cookie', ['b=2', 'c=3']);
  res.appendHeader('X-List', 'one');
  res.appendHeader('X-List', 'two');
  assert.strictEqual(res.getHeader('x-KEEP'), 'k');
  assert.strictEqual(res.hasHeader('X-GONE'), true);
  res.removeHeader('x-gone');
  assert.strictEqual(res.hasHeader('X-Gone'), false);
  assert.strictEqual(res.getHeader('x-gone'), undefined);

  const headers = res.getHeaders();
  assert.strictEqual(Object.getPrototypeOf(headers), null);
  assert.deepStrictEqual({ ...headers }, {
    'x-keep': 'k',
    'x-clash': 'from setHeader',
    'set-cookie': ['a=1', 'b=2', 'c=3'],
    'x-list': ['one', 'two'],
  });
  assert.deepStrictEqual(res.getHeaderNames(),
                         ['x-keep', 'x-clash', 'set-cookie', 'x-list']);
  assert.deepStrictEqual(res.getRawHeaderNames(),
                         ['X-Keep', 'x-clash', 'Set-Cookie', 'X-List']);

  res.writeHead(201, 'Made', { 'X-Clash': 'from writeHead', 'X-New': 7 });
  assert.strictEqual(res.statusMessage, 'Made');
  assert.strictEqual(res.getHeader('x-clash'), 'from writeHead');
  assert.strictEqual(res.getHeader('x-new'), 7);
  res.end();
}));

server.listen(0, common.mustCall(() => {
  http.get({ port: server.address().port }, common.mustCall((res) => {
    assert.strictEqual(res.statusCode, 201);
    assert.strictEqual(res.statusMessage, 'Made');
    const h = res.headers;
    assert.strictEqual(h['x-keep'], 'k');
    assert.strictEqual(h['x-gone'], undefined);
    assert.strictEqual(h['x-clash'], 'from writeHead');
    assert.strictEqual(h['x-new'], '7');
    assert.deepStrictEqual(h['set-cookie'], ['a=1', 'b=2', 'c=3']);
    // Other repeated headers are joined with ", " by the receiver.
    assert.strictEqual(h['x-list'], 'one, two');
    const raw = res.rawHeaders;
    const names = raw.filter((_, i) => i % 2 === 0);
    assert.deepStrictEqual(names.slice(0, 9), [
      'X-Keep', 'X-Clash', 'Set-Cookie', 'Set-Cookie', 'Set-Cookie',
      'X-List', 'X-List', 'X-New', 'Date',
    ]);
    res.resume().on('end', common.mustCall(() => server.close()));
  }));
}));
