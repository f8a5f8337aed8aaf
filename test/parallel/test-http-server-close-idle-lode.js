'use strict';
const common = require('../common');
const assert = require('assert');
const http = require('http');

// server.close() closes the keep-alive connections that sit idle between
// requests right away (closeIdleConnections), without waiting for the
// keep-alive timeout, but lets a connection with a request in progress
// finish its response; the close callback runs once both are gone.

const server = http.createServer({ keepAliveTimeout: 60000 },
                                 common.mustCall((req, res) => {
  if (req.url === '/busy') {
    setTimeout(() => res.end('busy done'), 500);
  } else {
    res.end('quick done');
  }
}, 2));

const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });

server.listen(0, common.mustCall(() => {
  const port = server.address().port;
  let closedAt = 0;
  const busy = http.get({ port, path: '/busy', agent },
                        common.mustCall((res) => {
    let body = '';
    res.setEncoding('utf8').on('data', (d) => { body += d; });
    res.on('end', common.mustCall(() => {
      assert.strictEqual(body, 'busy done');
      // Closing did not cut the connection that was serving a request.
      assert.ok(closedAt > 0);
      // Its socket now idles in the agent's pool: closing the agent lets
      // the server finish closing.
      setImmediate(() => agent.destroy());
    }));
  }));
  busy.on('error', common.mustNotCall());

  http.get({ port, path: '/quick', agent }, common.mustCall((res) => {
    const idle = res.socket;
    res.resume();
    res.on('end', common.mustCall(() => setImmediate(() => {
      assert.notStrictEqual(idle, busy.socket);
      assert.strictEqual(idle.destroyed, false);
      const start = Date.now();
      idle.on('close', common.mustCall(() => {
        closedAt = Date.now();
        assert.ok(closedAt - start < 1000, `${closedAt - start} ms`);
      }));
      server.close(common.mustCall(() => {
        assert.ok(Date.now() - start < 5000);
      }));
    })));
  }));
}));
