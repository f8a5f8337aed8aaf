'use strict';
// The limits an http2 session puts on its peer and on itself, as in Node:
// a PING ACK nobody asked for is a protocol error; one SETTINGS over
// maxOutstandingSettings destroys the session; a header block over
// maxHeaderListPairs gets its stream reset with ENHANCE_YOUR_CALM; trailers
// too large to send reset the stream with FRAME_SIZE_ERROR.
const common = require('../common');
const assert = require('assert');
const http2 = require('http2');
const net = require('net');

const {
  NGHTTP2_ENHANCE_YOUR_CALM,
  NGHTTP2_FRAME_SIZE_ERROR,
} = http2.constants;

// An unsolicited PING ACK.
{
  const server = http2.createServer();
  server.on('session', common.mustCall((session) => {
    session.on('error', common.expectsError({
      code: 'ERR_HTTP2_ERROR',
      message: 'Protocol error',
    }));
    session.on('close', common.mustCall(() => server.close()));
  }));
  server.listen(0, common.mustCall(() => {
    const socket = net.connect(server.address().port, common.mustCall(() => {
      const settings = Buffer.from([0, 0, 0, 4, 0, 0, 0, 0, 0]);
      const pingAck = Buffer.alloc(17);
      pingAck.writeUIntBE(8, 0, 3);
      pingAck[3] = 6;  // PING
      pingAck[4] = 1;  // ACK
      socket.write(Buffer.concat([
        Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'), settings, pingAck,
      ]));
    }));
    socket.on('error', () => {});
    socket.resume();
  }));
}

// maxOutstandingSettings: the first SETTINGS counts.
{
  const server = http2.createServer({ maxOutstandingSettings: 2 });
  server.on('session', common.mustCall((session) => {
    session.on('error', common.expectsError({
      code: 'ERR_HTTP2_MAX_PENDING_SETTINGS_ACK',
    }));
    session.settings({ enablePush: false });
    assert.strictEqual(session.pendingSettingsAck, true);
    session.settings({ enablePush: false });
    assert.strictEqual(session.pendingSettingsAck, true);
  }));
  server.listen(0, common.mustCall(() => {
    const client = http2.connect(`http://localhost:${server.address().port}`);
    client.on('error', () => {});
    client.on('close', common.mustCall(() => server.close()));
  }));
}

// maxHeaderListPairs (at least 4 on a server) and too large trailers.
{
  const server = http2.createServer({ maxHeaderListPairs: 0 });
  server.on('stream', common.mustCall((stream) => {
    stream.on('data', common.mustNotCall());
    stream.respond(undefined, { waitForTrailers: true });
    stream.on('wantTrailers', common.mustCall(() => {
      stream.sendTrailers({ 'big': 'x'.repeat(64 * 1024) });
    }));
    stream.on('frameError', common.mustCall((type, code) => {
      assert.strictEqual(code, NGHTTP2_FRAME_SIZE_ERROR);
    }));
    stream.on('error', common.expectsError({ code: 'ERR_HTTP2_STREAM_ERROR' }));
    stream.end();
  }));
  server.listen(0, common.mustCall(() => {
    const client = http2.connect(`http://localhost:${server.address().port}`);
    const refused = client.request({ foo: 'bar' });
    refused.on('error', common.expectsError({
      code: 'ERR_HTTP2_STREAM_ERROR',
      message: 'Stream closed with error code NGHTTP2_ENHANCE_YOUR_CALM',
    }));
    refused.on('close', common.mustCall(() => {
      assert.strictEqual(refused.rstCode, NGHTTP2_ENHANCE_YOUR_CALM);
      const req = client.request();
      req.on('error', common.expectsError({
        code: 'ERR_HTTP2_STREAM_ERROR',
        message: 'Stream closed with error code NGHTTP2_FRAME_SIZE_ERROR',
      }));
      req.on('close', common.mustCall(() => {
        assert.strictEqual(req.rstCode, NGHTTP2_FRAME_SIZE_ERROR);
        client.close();
        server.close();
      }));
      req.resume();
      req.end();
    }));
    refused.end();
  }));
}
