'use strict';
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');
const assert = require('assert');
const tls = require('tls');
const fixtures = require('../common/fixtures');

// Both ends derive the same keying material (RFC 5705) and see each
// other's Finished messages; before the handshake there is none to get.

const read = (f) => fixtures.readKey(`../keys-lode/${f}`);

for (const maxVersion of ['TLSv1.2', 'TLSv1.3']) {
  let serverSide;
  const server = tls.createServer({
    key: read('server-key.pem'), cert: read('server-cert.pem'), maxVersion,
  }, common.mustCall((s) => {
    serverSide = s;
    s.write('go');
  }));
  server.listen(0, common.mustCall(() => {
    const client = tls.connect({ port: server.address().port,
                                 rejectUnauthorized: false });
    assert.throws(() => client.exportKeyingMaterial(32, 'x'),
                  { code: 'ERR_TLS_INVALID_STATE' });
    client.once('data', common.mustCall(() => {
      assert.strictEqual(client.getProtocol(), maxVersion);
      const a = client.exportKeyingMaterial(48, 'EXPERIMENTAL-lode',
                                            Buffer.from('ctx'));
      const b = serverSide.exportKeyingMaterial(48, 'EXPERIMENTAL-lode',
                                                Buffer.from('ctx'));
      assert.strictEqual(a.length, 48);
      assert.deepStrictEqual(a, b);
      assert.notDeepStrictEqual(
        a, client.exportKeyingMaterial(48, 'EXPERIMENTAL-lode'));
      assert.deepStrictEqual(client.getFinished(),
                             serverSide.getPeerFinished());
      assert.deepStrictEqual(client.getPeerFinished(),
                             serverSide.getFinished());
      assert.throws(() => client.exportKeyingMaterial(-1, 'x'),
                    { code: 'ERR_OUT_OF_RANGE' });
      assert.throws(() => client.exportKeyingMaterial(1, 2),
                    { code: 'ERR_INVALID_ARG_TYPE' });
      // The server has no ephemeral key info to report.
      assert.strictEqual(serverSide.getEphemeralKeyInfo(), null);
      // (TLS 1.3 groups depend on the OpenSSL version.)
      if (maxVersion === 'TLSv1.2') {
        assert.strictEqual(client.getEphemeralKeyInfo().type, 'ECDH');
      }
      client.end();
      server.close();
    }));
  }));
}
