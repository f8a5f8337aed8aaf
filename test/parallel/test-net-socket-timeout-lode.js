'use strict';
const common = require('../common');
const assert = require('assert');
const net = require('net');

// setTimeout(): 'timeout' after idleness, not while data flows; 0 turns it
// off; bad values throw.

assert.throws(() => new net.Socket().setTimeout(-1), {
  code: 'ERR_OUT_OF_RANGE',
});
assert.throws(() => new net.Socket().setTimeout('1'), {
  code: 'ERR_INVALID_ARG_TYPE',
});

const server = net.createServer(common.mustCall((sock) => {
  sock.resume();
  sock.on('end', () => sock.end());
}, 2));

server.listen(0, common.mustCall(() => {
  const { port } = server.address();
  const idle = net.connect(port);
  idle.setTimeout(30, common.mustCall(() => {
    assert.strictEqual(idle.timeout, 30);
    idle.destroy();
  }));
  idle.on('close', common.mustCall(() => {
    const off = net.connect({ port, timeout: 20 });
    off.on('timeout', common.mustNotCall());
    off.setTimeout(0);
    setTimeout(common.mustCall(() => {
      off.end();
      off.resume();
      off.on('close', common.mustCall(() => server.close()));
    }), 60);
  }));
}));
