'use strict';
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');
const assert = require('assert');
const tls = require('tls');
const { duplexPair } = require('stream');
const fixtures = require('../common/fixtures');

// A TLSSocket over any Duplex (here an in-memory pair, no socket at all):
// the client and the server each wrap one end.

const read = (f) => fixtures.readKey(`../keys-lode/${f}`);
const [clientSide, serverSide] = duplexPair();

const server = new tls.TLSSocket(serverSide, {
  isServer: true,
  secureContext: tls.createSecureContext({
    key: read('server-key.pem'), cert: read('server-cert.pem'),
  }),
});
server.on('secure', common.mustCall(() => {
  assert.strictEqual(server.getProtocol(), 'TLSv1.3');
}));
server.setEncoding('utf8');
server.on('data', common.mustCall((data) => {
  assert.strictEqual(data, 'hello over a duplex');
  server.end('bye');
}));

const client = tls.connect({
  socket: clientSide,
  ca: read('ca-cert.pem'),
  servername: 'localhost',
}, common.mustCall(() => {
  assert.strictEqual(client.authorized, true);
  client.write('hello over a duplex');
}));
let received = '';
client.setEncoding('utf8');
client.on('data', (d) => { received += d; });
client.on('end', common.mustCall(() => {
  assert.strictEqual(received, 'bye');
  client.end();
}));
