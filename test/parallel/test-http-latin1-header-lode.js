'use strict';
// Header values are sent as latin1 bytes, whether the head goes out alone or
// shares its first write with a UTF-8 body (Content-Length known, end(str)).
const common = require('../common');
const assert = require('assert');
const http = require('http');

// The UTF-8 bytes of 'bår' as a latin1 string: 'b\u00c3\u00a5r'.
const value = Buffer.from('bår').toString('latin1');
const cases = [
  (res) => res.writeHead(200, ['content-disposition', value]),
  (res) => res.writeHead(200, ['Content-Length', '6',
                               'content-disposition', value]),
  (res) => res.setHeader('content-disposition', value),
  (res) => res.writeHead(200, { 'content-disposition': [value] }),
];

const server = http.createServer(common.mustCall((req, res) => {
  cases[+req.url.slice(1)](res);
  res.end('héllo');  // 6 bytes of UTF-8
}, cases.length));

server.listen(0, common.mustCall(async () => {
  for (let i = 0; i < cases.length; i++) {
    await new Promise((resolve) => {
      http.get({ port: server.address().port, path: `/${i}` }, (res) => {
        assert.strictEqual(res.headers['content-disposition'], value);
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => body += chunk);
        res.on('end', common.mustCall(() => {
          assert.strictEqual(body, 'héllo');
          resolve();
        }));
      });
    });
  }
  server.close();
}));
