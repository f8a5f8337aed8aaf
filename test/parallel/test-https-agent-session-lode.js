'use strict';
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');
const assert = require('assert');
const https = require('https');
const fixtures = require('../common/fixtures');

// https.Agent keeps the TLS session of each pool key and resumes it on the
// next connection; TLS options are part of the key; maxCachedSessions
// bounds the cache (0 turns it off).

const read = (f) => fixtures.readKey(`../keys-lode/${f}`);
const server = https.createServer({
  key: read('server-key.pem'), cert: read('server-cert.pem'),
}, (req, res) => res.end(String(req.socket.isSessionReused())));

function get(agent) {
  return new Promise((resolve, reject) => {
    https.get({ port: server.address().port, agent, ca: read('ca-cert.pem'),
                servername: 'localhost' }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve(text));
    }).on('error', reject);
  });
}

server.listen(0, common.mustCall(async () => {
  const agent = new https.Agent({ maxSockets: 1 });
  assert.strictEqual(agent.maxCachedSessions, 100);
  assert.strictEqual(await get(agent), 'false');
  assert.strictEqual(await get(agent), 'true');
  assert.strictEqual(agent._sessionCache.list.length, 1);

  const noCache = new https.Agent({ maxCachedSessions: 0 });
  assert.strictEqual(await get(noCache), 'false');
  assert.strictEqual(await get(noCache), 'false');

  const name = agent.getName({ host: 'h', port: 1, ca: 'CA', ciphers: 'C',
                               rejectUnauthorized: false,
                               servername: 's' });
  assert.strictEqual(name, 'h:1::CA:::C:::false:s::::::::::::');
  assert.strictEqual(https.globalAgent instanceof https.Agent, true);
  server.close();
}));
