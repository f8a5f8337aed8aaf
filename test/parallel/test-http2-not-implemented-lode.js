'use strict';
// What lode's http2 does not do yet throws ERR_NOT_IMPLEMENTED naming it
// (doc/status.md) instead of silently doing nothing.
require('../common');
const assert = require('assert');
const http2 = require('http2');
const net = require('net');

assert.throws(() => http2.performServerHandshake(new net.Socket()), {
  code: 'ERR_NOT_IMPLEMENTED',
  name: 'Error',
  message: /http2\.performServerHandshake/,
});
