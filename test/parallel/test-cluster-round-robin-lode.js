'use strict';
// cluster: two forked workers share one listening port; the primary
// accepts and hands the connections out in turn, so both workers answer,
// and disconnect() ends both with exitedAfterDisconnect set.
require('../common');
const assert = require('assert');
const cluster = require('cluster');
const http = require('http');

if (cluster.isWorker) {
  http.createServer((req, res) => {
    res.end(String(cluster.worker.id));
  }).listen(0, '127.0.0.1');
  return;
}

const workers = [cluster.fork(), cluster.fork()];
let listening = 0;
let port;
cluster.on('listening', (worker, address) => {
  assert.strictEqual(address.address, '127.0.0.1');
  if (port === undefined) port = address.port;
  // One server for the cluster: every worker reports the same port.
  assert.strictEqual(address.port, port);
  if (++listening === workers.length) makeRequests();
});

function makeRequests() {
  const answeredBy = new Set();
  let left = 10;
  for (let i = 0; i < 10; i++) {
    http.get({ port, host: '127.0.0.1', agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => {
        answeredBy.add(body);
        if (--left === 0) {
          assert.deepStrictEqual([...answeredBy].sort(), ['1', '2']);
          cluster.disconnect();
        }
      });
    });
  }
}

let exited = 0;
cluster.on('exit', (worker, code, signal) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(signal, null);
  assert.strictEqual(worker.exitedAfterDisconnect, true);
  exited++;
});
process.on('exit', () => assert.strictEqual(exited, 2));
