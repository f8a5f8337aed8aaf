'use strict';
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');
const assert = require('assert');
const tls = require('tls');

// Pre-shared keys instead of certificates: the client names an identity,
// the server looks its key up; a wrong key fails the handshake.

const KEY = Buffer.from('d731ef57be09e5204f0b205b60627028', 'hex');
const IDENTITY = 'lode-client';

function run(clientKey) {
  return new Promise((resolve) => {
    const server = tls.createServer({
      ciphers: 'PSK+HIGH',
      maxVersion: 'TLSv1.2',
      pskIdentityHint: 'hint',
      pskCallback: common.mustCall((socket, identity) => {
        assert.ok(socket instanceof tls.TLSSocket);
        assert.strictEqual(identity, IDENTITY);
        return identity === IDENTITY ? KEY : null;
      }),
    }, (socket) => {
      socket.end('secret');
    });
    server.on('tlsClientError', () => {});
    server.listen(0, () => {
      const client = tls.connect({
        port: server.address().port,
        ciphers: 'PSK+HIGH',
        maxVersion: 'TLSv1.2',
        checkServerIdentity: () => undefined,
        pskCallback: common.mustCall((hint) => {
          assert.strictEqual(hint, 'hint');
          return { psk: clientKey, identity: IDENTITY };
        }),
      });
      let data = '';
      client.on('data', (d) => { data += d; });
      client.on('end', () => { resolve(data); server.close(); });
      client.on('error', (err) => { resolve(err.code); server.close(); });
    });
  });
}

(async () => {
  assert.strictEqual(await run(KEY), 'secret');
  assert.match(await run(Buffer.alloc(16, 1)), /^ERR_SSL_/);
})().then(common.mustCall());
