'use strict';
const common = require('../common');
const assert = require('assert');
const http = require('http');

// A keep-alive Agent sends sequential requests to one host over a single
// socket: the first request opens it (reusedSocket false), the next ones
// take it from the free pool (reusedSocket true), and the server sees one
// connection.

const server = http.createServer(common.mustCall((req, res) => {
  res.end(`${req.url} on ${req.socket.remotePort}`);
}, 3));
server.on('connection', common.mustCall());

const agent = new http.Agent({ keepAlive: true, maxSockets: 5 });
const sockets = [];

function get(path, reused, next) {
  const req = http.get({ port: server.address().port, path, agent },
                       common.mustCall((res) => {
    assert.strictEqual(res.statusCode, 200);
    assert.strictEqual(res.headers.connection, 'keep-alive');
    assert.strictEqual(req.reusedSocket, reused);
    sockets.push(req.socket);
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d) => { body += d; });
    res.on('end', common.mustCall(() => {
      assert.strictEqual(body, `${path} on ${req.socket.localPort}`);
      // The socket goes back to the pool once the response is consumed.
      setImmediate(next);
    }));
  }));
}

server.listen(0, common.mustCall(() => {
  get('/a', false, () => {
    const name = agent.getName({ port: server.address().port });
    assert.strictEqual(agent.freeSockets[name].length, 1);
    get('/b', true, () => {
      get('/c', true, common.mustCall(() => {
        assert.strictEqual(sockets[0], sockets[1]);
        assert.strictEqual(sockets[1], sockets[2]);
        assert.strictEqual(sockets[0].destroyed, false);
        agent.destroy();
        server.close();
      }));
    });
  });
}));
