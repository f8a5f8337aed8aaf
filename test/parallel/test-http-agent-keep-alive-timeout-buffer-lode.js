'use strict';
// http.Agent's agentKeepAliveTimeoutBuffer: how much sooner than a
// server's Keep-Alive: timeout=N an idle socket is dropped (default 1000 ms;
// anything but a finite number >= 0 means the default), as in Node 24.
const common = require('../common');
const assert = require('assert');
const http = require('http');

for (const [value, expected] of [[1500, 1500], [0, 0], [1.5, 1.5],
                                 [-100, 1000], [Infinity, 1000], [NaN, 1000],
                                 ['1500', 1000], [null, 1000],
                                 [undefined, 1000]]) {
  const agent = new http.Agent({ agentKeepAliveTimeoutBuffer: value });
  assert.strictEqual(agent.agentKeepAliveTimeoutBuffer, expected);
}
assert.strictEqual(new http.Agent().agentKeepAliveTimeoutBuffer, 1000);

// The idle timeout of the socket the agent keeps after one request to a
// server that says `hint`; 'none' when the agent does not keep it.
function idleTimeout(hint, options) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      res.setHeader('Keep-Alive', hint);
      res.end('ok');
    });
    server.listen(0, common.mustCall(() => {
      const agent = new http.Agent({ keepAlive: true, ...options });
      http.get({ port: server.address().port, agent }, (res) => {
        res.resume();
        res.on('end', common.mustCall(() => setTimeout(() => {
          const free = Object.values(agent.freeSockets).flat();
          const timeout = free.length > 0 ? free[0].timeout : 'none';
          agent.destroy();
          server.close();
          resolve(timeout);
        }, 20)));
      });
    }));
  });
}

(async () => {
  const timeout = 5000;
  // The hint less the buffer shortens the agent's own timeout...
  assert.strictEqual(await idleTimeout('timeout=3', {
    timeout, agentKeepAliveTimeoutBuffer: 1500 }), 1500);
  assert.strictEqual(await idleTimeout('timeout=3', { timeout }), 2000);
  assert.strictEqual(await idleTimeout('timeout=3', { timeout: 1000 }), 1000);
  // ...read only at the start of the value, in lower case...
  assert.strictEqual(await idleTimeout('max=5, timeout=3', { timeout }),
                     timeout);
  assert.strictEqual(await idleTimeout('Timeout=3', { timeout }), timeout);
  // ...and never sets one the agent does not have.
  assert.strictEqual(await idleTimeout('timeout=3', {}), 0);
  // A hint the buffer uses up: the socket is not kept.
  assert.strictEqual(await idleTimeout('timeout=1', { timeout }), 'none');
  assert.strictEqual(await idleTimeout('timeout=2', {
    timeout, agentKeepAliveTimeoutBuffer: 2500 }), 'none');
})().then(common.mustCall());
