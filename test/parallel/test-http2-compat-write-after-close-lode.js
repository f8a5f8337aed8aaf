'use strict';
// A compat response whose stream closed before end() was called: write()
// fails with ERR_HTTP2_INVALID_STREAM (not ERR_STREAM_WRITE_AFTER_END,
// which is for writes after end()), and the response is not `finished`,
// as in Node.
const common = require('../common');
const assert = require('assert');
const http2 = require('http2');

const server = http2.createServer(common.mustCall((req, res) => {
  assert.ok(res.write('first', common.mustCall()));
  res.stream.close(0, common.mustCall(() => {
    assert.strictEqual(res.finished, false);
    res.on('error', common.mustNotCall());
    assert.strictEqual(res.write('late', common.mustCall((err) => {
      assert.strictEqual(err.code, 'ERR_HTTP2_INVALID_STREAM');
      client.destroy();
      server.close();
    })), false);
  }));
}));

let client;
server.listen(0, common.mustCall(() => {
  client = http2.connect(`http://localhost:${server.address().port}`);
  const req = client.request();
  req.resume();
  req.on('error', () => {});
}));
