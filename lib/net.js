'use strict';

// node:net. The address checks and the auto-select-family settings are
// here; sockets and servers come with the networking issue and throw
// ERR_NOT_IMPLEMENTED until then (see doc/status.md).

const { isIP, isIPv4, isIPv6 } = require('internal/net');
const {
  codes: { ERR_NOT_IMPLEMENTED },
} = require('internal/errors');
const {
  validateBoolean,
  validateInt32,
} = require('internal/validators');

let autoSelectFamilyDefault = true;
let autoSelectFamilyAttemptTimeoutDefault = 250;

function getDefaultAutoSelectFamily() {
  return autoSelectFamilyDefault;
}

function setDefaultAutoSelectFamily(value) {
  validateBoolean(value, 'value');
  autoSelectFamilyDefault = value;
}

function getDefaultAutoSelectFamilyAttemptTimeout() {
  return autoSelectFamilyAttemptTimeoutDefault;
}

function setDefaultAutoSelectFamilyAttemptTimeout(value) {
  validateInt32(value, 'value', 1);
  // Node raises values under 10 ms to 10 ms.
  autoSelectFamilyAttemptTimeoutDefault = value < 10 ? 10 : value;
}

function notImplemented(name) {
  return function() {
    throw new ERR_NOT_IMPLEMENTED(`net.${name}`);
  };
}

class Socket {
  constructor() {
    throw new ERR_NOT_IMPLEMENTED('net.Socket');
  }
}

class Server {
  constructor() {
    throw new ERR_NOT_IMPLEMENTED('net.Server');
  }
}

class BlockList {
  constructor() {
    throw new ERR_NOT_IMPLEMENTED('net.BlockList');
  }
}

class SocketAddress {
  constructor() {
    throw new ERR_NOT_IMPLEMENTED('net.SocketAddress');
  }
}

module.exports = {
  BlockList,
  SocketAddress,
  connect: notImplemented('connect'),
  createConnection: notImplemented('createConnection'),
  createServer: notImplemented('createServer'),
  isIP,
  isIPv4,
  isIPv6,
  Server,
  Socket,
  Stream: Socket,
  getDefaultAutoSelectFamily,
  setDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout,
};
