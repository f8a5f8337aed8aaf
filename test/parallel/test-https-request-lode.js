'use strict';
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');
const assert = require('assert');
const https = require('https');
const fixtures = require('../common/fixtures');

// An https server answers https.request() and https.get(); the request's
// socket is a TLSSocket (the client offers no ALPN by default), and the
// agent pools it.

const read = (f) => fixtures.readKey(`../keys-lode/${f}`);
const server = https.createServer({
  key: read('server-key.pem'), cert: read('server-cert.pem'),
}, common.mustCall((req, res) => {
  assert.strictEqual(req.socket.encrypted, true);
  assert.strictEqual(req.socket.alpnProtocol, false);
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => res.end(`${req.method} ${req.url} ${body}`));
}, 2));

server.listen(0, common.mustCall(() => {
  const { port } = server.address();
  const ca = read('ca-cert.pem');
  const agent = new https.Agent({ keepAlive: true, ca });
  assert.strictEqual(agent.defaultPort, 443);
  assert.strictEqual(agent.protocol, 'https:');
  const req = https.request({ port, method: 'POST', path: '/p', agent },
                           common.mustCall((res) => {
                             assert.strictEqual(res.statusCode, 200);
                             let text = '';
                             res.setEncoding('utf8');
                             res.on('data', (d) => { text += d; });
                             res.on('end', common.mustCall(() => {
                               assert.strictEqual(text, 'POST /p data');
                               get();
                             }));
                           }));
  req.end('data');

  function get() {
    https.get(`https://localhost:${port}/g`, { agent },
              common.mustCall((res) => {
                assert.strictEqual(res.socket.authorized, true);
                res.resume();
                res.on('end', common.mustCall(() => {
                  agent.destroy();
                  server.close();
                }));
              }));
  }
}));
