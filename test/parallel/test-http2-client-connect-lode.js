'use strict';
// util.promisify(http2.connect) resolves with the connected session;
// requests made while connecting share one 'connect' listener; with
// events.captureRejections a rejected async 'stream' handler answers 500.
const common = require('../common');
const assert = require('assert');
const events = require('events');
const http2 = require('http2');
const util = require('util');

events.captureRejections = true;
process.on('warning', common.mustNotCall());

const server = http2.createServer();
server.on('stream', common.mustCall(async (stream, headers) => {
  if (headers[':path'] === '/throw') throw new Error('kaboom');
  stream.respond();
  stream.end('ok');
}, 13));

server.listen(0, common.mustCall(async () => {
  const url = `http://localhost:${server.address().port}`;
  const client = await util.promisify(http2.connect)(url);
  assert.strictEqual(client.connecting, false);
  const res = await new Promise((resolve) => {
    client.request({ ':path': '/throw' }).on('response', resolve).end();
  });
  assert.strictEqual(res[':status'], 500);
  client.close();

  const other = http2.connect(url);
  const all = [];
  for (let i = 0; i < 12; i++) {
    all.push(new Promise((resolve, reject) => {
      const req = other.request();
      req.on('error', reject);
      req.on('response', resolve);
      req.resume();
      req.end();
    }));
  }
  assert.strictEqual(other.listenerCount('connect'), 1);
  await Promise.all(all);
  other.close();
  server.close();
}));
