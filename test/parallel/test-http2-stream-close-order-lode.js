'use strict';
// What a stream queued goes out before its RST_STREAM: a body written and
// ended before close() arrives whole, data written before destroy(err)
// reaches the peer, and a session destroyed with a code is not 'closed'.
const common = require('../common');
const assert = require('assert');
const http2 = require('http2');

const body = Buffer.alloc(150000, 0x61);
let step = 0;

const server = http2.createServer();
server.on('stream', common.mustCall((stream, headers) => {
  const path = headers[':path'];
  if (path === '/close') {
    stream.respond();
    stream.write(body);
    stream.end();
    stream.close();
  } else if (path === '/destroy') {
    stream.on('error', common.mustCall((err) => {
      assert.strictEqual(err.message, 'boom');
    }));
    stream.respond();
    stream.write('hello');
    stream.destroy(new Error('boom'));
  } else {
    const session = stream.session;
    stream.on('error', common.mustCall());
    session.on('error', common.mustCall());
    session.destroy(http2.constants.NGHTTP2_REFUSED_STREAM);
    assert.strictEqual(session.destroyed, true);
    assert.strictEqual(session.closed, false);
  }
}, 3));

server.listen(0, common.mustCall(() => {
  const client = http2.connect(`http://localhost:${server.address().port}`);
  client.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_HTTP2_SESSION_ERROR');
  }));

  const first = client.request({ ':path': '/close' });
  let received = 0;
  first.on('data', (chunk) => { received += chunk.length; });
  first.on('close', common.mustCall(() => {
    assert.strictEqual(received, body.length);
    step++;
    const second = client.request({ ':path': '/destroy' });
    second.setEncoding('utf8');
    second.on('response', common.mustCall());
    second.on('data', common.mustCall((chunk) => {
      assert.strictEqual(chunk, 'hello');
    }));
    second.on('error', common.mustCall((err) => {
      assert.strictEqual(err.code, 'ERR_HTTP2_STREAM_ERROR');
    }));
    second.on('close', common.mustCall(() => {
      step++;
      const third = client.request({ ':path': '/session' });
      third.on('error', common.mustCall((err) => {
        assert.match(err.message, /Session closed with error code 7/);
      }));
      third.on('close', common.mustCall(() => {
        assert.strictEqual(step, 2);
        server.close();
      }));
    }));
  }));
}));
