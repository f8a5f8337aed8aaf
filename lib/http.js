'use strict';

// node:http. The server, the client and their messages live in
// lib/internal/http/; this module creates them and exports them.

const {
  ArrayPrototypeSlice,
  ArrayPrototypeSort,
  ObjectDefineProperty,
} = primordials;

const { methods } = require('internal/http/common');
const { setMaxIdleHTTPParsers } = require('internal/http/common');
const agentModule = require('internal/http/agent');
const { Agent } = agentModule;
const { ClientRequest } = require('internal/http/client');
const { IncomingMessage } = require('internal/http/incoming');
const {
  validateHeaderName,
  validateHeaderValue,
  OutgoingMessage,
} = require('internal/http/outgoing');
const {
  _connectionListener,
  STATUS_CODES,
  Server,
  ServerResponse,
} = require('internal/http/server');
const { getOptionValue } = require('internal/options');

function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

function request(url, options, cb) {
  return new ClientRequest(url, options, cb);
}

function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}

let maxHeaderSize;

module.exports = {
  _connectionListener,
  METHODS: ArrayPrototypeSort(ArrayPrototypeSlice(methods)),
  STATUS_CODES,
  Agent,
  ClientRequest,
  IncomingMessage,
  OutgoingMessage,
  Server,
  ServerResponse,
  createServer,
  validateHeaderName,
  validateHeaderValue,
  get,
  request,
  setMaxIdleHTTPParsers,
};

ObjectDefineProperty(module.exports, 'maxHeaderSize', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    maxHeaderSize ??= getOptionValue('--max-http-header-size');
    return maxHeaderSize;
  },
});

// The WebSocket client's classes, as in Node: the same objects as the
// globals (loaded on first read), even under --no-experimental-websocket.
const kWebSocket = 'internal/websocket/websocket';
for (const { 0: name, 1: id } of [['WebSocket', kWebSocket],
                                  ['CloseEvent', kWebSocket],
                                  ['MessageEvent', 'internal/worker/io']]) {
  ObjectDefineProperty(module.exports, name, {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return require(id)[name];
    },
  });
}

ObjectDefineProperty(module.exports, 'globalAgent', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    return agentModule.globalAgent;
  },
  set(value) {
    agentModule.globalAgent = value;
  },
});
