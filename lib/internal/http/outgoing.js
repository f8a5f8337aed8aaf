'use strict';

// http.OutgoingMessage, the part ServerResponse and ClientRequest share:
// header bookkeeping, the head's serialisation with the framing headers
// (Content-Length or chunked, Connection, Date), and writes that wait in
// `outputData` until the message owns a socket.

const {
  ArrayIsArray,
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ArrayPrototypePush,
  ArrayPrototypeUnshift,
  DatePrototypeToUTCString,
  MathFloor,
  NumberPrototypeToString,
  ObjectDefineProperty,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  ObjectSetPrototypeOf,
  ObjectValues,
  RegExpPrototypeExec,
  SafeSet,
  StringPrototypeToLowerCase,
  Symbol,
} = primordials;

const Stream = require('stream');
const { Buffer } = require('buffer');
const {
  _checkIsHttpToken: checkIsHttpToken,
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  chunkExpression,
  CRLF,
} = require('internal/http/common');
const { getDefaultHighWaterMark } = require('internal/streams/state');
const {
  codes: {
    ERR_HTTP_BODY_NOT_ALLOWED,
    ERR_HTTP_CONTENT_LENGTH_MISMATCH,
    ERR_HTTP_HEADERS_SENT,
    ERR_HTTP_INVALID_HEADER_VALUE,
    ERR_HTTP_TRAILER_INVALID,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_CHAR,
    ERR_INVALID_HTTP_TOKEN,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_STREAM_ALREADY_FINISHED,
    ERR_STREAM_CANNOT_PIPE,
    ERR_STREAM_DESTROYED,
    ERR_STREAM_NULL_VALUES,
    ERR_STREAM_WRITE_AFTER_END,
  },
  hideStackFrames,
} = require('internal/errors');
const { validateString } = require('internal/validators');
const { isUint8Array } = require('internal/util/types');

const kOutHeaders = Symbol('kOutHeaders');
const kNeedDrain = Symbol('kNeedDrain');
const kCorked = Symbol('corked');
const kErrored = Symbol('errored');
const kHighWaterMark = Symbol('kHighWaterMark');
const kRejectNonStandardBodyWrites = Symbol('kRejectNonStandardBodyWrites');
const kUniqueHeaders = Symbol('kUniqueHeaders');
const kBytesWritten = Symbol('kBytesWritten');
const kSetDefaultHeaders = Symbol('kSetDefaultHeaders');

const nop = () => {};
const RE_CONN_CLOSE = /(?:^|\W)close(?:$|\W)/i;
const crlfBuf = Buffer.from('\r\n');

// The Date header changes once a second; it is formatted once per second.
let cachedDate;
function utcDate() {
  if (cachedDate === undefined) {
    cachedDate = DatePrototypeToUTCString(new Date());
    const timer = setTimeout(resetDate, 1000 - new Date().getMilliseconds());
    timer.unref();
  }
  return cachedDate;
}
function resetDate() { cachedDate = undefined; }

const validateHeaderName = hideStackFrames((name, label) => {
  if (typeof name !== 'string' || !name || !checkIsHttpToken(name)) {
    throw new ERR_INVALID_HTTP_TOKEN.HideStackFramesError(
      label || 'Header name', name);
  }
});

const validateHeaderValue = hideStackFrames((name, value) => {
  if (value === undefined) {
    throw new ERR_HTTP_INVALID_HEADER_VALUE.HideStackFramesError(value, name);
  }
  if (checkInvalidHeaderChar(value)) {
    throw new ERR_INVALID_CHAR.HideStackFramesError('header content', name);
  }
});

function OutgoingMessage(options) {
  Stream.call(this);

  // Writes made before the message has a socket wait here.
  this.outputData = [];
  this.outputSize = 0;

  this.writable = true;
  this.destroyed = false;

  this._last = false;
  this.chunkedEncoding = false;
  this.shouldKeepAlive = true;
  this.maxRequestsOnConnectionReached = false;
  this._defaultKeepAlive = true;
  this.useChunkedEncodingByDefault = true;
  this.sendDate = false;
  this._removedConnection = false;
  this._removedContLen = false;
  this._removedTE = false;

  this.strictContentLength = false;
  this._contentLength = null;
  this._hasBody = true;
  this._trailer = '';
  this[kNeedDrain] = false;

  this.finished = false;
  this._headerSent = false;
  this[kCorked] = 0;
  this[kBytesWritten] = 0;
  this._closed = false;

  this.socket = null;
  this._header = null;
  this[kOutHeaders] = null;

  this._keepAliveTimeout = 0;
  this._onPendingData = nop;

  this[kErrored] = null;
  this[kHighWaterMark] = options?.highWaterMark ?? getDefaultHighWaterMark();
  this[kRejectNonStandardBodyWrites] =
    options?.rejectNonStandardBodyWrites ?? false;
}
ObjectSetPrototypeOf(OutgoingMessage.prototype, Stream.prototype);
ObjectSetPrototypeOf(OutgoingMessage, Stream);

function defineGetter(name, get, set) {
  ObjectDefineProperty(OutgoingMessage.prototype, name, {
    __proto__: null, configurable: true, enumerable: false, get, set,
  });
}

defineGetter('errored', function() { return this[kErrored]; });
defineGetter('closed', function() { return this._closed; });
defineGetter('writableFinished', function() {
  return this.finished && this.outputSize === 0 &&
    (!this.socket || this.socket.writableLength === 0);
});
defineGetter('writableObjectMode', function() { return false; });
defineGetter('writableLength', function() {
  return this.outputSize + (this.socket ? this.socket.writableLength : 0);
});
defineGetter('writableHighWaterMark', function() {
  return this.socket ? this.socket.writableHighWaterMark :
    this[kHighWaterMark];
});
defineGetter('writableCorked', function() { return this[kCorked]; });
defineGetter('writableEnded', function() { return this.finished; });
defineGetter('writableNeedDrain', function() {
  return !this.destroyed && !this.finished && this[kNeedDrain];
});
defineGetter('headersSent', function() { return !!this._header; });
ObjectDefineProperty(OutgoingMessage.prototype, 'connection', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return this.socket; },
  set(val) { this.socket = val; },
});

OutgoingMessage.prototype.cork = function cork() {
  this[kCorked]++;
  if (this.socket) this.socket.cork();
};

OutgoingMessage.prototype.uncork = function uncork() {
  if (this[kCorked] > 0) this[kCorked]--;
  if (this.socket) this.socket.uncork();
};

OutgoingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  if (!this.socket) {
    this.once('socket', function socketSetTimeoutOnConnect(socket) {
      socket.setTimeout(msecs);
    });
  } else {
    this.socket.setTimeout(msecs);
  }
  return this;
};

OutgoingMessage.prototype.destroy = function destroy(error) {
  if (this.destroyed) return this;
  this.destroyed = true;
  this[kErrored] = error;
  if (this.socket) {
    this.socket.destroy(error);
  } else {
    this.once('socket', function socketDestroyOnConnect(socket) {
      socket.destroy(error);
    });
  }
  return this;
};

// Queues `data` behind the head, which goes out with the first write.
OutgoingMessage.prototype._send = function _send(data, encoding, callback,
                                                 byteLength) {
  if (!this._headerSent && this._header !== null) {
    // With a UTF-8 string, the head goes out as UTF-8 too (as in Node).
    if (typeof data === 'string' &&
        (encoding === 'utf8' || encoding === 'latin1' || !encoding)) {
      data = this._header + data;
    } else {
      const header = this._header;
      ArrayPrototypeUnshift(this.outputData,
                            { data: header, encoding: 'latin1',
                              callback: null });
      this.outputSize += header.length;
      this._onPendingData(header.length);
    }
    this._headerSent = true;
  }
  return this._writeRaw(data, encoding, callback, byteLength);
};

OutgoingMessage.prototype._writeRaw = function _writeRaw(data, encoding,
                                                         callback, size) {
  const conn = this.socket;
  if (conn?.destroyed) return false;
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  if (conn && conn._httpMessage === this && conn.writable) {
    if (this.outputData.length) this._flushOutput(conn);
    return conn.write(data, encoding, callback);
  }
  ArrayPrototypePush(this.outputData, { data, encoding, callback });
  this.outputSize += data.length;
  this._onPendingData(data.length);
  return this.outputSize < this[kHighWaterMark];
};

OutgoingMessage.prototype._storeHeader = function _storeHeader(firstLine,
                                                               headers) {
  const state = {
    connection: false,
    contLen: false,
    te: false,
    date: false,
    expect: false,
    trailer: false,
    header: firstLine,
  };

  if (headers) {
    if (headers === this[kOutHeaders]) {
      for (const key in headers) {
        const entry = headers[key];
        processHeader(this, state, entry[0], entry[1], false);
      }
    } else if (ArrayIsArray(headers)) {
      if (headers.length && ArrayIsArray(headers[0])) {
        for (let i = 0; i < headers.length; i++) {
          const entry = headers[i];
          processHeader(this, state, entry[0], entry[1], true);
        }
      } else {
        if (headers.length % 2 !== 0) {
          throw new ERR_INVALID_ARG_VALUE('headers', headers);
        }
        for (let n = 0; n < headers.length; n += 2) {
          processHeader(this, state, headers[n], headers[n + 1], true);
        }
      }
    } else {
      for (const key in headers) {
        if (ObjectPrototypeHasOwnProperty(headers, key)) {
          processHeader(this, state, key, headers[key], true);
        }
      }
    }
  }

  let { header } = state;

  // setDefaultHeaders: false sends exactly the headers given.
  if (this[kSetDefaultHeaders] === false) {
    this._header = header + CRLF;
    this._headerSent = false;
    if (state.expect) this._send('');
    return;
  }

  if (!state.date && this.sendDate) {
    header += 'Date: ' + utcDate() + CRLF;
  }

  // A body-less message that claims a chunked body leaves the peer unsure
  // where the next message starts: the connection closes after it.
  if (state.te && !this._hasBody) this.shouldKeepAlive = false;

  // Keep-alive is offered only when the peer can tell where the body ends.
  if (this._removedConnection) {
    // No Connection header at all: HTTP/1.1's default (keep-alive) holds.
    this._last = !this.shouldKeepAlive;
  } else if (!state.connection) {
    const shouldSendKeepAlive = this.shouldKeepAlive &&
      (state.contLen || this.useChunkedEncodingByDefault || this.agent);
    if (shouldSendKeepAlive && this.maxRequestsOnConnectionReached) {
      header += 'Connection: close' + CRLF;
    } else if (shouldSendKeepAlive) {
      header += 'Connection: keep-alive' + CRLF;
      if (this._keepAliveTimeout && this._defaultKeepAlive) {
        const seconds = MathFloor(this._keepAliveTimeout / 1000);
        let max = '';
        if (~~this._maxRequestsPerSocket > 0) {
          max = `, max=${this._maxRequestsPerSocket}`;
        }
        header += `Keep-Alive: timeout=${seconds}${max}${CRLF}`;
      }
    } else {
      this._last = true;
      header += 'Connection: close' + CRLF;
    }
  }

  if (!state.contLen && !state.te) {
    if (!this._hasBody) {
      this.chunkedEncoding = false;
    } else if (!this.useChunkedEncodingByDefault) {
      this._last = true;
    } else if (!state.trailer && !this._removedContLen &&
               typeof this._contentLength === 'number') {
      header += 'Content-Length: ' + this._contentLength + CRLF;
    } else if (!this._removedTE) {
      header += 'Transfer-Encoding: chunked' + CRLF;
      this.chunkedEncoding = true;
    } else {
      // Neither framing header may be sent: the body ends with the
      // connection.
      this._last = true;
    }
  }

  if (this.chunkedEncoding !== true && state.trailer) {
    throw new ERR_HTTP_TRAILER_INVALID();
  }

  this._header = header + CRLF;
  this._headerSent = false;

  // An Expect header asks for the head now, before any body.
  if (state.expect) this._send('');
};

function processHeader(self, state, key, value, validate) {
  if (validate) validateHeaderName(key);
  // RFC 6266 4.3: a Content-Disposition value may carry UTF-8 bytes as a
  // latin1 string. When the body's length is known (end(data)), Node reads
  // them back as UTF-8 text, which the head then sends as such.
  if (self._contentLength && isContentDispositionField(key)) {
    value = ArrayIsArray(value) ?
      ArrayPrototypeMap(value, latin1BytesAsUtf8) : latin1BytesAsUtf8(value);
  }
  if (ArrayIsArray(value)) {
    // Cookies, and the headers the user declared unique, go on one line.
    if ((value.length < 2 || !isCookieField(key)) &&
        !isUniqueHeader(self, key)) {
      for (let i = 0; i < value.length; i++) {
        storeHeader(self, state, key, value[i], validate);
      }
      return;
    }
    value = ArrayPrototypeJoin(value, '; ');
  }
  storeHeader(self, state, key, value, validate);
}

function storeHeader(self, state, key, value, validate) {
  if (validate) validateHeaderValue(key, value);
  state.header += key + ': ' + value + CRLF;
  matchHeader(self, state, key, value);
}

function isUniqueHeader(self, key) {
  const unique = self[kUniqueHeaders];
  return unique != null && unique.has(StringPrototypeToLowerCase(key));
}

// The uniqueHeaders option: names whose values are joined into one line.
function parseUniqueHeadersOption(headers) {
  if (!ArrayIsArray(headers)) return null;
  const unique = new SafeSet();
  for (let i = 0; i < headers.length; i++) {
    unique.add(StringPrototypeToLowerCase(headers[i]));
  }
  return unique;
}

function isContentDispositionField(s) {
  return s.length === 19 &&
    StringPrototypeToLowerCase(s) === 'content-disposition';
}

function latin1BytesAsUtf8(value) {
  return `${Buffer.from(value, 'latin1')}`;
}

function isCookieField(s) {
  return s.length === 6 && StringPrototypeToLowerCase(s) === 'cookie';
}

// The headers that decide the framing of the message.
function matchHeader(self, state, field, value) {
  if (field.length < 4 || field.length > 17) return;
  field = lowerHeaderName(field);
  switch (field) {
    case 'connection':
      state.connection = true;
      self._removedConnection = false;
      if (RegExpPrototypeExec(RE_CONN_CLOSE, value) !== null) {
        self._last = true;
      } else {
        self.shouldKeepAlive = true;
      }
      break;
    case 'transfer-encoding':
      state.te = true;
      self._removedTE = false;
      if (RegExpPrototypeExec(chunkExpression, value) !== null) {
        self.chunkedEncoding = true;
      }
      break;
    case 'content-length':
      state.contLen = true;
      self._contentLength = +value;
      self._removedContLen = false;
      break;
    case 'date':
    case 'expect':
    case 'trailer':
      state[field] = true;
      break;
    case 'keep-alive':
      self._defaultKeepAlive = false;
      break;
  }
}

// Lower-cased header names for the names servers set most: a keyed store
// with a literal (internalized) key is cached by V8, one with the fresh
// string toLowerCase() makes misses every time.
const kLowerCaseNames = {
  __proto__: null,
  'Accept': 'accept',
  'accept': 'accept',
  'Accept-Encoding': 'accept-encoding',
  'accept-encoding': 'accept-encoding',
  'Accept-Language': 'accept-language',
  'accept-language': 'accept-language',
  'Accept-Ranges': 'accept-ranges',
  'accept-ranges': 'accept-ranges',
  'Access-Control-Allow-Origin': 'access-control-allow-origin',
  'access-control-allow-origin': 'access-control-allow-origin',
  'Age': 'age',
  'age': 'age',
  'Allow': 'allow',
  'allow': 'allow',
  'Authorization': 'authorization',
  'authorization': 'authorization',
  'Cache-Control': 'cache-control',
  'cache-control': 'cache-control',
  'Connection': 'connection',
  'connection': 'connection',
  'Content-Disposition': 'content-disposition',
  'content-disposition': 'content-disposition',
  'Content-Encoding': 'content-encoding',
  'content-encoding': 'content-encoding',
  'Content-Language': 'content-language',
  'content-language': 'content-language',
  'Content-Length': 'content-length',
  'content-length': 'content-length',
  'Content-Location': 'content-location',
  'content-location': 'content-location',
  'Content-Range': 'content-range',
  'content-range': 'content-range',
  'Content-Security-Policy': 'content-security-policy',
  'content-security-policy': 'content-security-policy',
  'Content-Type': 'content-type',
  'content-type': 'content-type',
  'Cookie': 'cookie',
  'cookie': 'cookie',
  'Date': 'date',
  'date': 'date',
  'ETag': 'etag',
  'etag': 'etag',
  'Expect': 'expect',
  'expect': 'expect',
  'Expires': 'expires',
  'expires': 'expires',
  'Host': 'host',
  'host': 'host',
  'If-Modified-Since': 'if-modified-since',
  'if-modified-since': 'if-modified-since',
  'If-None-Match': 'if-none-match',
  'if-none-match': 'if-none-match',
  'Keep-Alive': 'keep-alive',
  'keep-alive': 'keep-alive',
  'Last-Modified': 'last-modified',
  'last-modified': 'last-modified',
  'Link': 'link',
  'link': 'link',
  'Location': 'location',
  'location': 'location',
  'Origin': 'origin',
  'origin': 'origin',
  'Pragma': 'pragma',
  'pragma': 'pragma',
  'Referer': 'referer',
  'referer': 'referer',
  'Retry-After': 'retry-after',
  'retry-after': 'retry-after',
  'Server': 'server',
  'server': 'server',
  'Set-Cookie': 'set-cookie',
  'set-cookie': 'set-cookie',
  'Strict-Transport-Security': 'strict-transport-security',
  'strict-transport-security': 'strict-transport-security',
  'Trailer': 'trailer',
  'trailer': 'trailer',
  'Transfer-Encoding': 'transfer-encoding',
  'transfer-encoding': 'transfer-encoding',
  'Upgrade': 'upgrade',
  'upgrade': 'upgrade',
  'User-Agent': 'user-agent',
  'user-agent': 'user-agent',
  'Vary': 'vary',
  'vary': 'vary',
  'Via': 'via',
  'via': 'via',
  'WWW-Authenticate': 'www-authenticate',
  'www-authenticate': 'www-authenticate',
  'X-Content-Type-Options': 'x-content-type-options',
  'x-content-type-options': 'x-content-type-options',
  'X-Frame-Options': 'x-frame-options',
  'x-frame-options': 'x-frame-options',
  'X-Powered-By': 'x-powered-by',
  'x-powered-by': 'x-powered-by',
  'X-Request-Id': 'x-request-id',
  'x-request-id': 'x-request-id',
};
function lowerHeaderName(name) {
  const known = kLowerCaseNames[name];
  return known !== undefined ? known : StringPrototypeToLowerCase(name);
}

OutgoingMessage.prototype.setHeader = function setHeader(name, value) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('set');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  const headers = this[kOutHeaders] ??= { __proto__: null };
  headers[lowerHeaderName(name)] = [name, value];
  return this;
};

OutgoingMessage.prototype.setHeaders = function setHeaders(headers) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('set');
  if (!headers || ArrayIsArray(headers) ||
      typeof headers.keys !== 'function' ||
      typeof headers.get !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('headers', ['Headers', 'Map'], headers);
  }
  // A Headers object joins repeated Set-Cookie values; they must stay
  // separate lines.
  const cookies = [];
  for (const { 0: key, 1: value } of headers) {
    if (key === 'set-cookie') {
      if (ArrayIsArray(value)) {
        for (let i = 0; i < value.length; i++) {
          ArrayPrototypePush(cookies, value[i]);
        }
      } else {
        ArrayPrototypePush(cookies, value);
      }
      continue;
    }
    this.setHeader(key, value);
  }
  if (cookies.length) this.setHeader('set-cookie', cookies);
  return this;
};

OutgoingMessage.prototype.appendHeader = function appendHeader(name, value) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('append');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  const field = lowerHeaderName(name);
  const headers = this[kOutHeaders] ??= { __proto__: null };
  const entry = headers[field];
  if (entry === undefined) {
    headers[field] = [name, value];
    return this;
  }
  const existing = entry[1];
  const values = ArrayIsArray(existing) ? existing : [existing];
  if (ArrayIsArray(value)) {
    for (let i = 0; i < value.length; i++) {
      ArrayPrototypePush(values, value[i]);
    }
  } else {
    ArrayPrototypePush(values, value);
  }
  entry[1] = values;
  return this;
};

OutgoingMessage.prototype.getHeader = function getHeader(name) {
  validateString(name, 'name');
  const headers = this[kOutHeaders];
  if (headers === null) return;
  const entry = headers[lowerHeaderName(name)];
  return entry && entry[1];
};

OutgoingMessage.prototype.getHeaderNames = function getHeaderNames() {
  return this[kOutHeaders] !== null ? ObjectKeys(this[kOutHeaders]) : [];
};

OutgoingMessage.prototype.getRawHeaderNames = function getRawHeaderNames() {
  const headers = this[kOutHeaders];
  if (headers === null) return [];
  const values = ObjectValues(headers);
  const names = new Array(values.length);
  for (let i = 0; i < values.length; i++) names[i] = values[i][0];
  return names;
};

OutgoingMessage.prototype.getHeaders = function getHeaders() {
  const headers = this[kOutHeaders];
  const ret = { __proto__: null };
  if (headers) {
    for (const key in headers) ret[key] = headers[key][1];
  }
  return ret;
};

OutgoingMessage.prototype.hasHeader = function hasHeader(name) {
  validateString(name, 'name');
  return this[kOutHeaders] !== null &&
    !!this[kOutHeaders][lowerHeaderName(name)];
};

OutgoingMessage.prototype.removeHeader = function removeHeader(name) {
  validateString(name, 'name');
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('remove');
  const key = lowerHeaderName(name);
  switch (key) {
    case 'connection':
      this._removedConnection = true;
      break;
    case 'content-length':
      this._removedContLen = true;
      break;
    case 'transfer-encoding':
      this._removedTE = true;
      break;
    case 'date':
      this.sendDate = false;
      break;
  }
  if (this[kOutHeaders] !== null) delete this[kOutHeaders][key];
};

// The legacy view of the headers: raw names to values.
OutgoingMessage.prototype._renderHeaders = function _renderHeaders() {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('render');
  const headersMap = this[kOutHeaders];
  const headers = {};
  if (headersMap !== null) {
    for (const key in headersMap) {
      headers[headersMap[key][0]] = headersMap[key][1];
    }
  }
  return headers;
};

OutgoingMessage.prototype._implicitHeader = function _implicitHeader() {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_implicitHeader()');
};

OutgoingMessage.prototype.write = function write(chunk, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  const ret = writeChunk(this, chunk, encoding, callback, false);
  if (!ret) this[kNeedDrain] = true;
  return ret;
};

function writeChunk(msg, chunk, encoding, callback, fromEnd) {
  if (typeof callback !== 'function') callback = nop;

  if (chunk === null) {
    throw new ERR_STREAM_NULL_VALUES();
  } else if (typeof chunk !== 'string' && !isUint8Array(chunk)) {
    throw new ERR_INVALID_ARG_TYPE(
      'chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
  }

  let err;
  if (msg.finished) {
    err = new ERR_STREAM_WRITE_AFTER_END();
  } else if (msg.destroyed) {
    err = new ERR_STREAM_DESTROYED('write');
  }
  if (err) {
    if (!msg.destroyed) {
      onError(msg, err, callback);
    } else {
      process.nextTick(callback, err);
    }
    return false;
  }

  let len;
  if (msg.strictContentLength) {
    len ??= typeof chunk === 'string' ?
      Buffer.byteLength(chunk, encoding) : chunk.byteLength;
    if (strictContentLengthMismatch(msg, len, fromEnd)) {
      throw new ERR_HTTP_CONTENT_LENGTH_MISMATCH(
        len + msg[kBytesWritten], msg._contentLength);
    }
    msg[kBytesWritten] += len;
  }

  if (!msg._header) {
    if (fromEnd) {
      len ??= typeof chunk === 'string' ?
        Buffer.byteLength(chunk, encoding) : chunk.byteLength;
      msg._contentLength = len;
    }
    msg._implicitHeader();
  }

  if (!msg._hasBody) {
    if (msg[kRejectNonStandardBodyWrites]) {
      throw new ERR_HTTP_BODY_NOT_ALLOWED();
    } else {
      process.nextTick(callback);
      return true;
    }
  }

  // Writes in one tick leave in one packet.
  if (!fromEnd && msg.socket && !msg.socket.writableCorked) {
    msg.socket.cork();
    process.nextTick(connectionCorkNT, msg.socket);
  }

  let ret;
  if (msg.chunkedEncoding && chunk.length !== 0) {
    len ??= typeof chunk === 'string' ?
      Buffer.byteLength(chunk, encoding) : chunk.byteLength;
    msg._send(NumberPrototypeToString(len, 16), 'latin1', null);
    msg._send(crlfBuf, null, null);
    msg._send(chunk, encoding, null, len);
    ret = msg._send(crlfBuf, null, callback);
  } else {
    ret = msg._send(chunk, encoding, callback, len);
  }
  return ret;
}

function strictContentLengthMismatch(msg, len, fromEnd) {
  if (msg.chunkedEncoding || msg._contentLength === null ||
      typeof msg._contentLength !== 'number') {
    return false;
  }
  const total = len + msg[kBytesWritten];
  return fromEnd ? total !== msg._contentLength : total > msg._contentLength;
}

function connectionCorkNT(conn) {
  conn.uncork();
}

function onError(msg, err, callback) {
  if (msg.destroyed) return;
  process.nextTick(emitErrorNT, msg, err, callback);
}

function emitErrorNT(msg, err, callback) {
  callback(err);
  if (typeof msg.emit === 'function' && !msg.destroyed) {
    msg.emit('error', err);
  }
}

OutgoingMessage.prototype.addTrailers = function addTrailers(headers) {
  this._trailer = '';
  const isArray = ArrayIsArray(headers);
  const keys = isArray ? null : ObjectKeys(headers);
  const count = isArray ? headers.length : keys.length;
  for (let i = 0; i < count; i++) {
    let field, value;
    if (isArray) {
      field = headers[i][0];
      value = headers[i][1];
    } else {
      field = keys[i];
      value = headers[field];
    }
    validateHeaderName(field, 'Trailer name');
    if (ArrayIsArray(value) && value.length > 1 && !isCookieField(field) &&
        !isUniqueHeader(this, field)) {
      for (let j = 0; j < value.length; j++) {
        if (checkInvalidHeaderChar(value[j])) {
          throw new ERR_INVALID_CHAR('trailer content', field);
        }
        this._trailer += field + ': ' + value[j] + CRLF;
      }
    } else {
      if (ArrayIsArray(value)) value = ArrayPrototypeJoin(value, '; ');
      if (checkInvalidHeaderChar(value)) {
        throw new ERR_INVALID_CHAR('trailer content', field);
      }
      this._trailer += field + ': ' + value + CRLF;
    }
  }
};

function onFinish(msg) {
  if (msg?.socket?._hadError) return;
  msg.emit('finish');
}

OutgoingMessage.prototype.end = function end(chunk, encoding, callback) {
  if (typeof chunk === 'function') {
    callback = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }

  if (chunk) {
    if (this.finished) {
      onError(this, new ERR_STREAM_WRITE_AFTER_END(),
              typeof callback !== 'function' ? nop : callback);
      return this;
    }
    if (this.socket) this.socket.cork();
    writeChunk(this, chunk, encoding, null, true);
  } else if (this.finished) {
    if (typeof callback === 'function') {
      if (!this.writableFinished) {
        this.on('finish', callback);
      } else {
        callback(new ERR_STREAM_ALREADY_FINISHED('end'));
      }
    }
    return this;
  } else if (!this._header) {
    if (this.socket) this.socket.cork();
    this._contentLength = 0;
    this._implicitHeader();
  }

  if (typeof callback === 'function') this.once('finish', callback);

  if (this.strictContentLength &&
      strictContentLengthMismatch(this, 0, true)) {
    throw new ERR_HTTP_CONTENT_LENGTH_MISMATCH(this[kBytesWritten],
                                               this._contentLength);
  }

  const finish = onFinish.bind(undefined, this);

  if (this._hasBody && this.chunkedEncoding) {
    this._send('0' + CRLF + this._trailer + CRLF, 'latin1', finish);
  } else if (!this._headerSent || this.writableLength || chunk) {
    this._send('', 'latin1', finish);
  } else {
    process.nextTick(finish);
  }

  if (this.socket) {
    // Undo every cork of this message at once: the whole of it leaves now.
    this.socket._writableState.corked = 1;
    this.socket.uncork();
  }
  this[kCorked] = 0;

  this.finished = true;

  // With nothing left to flush and the socket its own, the message is
  // finished; otherwise _flush() finishes it once it has a socket.
  if (this.outputData.length === 0 && this.socket?._httpMessage === this) {
    this._finish();
  }

  return this;
};

OutgoingMessage.prototype._finish = function _finish() {
  this.emit('prefinish');
};

// Writes what waited for the socket; called when one is assigned.
OutgoingMessage.prototype._flush = function _flush() {
  const socket = this.socket;
  if (socket && socket.writable) {
    const ret = this._flushOutput(socket);
    if (this.finished) {
      this._finish();
    } else if (ret && this[kNeedDrain]) {
      this[kNeedDrain] = false;
      this.emit('drain');
    }
  }
};

OutgoingMessage.prototype._flushOutput = function _flushOutput(socket) {
  while (this[kCorked]) {
    this[kCorked]--;
    socket.cork();
  }
  const outputLength = this.outputData.length;
  if (outputLength <= 0) return undefined;

  const outputData = this.outputData;
  socket.cork();
  let ret;
  for (let i = 0; i < outputLength; i++) {
    const { data, encoding, callback } = outputData[i];
    // A callback of an earlier write may have ended the socket.
    outputData[i].data = null;
    ret = socket.write(data, encoding, callback);
  }
  socket.uncork();

  this.outputData = [];
  this._onPendingData(-this.outputSize);
  this.outputSize = 0;
  return ret;
};

OutgoingMessage.prototype.flushHeaders = function flushHeaders() {
  if (!this._header) this._implicitHeader();
  // The head goes out on its own.
  this._send('');
};

OutgoingMessage.prototype.pipe = function pipe() {
  // An OutgoingMessage is writable only.
  this.emit('error', new ERR_STREAM_CANNOT_PIPE());
};

OutgoingMessage.prototype[require('events').captureRejectionSymbol] =
function(err, event) {
  this.destroy(err);
};

module.exports = {
  kHighWaterMark,
  kSetDefaultHeaders,
  parseUniqueHeadersOption,
  kUniqueHeaders,
  kNeedDrain,
  kOutHeaders,
  kErrored,
  validateHeaderName,
  validateHeaderValue,
  OutgoingMessage,
  utcDate,
};
