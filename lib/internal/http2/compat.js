'use strict';

// The HTTP/1-style API of node:http2 ('request' events with
// Http2ServerRequest and Http2ServerResponse).

const {
  codes: { ERR_NOT_IMPLEMENTED },
} = require('internal/errors');

class Http2ServerRequest {
  constructor() {
    throw new ERR_NOT_IMPLEMENTED('http2.Http2ServerRequest');
  }
}

class Http2ServerResponse {
  constructor() {
    throw new ERR_NOT_IMPLEMENTED('http2.Http2ServerResponse');
  }
}

function onServerStream(server, stream, headers, flags, rawHeaders) {
  throw new ERR_NOT_IMPLEMENTED('http2 compatibility API');
}

module.exports = {
  Http2ServerRequest,
  Http2ServerResponse,
  onServerStream,
};
