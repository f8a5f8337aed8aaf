'use strict';
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');
const assert = require('assert');
const { execFile } = require('child_process');
const fixtures = require('../common/fixtures');
const { createServer, listen } = require('../common/websocket-server');

// wss: goes over TLS and checks the server's certificate as https.request
// does: a server whose CA is unknown fails the connection (error, close
// 1006); with that CA in NODE_EXTRA_CA_CERTS the same URL works (in a child
// process, since the variable is read at start-up).

const read = (f) => fixtures.readKey(`../keys-lode/${f}`);
const server = createServer((conn) => {
  conn.on('frame', (f) => {
    if (f.opcode === 1) conn.text(`echo ${f.payload}`);
    if (f.opcode === 8) {
      conn.send(8, f.payload);
      conn.socket.end();
    }
  });
}, { tls: { key: read('server-key.pem'), cert: read('server-cert.pem') } });

listen(server).then(common.mustCall((base) => {
  const url = base.replace('127.0.0.1', 'localhost');
  assert(url.startsWith('wss://'));
  const ws = new WebSocket(url);
  ws.onopen = common.mustNotCall();
  ws.onerror = common.mustCall();
  ws.onclose = common.mustCall((e) => {
    assert.strictEqual(e.code, 1006);
    assert.strictEqual(e.wasClean, false);

    execFile(process.execPath, ['-e', `
      const ws = new WebSocket(${JSON.stringify(url)});
      ws.onopen = () => ws.send('over tls');
      ws.onmessage = (e) => { console.log(e.data); ws.close(); };
      ws.onclose = (e) => console.log(e.code, e.wasClean);
    `], {
      env: { ...process.env,
             NODE_EXTRA_CA_CERTS: fixtures.path('keys-lode', 'ca-cert.pem') },
    }, common.mustCall((err, stdout, stderr) => {
      assert.ifError(err);
      assert.strictEqual(stderr, '');
      assert.strictEqual(stdout, 'echo over tls\n1005 true\n');
      server.close();
    }));
  });
}));
