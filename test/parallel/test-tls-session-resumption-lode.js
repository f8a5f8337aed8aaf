'use strict';
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');
const assert = require('assert');
const tls = require('tls');
const fixtures = require('../common/fixtures');

// A client keeps the session a 'session' event gives (a TLS 1.3 ticket)
// and resumes it on its next connection; getSession()/setSession() and
// TLS 1.2 session ids through the server's newSession/resumeSession events
// work alike.

const read = (f) => fixtures.readKey(`../keys-lode/${f}`);
const creds = { key: read('server-key.pem'), cert: read('server-cert.pem') };

function connect(port, options) {
  return new Promise((resolve) => {
    const client = tls.connect({ port, ca: read('ca-cert.pem'),
                                 servername: 'localhost', ...options });
    let session;
    let reused;
    client.once('session', (s) => { session = s; client.end(); });
    client.on('secureConnect', () => {
      assert.strictEqual(client.authorized, true);
      reused = client.isSessionReused();
      if (options.maxVersion === 'TLSv1.2') session = client.getSession();
    });
    client.on('close', () => resolve({ session, reused }));
    client.on('data', () => {});
  });
}

(async () => {
  const server = tls.createServer(creds, (s) => s.end('x'));
  await new Promise((r) => server.listen(0, r));
  const { port } = server.address();
  const first = await connect(port, {});
  assert.ok(Buffer.isBuffer(first.session));
  assert.strictEqual(first.reused, false);
  const second = await connect(port, { session: first.session });
  assert.strictEqual(second.reused, true);
  server.close();

  // TLS 1.2 with session ids kept by the program (tickets off).
  const store = new Map();
  const server12 = tls.createServer({
    ...creds, maxVersion: 'TLSv1.2',
    secureOptions: require('crypto').constants.SSL_OP_NO_TICKET,
  }, (s) => s.end('x'));
  server12.on('newSession', common.mustCall((id, data, done) => {
    store.set(id.toString('hex'), data);
    done();
  }));
  server12.on('resumeSession', common.mustCall((id, done) => {
    done(null, store.get(id.toString('hex')) || null);
  }));
  await new Promise((r) => server12.listen(0, r));
  const a = await connect(server12.address().port, { maxVersion: 'TLSv1.2' });
  assert.strictEqual(a.reused, false);
  const b = await connect(server12.address().port,
                          { maxVersion: 'TLSv1.2', session: a.session });
  assert.strictEqual(b.reused, true);
  server12.close();
})().then(common.mustCall());
