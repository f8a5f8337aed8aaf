'use strict';

// http.IncomingMessage: a request on the server, a response on the client.
// The parser pushes the body into it; headers are kept raw and turned into
// the `headers` objects only when someone asks.

const {
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  StringPrototypeCharCodeAt,
  StringPrototypeToLowerCase,
  Symbol,
} = primordials;

const { Readable, finished } = require('stream');

const kHeaders = Symbol('kHeaders');
const kHeadersDistinct = Symbol('kHeadersDistinct');
const kHeadersCount = Symbol('kHeadersCount');
const kTrailers = Symbol('kTrailers');
const kTrailersDistinct = Symbol('kTrailersDistinct');
const kTrailersCount = Symbol('kTrailersCount');

// Flow control of the connection under a message: the body is pushed as it
// is parsed, so reading stops when the message's buffer is full.
function readStart(socket) {
  if (socket && !socket._paused && socket.readable) socket.resume();
}

function readStop(socket) {
  if (socket) socket.pause();
}

function IncomingMessage(socket) {
  let streamOptions;
  if (socket) {
    streamOptions = { highWaterMark: socket.readableHighWaterMark };
  }
  Readable.call(this, streamOptions);

  this._readableState.readingMore = true;

  this.socket = socket;
  this.httpVersionMajor = null;
  this.httpVersionMinor = null;
  this.httpVersion = null;
  this.complete = false;
  this[kHeaders] = null;
  this[kHeadersCount] = 0;
  this.rawHeaders = [];
  this[kTrailers] = null;
  this[kTrailersCount] = 0;
  this.rawTrailers = [];
  this.joinDuplicateHeaders = false;
  this.aborted = false;
  this.upgrade = null;
  this.url = '';
  this.method = null;
  this.statusCode = null;
  this.statusMessage = null;
  this.client = socket;
  this._consuming = false;
  // Set when the body is thrown away without being read.
  this._dumped = false;
}
ObjectSetPrototypeOf(IncomingMessage.prototype, Readable.prototype);
ObjectSetPrototypeOf(IncomingMessage, Readable);

ObjectDefineProperty(IncomingMessage.prototype, 'connection', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return this.socket; },
  set(val) { this.socket = val; },
});

function headersGetter(rawKey, cacheKey, countKey, distinct) {
  return {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      if (this[cacheKey] === null || this[cacheKey] === undefined) {
        const dest = this[cacheKey] = {};
        const src = this[rawKey];
        for (let n = 0; n < this[countKey]; n += 2) {
          if (distinct) {
            addDistinct(src[n], src[n + 1], dest);
          } else {
            this._addHeaderLine(src[n], src[n + 1], dest);
          }
        }
      }
      return this[cacheKey];
    },
    set(val) { this[cacheKey] = val; },
  };
}

ObjectDefineProperty(IncomingMessage.prototype, 'headers',
                     headersGetter('rawHeaders', kHeaders, kHeadersCount,
                                   false));
ObjectDefineProperty(IncomingMessage.prototype, 'headersDistinct',
                     headersGetter('rawHeaders', kHeadersDistinct,
                                   kHeadersCount, true));
ObjectDefineProperty(IncomingMessage.prototype, 'trailers',
                     headersGetter('rawTrailers', kTrailers, kTrailersCount,
                                   false));
ObjectDefineProperty(IncomingMessage.prototype, 'trailersDistinct',
                     headersGetter('rawTrailers', kTrailersDistinct,
                                   kTrailersCount, true));

IncomingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  this.socket.setTimeout(msecs);
  return this;
};

IncomingMessage.prototype._read = function _read(n) {
  if (!this._consuming) {
    this._readableState.readingMore = false;
    this._consuming = true;
  }
  // The parser pushes as data arrives; a read only restarts the socket.
  if (this.socket.readable) readStart(this.socket);
};

// A message destroyed before its end aborts the connection under it:
// the rest of its body would otherwise be read as the next message.
IncomingMessage.prototype._destroy = function _destroy(err, cb) {
  if (!this.readableEnded || !this.complete) {
    this.aborted = true;
    this.emit('aborted');
  }

  if (this.socket && !this.socket.destroyed && this.aborted) {
    this.socket.destroy(err);
    const cleanup = finished(this.socket, (e) => {
      if (e?.code === 'ERR_STREAM_PREMATURE_CLOSE') e = null;
      cleanup();
      process.nextTick(onError, this, e || err, cb);
    });
  } else {
    process.nextTick(onError, this, err, cb);
  }
};

IncomingMessage.prototype._addHeaderLines = function _addHeaderLines(headers,
                                                                     n) {
  if (headers?.length) {
    let dest;
    if (this.complete) {
      this.rawTrailers = headers;
      this[kTrailersCount] = n;
      dest = this[kTrailers];
    } else {
      this.rawHeaders = headers;
      this[kHeadersCount] = n;
      dest = this[kHeaders];
    }
    // Only when the object was already built (or assigned) are the lines
    // added to it now; otherwise the getter builds it on demand.
    if (dest) {
      for (let i = 0; i < n; i += 2) {
        this._addHeaderLine(headers[i], headers[i + 1], dest);
      }
    }
  }
};

// How a repeated header combines, by its lower-case name: 'set-cookie'
// collects an array, 'cookie' joins with '; ', the fields that may appear
// only once keep their first value, every other joins with ', '.
const kDropDuplicate = 0;
const kArray = 1;
const kJoinSemicolon = 2;
const kJoinComma = 3;

const singleValueHeaders = {
  __proto__: null,
  'content-type': true,
  'content-length': true,
  'user-agent': true,
  'referer': true,
  'host': true,
  'authorization': true,
  'proxy-authorization': true,
  'if-modified-since': true,
  'if-unmodified-since': true,
  'from': true,
  'location': true,
  'max-forwards': true,
  'retry-after': true,
  'etag': true,
  'last-modified': true,
  'server': true,
  'age': true,
  'expires': true,
};

function fieldKind(lowerName) {
  if (lowerName === 'set-cookie') return kArray;
  if (lowerName === 'cookie') return kJoinSemicolon;
  if (singleValueHeaders[lowerName] === true) return kDropDuplicate;
  return kJoinComma;
}

IncomingMessage.prototype._addHeaderLine = function _addHeaderLine(field,
                                                                   value,
                                                                   dest) {
  const name = lowerCaseName(field);
  const kind = fieldKind(name);
  if (kind === kArray) {
    // Set-Cookie stays a list even when duplicates are joined.
    if (dest[name] !== undefined) {
      dest[name].push(value);
    } else {
      dest[name] = [value];
    }
  } else if (kind === kDropDuplicate) {
    if (dest[name] === undefined) {
      dest[name] = value;
    } else if (this.joinDuplicateHeaders) {
      dest[name] += ', ' + value;
    }
  } else if (typeof dest[name] === 'string') {
    dest[name] += (kind === kJoinSemicolon ? '; ' : ', ') + value;
  } else {
    dest[name] = value;
  }
};

function addDistinct(field, value, dest) {
  const name = lowerCaseName(field);
  if (dest[name] === undefined) {
    dest[name] = [value];
  } else {
    dest[name].push(value);
  }
}

// Most header names arrive already in lower case; skip the allocation then.
function lowerCaseName(field) {
  for (let i = 0; i < field.length; i++) {
    const c = StringPrototypeCharCodeAt(field, i);
    if (c >= 65 && c <= 90) return StringPrototypeToLowerCase(field);
  }
  return field;
}

// Throws the body away so the connection can carry the next message.
IncomingMessage.prototype._dump = function _dump() {
  if (!this._dumped) {
    this._dumped = true;
    // The body may still be arriving: discard it as it comes.
    this.removeAllListeners('data');
    this.resume();
  }
};

function onError(self, error, cb) {
  // An 'error' listener is optional on an IncomingMessage: Node emits
  // errors only when someone listens.
  if (self.listenerCount('error') === 0) {
    cb();
  } else {
    cb(error);
  }
}

module.exports = {
  IncomingMessage,
  readStart,
  readStop,
};
