'use strict';

// http.Server and http.ServerResponse. One llhttp parser per connection
// turns its bytes into requests; responses leave in request order (a
// pipelined request waits in `state.outgoing` until the one before it
// finished); the parser pauses the socket when responses pile up.

const {
  ArrayIsArray,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  Error,
  FunctionPrototypeCall,
  MathMin,
  ObjectKeys,
  ObjectSetPrototypeOf,
  ReflectApply,
  RegExpPrototypeExec,
  Symbol,
  SymbolAsyncDispose,
} = primordials;

const net = require('net');
const { Buffer } = require('buffer');
const EventEmitter = require('events');
const {
  parsers,
  freeParser,
  continueExpression,
  chunkExpression,
  channels,
  kIncomingMessage,
  kRequestTimeout,
  HTTPParser,
  isLenient,
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  prepareError,
  getNextTraceEventId,
  isTraceHTTPEnabled,
  kTraceEventId,
  traceBegin,
  traceEnd,
} = require('internal/http/common');
const { ConnectionsList } = internalBinding('http_parser');
const {
  kUniqueHeaders,
  kOutHeaders,
  parseUniqueHeadersOption,
  kNeedDrain,
  OutgoingMessage,
} = require('internal/http/outgoing');
const { IncomingMessage } = require('internal/http/incoming');
const { STATUS_CODES } = require('internal/http/status_codes');
const {
  codes: {
    ERR_HTTP_HEADERS_SENT,
    ERR_HTTP_INVALID_STATUS_CODE,
    ERR_HTTP_REQUEST_TIMEOUT,
    ERR_HTTP_SOCKET_ASSIGNED,
    ERR_HTTP_SOCKET_ENCODING,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_CHAR,
    ERR_OUT_OF_RANGE,
  },
  ConnResetException,
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateInteger,
  validateObject,
  validateLinkHeaderValue,
} = require('internal/validators');
const { kEmptyObject, promisify } = require('internal/util');
const { setInterval, clearInterval } = require('timers');
const {
  kBuffer,
  kBufferCb,
} = require('internal/stream_base_commons');
const { FastBuffer } = require('internal/buffer');
const {
  hasObserver,
  startPerf,
  stopPerf,
} = require('internal/perf/observer_counts');
// The timing of a request while 'http' performance entries are observed.
const kPerfHooksRequest = Symbol('kPerfHooksRequest');
const kOptimizeEmptyRequests = Symbol('kOptimizeEmptyRequests');
const { runNextTicks } = require('internal/process/task_queues');
let debug = require('internal/util/debuglog').debuglog('http', (fn) => {
  debug = fn;
});

const kServerResponse = Symbol('ServerResponse');
const kConnections = Symbol('http.server.connections');
const kConnectionsCheckingInterval =
  Symbol('http.server.connectionsCheckingInterval');

function ServerResponse(req, options) {
  OutgoingMessage.call(this, options);

  if (req.method === 'HEAD') this._hasBody = false;

  this.req = req;
  this.sendDate = true;
  this._sent100 = false;
  this._expect_continue = false;
  this.statusCode = 200;
  this.statusMessage = undefined;

  if (req.httpVersionMajor < 1 || req.httpVersionMinor < 1) {
    // HTTP/1.0 has no chunked encoding unless the client asked for it.
    this.useChunkedEncodingByDefault =
      RegExpPrototypeExec(chunkExpression, req.headers.te) !== null;
    this.shouldKeepAlive = false;
  }
}
ObjectSetPrototypeOf(ServerResponse.prototype, OutgoingMessage.prototype);
ObjectSetPrototypeOf(ServerResponse, OutgoingMessage);

function onServerResponseClose() {
  // The connection died before the response finished.
  const res = this._httpMessage;
  if (res) {
    res.destroyed = true;
    res._closed = true;
    res.emit('close');
  }
}

ServerResponse.prototype.assignSocket = function assignSocket(socket) {
  if (socket._httpMessage) throw new ERR_HTTP_SOCKET_ASSIGNED();
  socket._httpMessage = this;
  socket.on('close', onServerResponseClose);
  this.socket = socket;
  this.emit('socket', socket);
  this._flush();
};

ServerResponse.prototype.detachSocket = function detachSocket(socket) {
  socket.removeListener('close', onServerResponseClose);
  socket._httpMessage = null;
  this.socket = null;
};

ServerResponse.prototype.writeContinue = function writeContinue(cb) {
  this._writeRaw('HTTP/1.1 100 Continue\r\n\r\n', 'ascii', cb);
  this._sent100 = true;
};

ServerResponse.prototype.writeProcessing = function writeProcessing(cb) {
  this._writeRaw('HTTP/1.1 102 Processing\r\n\r\n', 'ascii', cb);
};

ServerResponse.prototype.writeEarlyHints = function writeEarlyHints(hints,
                                                                    cb) {
  let head = 'HTTP/1.1 103 Early Hints\r\n';
  validateObject(hints, 'hints');
  if (hints.link === null || hints.link === undefined) return;
  const link = validateLinkHeaderValue(hints.link);
  if (link.length === 0) return;
  head += 'Link: ' + link + '\r\n';
  for (const key of ObjectKeys(hints)) {
    if (key !== 'link') head += key + ': ' + hints[key] + '\r\n';
  }
  head += '\r\n';
  this._writeRaw(head, 'ascii', cb);
};

ServerResponse.prototype._implicitHeader = function _implicitHeader() {
  this.writeHead(this.statusCode);
};

ServerResponse.prototype.writeHead = function writeHead(statusCode, reason,
                                                        obj) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('write');

  const originalStatusCode = statusCode;
  statusCode |= 0;
  if (statusCode < 100 || statusCode > 999) {
    throw new ERR_HTTP_INVALID_STATUS_CODE(originalStatusCode);
  }

  if (typeof reason === 'string') {
    this.statusMessage = reason;
  } else {
    this.statusMessage ||= STATUS_CODES[statusCode] || 'unknown';
    obj ??= reason;
  }
  this.statusCode = statusCode;

  let headers;
  if (this[kOutHeaders]) {
    // setHeader() values merge with those given here; these win.
    if (ArrayIsArray(obj)) {
      if (obj.length && ArrayIsArray(obj[0])) {
        for (let n = 0; n < obj.length; n++) {
          const k = obj[n][0];
          if (k) this.setHeader(k, obj[n][1]);
        }
      } else {
        if (obj.length % 2 !== 0) {
          throw new ERR_INVALID_ARG_VALUE('headers', obj);
        }
        // A name given several times here sends every value.
        for (let n = 0; n < obj.length; n += 2) {
          this.removeHeader(obj[n]);
        }
        for (let n = 0; n < obj.length; n += 2) {
          this.appendHeader(obj[n], obj[n + 1]);
        }
      }
    } else if (obj) {
      const keys = ObjectKeys(obj);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (k) this.setHeader(k, obj[k]);
      }
    }
    headers = this[kOutHeaders];
  } else {
    headers = obj;
  }

  if (checkInvalidHeaderChar(this.statusMessage)) {
    throw new ERR_INVALID_CHAR('statusMessage');
  }

  const statusLine =
    `HTTP/1.1 ${statusCode} ${this.statusMessage}\r\n`;

  if (statusCode === 204 || statusCode === 304 ||
      (statusCode >= 100 && statusCode <= 199)) {
    // RFC 9110: these responses never carry a body.
    this._hasBody = false;
  }

  // A client that sent Expect: 100-continue and got no 100 may still be
  // sending a body the server does not want: close after this response.
  if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;

  this._storeHeader(statusLine, headers);
  return this;
};

ServerResponse.prototype.writeHeader = ServerResponse.prototype.writeHead;

function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);

  if (typeof options === 'function') {
    requestListener = options;
    options = kEmptyObject;
  } else if (options === null || options === undefined) {
    options = kEmptyObject;
  } else {
    validateObject(options, 'options');
  }

  storeHTTPOptions.call(this, options);
  net.Server.call(this, {
    allowHalfOpen: true,
    noDelay: options.noDelay ?? true,
    keepAlive: options.keepAlive,
    keepAliveInitialDelay: options.keepAliveInitialDelay,
    highWaterMark: options.highWaterMark,
  });

  if (requestListener) this.on('request', requestListener);

  // Node's servers answer a half-closed connection and then close it.
  this.httpAllowHalfOpen = false;

  this.on('connection', connectionListener);
  this.on('listening', setupConnectionsTracking);

  this.timeout = 0;
  this.maxHeadersCount = null;
  this.maxRequestsPerSocket = 0;
  this[kUniqueHeaders] = parseUniqueHeadersOption(options.uniqueHeaders);
}
ObjectSetPrototypeOf(Server.prototype, net.Server.prototype);
ObjectSetPrototypeOf(Server, net.Server);

// An upgrade is taken when someone listens for it.
function defaultShouldUpgrade() {
  return this.listenerCount('upgrade') > 0;
}

function storeHTTPOptions(options) {
  this[kIncomingMessage] = options.IncomingMessage || IncomingMessage;
  this[kServerResponse] = options.ServerResponse || ServerResponse;

  const maxHeaderSize = options.maxHeaderSize;
  if (maxHeaderSize !== undefined) {
    validateInteger(maxHeaderSize, 'maxHeaderSize', 0);
  }
  this.maxHeaderSize = maxHeaderSize;

  const insecureHTTPParser = options.insecureHTTPParser;
  if (insecureHTTPParser !== undefined) {
    validateBoolean(insecureHTTPParser, 'options.insecureHTTPParser');
  }
  this.insecureHTTPParser = insecureHTTPParser;

  const requestTimeout = options.requestTimeout;
  if (requestTimeout !== undefined) {
    validateInteger(requestTimeout, 'requestTimeout', 0);
    this.requestTimeout = requestTimeout;
  } else {
    this.requestTimeout = 300_000;
  }

  const headersTimeout = options.headersTimeout;
  if (headersTimeout !== undefined) {
    validateInteger(headersTimeout, 'headersTimeout', 0);
    this.headersTimeout = headersTimeout;
  } else {
    this.headersTimeout = MathMin(60_000, this.requestTimeout);
  }

  if (this.requestTimeout > 0 && this.headersTimeout > 0 &&
      this.headersTimeout > this.requestTimeout) {
    throw new ERR_OUT_OF_RANGE('headersTimeout',
                               '<= requestTimeout', headersTimeout);
  }

  const keepAliveTimeout = options.keepAliveTimeout;
  if (keepAliveTimeout !== undefined) {
    validateInteger(keepAliveTimeout, 'keepAliveTimeout', 0);
    this.keepAliveTimeout = keepAliveTimeout;
  } else {
    this.keepAliveTimeout = 5_000;
  }

  const connectionsCheckingInterval = options.connectionsCheckingInterval;
  if (connectionsCheckingInterval !== undefined) {
    validateInteger(connectionsCheckingInterval,
                    'connectionsCheckingInterval', 0);
    this.connectionsCheckingInterval = connectionsCheckingInterval;
  } else {
    this.connectionsCheckingInterval = 30_000;
  }

  const requireHostHeader = options.requireHostHeader;
  if (requireHostHeader !== undefined) {
    validateBoolean(requireHostHeader, 'options.requireHostHeader');
    this.requireHostHeader = requireHostHeader;
  } else {
    this.requireHostHeader = true;
  }

  const joinDuplicateHeaders = options.joinDuplicateHeaders;
  if (joinDuplicateHeaders !== undefined) {
    validateBoolean(joinDuplicateHeaders, 'options.joinDuplicateHeaders');
  }
  this.joinDuplicateHeaders = joinDuplicateHeaders;

  const shouldUpgradeCallback = options.shouldUpgradeCallback;
  if (shouldUpgradeCallback !== undefined) {
    validateFunction(shouldUpgradeCallback, 'options.shouldUpgradeCallback');
    this.shouldUpgradeCallback = shouldUpgradeCallback;
  } else {
    this.shouldUpgradeCallback = defaultShouldUpgrade;
  }

  const rejectNonStandardBodyWrites = options.rejectNonStandardBodyWrites;
  if (rejectNonStandardBodyWrites !== undefined) {
    validateBoolean(rejectNonStandardBodyWrites,
                    'options.rejectNonStandardBodyWrites');
    this.rejectNonStandardBodyWrites = rejectNonStandardBodyWrites;
  } else {
    this.rejectNonStandardBodyWrites = false;
  }

  const optimizeEmptyRequests = options.optimizeEmptyRequests;
  if (optimizeEmptyRequests !== undefined) {
    validateBoolean(optimizeEmptyRequests, 'options.optimizeEmptyRequests');
  }
  this[kOptimizeEmptyRequests] = optimizeEmptyRequests === true;
}

Server.prototype.close = function close() {
  httpServerPreClose(this);
  ReflectApply(net.Server.prototype.close, this, arguments);
  return this;
};

Server.prototype[SymbolAsyncDispose] = async function() {
  return FunctionPrototypeCall(promisify(this.close), this);
};

Server.prototype.closeAllConnections = function closeAllConnections() {
  if (!this[kConnections]) return;
  const connections = this[kConnections].all();
  for (let i = 0; i < connections.length; i++) {
    connections[i].socket?.destroy();
  }
};

Server.prototype.closeIdleConnections = function closeIdleConnections() {
  if (!this[kConnections]) return;
  const connections = this[kConnections].idle();
  for (let i = 0; i < connections.length; i++) {
    const socket = connections[i].socket;
    if (socket && !socket._httpMessage) socket.destroy();
  }
};

Server.prototype.setTimeout = function setTimeout(msecs, callback) {
  this.timeout = msecs;
  if (callback) this.on('timeout', callback);
  return this;
};

Server.prototype[EventEmitter.captureRejectionSymbol] = function(err, event,
                                                                 ...args) {
  switch (event) {
    case 'request': {
      const { 1: res } = args;
      if (!res.headersSent && !res.writableEnded) {
        // Whatever the handler set is dropped: the client gets a bare 500.
        const names = res.getHeaderNames();
        for (let i = 0; i < names.length; i++) res.removeHeader(names[i]);
        res.statusCode = 500;
        res.end(STATUS_CODES[500]);
      } else {
        res.destroy();
      }
      break;
    }
    default:
      ReflectApply(net.Server.prototype[EventEmitter.captureRejectionSymbol],
                   this, arguments);
  }
};

function httpServerPreClose(server) {
  server.closeIdleConnections();
  clearInterval(server[kConnectionsCheckingInterval]);
}

function setupConnectionsTracking() {
  this[kConnections] ||= new ConnectionsList();
  if (this[kConnectionsCheckingInterval]) {
    clearInterval(this[kConnectionsCheckingInterval]);
  }
  // A zero interval (or no timeouts at all) means no checks.
  if (this.connectionsCheckingInterval > 0) {
    this[kConnectionsCheckingInterval] =
      setInterval(checkConnections.bind(this),
                  this.connectionsCheckingInterval).unref();
  }
}

function checkConnections() {
  if (this.headersTimeout === 0 && this.requestTimeout === 0) return;
  const expired = this[kConnections].expired(this.headersTimeout,
                                             this.requestTimeout);
  for (let i = 0; i < expired.length; i++) {
    const socket = expired[i].socket;
    if (socket) onRequestTimeout(socket);
  }
}

function onRequestTimeout(socket) {
  socket[kRequestTimeout] = undefined;
  FunctionPrototypeCall(socketOnError, socket, new ERR_HTTP_REQUEST_TIMEOUT());
}

function connectionListener(socket) {
  connectionListenerInternal(this, socket);
}

function connectionListenerInternal(server, socket) {
  debug('SERVER new http connection');
  socket.server = server;

  if (server.timeout && typeof socket.setTimeout === 'function') {
    socket.setTimeout(server.timeout);
  }
  socket.on('timeout', socketOnTimeout);

  const parser = parsers.alloc();
  let lenient = server.insecureHTTPParser;
  if (lenient === undefined) lenient = isLenient();
  // The server's connection list times requests out; it exists once the
  // server listens, and a server handed sockets by hand starts one here.
  server[kConnections] ||= new ConnectionsList();
  parser.initialize(
    HTTPParser.REQUEST,
    socket,
    server.maxHeaderSize || 0,
    lenient ? HTTPParser.kLenientAll : HTTPParser.kLenientNone,
    server[kConnections],
  );
  parser.socket = socket;
  socket.parser = parser;
  parser[HTTPParser.kOnTimeout | 0] = onParserTimeout.bind(undefined, socket);

  if (typeof server.maxHeadersCount === 'number') {
    parser.maxHeaderPairs = server.maxHeadersCount << 1;
  }

  const state = {
    onData: null,
    onEnd: null,
    onClose: null,
    onDrain: null,
    outgoing: [],
    incoming: [],
    // Bytes of responses waiting for their turn; too many pause reading.
    outgoingData: 0,
    requestsCount: 0,
    keepAliveTimeoutSet: false,
  };
  state.onData = socketOnData.bind(undefined, server, socket, parser, state);
  state.onEnd = socketOnEnd.bind(undefined, server, socket, parser, state);
  state.onClose = socketOnClose.bind(undefined, socket, state);
  state.onDrain = socketOnDrain.bind(undefined, socket, state);
  socket.on('data', state.onData);
  socket.on('error', socketOnError);
  socket.on('end', state.onEnd);
  socket.on('close', state.onClose);
  socket.on('drain', state.onDrain);
  parser.onIncoming = parserOnIncoming.bind(undefined, server, socket, state);

  socket.on('resume', onSocketResume);
  socket.on('pause', onSocketPause);

  socket._paused = false;

  consumeSocket(socket, state);
}

// Requests are read into one buffer shared by every connection and handed
// straight to the parser, which copies what it keeps (header strings, body
// chunks): no allocation per read and no trip through the socket's
// Readable. The socket stays flowing for its 'end'; pause() and resume()
// stop and start the handle directly.
const kReadBufferSize = 64 * 1024;
let sharedReadBuffer;
const kConsumed = Symbol('kConsumed');

function consumeSocket(socket, state) {
  const handle = socket._handle;
  if (typeof handle?.useUserBuffer !== 'function' || socket[kBuffer]) return;
  sharedReadBuffer ??= new FastBuffer(kReadBufferSize);
  socket[kBuffer] = sharedReadBuffer;
  socket[kBufferCb] = (nread, buf) => {
    state.onData(new FastBuffer(buf.buffer, buf.byteOffset, nread));
  };
  socket[kConsumed] = state;
  handle.useUserBuffer(sharedReadBuffer);
  // Someone else wants the bytes: they get them through the Readable.
  socket.on = socketListenerWrapper(socket.on);
  socket.addListener = socketListenerWrapper(socket.addListener);
  socket.prependListener = socketListenerWrapper(socket.prependListener);
  socket.setEncoding = socketSetEncoding;
}

function unconsumeSocket(socket) {
  if (socket[kConsumed] === undefined) return;
  socket[kConsumed] = undefined;
  socket[kBuffer] = null;
  socket[kBufferCb] = null;
  socket._handle?.useUserBuffer(null);
}

function socketListenerWrapper(original) {
  return function socketListener(ev, fn) {
    const res = ReflectApply(original, this, arguments);
    if ((ev === 'data' || ev === 'readable') && this[kConsumed] !== undefined) {
      unconsumeSocket(this);
    }
    return res;
  };
}

function socketSetEncoding() {
  throw new ERR_HTTP_SOCKET_ENCODING();
}

function updateOutgoingData(socket, state, delta) {
  state.outgoingData += delta;
  socketOnDrain(socket, state);
}

function socketOnDrain(socket, state) {
  const needPause = state.outgoingData > socket.writableHighWaterMark;

  // Responses drained: start reading requests again.
  if (socket._paused && !needPause) {
    socket._paused = false;
    socket.parser?.resume();
    socket.resume();
  }

  const msg = socket._httpMessage;
  if (msg && !msg.finished && msg[kNeedDrain]) {
    msg[kNeedDrain] = false;
    msg.emit('drain');
  }
}

function onParserTimeout(socket) {
  FunctionPrototypeCall(socketOnTimeout, socket);
}

function socketOnTimeout() {
  const req = this.parser?.incoming;
  const reqTimeout = req && !req.complete && req.emit('timeout', this);
  const res = this._httpMessage;
  const resTimeout = res && res.emit('timeout', this);
  const serverTimeout = this.server.emit('timeout', this);

  if (!reqTimeout && !resTimeout && !serverTimeout) this.destroy();
}

function socketOnClose(socket, state) {
  freeParser(socket.parser, null, socket);
  abortIncoming(state.incoming);
}

function abortIncoming(incoming) {
  while (incoming.length) {
    const req = ArrayPrototypeShift(incoming);
    req.destroy(new ConnResetException('aborted'));
  }
}

function socketOnEnd(server, socket, parser, state) {
  const ret = parser.finish();

  if (ret instanceof Error) {
    FunctionPrototypeCall(socketOnError, socket, ret);
  } else if (!server.httpAllowHalfOpen) {
    if (socket.writable) socket.end();
  } else if (state.outgoing.length) {
    state.outgoing[state.outgoing.length - 1]._last = true;
  } else if (socket._httpMessage) {
    socket._httpMessage._last = true;
  } else if (socket.writable) {
    socket.end();
  }
}

function socketOnData(server, socket, parser, state, d) {
  const ret = parser.execute(d);
  onParserExecuteCommon(server, socket, parser, state, ret, d);
}

function onParserExecuteCommon(server, socket, parser, state, ret, d) {
  if (ret instanceof Error) {
    prepareError(ret, parser,
                 socket[kConsumed] !== undefined ? Buffer.from(d) : d);
    FunctionPrototypeCall(socketOnError, socket, ret);
  } else if (parser.incoming?.upgrade) {
    // The rest of the connection belongs to the 'upgrade' or 'connect'
    // listener.
    const req = parser.incoming;
    const eventName = req.method === 'CONNECT' ? 'connect' : 'upgrade';
    if (eventName === 'upgrade' || server.listenerCount(eventName) > 0) {
      // The read buffer is shared: what follows the head is copied.
      const bodyHead = socket[kConsumed] !== undefined ?
        Buffer.from(d.subarray(ret, d.length)) : d.slice(ret, d.length);
      unconsumeSocket(socket);

      socket.readableFlowing = null;
      socket.removeListener('data', state.onData);
      socket.removeListener('end', state.onEnd);
      socket.removeListener('close', state.onClose);
      socket.removeListener('drain', state.onDrain);
      socket.removeListener('error', socketOnError);
      socket.removeListener('timeout', socketOnTimeout);
      socket.removeListener('resume', onSocketResume);
      socket.removeListener('pause', onSocketPause);
      parser.finish();
      freeParser(parser, req, socket);
      parser = null;

      if (server.listenerCount(eventName) > 0) {
        server.emit(eventName, req, socket, bodyHead);
      } else {
        // No one takes upgrades: the connection is dropped.
        socket.destroy();
      }
    } else {
      // A CONNECT nobody listens for is refused.
      socket.destroy();
    }
  } else if (parser.incoming?.method === 'PRI') {
    // An HTTP/2 preface on an HTTP/1 server.
    socket.destroy();
  }

  if (socket._paused && socket.parser) {
    socket._paused = false;
    socket.resume();
  }
}

function onSocketResume() {
  // 'resume' comes a tick late: a socket the server paused meanwhile stays
  // paused.
  if (this._paused) {
    this.pause();
  }
}

function onSocketPause() {}

const requestHeaderFieldsTooLargeResponse =
  'HTTP/1.1 431 Request Header Fields Too Large\r\n' +
  'Connection: close\r\n\r\n';
const requestChunkExtensionsTooLargeResponse =
  'HTTP/1.1 413 Payload Too Large\r\n' +
  'Connection: close\r\n\r\n';
const requestTimeoutResponse =
  'HTTP/1.1 408 Request Timeout\r\n' +
  'Connection: close\r\n\r\n';
const badRequestResponse =
  'HTTP/1.1 400 Bad Request\r\n' +
  'Connection: close\r\n\r\n';

function noop() {}

function socketOnError(e) {
  // Later errors of this socket are ignored: it is being torn down.
  this.removeListener('error', socketOnError);
  if (this.listenerCount('error') === 0) this.on('error', noop);

  if (!this.server.emit('clientError', e, this)) {
    // The client gets a status line only when nothing was written yet.
    if (this.writable &&
        (!this._httpMessage || !this._httpMessage._headerSent)) {
      let response;
      switch (e.code) {
        case 'HPE_HEADER_OVERFLOW':
          response = requestHeaderFieldsTooLargeResponse;
          break;
        case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
          response = requestChunkExtensionsTooLargeResponse;
          break;
        case 'ERR_HTTP_REQUEST_TIMEOUT':
          response = requestTimeoutResponse;
          break;
        default:
          response = badRequestResponse;
      }
      this.write(response);
    }
    this.destroy(e);
  }
}

function resetSocketTimeout(server, socket, state) {
  if (!state.keepAliveTimeoutSet) return;
  socket.setTimeout(server.timeout || 0);
  state.keepAliveTimeoutSet = false;
}

// The request's head is parsed: as in Node, whose parser calls into
// JavaScript from C++ once per event, what the 'request' handler queued
// (ticks, microtasks) runs before the parser goes on to the body.
function parserOnIncoming(server, socket, state, req, keepAlive) {
  const ret = handleIncoming(server, socket, state, req, keepAlive);
  if (socket[kConsumed] !== undefined) runNextTicks();
  return ret;
}

function handleIncoming(server, socket, state, req, keepAlive) {
  resetSocketTimeout(server, socket, state);

  if (req.upgrade) {
    req.upgrade = req.method === 'CONNECT' ||
      !!FunctionPrototypeCall(server.shouldUpgradeCallback, server, req);
    if (req.upgrade) return 2;
  }

  ArrayPrototypePush(state.incoming, req);

  // Too many responses waiting: stop reading requests until they drain.
  if (!socket._paused) {
    const ws = socket._writableState;
    if (ws.needDrain || state.outgoingData >= socket.writableHighWaterMark) {
      socket._paused = true;
      socket.pause();
    }
  }

  const res = new server[kServerResponse](req, {
    highWaterMark: socket.writableHighWaterMark,
    rejectNonStandardBodyWrites: server.rejectNonStandardBodyWrites,
  });
  res._keepAliveTimeout = server.keepAliveTimeout;
  res._maxRequestsPerSocket = server.maxRequestsPerSocket;
  res._onPendingData = updateOutgoingData.bind(undefined, socket, state);

  res.shouldKeepAlive = keepAlive;
  res[kUniqueHeaders] = server[kUniqueHeaders];

  if (hasObserver('http')) {
    startPerf(res, kPerfHooksRequest, {
      type: 'http',
      name: 'HttpRequest',
      detail: { req: { method: req.method, url: req.url,
                       headers: req.headers } },
    });
  }

  if (channels.serverResponseCreated.hasSubscribers) {
    channels.serverResponseCreated.publish({ request: req, response: res });
  }

  if (isTraceHTTPEnabled()) {
    res[kTraceEventId] = getNextTraceEventId();
    traceBegin('http.server.request', res[kTraceEventId]);
  }

  if (socket._httpMessage) {
    // A response to an earlier request is still going out.
    ArrayPrototypePush(state.outgoing, res);
  } else {
    res.assignSocket(socket);
  }

  res.on('finish', resOnFinish.bind(undefined, req, res, socket, state,
                                    server));

  if (server.maxRequestsPerSocket > 0) {
    state.requestsCount++;
    res.maxRequestsOnConnectionReached =
      server.maxRequestsPerSocket <= state.requestsCount;
    if (server.maxRequestsPerSocket < state.requestsCount) {
      server.emit('dropRequest', req, socket);
      res.writeHead(503);
      res.end();
      return 0;
    }
  }

  // RFC 9112: an HTTP/1.1 request without Host is a bad request.
  if (server.requireHostHeader && req.httpVersionMajor === 1 &&
      req.httpVersionMinor === 1 && req.headers.host === undefined) {
    res.writeHead(400, ['Connection', 'close']);
    res.end();
    return 0;
  }

  if (server[kOptimizeEmptyRequests] && hasNoBody(req)) endEmptyRequest(req);

  const expect = req.headers.expect;
  if (expect !== undefined && req.httpVersionMajor === 1 &&
      req.httpVersionMinor === 1) {
    if (RegExpPrototypeExec(continueExpression, expect) !== null) {
      res._expect_continue = true;
      if (server.listenerCount('checkContinue') > 0) {
        server.emit('checkContinue', req, res);
      } else {
        res.writeContinue();
        emitRequest(server, req, res, socket);
      }
    } else if (server.listenerCount('checkExpectation') > 0) {
      server.emit('checkExpectation', req, res);
    } else {
      res.writeHead(417);
      res.end();
    }
  } else {
    emitRequest(server, req, res, socket);
  }
  return 0;
}

// optimizeEmptyRequests: a request without a body (neither Content-Length
// nor Transfer-Encoding, whatever its method) reaches the handler already
// ended and destroyed, so that it emits no stream events at all.
function hasNoBody(req) {
  return req.headers['content-length'] === undefined &&
    req.headers['transfer-encoding'] === undefined;
}

function endEmptyRequest(req) {
  req._dumped = true;
  const state = req._readableState;
  state.ended = true;
  state.endEmitted = true;
  state.destroyed = true;
  state.closed = true;
  state.closeEmitted = true;
}

function emitRequest(server, req, res, socket) {
  if (channels.serverRequestStart.hasSubscribers) {
    channels.serverRequestStart.publish({
      request: req, response: res, socket, server,
    });
  }
  server.emit('request', req, res);
}

function resOnFinish(req, res, socket, state, server) {
  if (typeof res[kTraceEventId] === 'number' && isTraceHTTPEnabled()) {
    traceEnd('http.server.request', res[kTraceEventId], {
      url: req?.url,
      method: req?.method,
      statusCode: res?.statusCode,
      statusMessage: res?.statusMessage,
    });
  }
  if (res[kPerfHooksRequest] !== undefined) {
    stopPerf(res, kPerfHooksRequest, {
      detail: { res: { statusCode: res.statusCode,
                       statusMessage: res.statusMessage,
                       headers: res.getHeaders() } },
    });
  }
  if (channels.serverResponseFinish.hasSubscribers) {
    channels.serverResponseFinish.publish({
      request: req, response: res, socket, server,
    });
  }
  // The response is out: the next one in line may go.
  ArrayPrototypeShift(state.incoming);

  // A body nobody read is still on the wire; it must be read past.
  if (!req._consuming && !req._readableState.resumeScheduled) req._dump();

  res.detachSocket(socket);
  clearIncoming(req);
  process.nextTick(emitCloseNT, res);

  if (res._last) {
    if (typeof socket.destroySoon === 'function') {
      socket.destroySoon();
    } else {
      socket.end();
    }
  } else if (state.outgoing.length === 0) {
    if (server.keepAliveTimeout && typeof socket.setTimeout === 'function') {
      socket.setTimeout(server.keepAliveTimeout);
      state.keepAliveTimeoutSet = true;
    }
  } else {
    const m = ArrayPrototypeShift(state.outgoing);
    if (m) m.assignSocket(socket);
  }
}

function clearIncoming(req) {
  req ||= this;
  const parser = req.socket?.parser;
  // The request is still being read: clear it once it ends.
  if (parser && parser.incoming === req) {
    if (req.readableEnded) {
      parser.incoming = null;
    } else {
      req.on('end', clearIncoming);
    }
  }
}

function emitCloseNT(res) {
  if (!res._closed) {
    res.destroyed = true;
    res._closed = true;
    res.emit('close');
  }
}

module.exports = {
  STATUS_CODES,
  Server,
  ServerResponse,
  setupConnectionsTracking,
  storeHTTPOptions,
  _connectionListener: connectionListener,
  kServerResponse,
  kConnectionsCheckingInterval,
  httpServerPreClose,
};
