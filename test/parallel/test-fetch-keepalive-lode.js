'use strict';
// Requests in a row share one kept-alive connection.
const common = require('../common');
const assert = require('assert');
const http = require('http');
const { setTimeout: sleep } = require('timers/promises');

const sockets = new Set();
const server = http.createServer((req, res) => {
  sockets.add(req.socket);
  res.end(req.url);
});
server.on('connection', common.mustCall());

server.listen(0, common.mustCall(async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  for (let i = 0; i < 5; i++) {
    const response = await fetch(`${base}/${i}`);
    assert.strictEqual(response.headers.get('connection'), 'keep-alive');
    assert.strictEqual(await response.text(), `/${i}`);
    await sleep(10);  // Lets the connection go back to the pool.
  }
  assert.strictEqual(sockets.size, 1);
  server.close();
}));
