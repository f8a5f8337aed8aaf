'use strict';

// The HTTP/1-style API of node:http2: a server with 'request' listeners
// gets an Http2ServerRequest (a Readable over the stream's body) and an
// Http2ServerResponse (headers kept until the first write, then
// stream.respond()) for each stream.

const {
  ArrayIsArray,
  ArrayPrototypePush,
  Boolean,
  FunctionPrototypeBind,
  ObjectAssign,
  ObjectKeys,
  ReflectApply,
  ReflectGetPrototypeOf,
  ReflectHas,
  RegExpPrototypeExec,
  SafeSet,
  StringPrototypeIncludes,
  StringPrototypeToLowerCase,
  StringPrototypeTrim,
  Symbol,
} = primordials;

const Stream = require('stream');
const { Readable } = Stream;
const {
  codes: {
    ERR_HTTP2_HEADERS_SENT,
    ERR_HTTP2_INFO_STATUS_NOT_ALLOWED,
    ERR_HTTP2_INVALID_HEADER_VALUE,
    ERR_HTTP2_INVALID_PSEUDOHEADER,
    ERR_HTTP2_INVALID_STREAM,
    ERR_HTTP2_NO_SOCKET_MANIPULATION,
    ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED,
    ERR_HTTP2_STATUS_INVALID,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_CHAR,
    ERR_INVALID_HTTP_TOKEN,
    ERR_STREAM_WRITE_AFTER_END,
  },
} = require('internal/errors');
const {
  validateFunction,
  validateLinkHeaderValue,
  validateObject,
  validateString,
} = require('internal/validators');
const {
  kSensitiveHeaders,
  kSocket: kSessionSocket,
} = require('internal/http2/util');

const kStream = Symbol('stream');
const kRequest = Symbol('request');
const kResponse = Symbol('response');
const kHeaders = Symbol('headers');
const kTrailers = Symbol('trailers');
const kState = Symbol('state');
const kBeginSend = Symbol('beginSend');
const kAborted = Symbol('aborted');
const kSocket = Symbol('socket');
const kProxySocket = Symbol('proxySocket');

// req.socket and res.socket: the connection's socket as seen from one
// request. Events, end() and destroy() act on the stream; reading and
// writing are refused; the rest comes from the session's socket (or the
// stream once both are gone).
function socketTarget(stream) {
  return stream.session?.[kSessionSocket] ?? stream[kRequest]?.[kSocket] ??
    stream;
}

const streamSocketHandler = {
  __proto__: null,
  get(stream, prop) {
    switch (prop) {
      case 'on':
      case 'once':
      case 'end':
      case 'emit':
      case 'destroy':
        return FunctionPrototypeBind(stream[prop], stream);
      case 'writable':
      case 'destroyed':
        return stream[prop];
      case 'readable':
        if (stream.destroyed) return false;
        return stream[kRequest] ? stream[kRequest].readable : stream.readable;
      case 'setTimeout': {
        const session = stream.session;
        return session !== undefined ?
          FunctionPrototypeBind(session.setTimeout, session) :
          FunctionPrototypeBind(stream.setTimeout, stream);
      }
      case 'write':
      case 'read':
      case 'pause':
      case 'resume':
        throw new ERR_HTTP2_NO_SOCKET_MANIPULATION();
      default: {
        const target = socketTarget(stream);
        const value = target[prop];
        return typeof value === 'function' ?
          FunctionPrototypeBind(value, target) : value;
      }
    }
  },
  set(stream, prop, value) {
    switch (prop) {
      case 'writable':
      case 'readable':
      case 'destroyed':
      case 'on':
      case 'once':
      case 'end':
      case 'emit':
      case 'destroy':
        stream[prop] = value;
        return true;
      case 'setTimeout': {
        const session = stream.session;
        if (session !== undefined) {
          session.setTimeout = value;
        } else {
          stream.setTimeout = value;
        }
        return true;
      }
      case 'write':
      case 'read':
      case 'pause':
      case 'resume':
        throw new ERR_HTTP2_NO_SOCKET_MANIPULATION();
      default:
        socketTarget(stream)[prop] = value;
        return true;
    }
  },
  has(stream, prop) {
    return ReflectHas(socketTarget(stream), prop);
  },
  getPrototypeOf(stream) {
    return ReflectGetPrototypeOf(socketTarget(stream));
  },
};

function streamSocket(stream) {
  return stream[kProxySocket] ??= new Proxy(stream, streamSocketHandler);
}

const kPseudoHeaders = new SafeSet([
  ':status', ':method', ':authority', ':scheme', ':path', ':protocol',
]);

const kTokenRegExp = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
const kInvalidValueRegExp = /[^\t\x20-\x7e\x80-\xff]/;

// A name with a space is not a token; a pseudo-header is refused as such
// (Node's order). Node leaves other bad names and values to the send, which
// fails the stream; they are refused here, where the caller sees why.
function assertValidHeader(name, value) {
  if (name === '' || typeof name !== 'string' ||
      StringPrototypeIncludes(name, ' ')) {
    throw new ERR_INVALID_HTTP_TOKEN('Header name', name);
  }
  if (name[0] === ':') {
    if (kPseudoHeaders.has(name)) {
      throw new ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED();
    }
    throw new ERR_HTTP2_INVALID_PSEUDOHEADER(name);
  }
  if (RegExpPrototypeExec(kTokenRegExp, name) === null) {
    throw new ERR_INVALID_HTTP_TOKEN('Header name', name);
  }
  if (value === undefined || value === null) {
    throw new ERR_HTTP2_INVALID_HEADER_VALUE(value, name);
  }
  const values = ArrayIsArray(value) ? value : [value];
  for (let i = 0; i < values.length; i++) {
    if (RegExpPrototypeExec(kInvalidValueRegExp, `${values[i]}`) !== null) {
      throw new ERR_INVALID_CHAR('header content', name);
    }
  }
}

// A Connection header has no meaning in HTTP/2: the compat API drops it
// (warning once) instead of failing the response.
let connectionHeaderWarned = false;
function dropConnectionHeader(name) {
  if (name !== 'connection') return false;
  if (!connectionHeaderWarned) {
    connectionHeaderWarned = true;
    process.emitWarning(
      'The provided connection header is not valid, the value will be ' +
      'dropped from the header and will never be in use.',
      'UnsupportedWarning');
  }
  return true;
}

let statusMessageWarned = false;
function statusMessageWarn() {
  if (statusMessageWarned) return;
  statusMessageWarned = true;
  process.emitWarning(
    'Status message is not supported by HTTP/2 (RFC7540 8.1.2.4)',
    'UnsupportedWarning');
}

class Http2ServerRequest extends Readable {
  constructor(stream, headers, options, rawHeaders) {
    super({ autoDestroy: false, ...options });
    this[kState] = { closed: false, didRead: false };
    this[kHeaders] = headers;
    this.rawHeaders = rawHeaders;
    this[kTrailers] = {};
    this.rawTrailers = [];
    this[kStream] = stream;
    // Kept: the stream forgets its session once it closes.
    this[kSocket] = stream.session?.[kSessionSocket];
    this[kAborted] = false;
    stream[kRequest] = this;

    stream.on('trailers', (trailers, flags, raw) => {
      this[kTrailers] = trailers;
      this.rawTrailers = raw;
    });
    stream.on('data', (chunk) => {
      if (!this.push(chunk)) stream.pause();
    });
    stream.on('end', () => this.push(null));
    stream.on('aborted', () => {
      if (this[kAborted]) return;
      this[kAborted] = true;
      this.emit('aborted');
    });
    stream.on('error', () => {});
    stream.on('close', () => {
      this[kState].closed = true;
      // The body ends with the stream (its 'end' may never come: a stream
      // destroyed before it was read to the end), and one nobody read is
      // let flow so that the request's 'end' comes, as in Node.
      this.push(null);
      if (this.readableFlowing === null) this.resume();
      this.emit('close');
    });
    stream.on('timeout', () => this.emit('timeout'));
    this.on('pause', () => stream.pause());
    this.on('resume', () => stream.resume());
  }

  get aborted() { return this[kAborted]; }
  get complete() {
    return this[kAborted] || this.readableEnded || this[kState].closed ||
      this[kStream].destroyed;
  }

  get stream() { return this[kStream]; }
  get headers() { return this[kHeaders]; }
  get trailers() { return this[kTrailers]; }
  get httpVersionMajor() { return 2; }
  get httpVersionMinor() { return 0; }
  get httpVersion() { return '2.0'; }
  get socket() { return streamSocket(this[kStream]); }
  get connection() { return this.socket; }
  get method() { return this[kHeaders][':method']; }
  set method(method) {
    validateString(method, 'method');
    if (StringPrototypeTrim(method) === '') {
      throw new ERR_INVALID_ARG_VALUE('method', method);
    }
    this[kHeaders][':method'] = method;
  }

  get authority() {
    return this[kHeaders][':authority'] ?? this[kHeaders].host;
  }

  get scheme() { return this[kHeaders][':scheme']; }
  get url() { return this[kHeaders][':path']; }
  set url(url) { this[kHeaders][':path'] = url; }

  _read(n) {
    this[kStream].resume();
  }

  setTimeout(msecs, callback) {
    if (!this[kState].closed) this[kStream].setTimeout(msecs, callback);
    return this;
  }
}

class Http2ServerResponse extends Stream {
  constructor(stream, headers, options) {
    super(options);
    this[kState] = {
      closed: false,
      ending: false,
      destroyed: false,
      headRequest: false,
      sendDate: true,
      statusCode: 200,
    };
    this[kHeaders] = { __proto__: null };
    this[kTrailers] = { __proto__: null };
    this[kStream] = stream;
    this.writable = true;
    this.req = stream[kRequest];
    stream[kResponse] = this;
    stream.on('drain', () => this.emit('drain'));
    stream.on('aborted', () => {});
    stream.on('close', () => {
      const state = this[kState];
      state.closed = true;
      this.writable = false;
      this.emit('finish');
      this.emit('close');
    });
    stream.on('wantTrailers', () => {
      stream.sendTrailers(this[kTrailers]);
    });
    stream.on('timeout', () => this.emit('timeout'));
  }

  get stream() { return this[kStream]; }
  // Gone once the response closed, as in http1.
  get socket() {
    if (this[kState].closed) return undefined;
    return streamSocket(this[kStream]);
  }
  get connection() { return this.socket; }
  get finished() { return this[kState].ending; }
  get writableEnded() { return this[kState].ending; }
  get writableCorked() { return this[kStream].writableCorked; }
  get writableHighWaterMark() { return this[kStream].writableHighWaterMark; }
  get writableFinished() { return this[kStream].writableFinished; }
  get writableLength() { return this[kStream].writableLength; }
  get headersSent() { return this[kStream].headersSent; }
  get sendDate() { return this[kState].sendDate; }
  set sendDate(bool) { this[kState].sendDate = Boolean(bool); }
  get statusMessage() {
    statusMessageWarn();
    return '';
  }

  set statusMessage(msg) {
    statusMessageWarn();
  }

  get _header() { return this.headersSent; }

  cork() { this[kStream].cork(); }
  uncork() { this[kStream].uncork(); }
  get statusCode() { return this[kState].statusCode; }
  set statusCode(code) {
    code |= 0;
    if (code >= 100 && code < 200) {
      throw new ERR_HTTP2_INFO_STATUS_NOT_ALLOWED();
    }
    if (code < 100 || code > 599) throw new ERR_HTTP2_STATUS_INVALID(code);
    this[kState].statusCode = code;
  }

  setTrailer(name, value) {
    validateString(name, 'name');
    name = StringPrototypeToLowerCase(StringPrototypeTrim(name));
    assertValidHeader(name, value);
    this[kTrailers][name] = value;
  }

  addTrailers(headers) {
    const keys = ObjectKeys(headers);
    for (let i = 0; i < keys.length; i++) {
      this.setTrailer(keys[i], headers[keys[i]]);
    }
  }

  getHeader(name) {
    validateString(name, 'name');
    return this[kHeaders][StringPrototypeToLowerCase(StringPrototypeTrim(name))];
  }

  getHeaderNames() { return ObjectKeys(this[kHeaders]); }
  getHeaders() { return ObjectAssign({ __proto__: null }, this[kHeaders]); }

  hasHeader(name) {
    validateString(name, 'name');
    return this[kHeaders][
      StringPrototypeToLowerCase(StringPrototypeTrim(name))] !== undefined;
  }

  removeHeader(name) {
    validateString(name, 'name');
    if (this[kStream].headersSent) throw new ERR_HTTP2_HEADERS_SENT();
    name = StringPrototypeToLowerCase(StringPrototypeTrim(name));
    if (name === 'date') {
      this[kState].sendDate = false;
      return;
    }
    delete this[kHeaders][name];
  }

  setHeader(name, value) {
    validateString(name, 'name');
    if (this[kStream].headersSent) throw new ERR_HTTP2_HEADERS_SENT();
    name = StringPrototypeToLowerCase(StringPrototypeTrim(name));
    assertValidHeader(name, value);
    if (dropConnectionHeader(name)) return this;
    this[kHeaders][name] = value;
    return this;
  }

  appendHeader(name, value) {
    validateString(name, 'name');
    if (this[kStream].headersSent) throw new ERR_HTTP2_HEADERS_SENT();
    name = StringPrototypeToLowerCase(StringPrototypeTrim(name));
    assertValidHeader(name, value);
    if (dropConnectionHeader(name)) return this;
    const existing = this[kHeaders][name];
    if (existing === undefined) {
      this[kHeaders][name] = value;
    } else {
      const list = ArrayIsArray(existing) ? existing : [existing];
      const added = ArrayIsArray(value) ? value : [value];
      for (let i = 0; i < added.length; i++) {
        ArrayPrototypePush(list, added[i]);
      }
      this[kHeaders][name] = list;
    }
    return this;
  }

  flushHeaders() {
    if (!this[kState].closed && !this[kStream].headersSent) {
      this.writeHead(this[kState].statusCode);
    }
  }

  writeHead(statusCode, statusMessage, headers) {
    const state = this[kState];
    if (state.closed || this[kStream].destroyed || this[kStream].closed) {
      return this;
    }
    if (this[kStream].headersSent) throw new ERR_HTTP2_HEADERS_SENT();
    if (typeof statusMessage === 'string') {
      statusMessageWarn();
    } else {
      headers = statusMessage;
    }
    if (headers !== undefined && headers !== null) {
      if (ArrayIsArray(headers)) {
        if (headers.length > 0 && ArrayIsArray(headers[0])) {
          for (let i = 0; i < headers.length; i++) {
            this.appendHeader(headers[i][0], headers[i][1]);
          }
        } else {
          for (let i = 0; i + 1 < headers.length; i += 2) {
            this.appendHeader(headers[i], headers[i + 1]);
          }
        }
      } else {
        const keys = ObjectKeys(headers);
        for (let i = 0; i < keys.length; i++) {
          const name = StringPrototypeToLowerCase(
            StringPrototypeTrim(keys[i]));
          assertValidHeader(name, headers[keys[i]]);
          if (dropConnectionHeader(name)) continue;
          this[kHeaders][name] = headers[keys[i]];
        }
      }
    }
    this.statusCode = statusCode;
    this[kBeginSend]();
    return this;
  }

  write(chunk, encoding, cb) {
    const state = this[kState];
    if (typeof encoding === 'function') {
      cb = encoding;
      encoding = 'utf8';
    }
    let err;
    if (state.ending) {
      err = new ERR_STREAM_WRITE_AFTER_END();
    } else if (state.closed) {
      err = new ERR_HTTP2_INVALID_STREAM();
    } else if (state.destroyed) {
      return false;
    }
    if (err !== undefined) {
      if (typeof cb === 'function') process.nextTick(cb, err);
      this.destroy(err);
      return false;
    }
    const stream = this[kStream];
    if (!stream.headersSent) this.writeHead(state.statusCode);
    return stream.write(chunk, encoding, cb);
  }

  end(chunk, encoding, cb) {
    const stream = this[kStream];
    const state = this[kState];
    if (typeof chunk === 'function') {
      cb = chunk;
      chunk = null;
    } else if (typeof encoding === 'function') {
      cb = encoding;
      encoding = 'utf8';
    }
    if (state.closed || state.ending) {
      if (typeof cb === 'function') process.nextTick(cb);
      return this;
    }
    if (chunk !== null && chunk !== undefined) this.write(chunk, encoding);
    state.ending = true;
    if (typeof cb === 'function') {
      if (stream.writableEnded) {
        this.once('finish', cb);
      } else {
        stream.once('finish', cb);
      }
    }
    if (!stream.headersSent) this.writeHead(state.statusCode);
    if (!stream.destroyed) stream.end();
    return this;
  }

  destroy(err) {
    if (this[kState].destroyed) return;
    this[kState].destroyed = true;
    this[kStream].destroy(err);
  }

  setTimeout(msecs, callback) {
    if (!this[kState].closed) this[kStream].setTimeout(msecs, callback);
    return this;
  }

  createPushResponse(headers, callback) {
    validateFunction(callback, 'callback');
    if (this[kState].closed) {
      process.nextTick(callback, new ERR_HTTP2_INVALID_STREAM());
      return;
    }
    this[kStream].pushStream(headers, {}, (err, stream, pushHeaders) => {
      if (err) {
        callback(err);
        return;
      }
      callback(null, new Http2ServerResponse(stream));
    });
  }

  writeContinue() {
    const stream = this[kStream];
    if (stream.headersSent || this[kState].closed) return false;
    stream.additionalHeaders({ ':status': 100 });
    return true;
  }

  writeEarlyHints(hints) {
    validateObject(hints, 'hints');
    // The link hint is required and checked like HTTP/1's; an empty list
    // sends nothing.
    const link = validateLinkHeaderValue(hints.link);
    const headers = { __proto__: null };
    const keys = ObjectKeys(hints);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== 'link') {
        headers[StringPrototypeToLowerCase(keys[i])] = hints[keys[i]];
      }
    }
    if (link.length === 0) return false;
    const stream = this[kStream];
    if (stream.headersSent || this[kState].closed) return false;
    headers[':status'] = 103;
    headers.link = link;
    stream.additionalHeaders(headers);
    return true;
  }

  [kBeginSend]() {
    const state = this[kState];
    const stream = this[kStream];
    if (stream.headersSent || stream.destroyed) return;
    const headers = ObjectAssign({ __proto__: null }, this[kHeaders]);
    headers[':status'] = state.statusCode;
    if (!state.sendDate) headers.date = null;
    if (this[kHeaders][kSensitiveHeaders] !== undefined) {
      headers[kSensitiveHeaders] = this[kHeaders][kSensitiveHeaders];
    }
    stream.respond(headers, { waitForTrailers: true });
  }
}

function onServerStream(server, stream, headers, flags, rawHeaders,
                        RequestClass = Http2ServerRequest,
                        ResponseClass = Http2ServerResponse) {
  const request = new RequestClass(stream, headers, undefined, rawHeaders);
  const response = new ResponseClass(stream);
  if (headers[':method'] === 'CONNECT') {
    if (!server.emit('connect', request, response)) {
      response.statusCode = 405;
      response.end();
    }
    return;
  }
  const expect = headers.expect;
  if (expect !== undefined) {
    if (expect === '100-continue') {
      if (server.listenerCount('checkContinue') > 0) {
        server.emit('checkContinue', request, response);
        return;
      }
      response.writeContinue();
    } else if (server.listenerCount('checkExpectation') > 0) {
      server.emit('checkExpectation', request, response);
      return;
    } else {
      response.statusCode = 417;
      response.end();
      return;
    }
  }
  ReflectApply(server.emit, server, ['request', request, response]);
}

module.exports = {
  Http2ServerRequest,
  Http2ServerResponse,
  onServerStream,
};
