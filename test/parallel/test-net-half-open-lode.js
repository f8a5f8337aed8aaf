'use strict';
const common = require('../common');
const assert = require('assert');
const net = require('net');

// allowHalfOpen: after the client ends its side, the server still writes.
// Without it, the server socket ends its side as soon as the other does.

const halfOpen = net.createServer({ allowHalfOpen: true }, common.mustCall(
  (sock) => {
    let got = '';
    sock.setEncoding('utf8');
    sock.on('data', (d) => { got += d; });
    sock.on('end', common.mustCall(() => {
      assert.strictEqual(sock.writable, true);
      sock.end(`reply:${got}`);
    }));
  }));

halfOpen.listen(0, common.mustCall(() => {
  const client = net.connect({ port: halfOpen.address().port,
                               allowHalfOpen: true });
  client.end('question');
  let reply = '';
  client.setEncoding('utf8');
  client.on('data', (d) => { reply += d; });
  client.on('close', common.mustCall(() => {
    assert.strictEqual(reply, 'reply:question');
    halfOpen.close();
  }));
}));

const closing = net.createServer(common.mustCall((sock) => {
  sock.resume();
  // Its writable side ends by itself after the peer's FIN.
  sock.on('finish', common.mustCall(() => {
    assert.strictEqual(sock.writableEnded, true);
  }));
}));
closing.listen(0, common.mustCall(() => {
  const client = net.connect(closing.address().port, common.mustCall(() => {
    client.end();
  }));
  client.resume();
  client.on('end', common.mustCall());
  client.on('close', common.mustCall(() => closing.close()));
}));
