'use strict';

// https.Agent: http's connection pool over TLS. The pool key also holds
// every TLS option that changes the connection, and the agent keeps the
// last session of each key so that the next connection resumes it.

const {
  ArrayPrototypeIndexOf,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeSplice,
  FunctionPrototypeCall,
  JSONStringify,
  ObjectSetPrototypeOf,
} = primordials;

const tls = require('tls');
const { Agent: HttpAgent } = require('internal/http/agent');
const {
  codes: { ERR_NOT_IMPLEMENTED },
} = require('internal/errors');
const { kEmptyObject } = require('internal/util');

let debug = require('internal/util/debuglog').debuglog('https', (fn) => {
  debug = fn;
});

// agent.createConnection(options[, callback]), also called as
// (port, host, options): a TLS socket, resuming the session cached for the
// pool key.
function createConnection(...args) {
  let options;
  if (args[0] !== null && typeof args[0] === 'object') {
    options = args[0];
  } else if (args[1] !== null && typeof args[1] === 'object') {
    options = { ...args[1] };
  } else if (args[2] === null || typeof args[2] !== 'object') {
    options = {};
  } else {
    options = { ...args[2] };
  }
  if (typeof args[0] === 'number') options.port = args[0];
  if (typeof args[1] === 'string') options.host = args[1];

  debug('createConnection', options);

  if (options._agentKey) {
    const session = this._getSession(options._agentKey);
    if (session) {
      debug('reuse session for %j', options._agentKey);
      options = { session, ...options };
    }
  }

  const socket = tls.connect(options);

  if (options._agentKey) {
    socket.on('session', (session) => {
      this._cacheSession(options._agentKey, session);
    });
    // A connection that failed may have failed because of its session.
    socket.once('close', (err) => {
      if (err) this._evictSession(options._agentKey);
    });
  }
  return socket;
}

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  options = { __proto__: null, ...options };
  // Tunnelling through a proxy (CONNECT) is not in lode yet.
  if (options.proxyEnv !== undefined) {
    throw new ERR_NOT_IMPLEMENTED('https.Agent proxyEnv');
  }
  options.defaultPort ??= 443;
  options.protocol ??= 'https:';
  FunctionPrototypeCall(HttpAgent, this, options);
  this.defaultPort = options.defaultPort;
  this.protocol = options.protocol;

  this.maxCachedSessions = this.options.maxCachedSessions;
  if (this.maxCachedSessions === undefined) this.maxCachedSessions = 100;
  this._sessionCache = { map: {}, list: [] };
}
ObjectSetPrototypeOf(Agent.prototype, HttpAgent.prototype);
ObjectSetPrototypeOf(Agent, HttpAgent);
Agent.prototype.createConnection = createConnection;

// Every option that makes a different TLS connection, in Node's order.
const kNameOptions = [
  'ca', 'cert', 'clientCertEngine', 'ciphers', 'key', 'pfx',
];
Agent.prototype.getName = function getName(options = kEmptyObject) {
  let name = FunctionPrototypeCall(HttpAgent.prototype.getName, this,
                                   options);
  for (let i = 0; i < kNameOptions.length; i++) {
    name += ':';
    if (options[kNameOptions[i]]) name += options[kNameOptions[i]];
  }
  name += ':';
  if (options.rejectUnauthorized !== undefined) {
    name += options.rejectUnauthorized;
  }
  name += ':';
  if (options.servername && options.servername !== options.host) {
    name += options.servername;
  }
  const rest = ['minVersion', 'maxVersion', 'secureProtocol', 'crl'];
  for (let i = 0; i < rest.length; i++) {
    name += ':';
    if (options[rest[i]]) name += options[rest[i]];
  }
  name += ':';
  if (options.honorCipherOrder !== undefined) {
    name += options.honorCipherOrder;
  }
  name += ':';
  if (options.ecdhCurve) name += options.ecdhCurve;
  name += ':';
  if (options.dhparam) name += options.dhparam;
  name += ':';
  if (options.secureOptions !== undefined) name += options.secureOptions;
  name += ':';
  if (options.sessionIdContext) name += options.sessionIdContext;
  name += ':';
  if (options.sigalgs) name += JSONStringify(options.sigalgs);
  name += ':';
  if (options.privateKeyIdentifier) name += options.privateKeyIdentifier;
  name += ':';
  if (options.privateKeyEngine) name += options.privateKeyEngine;
  return name;
};

Agent.prototype._getSession = function _getSession(key) {
  return this._sessionCache.map[key];
};

Agent.prototype._cacheSession = function _cacheSession(key, session) {
  if (this.maxCachedSessions === 0) return;
  const cache = this._sessionCache;
  if (cache.map[key]) {
    cache.map[key] = session;
    return;
  }
  // Full: the oldest key goes.
  if (cache.list.length >= this.maxCachedSessions) {
    const oldest = ArrayPrototypeShift(cache.list);
    debug('evicting %j', oldest);
    delete cache.map[oldest];
  }
  ArrayPrototypePush(cache.list, key);
  cache.map[key] = session;
};

Agent.prototype._evictSession = function _evictSession(key) {
  const cache = this._sessionCache;
  const index = ArrayPrototypeIndexOf(cache.list, key);
  if (index === -1) return;
  ArrayPrototypeSplice(cache.list, index, 1);
  delete cache.map[key];
};

const globalAgent = new Agent({
  keepAlive: true, scheduling: 'lifo', timeout: 5000,
});

module.exports = {
  Agent,
  globalAgent,
};
