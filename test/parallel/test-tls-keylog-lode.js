'use strict';
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');
const assert = require('assert');
const tls = require('tls');
const fixtures = require('../common/fixtures');

// 'keylog' gives the NSS key log lines of a connection (a Buffer each,
// newline included): on the socket, on the server with the socket, and
// only once someone listens.

const read = (f) => fixtures.readKey(`../keys-lode/${f}`);
const server = tls.createServer({
  key: read('server-key.pem'), cert: read('server-cert.pem'),
}, (s) => s.end());

const serverLines = [];
server.on('keylog', common.mustCallAtLeast((line, socket) => {
  assert.ok(socket instanceof tls.TLSSocket);
  serverLines.push(line.toString());
}));

server.listen(0, common.mustCall(() => {
  const client = tls.connect({ port: server.address().port,
                               rejectUnauthorized: false });
  const clientLines = [];
  client.on('keylog', (line) => {
    assert.ok(Buffer.isBuffer(line));
    clientLines.push(line.toString());
  });
  client.resume();
  client.on('close', common.mustCall(() => {
    // TLS 1.3 has five secrets per side.
    assert.strictEqual(clientLines.length, 5);
    for (const line of clientLines) {
      assert.match(line, /^[A-Z_0-9]+ [0-9a-f]{64} [0-9a-f]+\n$/);
    }
    assert.deepStrictEqual([...serverLines].sort(),
                           [...clientLines].sort());
    server.close();
  }));
}));
