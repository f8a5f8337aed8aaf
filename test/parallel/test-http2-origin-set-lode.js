'use strict';
// originSet of TLS sessions, as Node gives it: a client's connect() with
// an empty servername still sends the host as SNI (so both sides name it),
// and a server session without SNI names the client's address serialized
// as a URL origin (::ffff:127.0.0.1 becomes [::ffff:7f00:1]).
const common = require('../common');
const fixtures = require('../common/fixtures');
const assert = require('assert');
const http2 = require('http2');

const read = (f) => fixtures.readKey(`../keys-lode/${f}`);

function check(host, servername, expectServer) {
  return new Promise((resolve) => {
    const server = http2.createSecureServer({
      key: read('server-key.pem'),
      cert: read('server-cert.pem'),
    });
    server.on('stream', common.mustCall((stream) => {
      const socket = stream.session.socket;
      assert.strictEqual(socket.servername, expectServer.servername);
      assert.deepStrictEqual(stream.session.originSet,
                             [expectServer.origin(socket.remotePort)]);
      stream.respond();
      stream.end();
    }));
    server.listen(0, '::', common.mustCall(() => {
      const port = server.address().port;
      const client = http2.connect(`https://${host}:${port}`,
                                   { rejectUnauthorized: false, servername });
      client.on('connect', common.mustCall(() => {
        assert.deepStrictEqual(client.originSet, [`https://${host}:${port}`]);
      }));
      const req = client.request();
      req.resume();
      req.on('end', common.mustCall(() => {
        client.close();
        server.close(resolve);
      }));
    }));
  });
}

(async () => {
  await check('localhost', '', {
    servername: 'localhost',
    origin: (port) => `https://localhost:${port}`,
  });
  await check('127.0.0.1', undefined, {
    servername: false,
    origin: (port) => `https://[::ffff:7f00:1]:${port}`,
  });
})().then(common.mustCall());
