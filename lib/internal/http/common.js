'use strict';

// What the http server and client share: the llhttp parser binding and a
// pool of parsers, the parser callbacks that turn llhttp's events into an
// IncomingMessage, and the token and header-value checks of RFC 9110.

const {
  MathMin,
  RegExpPrototypeExec,
  Symbol,
} = primordials;

const { HTTPParser, methods, allMethods } = internalBinding('http_parser');
const { getOptionValue } = require('internal/options');
const FreeList = require('internal/freelist');
const { IncomingMessage, readStart, readStop } =
  require('internal/http/incoming');

// The diagnostics channels http publishes on (Node's names).
const dc = require('diagnostics_channel');
const channels = {
  clientRequestCreated: dc.channel('http.client.request.created'),
  clientRequestStart: dc.channel('http.client.request.start'),
  clientRequestError: dc.channel('http.client.request.error'),
  clientResponseFinish: dc.channel('http.client.response.finish'),
  serverRequestStart: dc.channel('http.server.request.start'),
  serverResponseCreated: dc.channel('http.server.response.created'),
  serverResponseFinish: dc.channel('http.server.response.finish'),
};

const kIncomingMessage = Symbol('IncomingMessage');
const kRequestTimeout = Symbol('RequestTimeout');
const kOnMessageBegin = HTTPParser.kOnMessageBegin | 0;
const kOnHeaders = HTTPParser.kOnHeaders | 0;
const kOnHeadersComplete = HTTPParser.kOnHeadersComplete | 0;
const kOnBody = HTTPParser.kOnBody | 0;
const kOnMessageComplete = HTTPParser.kOnMessageComplete | 0;
const kOnExecute = HTTPParser.kOnExecute | 0;
const kOnTimeout = HTTPParser.kOnTimeout | 0;

const CRLF = '\r\n';

// llhttp delivers headers in batches of 32 pairs while a message's head is
// still arriving; the batches are collected here until the head completes.
function parserOnHeaders(headers, url) {
  if (this.maxHeaderPairs <= 0 ||
      this._headers.length < this.maxHeaderPairs) {
    for (let i = 0; i < headers.length; i++) this._headers.push(headers[i]);
  }
  this._url += url;
}

// The head of a request or a response is complete: build its
// IncomingMessage and let the server or the client decide what happens to
// the body (the return value tells llhttp: 0 parse it, 1 skip it, 2 the
// connection is upgraded).
function parserOnHeadersComplete(versionMajor, versionMinor, headers, method,
                                 url, statusCode, statusMessage, upgrade,
                                 shouldKeepAlive) {
  const parser = this;
  const { socket } = parser;

  if (headers === undefined) {
    headers = parser._headers;
    parser._headers = [];
  }
  if (url === undefined) {
    url = parser._url;
    parser._url = '';
  }

  const Incoming = socket?.server?.[kIncomingMessage] || IncomingMessage;
  const incoming = parser.incoming = new Incoming(socket);
  incoming.httpVersionMajor = versionMajor;
  incoming.httpVersionMinor = versionMinor;
  incoming.httpVersion = `${versionMajor}.${versionMinor}`;
  incoming.joinDuplicateHeaders = socket?.server?.joinDuplicateHeaders ||
    parser.joinDuplicateHeaders;
  incoming.url = url;
  incoming.upgrade = upgrade;

  let n = headers.length;
  if (parser.maxHeaderPairs > 0) n = MathMin(n, parser.maxHeaderPairs);
  incoming._addHeaderLines(headers, n);

  if (typeof method === 'number') {
    incoming.method = allMethods[method];
  } else {
    incoming.statusCode = statusCode;
    incoming.statusMessage = statusMessage;
  }

  return parser.onIncoming(incoming, shouldKeepAlive);
}

function parserOnBody(chunk) {
  const stream = this.incoming;
  if (stream === null || stream._dumped) return;
  if (!stream.push(chunk)) readStop(this.socket);
}

function parserOnMessageComplete() {
  const parser = this;
  const stream = parser.incoming;
  if (stream !== null) {
    stream.complete = true;
    // What arrived after a chunked body is its trailers.
    const headers = parser._headers;
    if (headers.length) {
      stream._addHeaderLines(headers, headers.length);
      parser._headers = [];
      parser._url = '';
    }
    stream.push(null);
  }
  readStart(parser.socket);
}

function newParser() {
  const parser = new HTTPParser();
  parser[kOnHeaders] = parserOnHeaders;
  parser[kOnHeadersComplete] = parserOnHeadersComplete;
  parser[kOnBody] = parserOnBody;
  parser[kOnMessageComplete] = parserOnMessageComplete;
  // The per-connection fields start as a freed parser's are reset.
  cleanParser(parser);
  return parser;
}

// A server allocates one parser per connection; up to 1000 freed ones are
// kept for reuse (http.setMaxIdleHTTPParsers changes that).
const parsers = new FreeList('parsers', 1000, newParser);

function cleanParser(parser) {
  parser._headers = [];
  parser._url = '';
  parser.socket = null;
  parser.incoming = null;
  parser.outgoing = null;
  parser.maxHeaderPairs = 2000;
  parser[kOnMessageBegin] = null;
  parser[kOnExecute] = null;
  parser[kOnTimeout] = null;
  parser._consumed = false;
  parser.onIncoming = null;
  parser.joinDuplicateHeaders = null;
}

// Returns the parser to the pool once its connection is done with it.
function freeParser(parser, req, socket) {
  if (parser) {
    if (parser._consumed) parser.unconsume();
    cleanParser(parser);
    parser.remove();
    if (parsers.free(parser) === false) {
      parser.free();
    }
  }
  if (req) req.parser = null;
  if (socket) socket.parser = null;
}

function setMaxIdleHTTPParsers(max) {
  const { validateInteger } = require('internal/validators');
  validateInteger(max, 'max', 1);
  parsers.max = max;
}

const tokenRegExp = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
// Whether `val` is a token of RFC 9110 (a header name or a method).
function checkIsHttpToken(val) {
  return RegExpPrototypeExec(tokenRegExp, val) !== null;
}

const headerCharRegex = /[^\t\x20-\x7e\x80-\xff]/;
// Whether a header value holds a character a field value cannot: controls
// other than tab, and anything past latin-1.
function checkInvalidHeaderChar(val) {
  return RegExpPrototypeExec(headerCharRegex, val) !== null;
}

// The parser's error, with what Node adds for 'clientError' listeners:
// the raw bytes of the packet that failed.
function prepareError(err, parser, rawPacket) {
  err.rawPacket = rawPacket || parser.getCurrentBuffer();
  if (typeof err.reason === 'string') {
    err.message = `Parse Error: ${err.reason}`;
  }
}

let insecureParser;
function isLenient() {
  insecureParser ??= getOptionValue('--insecure-http-parser');
  return insecureParser;
}

// Trace events of node.http: a nestable async span per server request
// (http.server.request) and per client request (http.client.request). The
// category's flag is looked up on first use (never in the snapshot).
const kTraceEventId = Symbol('kTraceEventId');
const kTraceHttpCategory = 'node,node.http';
let traceBinding;
let httpTraceFlag;
let lastTraceEventId = 0;

function isTraceHTTPEnabled() {
  if (httpTraceFlag === undefined) {
    traceBinding = internalBinding('trace_events');
    httpTraceFlag = traceBinding.getCategoryEnabledBuffer('node.http');
  }
  return httpTraceFlag[0] !== 0;
}

function getNextTraceEventId() {
  return ++lastTraceEventId;
}

function traceBegin(name, id) {
  traceBinding.trace(98, kTraceHttpCategory, name, id);  // 'b'
}

function traceEnd(name, id, data) {
  traceBinding.trace(101, kTraceHttpCategory, name, id, data);  // 'e'
}

module.exports = {
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  getNextTraceEventId,
  isTraceHTTPEnabled,
  kTraceEventId,
  traceBegin,
  traceEnd,
  channels,
  _checkIsHttpToken: checkIsHttpToken,
  chunkExpression: /(?:^|\W)chunked(?:$|\W)/i,
  continueExpression: /(?:^|\W)100-continue(?:$|\W)/i,
  CRLF,
  freeParser,
  methods,
  parsers,
  kIncomingMessage,
  kRequestTimeout,
  HTTPParser,
  isLenient,
  prepareError,
  setMaxIdleHTTPParsers,
};
