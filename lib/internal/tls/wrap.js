'use strict';

// tls.TLSSocket, tls.Server and tls.connect().
//
// A TLSSocket is a net.Socket whose handle is a TLSWrap (src/tls_wrap.cc)
// stacked on a stream handle: the TCP or pipe handle of a net.Socket, one
// it creates itself, or the JSStream of a JSStreamSocket when it wraps any
// other Duplex. The TLSWrap reads and writes like the handle it covers;
// the methods below drive the TLS side (handshake events, verification,
// sessions, SNI, ALPN, OCSP, PSK).

const {
  ArrayBufferPrototypeSlice,
  ArrayIsArray,
  ArrayPrototypeIndexOf,
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  FunctionPrototypeCall,
  ObjectAssign,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  ReflectApply,
  RegExp,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  StringPrototypeReplaceAll,
  StringPrototypeSlice,
  Symbol,
  SymbolFor,
} = primordials;

const EventEmitter = require('events');
const net = require('net');
const { setImmediate } = require('timers');
const { TCP, constants: TCPConstants } = internalBinding('tcp_wrap');
const { Pipe, constants: PipeConstants } = internalBinding('pipe_wrap');
const { TLSWrap, wrap: wrapHandle } = internalBinding('tls_wrap');
const { owner_symbol } = internalBinding('symbols');
const {
  SecureContext: NativeSecureContext,
} = internalBinding('crypto');
const {
  ConnResetException,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_MULTIPLE_CALLBACK,
    ERR_OUT_OF_RANGE,
    ERR_SOCKET_CLOSED,
    ERR_TLS_ALPN_CALLBACK_INVALID_RESULT,
    ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS,
    ERR_TLS_DH_PARAM_SIZE,
    ERR_TLS_HANDSHAKE_TIMEOUT,
    ERR_TLS_INVALID_CONTEXT,
    ERR_TLS_INVALID_STATE,
    ERR_TLS_RENEGOTIATION_DISABLED,
    ERR_TLS_REQUIRED_SERVER_NAME,
    ERR_TLS_SESSION_ATTACK,
    ERR_TLS_SNI_FROM_SERVER,
  },
} = require('internal/errors');
const { kReinitializeHandle } = require('internal/net');
const {
  getAllowUnauthorized,
  getOptionValue,
} = require('internal/options');
const { kEmptyObject } = require('internal/util');
const { isArrayBufferView, isUint8Array } = require('internal/util/types');
const {
  validateBoolean,
  validateBuffer,
  validateFunction,
  validateInt32,
  validateNumber,
  validateObject,
  validateString,
  validateUint32,
} = require('internal/validators');
const {
  SecureContext,
  createSecureContext,
} = require('internal/tls/secure-context');
const { translatePeerCertificate } = require('internal/tls/certificate');

let debug = require('internal/util/debuglog').debuglog('tls', (fn) => {
  debug = fn;
});

let Buffer;
function lazyBuffer() {
  Buffer ??= require('buffer').Buffer;
  return Buffer;
}

let JSStreamSocket;
function lazyJSStreamSocket() {
  JSStreamSocket ??= require('internal/js_stream_socket');
  return JSStreamSocket;
}

// tls's settable defaults (DEFAULT_CIPHERS, CLIENT_RENEG_LIMIT, ...).
function tls() {
  return require('tls');
}

const kConnectOptions = Symbol('connect-options');
const kDisableRenegotiation = Symbol('disable-renegotiation');
const kErrorEmitted = Symbol('error-emitted');
const kHandshakeTimeout = Symbol('handshake-timeout');
const kRes = Symbol('res');
const kSNICallback = Symbol('snicallback');
const kALPNCallback = Symbol('alpncallback');
const kEnableTrace = Symbol('enableTrace');
const kPskCallback = Symbol('pskcallback');
const kPskIdentityHint = Symbol('pskidentityhint');
const kPendingSession = Symbol('pendingSession');
const kIsVerified = Symbol('verified');

function noop() {}

let ipServernameWarned = false;
let traceWarned = false;
let keylogWarned = false;
let keylogErrorWarned = false;

// --- ALPN ---------------------------------------------------------------

// ['h2', 'http/1.1'] as the wire format: each name after its length byte.
function encodeProtocols(protocols) {
  const B = lazyBuffer();
  const lengths = [];
  let total = 0;
  for (let i = 0; i < protocols.length; i++) {
    const length = B.byteLength(protocols[i]);
    if (length > 255) {
      throw new ERR_OUT_OF_RANGE('The byte length of the protocol at index ' +
        `${i} exceeds the maximum length.`, '<= 255', length, true);
    }
    ArrayPrototypePush(lengths, length);
    total += 1 + length;
  }
  const out = B.allocUnsafe(total);
  let at = 0;
  for (let i = 0; i < protocols.length; i++) {
    out[at++] = lengths[i];
    out.write(protocols[i], at);
    at += lengths[i];
  }
  return out;
}

function convertALPNProtocols(protocols, out) {
  const B = lazyBuffer();
  if (ArrayIsArray(protocols)) {
    out.ALPNProtocols = encodeProtocols(protocols);
  } else if (isUint8Array(protocols)) {
    // A copy: the caller may change theirs later.
    out.ALPNProtocols = B.from(protocols);
  } else if (isArrayBufferView(protocols)) {
    out.ALPNProtocols = B.from(ArrayBufferPrototypeSlice(
      protocols.buffer, protocols.byteOffset,
      protocols.byteOffset + protocols.byteLength));
  }
}

// --- Callbacks of the TLSWrap (`this` is the handle) --------------------

// Servers count handshakes to limit renegotiation by clients.
function onhandshakestart(now) {
  debug('server onhandshakestart');
  const previous = this.lastHandshakeTime;
  this.lastHandshakeTime = now;
  if (previous === 0) return;
  const { CLIENT_RENEG_WINDOW, CLIENT_RENEG_LIMIT } = tls();
  if (now - previous >= CLIENT_RENEG_WINDOW * 1000) {
    this.handshakes = 1;
  } else {
    this.handshakes++;
  }
  const owner = this[owner_symbol];
  if (this.handshakes > CLIENT_RENEG_LIMIT) {
    owner._emitTLSError(new ERR_TLS_SESSION_ATTACK());
    return;
  }
  if (owner[kDisableRenegotiation]) {
    owner._emitTLSError(new ERR_TLS_RENEGOTIATION_DISABLED());
  }
}

function onhandshakedone() {
  debug('server onhandshakedone');
  const owner = this[owner_symbol];
  // 'secure' waits for the 'newSession' listener to finish.
  if (owner._newSessionPending) {
    owner._securePending = true;
    return;
  }
  owner._finishInit();
}

// The client's hello, when the server has session listeners: a
// 'resumeSession' listener may supply the session it names.
function onclienthello(hello) {
  debug('server onclienthello', hello.sessionId.length, hello.tlsTicket);
  const owner = this[owner_symbol];
  let called = false;
  function done(err, session) {
    if (called) return owner.destroy(new ERR_MULTIPLE_CALLBACK());
    called = true;
    if (err) return owner.destroy(err);
    if (owner._handle === null) return owner.destroy(new ERR_SOCKET_CLOSED());
    owner._handle.loadSession(session);
    owner._handle.endParser();
  }
  // Nothing to look up: no id, a ticket (resumes by itself), or nobody
  // listening.
  if (hello.sessionId.length <= 0 || hello.tlsTicket ||
      (owner.server &&
       !owner.server.emit('resumeSession', hello.sessionId, done))) {
    owner._handle.endParser();
  }
}

// Before the server picks its certificate: SNI, then OCSP stapling.
function oncertcb(info) {
  const owner = this[owner_symbol];
  const servername = info.servername;
  if (!servername || !owner._SNICallback) return requestOCSP(owner, info);
  let called = false;
  owner._SNICallback(servername, (err, context) => {
    if (called) return owner.destroy(new ERR_MULTIPLE_CALLBACK());
    called = true;
    if (err) return owner.destroy(err);
    if (owner._handle === null) return owner.destroy(new ERR_SOCKET_CLOSED());
    if (context) owner._handle.sni_context = context.context || context;
    requestOCSP(owner, info);
  });
}

function requestOCSP(socket, info) {
  if (!info.OCSPRequest || !socket.server) return requestOCSPDone(socket);
  let ctx = socket._handle.sni_context;
  if (!ctx) {
    ctx = socket.server._sharedCreds;
    // A plain net.Server has no credentials to ask about.
    if (!ctx) return requestOCSPDone(socket);
  }
  if (ctx.context) ctx = ctx.context;
  if (socket.server.listenerCount('OCSPRequest') === 0) {
    return requestOCSPDone(socket);
  }
  let called = false;
  const done = (err, response) => {
    if (called) return socket.destroy(new ERR_MULTIPLE_CALLBACK());
    called = true;
    if (err) return socket.destroy(err);
    if (socket._handle === null) {
      return socket.destroy(new ERR_SOCKET_CLOSED());
    }
    if (response) socket._handle.setOCSPResponse(response);
    requestOCSPDone(socket);
  };
  socket.server.emit('OCSPRequest', ctx.getCertificate(), ctx.getIssuer(),
                     done);
}

function requestOCSPDone(socket) {
  try {
    socket._handle.certCbDone();
  } catch (err) {
    socket.destroy(err);
  }
}

// The program's ALPNCallback picks from the client's protocols; the
// native side gets the chosen one's offset in the wire format.
function onALPNCallback(buffer) {
  const socket = this[owner_symbol];
  const protocols = [];
  let at = 0;
  while (at < buffer.length) {
    const length = buffer[at++];
    ArrayPrototypePush(protocols,
                       buffer.toString('ascii', at, at + length));
    at += length;
  }
  const selected = socket[kALPNCallback]({
    servername: this.getServername(),
    protocols,
  });
  // Nothing chosen: every proposal is refused.
  if (selected === undefined) return undefined;
  const index = ArrayPrototypeIndexOf(protocols, selected);
  if (index === -1) {
    throw new ERR_TLS_ALPN_CALLBACK_INVALID_RESULT(selected, protocols);
  }
  let offset = 0;
  for (let i = 0; i < index; i++) offset += 1 + protocols[i].length;
  return offset;
}

// A server's new session: the handshake's end waits for 'newSession'.
function onnewsession(sessionId, session) {
  debug('onnewsession');
  const owner = this[owner_symbol];
  if (!owner.server) return;
  let called = false;
  const done = () => {
    if (called) return;
    called = true;
    if (owner._handle === null) return owner.destroy(new ERR_SOCKET_CLOSED());
    this.newSessionDone();
    owner._newSessionPending = false;
    if (owner._securePending) owner._finishInit();
    owner._securePending = false;
  };
  owner._newSessionPending = true;
  if (!owner.server.emit('newSession', sessionId, session, done)) done();
}

// A client's session (TLS 1.3 sends tickets after the handshake): held
// back until the server's certificate has been checked.
function onnewsessionclient(sessionId, session) {
  const owner = this[owner_symbol];
  if (owner[kIsVerified]) {
    owner.emit('session', session);
  } else {
    owner[kPendingSession] = session;
  }
}

function onPskServerCallback(identity, maxPskLen) {
  const owner = this[owner_symbol];
  const ret = owner[kPskCallback](owner, identity);
  if (ret == null) return undefined;
  let psk;
  if (isArrayBufferView(ret)) {
    psk = ret;
  } else {
    if (typeof ret !== 'object') {
      throw new ERR_INVALID_ARG_TYPE(
        'ret', ['Object', 'Buffer', 'TypedArray', 'DataView'], ret);
    }
    psk = ret.psk;
    validateBuffer(psk, 'psk');
  }
  if (psk.length > maxPskLen) {
    throw new ERR_INVALID_ARG_VALUE(
      'psk', psk, `Pre-shared key exceeds ${maxPskLen} bytes`);
  }
  return psk;
}

function onPskClientCallback(hint, maxPskLen, maxIdentityLen) {
  const owner = this[owner_symbol];
  const ret = owner[kPskCallback](hint);
  if (ret == null) return undefined;
  validateObject(ret, 'ret');
  validateBuffer(ret.psk, 'psk');
  if (ret.psk.length > maxPskLen) {
    throw new ERR_INVALID_ARG_VALUE(
      'psk', ret.psk, `Pre-shared key exceeds ${maxPskLen} bytes`);
  }
  validateString(ret.identity, 'identity');
  if (lazyBuffer().byteLength(ret.identity) > maxIdentityLen) {
    throw new ERR_INVALID_ARG_VALUE(
      'identity', ret.identity,
      `PSK identity exceeds ${maxIdentityLen} bytes`);
  }
  return { psk: ret.psk, identity: ret.identity };
}

// The name the client asked for, known before the certificate is chosen
// (so that 'tlsClientError' listeners see it too).
function onservername(name) {
  this[owner_symbol].servername = name;
}

function onkeylog(line) {
  this[owner_symbol].emit('keylog', line);
}

function onocspresponse(response) {
  this[owner_symbol].emit('OCSPResponse', response);
}

function onerror(err) {
  const owner = this[owner_symbol];
  if (owner._hadError) return;
  owner._hadError = true;
  if (!owner._secureEstablished) {
    // A failed handshake ends the socket; 'tlsClientError' still needs it.
    owner._closeAfterHandlingError = true;
    owner.destroy(err);
  } else if (owner._tlsOptions?.isServer && owner._rejectUnauthorized &&
             RegExpPrototypeExec(/peer did not return a certificate/,
                                 err.message) !== null) {
    // The server's own rejection of the client: no error to report.
    owner.destroy();
  } else {
    owner._emitTLSError(err);
  }
}

// Reading starts on the next tick, after the caller added listeners; what
// the wrapped socket had already read is handed over first.
function initRead(tlsSocket, socket) {
  if (!tlsSocket._handle) return;
  if (socket?.readableLength) {
    let chunk;
    while ((chunk = socket.read()) !== null) tlsSocket._handle.receive(chunk);
  }
  tlsSocket.read(0);
}

// --- TLSSocket ----------------------------------------------------------

function TLSSocket(socket, opts) {
  const tlsOptions = { ...opts };
  let enableTrace = tlsOptions.enableTrace;
  if (enableTrace == null) {
    enableTrace = getOptionValue('--trace-tls');
    if (enableTrace && !traceWarned) {
      traceWarned = true;
      process.emitWarning('Enabling --trace-tls can expose sensitive data ' +
                          'in the resulting log.');
    }
  } else {
    validateBoolean(enableTrace, 'options.enableTrace');
  }

  if (tlsOptions.ALPNProtocols) {
    convertALPNProtocols(tlsOptions.ALPNProtocols, tlsOptions);
  }

  this._tlsOptions = tlsOptions;
  this._secureEstablished = false;
  this._securePending = false;
  this._newSessionPending = false;
  this._controlReleased = false;
  this.secureConnecting = true;
  this._SNICallback = null;
  this[kALPNCallback] = null;
  this.servername = null;
  this.alpnProtocol = null;
  this.authorized = false;
  this.authorizationError = null;
  this[kRes] = null;
  this[kIsVerified] = false;
  this[kPendingSession] = null;

  let wrap = null;
  let handle = null;
  let previousWrites = false;
  if (socket) {
    // A connected net.Socket lends its handle; anything else (a Duplex,
    // an unconnected socket) goes through a JSStreamSocket.
    wrap = socket instanceof net.Socket && socket._handle ? socket :
      new (lazyJSStreamSocket())(socket);
    handle = wrap._handle;
    previousWrites = wrap.writableLength > 0;
  }

  // Documented: tells secure sockets apart.
  this.encrypted = true;

  ReflectApply(net.Socket, this, [{
    handle: this._wrapHandle(wrap, handle, previousWrites),
    allowHalfOpen: socket ? socket.allowHalfOpen : tlsOptions.allowHalfOpen,
    pauseOnCreate: tlsOptions.pauseOnConnect,
    manualStart: true,
    highWaterMark: tlsOptions.highWaterMark,
    onread: !socket ? tlsOptions.onread : null,
    signal: tlsOptions.signal,
  }]);

  // The handle under its old name.
  this.ssl = this._handle;

  this.on('error', this._tlsError);
  this._init(socket, wrap);

  if (enableTrace && this._handle) this._handle.enableTrace();

  if (previousWrites) {
    // TLS output waits for what the socket's previous owner wrote: this
    // empty write is queued behind it.
    wrap.write('', (err) => {
      if (err) {
        this.destroy(err);
        return;
      }
      this._handle?.writesIssuedByPrevListenerDone();
    });
  }

  process.nextTick(initRead, this, socket);
}
ObjectSetPrototypeOf(TLSSocket.prototype, net.Socket.prototype);
ObjectSetPrototypeOf(TLSSocket, net.Socket);

// The handle methods net.Socket calls that belong to the stream below.
const kParentMethods = [
  'ref', 'unref', 'open', 'bind', 'listen', 'connect', 'bind6', 'connect6',
  'getsockname', 'getpeername', 'setNoDelay', 'setKeepAlive',
  'setSimultaneousAccepts', 'setBlocking', 'setPendingInstances',
];
for (let i = 0; i < kParentMethods.length; i++) {
  const name = kParentMethods[i];
  TLSWrap.prototype[name] = function(...args) {
    const parent = this._parent;
    if (parent[name]) return ReflectApply(parent[name], parent, args);
  };
}

// hasRef() belongs to the stream below too (it is not on every handle).
TLSWrap.prototype.hasRef = function hasRef() {
  return typeof this._parent?.hasRef === 'function' ?
    this._parent.hasRef() : false;
};

// Closing a TLSWrap closes what is under it; the SSL object goes after.
TLSWrap.prototype.close = function close(cb) {
  let ssl;
  if (this[owner_symbol]) {
    ssl = this[owner_symbol].ssl;
    this[owner_symbol].ssl = null;
  }
  const done = () => {
    if (ssl) {
      ssl.destroySSL();
      if (ssl._secureContext.singleUse) {
        ssl._secureContext.context.close();
        ssl._secureContext.context = null;
      }
    }
    if (cb) cb();
  };
  const parentWrap = this._parentWrap;
  if (parentWrap) {
    if (parentWrap._handle === null) {
      done();
      return;
    }
    if (parentWrap._handle === this._parent) {
      parentWrap.once('close', done);
      parentWrap.destroy();
      return;
    }
  }
  return this._parent.close(done);
};

TLSSocket.prototype.disableRenegotiation = function disableRenegotiation() {
  this[kDisableRenegotiation] = true;
};

TLSSocket.prototype._wrapHandle = function(wrap, handle, previousWrites) {
  const options = this._tlsOptions;
  if (!handle) {
    handle = options.pipe ?
      new Pipe(PipeConstants.SOCKET) :
      new TCP(TCPConstants.SOCKET);
    handle[owner_symbol] = this;
  }
  const context = options.secureContext || options.credentials ||
    tls().createSecureContext(options);
  if (!handle.isStreamBase) {
    throw new ERR_INVALID_ARG_TYPE('handle', 'StreamBase', handle);
  }
  if (!(context.context instanceof NativeSecureContext)) {
    throw new ERR_TLS_INVALID_CONTEXT('context');
  }
  const res = wrapHandle(handle, context.context, !!options.isServer,
                         previousWrites);
  res._parent = handle;
  res._parentWrap = wrap;
  res._secureContext = context;
  res.reading = handle.reading;
  this[kRes] = res;
  // The stream below reports the TLSWrap's reading state (net.Socket of
  // the wrapped socket looks at it).
  const self = this;
  ObjectDefineProperty(handle, 'reading', {
    __proto__: null,
    configurable: true,
    get() { return self[kRes]?.reading; },
    set(value) { if (self[kRes]) self[kRes].reading = value; },
  });
  if (this.listenerCount('close', onSocketCloseDestroySSL) === 0) {
    this.on('close', onSocketCloseDestroySSL);
  }
  if (wrap) wrap.on('close', () => this.destroy());
  return res;
};

// Happy eyeballs gave the socket another TCP handle: wrap it afresh.
TLSSocket.prototype[kReinitializeHandle] = function(handle) {
  const servername = this.ssl ? this._handle.getServername() : null;
  const session = this.ssl ? this._handle.getSession() : null;
  this.handle = this._wrapHandle(null, handle, false);
  this.ssl = this._handle;
  FunctionPrototypeCall(net.Socket.prototype[kReinitializeHandle], this,
                        this.handle);
  this._init();
  if (this._tlsOptions.enableTrace) this._handle.enableTrace();
  if (session) this.setSession(session);
  if (servername) this.setServername(servername);
};

function onSocketCloseDestroySSL() {
  // Never inside OpenSSL's own stack.
  setImmediate(destroySSL, this);
  this[kRes] = null;
}

function destroySSL(socket) {
  socket._destroySSL();
}

TLSSocket.prototype._destroySSL = function _destroySSL() {
  if (!this.ssl) return;
  this.ssl.destroySSL();
  if (this.ssl._secureContext.singleUse) {
    this.ssl._secureContext.context.close();
    this.ssl._secureContext.context = null;
  }
  this.ssl = null;
  this[kPendingSession] = null;
  this[kIsVerified] = false;
};

// Only sockets with a 'keylog' or 'session' listener pay for them.
function keylogNewListener(event) {
  if (event !== 'keylog') return;
  if (!this._handle) return;
  this._handle.enableKeylogCallback();
  this.removeListener('newListener', keylogNewListener);
}

function sessionNewListener(event) {
  if (event !== 'session') return;
  if (!this._handle) return;
  this._handle.enableSessionCallbacks();
  this.removeListener('newListener', sessionNewListener);
}

TLSSocket.prototype._init = function(socket, wrap) {
  const options = this._tlsOptions;
  const ssl = this._handle;
  this.server = options.server;

  // Clients always check the server; servers ask for a client
  // certificate only when told to.
  const requestCert = !!options.requestCert || !options.isServer;
  const rejectUnauthorized = !!options.rejectUnauthorized;
  this._requestCert = requestCert;
  this._rejectUnauthorized = rejectUnauthorized;
  if (requestCert || rejectUnauthorized) {
    ssl.setVerifyMode(requestCert, rejectUnauthorized);
  }

  ssl.onkeylog = onkeylog;
  if (this.listenerCount('newListener', keylogNewListener) === 0) {
    this.on('newListener', keylogNewListener);
  }

  if (options.isServer) {
    ssl.onhandshakestart = onhandshakestart;
    ssl.onhandshakedone = onhandshakedone;
    ssl.onclienthello = onclienthello;
    ssl.oncertcb = oncertcb;
    ssl.onnewsession = onnewsession;
    ssl.onservername = onservername;
    ssl.lastHandshakeTime = 0;
    ssl.handshakes = 0;
    if (options.ALPNCallback) {
      validateFunction(options.ALPNCallback, 'options.ALPNCallback');
      this[kALPNCallback] = options.ALPNCallback;
      ssl.ALPNCallback = onALPNCallback;
      ssl.enableALPNCb();
    }
    if (this.server) {
      if (this.server.listenerCount('resumeSession') > 0 ||
          this.server.listenerCount('newSession') > 0) {
        ssl.enableSessionCallbacks();
      }
      if (this.server.listenerCount('OCSPRequest') > 0) ssl.enableCertCb();
    }
  } else {
    ssl.onhandshakestart = noop;
    ssl.onhandshakedone = () => {
      debug('client onhandshakedone');
      this._finishInit();
    };
    ssl.onocspresponse = onocspresponse;
    if (options.session) ssl.setSession(options.session);
    ssl.onnewsession = onnewsessionclient;
    if (this.listenerCount('newListener', sessionNewListener) === 0) {
      this.on('newListener', sessionNewListener);
    }
  }

  const keylogFile = getOptionValue('--tls-keylog');
  if (keylogFile) {
    if (!keylogWarned) {
      keylogWarned = true;
      process.emitWarning('Using --tls-keylog makes TLS connections ' +
        'insecure by writing secret key material to file ' + keylogFile);
    }
    this.on('keylog', (line) => {
      require('fs').appendFile(keylogFile, line, { mode: 0o600 }, (err) => {
        if (err && !keylogErrorWarned) {
          keylogErrorWarned = true;
          process.emitWarning('Failed to write TLS keylog (this warning ' +
            'will not be repeated): ' + err);
        }
      });
    });
  }

  ssl.onerror = onerror;

  // SNI: the program's callback, or the server's addContext() list.
  if (options.isServer && options.SNICallback &&
      (options.SNICallback !== SNICallback ||
       (options.server && options.server._contexts.length))) {
    validateFunction(options.SNICallback, 'options.SNICallback');
    this._SNICallback = options.SNICallback;
    ssl.enableCertCb();
  }

  if (options.ALPNProtocols) ssl.setALPNProtocols(options.ALPNProtocols);

  if (options.pskCallback && ssl.enablePskCallback) {
    validateFunction(options.pskCallback, 'pskCallback');
    ssl.onpskexchange = options.isServer ? onPskServerCallback :
      onPskClientCallback;
    this[kPskCallback] = options.pskCallback;
    ssl.enablePskCallback();
    if (options.pskIdentityHint) {
      validateString(options.pskIdentityHint, 'options.pskIdentityHint');
      ssl.setPskIdentityHint(options.pskIdentityHint);
    }
  }

  // A handle replaced by happy eyeballs keeps the server name.
  const connectOptions = this[kConnectOptions];
  if (!options.isServer && connectOptions?.servername) {
    this.setServername(connectOptions.servername);
  }

  if (options.handshakeTimeout > 0) {
    this.setTimeout(options.handshakeTimeout, this._handleTimeout);
  }

  if (socket instanceof net.Socket) {
    this._parent = socket;
    // Still connecting: 'connect' is relayed.
    this.connecting = socket.connecting || !socket._handle;
    socket.once('connect', () => {
      this.connecting = false;
      this.emit('connect');
    });
  }

  if (wrap) {
    wrap.on('error', (err) => this._emitTLSError(err));
  } else if (!socket) {
    // tls.connect() connects the socket itself.
    this.connecting = true;
  }
};

TLSSocket.prototype.renegotiate = function(options, callback) {
  validateObject(options, 'options');
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (this.destroyed) return;

  let requestCert = !!this._requestCert;
  let rejectUnauthorized = !!this._rejectUnauthorized;
  if (options.requestCert !== undefined) requestCert = !!options.requestCert;
  if (options.rejectUnauthorized !== undefined) {
    rejectUnauthorized = !!options.rejectUnauthorized;
  }
  if (requestCert !== this._requestCert ||
      rejectUnauthorized !== this._rejectUnauthorized) {
    this._handle.setVerifyMode(requestCert, rejectUnauthorized);
    this._requestCert = requestCert;
    this._rejectUnauthorized = rejectUnauthorized;
  }
  // Empty writes push OpenSSL's state machine along.
  this.write('');
  try {
    this._handle.renegotiate();
  } catch (err) {
    if (callback) process.nextTick(callback, err);
    return false;
  }
  this.write('');
  if (callback) this.once('secure', () => callback(null));
  return true;
};

TLSSocket.prototype.exportKeyingMaterial = function(length, label, context) {
  validateUint32(length, 'length', true);
  validateString(label, 'label');
  if (context !== undefined) validateBuffer(context, 'context');
  if (!this._secureEstablished) throw new ERR_TLS_INVALID_STATE();
  return this._handle.exportKeyingMaterial(length, label, context);
};

TLSSocket.prototype.setMaxSendFragment = function setMaxSendFragment(size) {
  validateInt32(size, 'size');
  return this._handle.setMaxSendFragment(size) === 1;
};

TLSSocket.prototype._handleTimeout = function() {
  this._emitTLSError(new ERR_TLS_HANDSHAKE_TIMEOUT());
};

TLSSocket.prototype._emitTLSError = function(err) {
  const e = this._tlsError(err);
  if (e) this.emit('error', e);
};

// Until tls.connect() or the server hands the socket over, TLS errors go
// to '_tlsError' only (the server turns them into 'tlsClientError').
TLSSocket.prototype._tlsError = function(err) {
  this.emit('_tlsError', err);
  if (this._controlReleased) return err;
  return null;
};

TLSSocket.prototype._releaseControl = function() {
  if (this._controlReleased) return false;
  this._controlReleased = true;
  this.removeListener('error', this._tlsError);
  return true;
};

TLSSocket.prototype._finishInit = function() {
  // A handshake that ends after destroy() (TLS 1.3 with OCSP) is ignored.
  if (!this._handle) return;
  this.alpnProtocol = this._handle.getALPNNegotiatedProtocol();
  if (this.servername === null) {
    this.servername = this._handle.getServername();
  }
  debug('%s _finishInit', this._tlsOptions.isServer ? 'server' : 'client',
        this.alpnProtocol, this.servername);
  this._secureEstablished = true;
  if (this._tlsOptions.handshakeTimeout > 0) {
    this.setTimeout(0, this._handleTimeout);
  }
  this.emit('secure');
};

TLSSocket.prototype._start = function() {
  if (this.connecting) {
    this.once('connect', this._start);
    return;
  }
  // Destroyed before the connection was made.
  if (!this._handle) return;
  if (this._tlsOptions.requestOCSP) this._handle.requestOCSP();
  this._handle.start();
};

TLSSocket.prototype.setServername = function(name) {
  validateString(name, 'name');
  if (this._tlsOptions.isServer) throw new ERR_TLS_SNI_FROM_SERVER();
  this._handle.setServername(name);
};

TLSSocket.prototype.setSession = function(session) {
  if (typeof session === 'string') {
    session = lazyBuffer().from(session, 'latin1');
  }
  this._handle.setSession(session);
};

TLSSocket.prototype.getPeerCertificate = function(detailed) {
  if (this._handle) {
    return translatePeerCertificate(
      this._handle.getPeerCertificate(detailed)) || {};
  }
  return null;
};

TLSSocket.prototype.getCertificate = function() {
  if (this._handle) {
    // Not the peer's, but shown the same way.
    return translatePeerCertificate(this._handle.getCertificate()) || {};
  }
  return null;
};

function x509Certificate(der) {
  const { X509Certificate } = require('crypto');
  return new X509Certificate(der);
}

// The peer's certificate; each one's issuerCertificate is the next the
// peer sent, if any.
TLSSocket.prototype.getPeerX509Certificate = function(detailed) {
  const chain = this._handle?.getPeerX509Certificate();
  if (!chain) return undefined;
  let issuer;
  for (let i = chain.length - 1; i >= 0; i--) {
    const cert = x509Certificate(chain[i]);
    ObjectDefineProperty(cert, 'issuerCertificate', {
      __proto__: null, value: issuer, enumerable: false, configurable: true,
    });
    issuer = cert;
  }
  return issuer;
};

TLSSocket.prototype.getX509Certificate = function() {
  const der = this._handle?.getX509Certificate();
  return der ? x509Certificate(der) : undefined;
};

TLSSocket.prototype.setKeyCert = function(context) {
  if (this._handle) {
    const secureContext = context instanceof SecureContext ? context :
      createSecureContext(context);
    this._handle.setKeyCert(secureContext.context);
  }
};

// Handle methods the socket offers as they are (null without a handle).
const kHandleMethods = [
  'getCipher',
  'getSharedSigalgs',
  'getEphemeralKeyInfo',
  'getFinished',
  'getPeerFinished',
  'getProtocol',
  'getSession',
  'getTLSTicket',
  'isSessionReused',
  'enableTrace',
];
for (let i = 0; i < kHandleMethods.length; i++) {
  const name = kHandleMethods[i];
  TLSSocket.prototype[name] = function(...args) {
    if (this._handle) return ReflectApply(this._handle[name], this._handle,
                                          args);
    return null;
  };
}

// --- Server -------------------------------------------------------------

function onServerSocketSecure() {
  if (this._requestCert) {
    const verifyError = this._handle.verifyError();
    if (verifyError) {
      this.authorizationError = verifyError.code;
      if (this._rejectUnauthorized) this.destroy();
    } else {
      this.authorized = true;
    }
  }
  if (!this.destroyed && this._releaseControl()) {
    this.secureConnecting = false;
    this._tlsOptions.server.emit('secureConnection', this);
  }
}

function onSocketTLSError(err) {
  if (!this._controlReleased && !this[kErrorEmitted]) {
    this[kErrorEmitted] = true;
    this._tlsOptions.server.emit('tlsClientError', err, this);
  }
}

function onSocketKeylog(line) {
  this._tlsOptions.server.emit('keylog', line, this);
}

function onSocketClose(err) {
  // An error was reported already.
  if (err) return;
  // Closed during the handshake: the client hung up.
  if (!this._controlReleased && !this[kErrorEmitted]) {
    this[kErrorEmitted] = true;
    this._tlsOptions.server.emit('tlsClientError',
                                 new ConnResetException('socket hang up'),
                                 this);
  }
}

function tlsConnectionListener(rawSocket) {
  const socket = new TLSSocket(rawSocket, {
    secureContext: this._sharedCreds,
    isServer: true,
    server: this,
    requestCert: this.requestCert,
    rejectUnauthorized: this.rejectUnauthorized,
    handshakeTimeout: this[kHandshakeTimeout],
    ALPNProtocols: this.ALPNProtocols,
    ALPNCallback: this.ALPNCallback,
    SNICallback: this[kSNICallback] || SNICallback,
    enableTrace: this[kEnableTrace],
    pauseOnConnect: this.pauseOnConnect,
    pskCallback: this[kPskCallback],
    pskIdentityHint: this[kPskIdentityHint],
  });
  socket.on('secure', onServerSocketSecure);
  if (this.listenerCount('keylog') > 0) socket.on('keylog', onSocketKeylog);
  socket[kErrorEmitted] = false;
  socket.on('close', onSocketClose);
  socket.on('_tlsError', onSocketTLSError);
}

function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);

  if (typeof options === 'function') {
    listener = options;
    options = kEmptyObject;
  } else if (options == null || typeof options === 'object') {
    options ??= kEmptyObject;
  } else {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }

  this._contexts = [];
  this.requestCert = options.requestCert === true;
  this.rejectUnauthorized = options.rejectUnauthorized !== false;

  this.ALPNCallback = options.ALPNCallback;
  if (this.ALPNCallback && options.ALPNProtocols) {
    throw new ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS();
  }

  if (options.sessionTimeout) this.sessionTimeout = options.sessionTimeout;
  if (options.ticketKeys) this.ticketKeys = options.ticketKeys;
  if (options.ALPNProtocols) {
    convertALPNProtocols(options.ALPNProtocols, this);
  }

  this.setSecureContext(options);

  this[kHandshakeTimeout] = options.handshakeTimeout || (120 * 1000);
  this[kSNICallback] = options.SNICallback;
  this[kPskCallback] = options.pskCallback;
  this[kPskIdentityHint] = options.pskIdentityHint;

  validateNumber(this[kHandshakeTimeout], 'options.handshakeTimeout');
  if (this[kSNICallback]) {
    validateFunction(this[kSNICallback], 'options.SNICallback');
  }
  if (this[kPskCallback]) {
    validateFunction(this[kPskCallback], 'options.pskCallback');
  }
  if (this[kPskIdentityHint]) {
    validateString(this[kPskIdentityHint], 'options.pskIdentityHint');
  }

  ReflectApply(net.Server, this, [options, tlsConnectionListener]);

  if (listener) this.on('secureConnection', listener);
  this[kEnableTrace] = options.enableTrace;
}
ObjectSetPrototypeOf(Server.prototype, net.Server.prototype);
ObjectSetPrototypeOf(Server, net.Server);

// The credentials and settings every connection starts with; the server
// keeps the options it was given as properties.
Server.prototype.setSecureContext = function(options) {
  validateObject(options, 'options');

  this.pfx = options.pfx || undefined;
  this.key = options.key || undefined;
  this.passphrase = options.passphrase || undefined;
  this.cert = options.cert || undefined;
  this.clientCertEngine = options.clientCertEngine || undefined;
  this.ca = options.ca || undefined;
  this.minVersion = options.minVersion || undefined;
  this.maxVersion = options.maxVersion || undefined;
  this.secureProtocol = options.secureProtocol || undefined;
  this.crl = options.crl || undefined;
  this.sigalgs = options.sigalgs;
  this.ciphers = options.ciphers || undefined;
  this.ecdhCurve = options.ecdhCurve;
  this.dhparam = options.dhparam || undefined;
  this.honorCipherOrder = options.honorCipherOrder !== undefined ?
    !!options.honorCipherOrder : true;
  this.secureOptions = options.secureOptions || undefined;
  if (options.sessionIdContext) {
    this.sessionIdContext = options.sessionIdContext;
  } else {
    // Sessions resume only with a server started the same way.
    this.sessionIdContext = StringPrototypeSlice(
      require('crypto').createHash('sha1')
        .update(ArrayPrototypeJoin(process.argv, ' '))
        .digest('hex'),
      0, 32);
  }
  if (options.sessionTimeout) this.sessionTimeout = options.sessionTimeout;
  if (options.ticketKeys) this.ticketKeys = options.ticketKeys;
  this.privateKeyIdentifier = options.privateKeyIdentifier;
  this.privateKeyEngine = options.privateKeyEngine;

  this._sharedCreds = createSecureContext({
    pfx: this.pfx,
    key: this.key,
    passphrase: this.passphrase,
    cert: this.cert,
    clientCertEngine: this.clientCertEngine,
    ca: this.ca,
    ciphers: this.ciphers,
    sigalgs: this.sigalgs,
    ecdhCurve: this.ecdhCurve,
    dhparam: this.dhparam,
    minVersion: this.minVersion,
    maxVersion: this.maxVersion,
    secureProtocol: this.secureProtocol,
    secureOptions: this.secureOptions,
    honorCipherOrder: this.honorCipherOrder,
    crl: this.crl,
    sessionIdContext: this.sessionIdContext,
    ticketKeys: this.ticketKeys,
    sessionTimeout: this.sessionTimeout,
    privateKeyIdentifier: this.privateKeyIdentifier,
    privateKeyEngine: this.privateKeyEngine,
  });
};

Server.prototype._getServerData = function() {
  return { ticketKeys: this.getTicketKeys().toString('hex') };
};

Server.prototype._setServerData = function(data) {
  this.setTicketKeys(lazyBuffer().from(data.ticketKeys, 'hex'));
};

Server.prototype.getTicketKeys = function getTicketKeys() {
  return this._sharedCreds.context.getTicketKeys();
};

Server.prototype.setTicketKeys = function setTicketKeys(keys) {
  validateBuffer(keys);
  if (keys.byteLength !== 48) {
    const { AssertionError } = require('assert');
    throw new AssertionError({
      message: 'Session ticket keys must be a 48-byte buffer',
    });
  }
  this._sharedCreds.context.setTicketKeys(keys);
};

// addContext('*.example.com', options): a context for matching SNI names
// (the last one added wins).
Server.prototype.addContext = function(servername, context) {
  if (!servername) throw new ERR_TLS_REQUIRED_SERVER_NAME();
  const escaped = RegExpPrototypeSymbolReplace(/([.^$+?\-\\[\]{}])/g,
                                               servername, '\\$1');
  const re = new RegExp(`^${StringPrototypeReplaceAll(escaped, '*',
                                                       '[^.]*')}$`);
  const secureContext = context instanceof SecureContext ? context :
    createSecureContext(context);
  ArrayPrototypePush(this._contexts, [re, secureContext.context]);
};

Server.prototype[EventEmitter.captureRejectionSymbol] = function(
  err, event, sock) {
  if (event === 'secureConnection') {
    sock.destroy(err);
    return;
  }
  ReflectApply(net.Server.prototype[SymbolFor('nodejs.rejection')], this,
               [err, event, sock]);
};

// The default SNICallback: the server's addContext() list.
function SNICallback(servername, callback) {
  const contexts = this.server._contexts;
  for (let i = contexts.length - 1; i >= 0; i--) {
    if (RegExpPrototypeExec(contexts[i][0], servername) !== null) {
      callback(null, contexts[i][1]);
      return;
    }
  }
  callback(null, undefined);
}

function createServer(options, listener) {
  return new Server(options, listener);
}

// --- connect ------------------------------------------------------------

// [port][, host][, options][, callback]: net's forms, with the TLS options
// merged in (an explicit options object wins over port and host).
function normalizeConnectArgs(list) {
  const args = net._normalizeArgs(list);
  const options = args[0];
  const cb = args[1];
  if (list[1] !== null && typeof list[1] === 'object') {
    ObjectAssign(options, list[1]);
  } else {
    ObjectAssign(options, list[2]);
  }
  return cb ? [options, cb] : [options];
}

function onConnectSecure() {
  const options = this[kConnectOptions];
  // A Diffie-Hellman group smaller than asked for ends the connection.
  const keyInfo = this.getEphemeralKeyInfo();
  if (keyInfo.type === 'DH' && keyInfo.size < options.minDHSize) {
    const err = new ERR_TLS_DH_PARAM_SIZE(keyInfo.size);
    this.emit('error', err);
    this.destroy();
    return;
  }

  let verifyError = this._handle.verifyError();
  // A resumed session was checked when it was made.
  if (!verifyError && !this.isSessionReused()) {
    const hostname = options.servername || options.host ||
      options.socket?._host || 'localhost';
    const cert = this.getPeerCertificate(true);
    verifyError = options.checkServerIdentity(hostname, cert);
  }

  if (verifyError) {
    this.authorized = false;
    this.authorizationError = verifyError.code || verifyError.message;
    if (options.rejectUnauthorized !== false) {
      this.destroy(verifyError);
      return;
    }
  } else {
    this.authorized = true;
  }
  this.secureConnecting = false;
  this.emit('secureConnect');

  this[kIsVerified] = true;
  const session = this[kPendingSession];
  this[kPendingSession] = null;
  if (session) this.emit('session', session);

  this.removeListener('end', onConnectEnd);
}

function onConnectEnd() {
  // The same wording as http's client.
  if (!this._hadError) {
    const options = this[kConnectOptions];
    this._hadError = true;
    const error = new ConnResetException('Client network socket ' +
      'disconnected before secure TLS connection was established');
    error.path = options.path;
    error.host = options.host;
    error.port = options.port;
    error.localAddress = options.localAddress;
    this.destroy(error);
  }
}

function connect(...args) {
  args = normalizeConnectArgs(args);
  let options = args[0];
  const cb = args[1];
  const allowUnauthorized = getAllowUnauthorized();
  const defaults = tls();

  options = {
    rejectUnauthorized: !allowUnauthorized,
    ciphers: defaults.DEFAULT_CIPHERS,
    checkServerIdentity: defaults.checkServerIdentity,
    minDHSize: 1024,
    ...options,
  };

  // Without keepAlive the context serves this one connection.
  if (!options.keepAlive) options.singleUse = true;

  validateFunction(options.checkServerIdentity,
                   'options.checkServerIdentity');
  validateNumber(options.minDHSize, 'options.minDHSize', 1);

  // Through the module's export: a program may have replaced it.
  const context = options.secureContext ||
    defaults.createSecureContext(options);

  const tlssock = new TLSSocket(options.socket, {
    allowHalfOpen: options.allowHalfOpen,
    pipe: !!options.path,
    secureContext: context,
    isServer: false,
    requestCert: true,
    rejectUnauthorized: options.rejectUnauthorized !== false,
    session: options.session,
    ALPNProtocols: options.ALPNProtocols,
    requestOCSP: options.requestOCSP,
    enableTrace: options.enableTrace,
    pskCallback: options.pskCallback,
    highWaterMark: options.highWaterMark,
    onread: options.onread,
    signal: options.signal,
  });

  // `rejectUnauthorized: undefined` counts as true.
  options.rejectUnauthorized = options.rejectUnauthorized !== false;
  tlssock[kConnectOptions] = options;

  if (cb) tlssock.once('secureConnect', cb);

  if (!options.socket) {
    // A socket of the caller's is theirs to connect.
    if (options.timeout) tlssock.setTimeout(options.timeout);
    tlssock.connect(options, tlssock._start);
  }

  tlssock._releaseControl();

  if (options.session) tlssock.setSession(options.session);

  if (options.servername) {
    if (!ipServernameWarned && net.isIP(options.servername)) {
      process.emitWarning(
        'Setting the TLS ServerName to an IP address is not permitted by ' +
        'RFC 6066. This will be ignored in a future version.',
        'DeprecationWarning',
        'DEP0123',
      );
      ipServernameWarned = true;
    }
    tlssock.setServername(options.servername);
  }

  if (options.socket) tlssock._start();

  tlssock.on('secure', onConnectSecure);
  tlssock.prependListener('end', onConnectEnd);

  return tlssock;
}

module.exports = {
  Server,
  TLSSocket,
  connect,
  convertALPNProtocols,
  createServer,
};
