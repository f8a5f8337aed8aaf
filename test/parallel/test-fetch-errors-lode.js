'use strict';
// How fetch fails: "fetch failed" TypeErrors whose cause says why
// (ECONNREFUSED, a bad port, an unknown scheme, https: without TLS in
// lode), and URL or init errors rejected as they are.
const common = require('../common');
const assert = require('assert');
const net = require('net');

function failedWith(check) {
  return (err) => {
    assert.strictEqual(err.name, 'TypeError');
    assert.strictEqual(err.message, 'fetch failed');
    assert.ok(err.cause instanceof Error);
    check(err.cause);
    return true;
  };
}

const server = net.createServer();
server.listen(0, common.mustCall(() => {
  const { port } = server.address();
  server.close(common.mustCall(async () => {
    await assert.rejects(fetch(`http://127.0.0.1:${port}/`), failedWith((c) => {
      assert.strictEqual(c.code, 'ECONNREFUSED');
      assert.strictEqual(c.syscall, 'connect');
      assert.strictEqual(c.port, port);
    }));
    await assert.rejects(fetch('http://127.0.0.1:25/'), failedWith((c) => {
      assert.strictEqual(c.message, 'bad port');
    }));
    await assert.rejects(fetch('ftp://example.com/'), failedWith((c) => {
      assert.strictEqual(c.message, 'unknown scheme');
    }));
    // https: goes over TLS: the closed port is found the same way.
    const https = `https://127.0.0.1:${port}/`;
    await assert.rejects(fetch(https), failedWith((c) => {
      assert.strictEqual(c.code, 'ECONNREFUSED');
    }));

    await assert.rejects(fetch('not a url'), (err) => {
      assert.strictEqual(err.name, 'TypeError');
      assert.strictEqual(err.message, 'Failed to parse URL from not a url');
      assert.strictEqual(err.cause.code, 'ERR_INVALID_URL');
      return true;
    });
    await assert.rejects(fetch('http://x/', { method: 'a b' }), {
      name: 'TypeError', message: "'a b' is not a valid HTTP method.",
    });
    assert.strictEqual(Object.getPrototypeOf(fetch), Function.prototype);
  }));
}));
