'use strict';

// http.Agent: a pool of client connections per origin. Requests beyond
// maxSockets wait in `requests`; with keepAlive a socket whose response
// ended goes to `freeSockets` and serves the next request to its origin.

const {
  ArrayPrototypeIncludes,
  ArrayPrototypeIndexOf,
  ArrayPrototypePop,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeSplice,
  FunctionPrototypeCall,
  NumberIsFinite,
  NumberParseInt,
  ObjectKeys,
  ObjectSetPrototypeOf,
  ObjectValues,
  RegExpPrototypeExec,
  StringPrototypeIndexOf,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
  StringPrototypeSubstring,
  Symbol,
} = primordials;

const net = require('net');
const EventEmitter = require('events');
const { once } = require('internal/util');
const {
  validateNumber,
  validateOneOf,
  validateString,
} = require('internal/validators');

const kOnKeylog = Symbol('onkeylog');
// A Keep-Alive header's timeout, read only where Node reads it: at the
// start of the value, in lower case.
const kKeepAliveTimeout = /^timeout=(\d+)/;

function freeSocketErrorListener(err) {
  // An idle socket that fails is simply dropped.
  const socket = this;
  socket.destroy();
  socket.emit('agentRemove');
}

function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);

  FunctionPrototypeCall(EventEmitter, this);

  this.defaultPort = 80;
  this.protocol = 'http:';

  this.options = { __proto__: null, ...options };

  if (this.options.noDelay === undefined) this.options.noDelay = true;

  // No default path: a socket path would be taken for every request.
  this.options.path = null;
  this.requests = { __proto__: null };
  this.sockets = { __proto__: null };
  this.freeSockets = { __proto__: null };
  this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
  this.keepAlive = this.options.keepAlive || false;
  this.maxSockets = this.options.maxSockets || Agent.defaultMaxSockets;
  this.maxFreeSockets = this.options.maxFreeSockets || 256;
  this.scheduling = this.options.scheduling || 'lifo';
  this.maxTotalSockets = this.options.maxTotalSockets;
  this.totalSocketCount = 0;

  validateOneOf(this.scheduling, 'scheduling', ['fifo', 'lifo']);

  if (this.maxTotalSockets !== undefined) {
    validateNumber(this.maxTotalSockets, 'maxTotalSockets', 1);
  } else {
    this.maxTotalSockets = Infinity;
  }

  // How much sooner than a server's Keep-Alive: timeout=N an idle socket
  // is dropped; anything but a finite number >= 0 means the default.
  const buffer = this.options.agentKeepAliveTimeoutBuffer;
  this.agentKeepAliveTimeoutBuffer =
    typeof buffer === 'number' && NumberIsFinite(buffer) && buffer >= 0 ?
      buffer : 1000;

  this.on('free', (socket, options) => {
    const name = this.getName(options);

    if (!socket.writable) {
      socket.destroy();
      return;
    }

    const requests = this.requests[name];
    if (requests?.length) {
      const req = ArrayPrototypeShift(requests);
      const reqAsyncRes = req;
      setRequestSocket(this, reqAsyncRes, socket);
      if (requests.length === 0) delete this.requests[name];
      return;
    }

    // Nothing waits for this origin: keep the socket if the request and
    // the pool's limits allow.
    const req = socket._httpMessage;
    if (!req || !req.shouldKeepAlive || !this.keepAlive) {
      socket.destroy();
      return;
    }

    const freeSockets = this.freeSockets[name] || [];
    const freeLen = freeSockets.length;
    let count = freeLen;
    if (this.sockets[name]) count += this.sockets[name].length;

    if (this.totalSocketCount > this.maxTotalSockets ||
        count > this.maxSockets ||
        freeLen >= this.maxFreeSockets ||
        !this.keepSocketAlive(socket)) {
      socket.destroy();
      return;
    }

    this.freeSockets[name] = freeSockets;
    socket._httpMessage = null;
    this.removeSocket(socket, options);
    socket.once('error', freeSocketErrorListener);
    ArrayPrototypePush(freeSockets, socket);
  });

  // A socket closing in another listener's 'free' event is not reused.
  this.on('newListener', maybeEnableKeylog);
}
ObjectSetPrototypeOf(Agent.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(Agent, EventEmitter);

function maybeEnableKeylog(eventName) {
  if (eventName === 'keylog') {
    this.removeListener('newListener', maybeEnableKeylog);
    // TLS sockets report their keys; plain ones never do.
    this[kOnKeylog] = true;
  }
}

Agent.defaultMaxSockets = Infinity;

Agent.prototype.createConnection = net.createConnection;

// The pool key: requests with the same key may share a socket.
Agent.prototype.getName = function getName(options = { __proto__: null }) {
  let name = options.host || 'localhost';
  name += ':';
  if (options.port) name += options.port;
  name += ':';
  if (options.localAddress) name += options.localAddress;
  // Pinning the family changes which sockets are acceptable.
  if (options.family === 4 || options.family === 6) {
    name += `:${options.family}`;
  }
  if (options.socketPath) name += `:${options.socketPath}`;
  return name;
};

Agent.prototype.addRequest = function addRequest(req, options, port,
                                                 localAddress) {
  // Before Node 0.11 this took (req, host, port, localAddress).
  if (typeof options === 'string') {
    options = { __proto__: null, host: options, port, localAddress };
  }

  options = { __proto__: null, ...options, ...this.options };
  if (options.socketPath) options.path = options.socketPath;

  normalizeServerName(options, req);

  const name = this.getName(options);
  this.sockets[name] ||= [];

  const freeSockets = this.freeSockets[name];
  let socket;
  if (freeSockets) {
    while (freeSockets.length && freeSockets[0].destroyed) {
      ArrayPrototypeShift(freeSockets);
    }
    socket = this.scheduling === 'fifo' ?
      ArrayPrototypeShift(freeSockets) :
      ArrayPrototypePop(freeSockets);
    if (!freeSockets.length) delete this.freeSockets[name];
  }

  const sockLen = this.sockets[name].length;

  if (socket) {
    this.reuseSocket(socket, req);
    setRequestSocket(this, req, socket);
    ArrayPrototypePush(this.sockets[name], socket);
  } else if (sockLen < this.maxSockets &&
             this.totalSocketCount < this.maxTotalSockets) {
    this.createSocket(req, options, (err, socket) => {
      if (err) {
        req.onSocket(socket, err);
      } else {
        setRequestSocket(this, req, socket);
      }
    });
  } else {
    // At the limit: the request waits for a socket to be freed.
    this.requests[name] ||= [];
    ArrayPrototypePush(this.requests[name], req);
  }
};

Agent.prototype.createSocket = function createSocket(req, options, cb) {
  options = { __proto__: null, ...options, ...this.options };
  if (options.socketPath) options.path = options.socketPath;

  normalizeServerName(options, req);

  const name = this.getName(options);
  options._agentKey = name;
  options.encoding = null;

  const oncreate = once((err, s) => {
    if (err) return cb(err);
    this.sockets[name] ||= [];
    ArrayPrototypePush(this.sockets[name], s);
    installListeners(this, s, options);
    cb(null, s);
  });

  if (this.keepAlive) {
    options.keepAlive = this.keepAlive;
    options.keepAliveInitialDelay = this.keepAliveMsecs;
  }
  this.totalSocketCount++;
  const newSocket = this.createConnection(options, oncreate);
  if (newSocket) oncreate(null, newSocket);
};

function normalizeServerName(options, req) {
  if (!options.servername && options.servername !== '') {
    options.servername = calculateServerName(options, req);
  }
}

// The name for TLS's SNI: the Host header's host, else options.host.
function calculateServerName(options, req) {
  let servername = options.host;
  const hostHeader = req.getHeader('host');
  if (hostHeader) {
    validateString(hostHeader, 'options.headers.host');
    if (StringPrototypeStartsWith(hostHeader, '[')) {
      const index = StringPrototypeIndexOf(hostHeader, ']');
      servername = index === -1 ? hostHeader :
        StringPrototypeSubstring(hostHeader, 1, index);
    } else {
      servername = StringPrototypeSplit(hostHeader, ':', 1)[0];
    }
  }
  // An IP address cannot be a server name.
  if (net.isIP(servername)) servername = '';
  return servername;
}

function installListeners(agent, s, options) {
  function onFree() {
    agent.emit('free', s, options);
  }
  s.on('free', onFree);

  function onClose(err) {
    // The socket is gone: drop it from the pool, and let a waiting request
    // have a new one.
    agent.totalSocketCount--;
    agent.removeSocket(s, options);
  }
  s.on('close', onClose);

  function onTimeout() {
    // An idle socket times out quietly; a busy one is the request's
    // business.
    const sockets = agent.freeSockets;
    for (const name of ObjectKeys(sockets)) {
      if (ArrayPrototypeIncludes(sockets[name], s)) {
        return s.destroy();
      }
    }
  }
  s.on('timeout', onTimeout);

  function onRemove() {
    // Taken out of the pool (an upgrade, say): it no longer counts.
    agent.totalSocketCount--;
    agent.removeSocket(s, options);
    s.removeListener('close', onClose);
    s.removeListener('free', onFree);
    s.removeListener('timeout', onTimeout);
    s.removeListener('agentRemove', onRemove);
  }
  s.on('agentRemove', onRemove);

  if (agent[kOnKeylog]) {
    s.on('keylog', (line) => agent.emit('keylog', line, s));
  }
}

Agent.prototype.removeSocket = function removeSocket(s, options) {
  const name = this.getName(options);
  const sets = [this.sockets];
  // A destroyed socket may still sit in the free list.
  if (!s.writable) ArrayPrototypePush(sets, this.freeSockets);

  for (let sk = 0; sk < sets.length; sk++) {
    const sockets = sets[sk];
    const list = sockets[name];
    if (list) {
      const index = ArrayPrototypeIndexOf(list, s);
      if (index !== -1) {
        ArrayPrototypeSplice(list, index, 1);
        if (list.length === 0) delete sockets[name];
      }
    }
  }

  const requests = this.requests[name];
  if (requests?.length) {
    const sockLen = this.sockets[name] ? this.sockets[name].length : 0;
    if (sockLen < this.maxSockets &&
        this.totalSocketCount < this.maxTotalSockets) {
      // A socket's place is free: the first waiting request gets a new one.
      const req = requests[0];
      this.createSocket(req, options, (err, socket) => {
        if (err) {
          req.onSocket(socket, err);
        } else {
          socket.emit('free');
        }
      });
    }
  }
};

Agent.prototype.keepSocketAlive = function keepSocketAlive(socket) {
  socket.setKeepAlive(true, this.keepAliveMsecs);
  socket.unref();

  // A server's Keep-Alive: timeout=N, less agentKeepAliveTimeoutBuffer ms
  // (by default a second), shortens the agent's own idle timeout (none
  // without the timeout option, as in Node); a hint that leaves nothing
  // means the socket is not kept.
  let agentTimeout = this.options.timeout || 0;
  let canKeepSocketAlive = true;
  const res = socket._httpMessage?.res;
  if (res) {
    const hint = res.headers['keep-alive'];
    if (hint) {
      const match = RegExpPrototypeExec(kKeepAliveTimeout, hint);
      if (match) {
        const serverHintTimeout = NumberParseInt(match[1]) * 1000 -
          this.agentKeepAliveTimeoutBuffer;
        if (!(serverHintTimeout > 0)) {
          canKeepSocketAlive = false;
        } else if (serverHintTimeout < agentTimeout) {
          agentTimeout = serverHintTimeout;
        }
      }
    }
  }
  if (socket.timeout !== agentTimeout) socket.setTimeout(agentTimeout);
  return canKeepSocketAlive;
};

Agent.prototype.reuseSocket = function reuseSocket(socket, req) {
  socket.removeListener('error', freeSocketErrorListener);
  req.reusedSocket = true;
  socket.ref();
};

Agent.prototype.destroy = function destroy() {
  const sets = [this.freeSockets, this.sockets];
  for (let s = 0; s < sets.length; s++) {
    const set = sets[s];
    const lists = ObjectValues(set);
    for (let v = 0; v < lists.length; v++) {
      const list = lists[v];
      // destroy() removes the socket from the list as we go.
      const copy = [...list];
      for (let i = 0; i < copy.length; i++) copy[i].destroy();
    }
  }
};

function setRequestSocket(agent, req, socket) {
  req.onSocket(socket);
  const agentTimeout = agent.options.timeout || 0;
  if (req.timeout === undefined || req.timeout === agentTimeout) return;
  socket.setTimeout(req.timeout);
}

const globalAgent = new Agent({
  keepAlive: true, scheduling: 'lifo', timeout: 5000,
});

// http.globalAgent assigns this property; requests read it each time.
module.exports = {
  Agent,
  globalAgent,
};
