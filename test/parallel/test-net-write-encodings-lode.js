'use strict';
const common = require('../common');
const assert = require('assert');
const net = require('net');

// The bytes a socket sends for strings in each text encoding, written one
// at a time and corked together (the native writev), with empty chunks in
// between (a corked batch with one non-empty chunk is sent as a plain
// write), and every write's callback called once.

const pieces = [
  ['plain ascii', 'utf8'],
  ['', 'latin1'],
  ['caf\u00e9 \u20ac \u{1f600}', 'utf8'],
  ['\u00e9t\u00e9 \u00ff\u0080\u007f', 'utf8'],
  ['lone \ud800 surrogate', 'utf-8'],
  ['\u00e9\u00ff', 'latin1'],
  ['\u00e9\u00ff', 'binary'],
  ['ascii\u00e9', 'ascii'],
  ['\u20acab', 'ucs2'],
  ['\u20acab', 'utf16le'],
  ['68656c6c6f', 'hex'],
  ['aGk=', 'base64'],
  [Buffer.from([0, 1, 2, 255]), undefined],
  ['x'.repeat(70 * 1024) + '\u00e9', 'utf8'],
  ['\u20ac'.repeat(30 * 1024), 'utf8'],
];

function expected(list) {
  return Buffer.concat(list.map(([data, enc]) =>
    (typeof data === 'string' ? Buffer.from(data, enc) : data)));
}

function collect(server, write, list) {
  return new Promise((resolve) => {
    server.once('connection', (sock) => {
      write(sock, list);
      sock.end();
    });
    const client = net.connect(server.address().port);
    const got = [];
    client.on('data', (d) => got.push(d));
    client.on('end', common.mustCall(() => {
      assert.deepStrictEqual(Buffer.concat(got), expected(list));
      resolve();
    }));
  });
}

function oneByOne(sock, list) {
  for (const [data, enc] of list) sock.write(data, enc, common.mustCall());
}

function corked(sock, list) {
  sock.cork();
  for (const [data, enc] of list) sock.write(data, enc, common.mustCall());
  sock.uncork();
}

const server = net.createServer();
server.listen(0, common.mustCall(async () => {
  await collect(server, oneByOne, pieces);
  await collect(server, corked, pieces);
  for (const piece of pieces) {
    // One non-empty chunk among empty ones.
    await collect(server, corked, [['', 'latin1'], piece, ['', 'utf8']]);
  }
  await collect(server, corked, [['', 'latin1'], ['', 'utf8']]);
  server.close();
}));
