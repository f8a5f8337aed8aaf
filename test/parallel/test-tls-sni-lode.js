'use strict';
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');
const assert = require('assert');
const tls = require('tls');
const fixtures = require('../common/fixtures');

// The server picks its certificate by the name the client sends: through
// addContext() patterns, or an SNICallback. Both sides see the name.

const read = (f) => fixtures.readKey(`../keys-lode/${f}`);
const rsa = { key: read('server-key.pem'), cert: read('server-cert.pem') };
const ec = { key: read('ec-key.pem'), cert: read('ec-cert.pem') };

function connect(server, servername) {
  return new Promise((resolve, reject) => {
    const client = tls.connect({
      port: server.address().port,
      servername,
      ca: read('ca-cert.pem'),
      checkServerIdentity: () => undefined,
    }, () => {
      resolve(client.getPeerCertificate().asn1Curve);
      client.end();
    });
    client.on('error', reject);
  });
}

(async () => {
  // addContext(): the last matching pattern wins; others get the default.
  const server = tls.createServer(rsa, common.mustCall((s) => {
    assert.strictEqual(typeof s.servername, 'string');
  }, 3));
  server.addContext('*.ec.test', ec);
  await new Promise((r) => server.listen(0, r));
  assert.strictEqual(await connect(server, 'a.ec.test'), 'prime256v1');
  assert.strictEqual(await connect(server, 'a.b.ec.test'), undefined);
  assert.strictEqual(await connect(server, 'localhost'), undefined);
  server.close();

  // SNICallback(name, cb): an async choice.
  const names = [];
  const server2 = tls.createServer({
    ...rsa,
    SNICallback: common.mustCall((name, cb) => {
      names.push(name);
      setImmediate(cb, null, name === 'ec' ? tls.createSecureContext(ec) :
        undefined);
    }, 2),
  }, common.mustCall((s) => assert.strictEqual(s.servername, names.at(-1)),
                     2));
  await new Promise((r) => server2.listen(0, r));
  assert.strictEqual(await connect(server2, 'ec'), 'prime256v1');
  assert.strictEqual(await connect(server2, 'rsa'), undefined);
  assert.deepStrictEqual(names, ['ec', 'rsa']);
  server2.close();

  assert.throws(() => server.addContext('', ec),
                { code: 'ERR_TLS_REQUIRED_SERVER_NAME' });
})().then(common.mustCall());
