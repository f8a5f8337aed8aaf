'use strict';

// node:https. The agent (internal/https/agent) and the server
// (internal/https/server) put http over TLS; requests are http's
// ClientRequest with the https agent as default.

const {
  ArrayPrototypeShift,
  ArrayPrototypeUnshift,
  ObjectAssign,
  ReflectConstruct,
} = primordials;

const { assertCrypto } = require('internal/util');
assertCrypto();

const { Agent, globalAgent } = require('internal/https/agent');
const { Server } = require('internal/https/server');
const { ClientRequest } = require('internal/http/client');
const { URL, isURL, urlToHttpOptions } = require('internal/url');

function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

// request(url[, options][, callback]) or request(options[, callback]).
function request(...args) {
  let options = {};
  if (typeof args[0] === 'string') {
    options = urlToHttpOptions(new URL(ArrayPrototypeShift(args)));
  } else if (isURL(args[0])) {
    options = urlToHttpOptions(ArrayPrototypeShift(args));
  }
  if (args[0] && typeof args[0] !== 'function') {
    ObjectAssign(options, ArrayPrototypeShift(args));
  }
  options._defaultAgent = module.exports.globalAgent;
  ArrayPrototypeUnshift(args, options);
  return ReflectConstruct(ClientRequest, args);
}

function get(input, options, cb) {
  const req = request(input, options, cb);
  req.end();
  return req;
}

module.exports = {
  Agent,
  globalAgent,
  Server,
  createServer,
  get,
  request,
};
