'use strict';
const common = require('../common');
const assert = require('assert');
const http = require('http');

// A request with "Connection: Upgrade" goes to the server's 'upgrade'
// listener with the raw socket and the bytes read past the headers; the
// client's 'upgrade' event gets the 101 response and its socket. After
// that, both sides speak their own protocol on the socket.

const server = http.createServer(common.mustNotCall());
server.on('upgrade', common.mustCall((req, socket, head) => {
  assert.strictEqual(req.headers.upgrade, 'echo');
  assert.strictEqual(req.headers.connection, 'Upgrade');
  assert.ok(Buffer.isBuffer(head));
  socket.write('HTTP/1.1 101 Switching Protocols\r\n' +
               'Upgrade: echo\r\nConnection: Upgrade\r\n\r\n');
  let pending = head.toString('latin1');
  socket.on('data', (d) => {
    // Echo back each complete line, upper-cased.
    pending += d.toString('latin1');
    let nl;
    while ((nl = pending.indexOf('\n')) !== -1) {
      socket.write(pending.slice(0, nl + 1).toUpperCase());
      pending = pending.slice(nl + 1);
    }
  });
  socket.on('end', common.mustCall(() => socket.end()));
}));

server.listen(0, common.mustCall(() => {
  const req = http.request({
    port: server.address().port,
    headers: { Connection: 'Upgrade', Upgrade: 'echo' },
  });
  req.on('response', common.mustNotCall());
  req.on('upgrade', common.mustCall((res, socket, head) => {
    assert.strictEqual(res.statusCode, 101);
    assert.strictEqual(res.headers.upgrade, 'echo');
    assert.strictEqual(res.headers.connection, 'Upgrade');
    assert.strictEqual(socket.destroyed, false);
    let echoed = head.toString('latin1');
    socket.on('data', (d) => { echoed += d.toString('latin1'); });
    socket.on('end', common.mustCall(() => {
      assert.strictEqual(echoed, 'HELLO\nWORLD\n');
      server.close();
    }));
    socket.write('hello\nwor');
    setTimeout(() => socket.end('ld\n'), 10);
  }));
  req.end();
}));
