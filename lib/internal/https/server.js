'use strict';

// https.Server: a tls.Server whose secure connections go to http's
// connection handling (internal/http/server).

const {
  FunctionPrototypeCall,
  ObjectSetPrototypeOf,
  ReflectApply,
  SymbolAsyncDispose,
} = primordials;

const tls = require('tls');
const {
  Server: HttpServer,
  _connectionListener,
  httpServerPreClose,
  setupConnectionsTracking,
  storeHTTPOptions,
} = require('internal/http/server');
const { kEmptyObject, promisify } = require('internal/util');
const { validateObject } = require('internal/validators');

function Server(opts, requestListener) {
  if (!(this instanceof Server)) return new Server(opts, requestListener);

  let ALPNProtocols = ['http/1.1'];
  if (typeof opts === 'function') {
    requestListener = opts;
    opts = kEmptyObject;
  } else if (opts == null) {
    opts = kEmptyObject;
  } else {
    validateObject(opts, 'options');
    // ALPNProtocols and ALPNCallback exclude each other: no default then.
    if (opts.ALPNProtocols || opts.ALPNCallback) ALPNProtocols = undefined;
  }

  FunctionPrototypeCall(storeHTTPOptions, this, opts);
  FunctionPrototypeCall(tls.Server, this,
                        { noDelay: true, ALPNProtocols, ...opts },
                        _connectionListener);

  this.httpAllowHalfOpen = false;
  if (requestListener) this.addListener('request', requestListener);

  // A failed handshake is a client error to http.
  this.addListener('tlsClientError', function onTLSClientError(err, conn) {
    if (!this.emit('clientError', err, conn)) conn.destroy(err);
  });

  this.timeout = 0;
  this.maxHeadersCount = null;
  this.on('listening', setupConnectionsTracking);
}
ObjectSetPrototypeOf(Server.prototype, tls.Server.prototype);
ObjectSetPrototypeOf(Server, tls.Server);

Server.prototype.closeAllConnections =
  HttpServer.prototype.closeAllConnections;
Server.prototype.closeIdleConnections =
  HttpServer.prototype.closeIdleConnections;
Server.prototype.setTimeout = HttpServer.prototype.setTimeout;

Server.prototype.close = function close() {
  httpServerPreClose(this);
  ReflectApply(tls.Server.prototype.close, this, arguments);
  return this;
};

Server.prototype[SymbolAsyncDispose] = async function() {
  await FunctionPrototypeCall(promisify(this.close), this);
};

module.exports = {
  Server,
};
