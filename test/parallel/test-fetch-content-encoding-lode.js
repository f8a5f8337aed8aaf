'use strict';
// Content-Encoding: gzip, deflate (zlib or raw), br and stacked codings
// are decoded; an unknown coding leaves the bytes as sent.
const common = require('../common');
const assert = require('assert');
const http = require('http');
let zlib;
try {
  zlib = require('zlib');
} catch {
  common.skip('no zlib');
}

const text = 'compressible '.repeat(5000);
const encoders = {
  'gzip': (b) => zlib.gzipSync(b),
  'deflate': (b) => zlib.deflateSync(b),
  'deflate-raw': (b) => zlib.deflateRawSync(b),
  'br': (b) => zlib.brotliCompressSync(b),
  'gzip, br': (b) => zlib.brotliCompressSync(zlib.gzipSync(b)),
  'x-unknown': (b) => b,
};

const server = http.createServer((req, res) => {
  const coding = decodeURIComponent(req.url.slice(1));
  assert.strictEqual(req.headers['accept-encoding'], 'gzip, deflate');
  res.writeHead(200, {
    'content-encoding': coding === 'deflate-raw' ? 'deflate' : coding,
  });
  res.end(encoders[coding](Buffer.from(text)));
});

server.listen(0, common.mustCall(async () => {
  const base = `http://127.0.0.1:${server.address().port}/`;
  for (const coding of Object.keys(encoders)) {
    const response = await fetch(base + encodeURIComponent(coding));
    assert.strictEqual(await response.text(), text, coding);
  }
  server.close();
}));
