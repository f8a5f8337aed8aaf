'use strict';
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');
const assert = require('assert');
const https = require('https');
const { execFile } = require('child_process');
const fixtures = require('../common/fixtures');

// fetch() of https: URLs goes over TLS and checks the certificate against
// the root store: a server whose CA is unknown fails with the TLS error as
// the cause; with that CA in NODE_EXTRA_CA_CERTS the same fetch works.

const read = (f) => fixtures.readKey(`../keys-lode/${f}`);
const server = https.createServer({
  key: read('server-key.pem'), cert: read('server-cert.pem'),
}, (req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ method: req.method, url: req.url }));
});

server.listen(0, '127.0.0.1', common.mustCall(async () => {
  const url = `https://localhost:${server.address().port}/x?y=1`;
  await assert.rejects(fetch(url), (err) => {
    assert.strictEqual(err.message, 'fetch failed');
    assert.strictEqual(err.cause.code, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    return true;
  });

  // The server answers from this process: the child runs asynchronously.
  execFile(process.execPath, ['-e', `
    fetch(${JSON.stringify(url)}).then((r) => r.json())
      .then((j) => console.log(JSON.stringify(j)));
  `], {
    env: { ...process.env,
           NODE_EXTRA_CA_CERTS: fixtures.path('keys-lode', 'ca-cert.pem') },
  }, common.mustCall((err, stdout, stderr) => {
    assert.ifError(err);
    assert.strictEqual(stderr, '');
    assert.deepStrictEqual(JSON.parse(stdout),
                           { method: 'GET', url: '/x?y=1' });
    server.close();
  }));
}));
