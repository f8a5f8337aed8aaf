'use strict';
const common = require('../common');
const assert = require('assert');
const net = require('net');

// An empty write completes at once, as in Node: what is written after it
// goes to the socket before a destroy() in the same tick.
const server = net.createServer(common.mustCall((conn) => {
  conn.on('data', common.mustCall(() => {
    conn.write('');
    conn.write('a\n');
    conn.write('', common.mustCall());
    conn.write('b\n');
    conn.destroy();
    server.close();
  }));
}));
server.listen(0, '127.0.0.1', common.mustCall(() => {
  const client = net.connect(server.address().port, '127.0.0.1');
  let received = '';
  client.setEncoding('utf8');
  client.on('data', (chunk) => { received += chunk; });
  client.on('close', common.mustCall(() => {
    assert.strictEqual(received, 'a\nb\n');
  }));
  client.write('go');
}));
