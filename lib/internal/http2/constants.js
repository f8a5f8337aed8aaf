'use strict';

// http2.constants: nghttp2's frame, flag, settings and error codes, the
// header names and methods, and the HTTP status codes, with Node's names.
// The binding holds them (src/lode_http2_constants.h), as
// internalBinding('http2').constants is the same object in Node.

const { constants } = internalBinding('http2');

module.exports = { constants };
