'use strict';
// The bytes of header values that are not ASCII, as Node 24 sends them. The
// head shares its first write: with a UTF-8 string it goes out as UTF-8,
// otherwise as latin1. A Content-Disposition value (RFC 6266 4.3: UTF-8
// bytes in a latin1 string) is read back as UTF-8 text when the body's
// length is known (end(data)), so that it reaches the peer as those bytes.
const common = require('../common');
const assert = require('assert');
const http = require('http');
const net = require('net');

const utf8InLatin1 = Buffer.from('bår').toString('latin1');  // 'b\xc3\xa5r'
const notUtf8 = 'caf\xe9';
const cases = [
  // [respond, expected bytes of the value]
  [(res) => { res.setHeader('X', utf8InLatin1); res.end('ok'); },
   '62c383c2a572'],
  [(res) => { res.setHeader('X', notUtf8); res.end('ok'); }, '636166c3a9'],
  [(res) => { res.setHeader('X', utf8InLatin1); res.end(Buffer.from('ok')); },
   '62c3a572'],
  [(res) => { res.setHeader('Content-Disposition', notUtf8); res.end('ok'); },
   '636166efbfbd'],
  [(res) => {
    res.setHeader('Content-Disposition', utf8InLatin1);
    res.end(Buffer.from('ok'));
  }, '62e572'],
  [(res) => {
    res.setHeader('Content-Disposition', utf8InLatin1);
    res.flushHeaders();
    res.end('x');
  }, '62c383c2a572'],
  [(res) => {
    res.writeHead(200, ['content-disposition', utf8InLatin1]);
    res.end('hello');
  }, '62c3a572'],
  [(res) => {
    res.writeHead(200, ['Content-Length', '5',
                        'content-disposition', [utf8InLatin1]]);
    res.end('hello');
  }, '62c3a572'],
];

const server = http.createServer(common.mustCall((req, res) => {
  cases[+req.url.slice(1)][0](res);
}, cases.length));

server.listen(0, common.mustCall(async () => {
  for (let i = 0; i < cases.length; i++) {
    const raw = await new Promise((resolve) => {
      const socket = net.connect(server.address().port, () => {
        socket.write(`GET /${i} HTTP/1.1\r\nHost: x\r\n` +
                     'Connection: close\r\n\r\n');
      });
      const chunks = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('end', () => resolve(Buffer.concat(chunks)));
    });
    const line = raw.toString('latin1').split('\r\n')
      .find((l) => /^(x|content-disposition): /i.test(l));
    const value = Buffer.from(line.slice(line.indexOf(': ') + 2), 'latin1');
    assert.strictEqual(value.toString('hex'), cases[i][1], `case ${i}`);
  }
  server.close();
}));
