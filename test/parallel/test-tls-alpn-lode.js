'use strict';
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');
const assert = require('assert');
const tls = require('tls');
const fixtures = require('../common/fixtures');

// ALPN: the server takes the first of its protocols the client offers, or
// lets an ALPNCallback choose; no common protocol fails the handshake with
// a no_application_protocol alert.

const read = (f) => fixtures.readKey(`../keys-lode/${f}`);
const creds = { key: read('server-key.pem'), cert: read('server-cert.pem') };

function run(serverOptions, clientProtocols) {
  return new Promise((resolve) => {
    const server = tls.createServer({ ...creds, ...serverOptions }, (s) => {
      s.end();
    });
    server.on('tlsClientError', () => {});
    server.listen(0, () => {
      const client = tls.connect({
        port: server.address().port,
        rejectUnauthorized: false,
        ALPNProtocols: clientProtocols,
      }, () => {
        resolve(client.alpnProtocol);
        client.end();
        server.close();
      });
      client.on('error', (err) => {
        resolve(err.code);
        server.close();
      });
    });
  });
}

(async () => {
  assert.strictEqual(await run({ ALPNProtocols: ['h2', 'http/1.1'] },
                               ['http/1.1', 'h2']), 'h2');
  assert.strictEqual(await run({ ALPNProtocols: ['x'] }, undefined), false);
  assert.strictEqual(await run({}, ['a']), false);
  assert.strictEqual(
    await run({ ALPNProtocols: ['x'] }, ['y']),
    'ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL');
  assert.strictEqual(await run({
    ALPNCallback: common.mustCall(({ servername, protocols }) => {
      assert.strictEqual(servername, false);  // No SNI sent.
      assert.deepStrictEqual(protocols, ['a', 'bb', 'ccc']);
      return 'bb';
    }),
  }, ['a', 'bb', 'ccc']), 'bb');
  // Buffers in wire format work too.
  assert.strictEqual(await run({ ALPNProtocols: Buffer.from('\x01z') },
                               Buffer.from('\x01z')), 'z');

  assert.throws(() => tls.createServer({
    ALPNProtocols: ['a'], ALPNCallback() {},
  }), { code: 'ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS' });
  const out = {};
  tls.convertALPNProtocols(['ab', 'c'], out);
  assert.deepStrictEqual(out.ALPNProtocols, Buffer.from('\x02ab\x01c'));
})().then(common.mustCall());
