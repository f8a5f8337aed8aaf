// Flags: --expose-internals
'use strict';
// internalBinding('http2'): constants is http2.constants (nghttp2's library
// error codes are there but not enumerable), nghttp2ErrorString() names an
// nghttp2 error, and the calls on one stream go through Http2Stream's
// prototype: an nghttp2 error returned by respond() fails the stream with
// ERR_HTTP2_ERROR and resets it.
const common = require('../common');
const assert = require('assert');
const http2 = require('http2');
const { internalBinding } = require('internal/test/binding');
const binding = internalBinding('http2');

assert.strictEqual(binding.constants, http2.constants);
assert.strictEqual(binding.constants.NGHTTP2_ERR_INVALID_ARGUMENT, -501);
assert.strictEqual(binding.constants.HTTP2_HEADER_STATUS, ':status');
assert(!Object.keys(http2.constants).includes('NGHTTP2_ERR_NOMEM'));
assert.strictEqual(binding.nghttp2ErrorString(-517),
                   'GOAWAY has already been sent');
assert.strictEqual(typeof binding.Http2Stream, 'function');

binding.Http2Stream.prototype.respond = () => -501;

const server = http2.createServer();
server.on('stream', common.mustCall((stream) => {
  stream.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_HTTP2_ERROR');
    assert.strictEqual(err.message, 'Invalid argument');
  }));
  stream.respond();
}));
server.listen(0, common.mustCall(() => {
  const client = http2.connect(`http://localhost:${server.address().port}`);
  const req = client.request();
  req.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_HTTP2_STREAM_ERROR');
  }));
  req.on('close', common.mustCall(() => {
    assert.strictEqual(req.rstCode, http2.constants.NGHTTP2_INTERNAL_ERROR);
    client.close();
    server.close();
  }));
  req.end();
}));
