'use strict';
const common = require('../common');
const assert = require('assert');
const http = require('http');

// The request's cache mode adds the headers Node's fetch sends (checked
// against Node 24): no-store and reload ask for Pragma and Cache-Control
// no-cache, no-cache for Cache-Control max-age=0; headers the program gave
// are kept.

const seen = [];
const server = http.createServer((req, res) => {
  seen.push([req.url, req.headers.pragma, req.headers['cache-control']]);
  res.end('x');
});
server.listen(0, '127.0.0.1', common.mustCall(async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  for (const cache of ['default', 'no-store', 'reload', 'no-cache',
                       'force-cache']) {
    await (await fetch(`${base}/${cache}`, { cache })).text();
  }
  await (await fetch(`${base}/given`, {
    cache: 'no-store', headers: { 'Cache-Control': 'max-age=5' },
  })).text();
  // A conditional header makes 'default' behave as 'no-store'; the other
  // modes are kept.
  for (const name of ['If-None-Match', 'If-Modified-Since',
                      'If-Unmodified-Since', 'If-Match', 'If-Range']) {
    await (await fetch(`${base}/${name}`,
                       { headers: { [name]: '"x"' } })).text();
  }
  await (await fetch(`${base}/cond-no-cache`, {
    cache: 'no-cache', headers: { 'If-None-Match': '"x"' },
  })).text();
  assert.deepStrictEqual(seen, [
    ['/default', undefined, undefined],
    ['/no-store', 'no-cache', 'no-cache'],
    ['/reload', 'no-cache', 'no-cache'],
    ['/no-cache', undefined, 'max-age=0'],
    ['/force-cache', undefined, undefined],
    ['/given', 'no-cache', 'max-age=5'],
    ['/If-None-Match', 'no-cache', 'no-cache'],
    ['/If-Modified-Since', 'no-cache', 'no-cache'],
    ['/If-Unmodified-Since', 'no-cache', 'no-cache'],
    ['/If-Match', 'no-cache', 'no-cache'],
    ['/If-Range', 'no-cache', 'no-cache'],
    ['/cond-no-cache', undefined, 'max-age=0'],
  ]);
  server.close();
}));
