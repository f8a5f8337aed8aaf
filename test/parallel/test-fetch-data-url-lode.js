'use strict';
// data: URLs: percent-encoded and base64 bodies, the MIME type (with the
// US-ASCII default) and the ones that fail; blob: URLs from
// URL.createObjectURL.
const common = require('../common');
const assert = require('assert');

async function fetchData(url) {
  const response = await fetch(url);
  assert.strictEqual(response.status, 200);
  assert.strictEqual(response.statusText, 'OK');
  return [response.headers.get('content-type'),
          Buffer.from(await response.arrayBuffer()).toString('latin1'),
          response.url];
}

(async () => {
  assert.deepStrictEqual(await fetchData('data:,Hello%2C%20World%21'),
                         ['text/plain;charset=US-ASCII', 'Hello, World!',
                          'data:,Hello%2C%20World%21']);
  assert.deepStrictEqual(await fetchData('data:text/plain;base64,SGV sbG8='),
                         ['text/plain', 'Hello',
                          'data:text/plain;base64,SGV sbG8=']);
  assert.deepStrictEqual(
    await fetchData('data:TEXT/HTML; Charset="utf-8";base64 ,QQ==#frag'),
    ['text/html;charset=utf-8', 'A',
     'data:TEXT/HTML; Charset="utf-8";base64 ,QQ=='],
  );
  assert.deepStrictEqual((await fetchData('data:;base64,AAE'))[1], '\0\x01');
  assert.deepStrictEqual((await fetchData('data:bad type,%FF'))[0],
                         'text/plain;charset=US-ASCII');

  for (const url of ['data:nocomma', 'data:;base64,SGVsbG8=!']) {
    await assert.rejects(fetch(url), (err) => {
      assert.strictEqual(err.message, 'fetch failed');
      assert.strictEqual(err.cause.message, 'failed to fetch the data URL');
      return true;
    });
  }

  const blob = new Blob(['<svg></svg>'], { type: 'image/svg+xml' });
  const url = URL.createObjectURL(blob);
  const response = await fetch(url);
  assert.strictEqual(response.headers.get('content-length'), '11');
  const copy = await response.blob();
  assert.strictEqual(copy.type, 'image/svg+xml');
  assert.strictEqual(await copy.text(), '<svg></svg>');
  URL.revokeObjectURL(url);
  await assert.rejects(fetch(url), { message: 'fetch failed' });
})().then(common.mustCall());
