'use strict';

// fetch() (https://fetch.spec.whatwg.org/#fetch-method) on lode's own http
// client: data: and blob: URLs are answered here, http: and https: URLs go
// out through keep-alive agents of fetch's own, one request per redirect
// hop. The response body streams from the IncomingMessage (decoded when
// the zlib module exists) into a byte ReadableStream. Failures reject with
// Node's "fetch failed" TypeError and the cause.

const {
  ArrayPrototypePush,
  ArrayPrototypeReverse,
  ArrayPrototypeSlice,
  Error,
  Promise,
  PromiseReject,
  ReflectApply,
  StringPrototypeCharCodeAt,
  StringPrototypeIncludes,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeToLowerCase,
  StringPrototypeTrim,
  TypeError,
  Uint8Array,
} = primordials;

const {
  codes: {
  },
} = require('internal/errors');
const { Buffer } = require('buffer');
const { isUint8Array } = require('internal/util/types');
const { isBlob, resolveObjectURL } = require('internal/blob');
const {
  ReadableStream,
  ReadableStreamDefaultReader,
  readableStreamCancel,
} = require('internal/webstreams/readablestream');
const { kResistStopPropagation } = require('internal/event_target');
const { Request, getRequestState } = require('internal/fetch/request');
const { createNetworkResponse } = require('internal/fetch/response');
const { HeaderList, getHeadersList } = require('internal/fetch/headers');
const {
  bodyStream,
  cancelBody,
  createBody,
  pumpReader,
} = require('internal/fetch/body');
const {
  kBadPorts,
  kNullBodyStatus,
  kRedirectStatus,
} = require('internal/fetch/util');
const { dataURLProcessor } = require('internal/data_url');

let URL;
let http;
let agent;
let zlib;
let zlibLooked = false;
let pipeline;

function lazyZlib() {
  if (!zlibLooked) {
    zlibLooked = true;
    const { BuiltinModule } = require('internal/bootstrap/realm');
    if (BuiltinModule.exists('zlib')) zlib = require('zlib');
  }
  return zlib;
}

function hasZlib() {
  if (zlibLooked) return zlib !== undefined;
  const { BuiltinModule } = require('internal/bootstrap/realm');
  return BuiltinModule.exists('zlib');
}

function fetchAgent() {
  if (agent === undefined) {
    http = require('http');
    agent = new http.Agent({ keepAlive: true, timeout: 4000 });
  }
  return agent;
}

let https;
let isIP;
let secureAgent;
// https: URLs go over TLS with an agent of their own (certificates are
// checked as https.request checks them).
function fetchSecureAgent() {
  if (secureAgent === undefined) {
    https = require('https');
    secureAgent = new https.Agent({ keepAlive: true, timeout: 4000 });
  }
  return secureAgent;
}

function sameOrigin(a, b) {
  return a.protocol === b.protocol && a.hostname === b.hostname &&
    a.port === b.port;
}

// ---- content-encoding -------------------------------------------------------

// "deflate" is the zlib format, but some servers send raw deflate: the
// first byte tells them apart.
function createDeflateDecoder(zlib, options) {
  const { Transform } = require('stream');
  let inner = null;
  const outer = new Transform({
    transform(chunk, encoding, callback) {
      if (chunk.length === 0) return callback();
      if (inner === null) {
        inner = (chunk[0] & 0x0F) === 0x08 ?
          zlib.createInflate(options) : zlib.createInflateRaw(options);
        inner.on('data', (data) => outer.push(data));
        inner.on('error', (error) => outer.destroy(error));
      }
      inner.write(chunk, () => callback());
    },
    flush(callback) {
      if (inner === null) return callback();
      inner.once('end', () => callback());
      inner.end();
    },
  });
  return outer;
}

// The decoders for a Content-Encoding value (outermost coding last), or
// an empty list when one of them is unknown or zlib is missing.
function createDecoders(contentEncoding) {
  const codings = StringPrototypeSplit(contentEncoding, ',');
  const zlib = lazyZlib();
  if (zlib === undefined) return [];
  const constants = zlib.constants ?? {};
  const zlibOptions = {
    flush: constants.Z_SYNC_FLUSH,
    finishFlush: constants.Z_SYNC_FLUSH,
  };
  const decoders = [];
  ArrayPrototypeReverse(codings);
  for (let i = 0; i < codings.length; i++) {
    const coding = StringPrototypeToLowerCase(StringPrototypeTrim(codings[i]));
    if (coding === 'gzip' || coding === 'x-gzip') {
      ArrayPrototypePush(decoders, zlib.createGunzip(zlibOptions));
    } else if (coding === 'deflate') {
      ArrayPrototypePush(decoders, createDeflateDecoder(zlib, zlibOptions));
    } else if (coding === 'br') {
      ArrayPrototypePush(decoders, zlib.createBrotliDecompress({
        flush: constants.BROTLI_OPERATION_FLUSH,
        finishFlush: constants.BROTLI_OPERATION_FLUSH,
      }));
    } else if (coding !== 'identity' && coding !== '') {
      return [];
    }
  }
  return decoders;
}

// ---- The fetch ------------------------------------------------------------

function fetchFailed(cause) {
  return new TypeError('fetch failed', { cause });
}

class Fetch {
  constructor(request, resolve, reject) {
    this.request = request;
    this.resolve = resolve;
    this.reject = reject;
    this.urlList = [request.urlList[0]];
    this.redirectCount = 0;
    this.signal = request.signalParent;
    this.onAbort = null;
    // A response was handed out (the promise is settled).
    this.settled = false;
    // Nothing more will happen: the body ended, or the fetch failed.
    this.finished = false;
    this.clientRequest = null;
    this.incoming = null;
    this.bodyController = null;
    this.upload = null;
  }

  currentURL() {
    return this.urlList[this.urlList.length - 1];
  }

  start() {
    const signal = this.signal;
    if (signal !== null) {
      if (signal.aborted) {
        this.abort(signal.reason);
        return;
      }
      this.onAbort = () => this.abort(signal.reason);
      signal.addEventListener('abort', this.onAbort, {
        __proto__: null, once: true, [kResistStopPropagation]: true,
      });
    }
    this.mainFetch();
  }

  cleanup() {
    if (this.onAbort !== null) {
      this.signal.removeEventListener('abort', this.onAbort);
      this.onAbort = null;
    }
  }

  // The fetch cannot go on; before a response that rejects the promise,
  // after one it errors the body.
  fail(cause) {
    if (this.finished) return;
    this.finished = true;
    this.cleanup();
    this.stopUpload(cause);
    if (this.clientRequest !== null) this.clientRequest.destroy();
    if (!this.settled) {
      this.settled = true;
      this.reject(fetchFailed(cause));
    } else {
      this.bodyController?.error(new TypeError('terminated', { cause }));
    }
  }

  abort(reason) {
    if (this.finished) return;
    this.finished = true;
    this.cleanup();
    this.stopUpload(reason);
    if (this.clientRequest !== null) this.clientRequest.destroy();
    if (this.incoming !== null) this.incoming.destroy();
    if (!this.settled) {
      this.settled = true;
      cancelBody(this.request.body, reason);
      this.reject(reason);
    } else {
      this.bodyController?.error(reason);
    }
  }

  stopUpload(reason) {
    const upload = this.upload;
    if (upload === null) return;
    this.upload = null;
    readableStreamCancel(upload, reason);
  }

  respond(fields, done) {
    this.settled = true;
    if (done) {
      this.finished = true;
      this.cleanup();
    }
    fields.urlList = ArrayPrototypeSlice(this.urlList);
    this.resolve(createNetworkResponse(fields));
  }

  mainFetch() {
    const url = this.currentURL();
    const scheme = url.protocol;
    if ((scheme === 'http:' || scheme === 'https:') && url.port !== '' &&
        kBadPorts.has(+url.port)) {
      this.fail(new Error('bad port'));
      return;
    }
    switch (scheme) {
      case 'about:':
        this.fail(new Error('about scheme is not supported'));
        break;
      case 'blob:':
        this.blobFetch(url);
        break;
      case 'data:':
        this.dataFetch(url);
        break;
      case 'file:':
        this.fail(new Error('not implemented... yet...'));
        break;
      case 'http:':
      case 'https:':
        this.httpFetch(url);
        break;
      default:
        this.fail(new Error('unknown scheme'));
    }
  }

  dataFetch(url) {
    const result = dataURLProcessor(url);
    if (result === 'failure') {
      this.fail(new Error('failed to fetch the data URL'));
      return;
    }
    const headerList = new HeaderList();
    headerList.append('content-type', result.mimeType);
    this.respond({
      __proto__: null,
      type: 'basic',
      status: 200,
      statusText: 'OK',
      headerList,
      body: createBody(undefined, result.body, result.body.byteLength),
    }, true);
  }

  blobFetch(url) {
    const blob = resolveObjectURL(url.href);
    if (this.request.method !== 'GET' || blob === undefined) {
      this.fail(new Error('invalid method'));
      return;
    }
    const headerList = new HeaderList();
    headerList.append('content-length', `${blob.size}`);
    headerList.append('content-type', blob.type);
    this.respond({
      __proto__: null,
      type: 'basic',
      status: 200,
      statusText: 'OK',
      headerList,
      body: createBody(undefined, blob, blob.size),
    }, true);
  }

  // The header lines of one hop, as Node's fetch orders them.
  requestHeaders(url) {
    const request = this.request;
    const list = getHeadersList(request.headers);
    const headers = [];
    if (!list.contains('host')) ArrayPrototypePush(headers, 'host', url.host);
    if (!list.contains('connection')) {
      ArrayPrototypePush(headers, 'connection', 'keep-alive');
    }
    const raw = list.raw();
    for (let i = 0; i < raw.length; i += 2) {
      const name = StringPrototypeToLowerCase(raw[i]);
      if (name === 'content-length' || name === 'transfer-encoding') continue;
      ArrayPrototypePush(headers, raw[i], raw[i + 1]);
    }
    if (!list.contains('accept')) ArrayPrototypePush(headers, 'accept', '*/*');
    if (!list.contains('accept-language')) {
      ArrayPrototypePush(headers, 'accept-language', '*');
    }
    if (!list.contains('sec-fetch-mode')) {
      ArrayPrototypePush(headers, 'sec-fetch-mode', request.mode);
    }
    if (!list.contains('user-agent')) {
      ArrayPrototypePush(headers, 'user-agent', 'node');
    }
    // The cache modes that ask caches along the way not to answer (lode
    // has no HTTP cache of its own, as Node has none).
    let cache = request.cache;
    // A conditional request made by the program is its own cache
    // validation: 'default' becomes 'no-store' (Fetch, HTTP-network-or-
    // cache fetch), as in Node.
    if (cache === 'default' &&
        (list.contains('if-modified-since') || list.contains('if-none-match') ||
         list.contains('if-unmodified-since') || list.contains('if-match') ||
         list.contains('if-range'))) {
      cache = 'no-store';
    }
    if (cache === 'no-store' || cache === 'reload') {
      if (!list.contains('pragma')) {
        ArrayPrototypePush(headers, 'pragma', 'no-cache');
      }
      if (!list.contains('cache-control')) {
        ArrayPrototypePush(headers, 'cache-control', 'no-cache');
      }
    } else if (cache === 'no-cache' && !list.contains('cache-control')) {
      ArrayPrototypePush(headers, 'cache-control', 'max-age=0');
    }
    if (!list.contains('accept-encoding') && hasZlib()) {
      ArrayPrototypePush(headers, 'accept-encoding', 'gzip, deflate');
    }
    const body = request.body;
    if (body === null) {
      if (request.method === 'POST' || request.method === 'PUT') {
        ArrayPrototypePush(headers, 'content-length', '0');
      }
    } else if (body.length !== null) {
      ArrayPrototypePush(headers, 'content-length', `${body.length}`);
    } else {
      ArrayPrototypePush(headers, 'transfer-encoding', 'chunked');
    }
    return headers;
  }

  httpFetch(url) {
    let hostname = url.hostname;
    if (hostname[0] === '[') hostname = StringPrototypeSlice(hostname, 1, -1);
    const secure = url.protocol === 'https:';
    isIP ??= require('internal/net').isIP;
    const agent = secure ? fetchSecureAgent() : fetchAgent();
    const module = secure ? https : http;
    let req;
    try {
      req = module.request({
        host: hostname,
        servername: secure && !isIP(hostname) ? hostname : undefined,
        port: url.port === '' ? (secure ? 443 : 80) : +url.port,
        path: `${url.pathname}${url.search}`,
        method: this.request.method,
        headers: this.requestHeaders(url),
        agent,
      });
    } catch (error) {
      this.fail(error);
      return;
    }
    this.clientRequest = req;
    req.on('response', (res) => this.onResponse(req, res));
    req.on('error', (error) => {
      if (req === this.clientRequest) this.fail(error);
    });
    this.sendBody(req);
  }

  sendBody(req) {
    const body = this.request.body;
    if (body === null) {
      req.end();
      return;
    }
    if (body.stream === undefined && !isBlob(body.source)) {
      req.end(body.source);
      return;
    }
    const stream = body.stream === undefined ?
      body.source.stream() : bodyStream(body);
    // The body stream is read once: a redirect that has to send it again
    // fails (see followRedirect).
    body.stream = undefined;
    body.used = true;
    this.upload = stream;
    const reader = new ReadableStreamDefaultReader(stream);
    pumpReader(reader, (chunk, next) => {
      if (this.upload !== stream || req !== this.clientRequest) return;
      if (!isUint8Array(chunk)) {
        this.fail(new TypeError('Received non-Uint8Array chunk'));
        return;
      }
      if (chunk.byteLength === 0 || req.write(chunk)) {
        next();
      } else {
        req.once('drain', next);
      }
    }, () => {
      if (this.upload !== stream) return;
      this.upload = null;
      if (req === this.clientRequest) req.end();
    }, (error) => {
      if (this.upload !== stream) return;
      this.upload = null;
      this.fail(error);
    });
  }

  onResponse(req, res) {
    if (this.finished || req !== this.clientRequest) {
      res.destroy();
      return;
    }
    const request = this.request;
    const status = res.statusCode;
    if (kRedirectStatus.has(status) && request.redirect !== 'manual') {
      if (request.redirect === 'error') {
        res.destroy();
        this.fail(new Error('unexpected redirect'));
        return;
      }
      let location = res.headers.location;
      if (location !== undefined) {
        // Header bytes come as latin1; a Location in UTF-8 is re-read.
        for (let i = 0; i < location.length; i++) {
          if (StringPrototypeCharCodeAt(location, i) > 0x7F) {
            location = Buffer.from(location, 'latin1').toString('utf8');
            break;
          }
        }
        res.resume();
        this.followRedirect(status, location);
        return;
      }
    }
    this.deliver(res);
  }

  followRedirect(status, location) {
    const request = this.request;
    const current = this.currentURL();
    URL ??= require('internal/url').URL;
    let locationURL;
    try {
      locationURL = new URL(location, current.href);
    } catch (error) {
      this.fail(error);
      return;
    }
    if (!StringPrototypeIncludes(location, '#') && current.hash !== '') {
      locationURL.hash = current.hash;
    }
    if (locationURL.protocol !== 'http:' && locationURL.protocol !== 'https:') {
      this.fail(new Error('URL scheme must be a HTTP(S) scheme'));
      return;
    }
    if (this.redirectCount === 20) {
      this.fail(new Error('redirect count exceeded'));
      return;
    }
    this.redirectCount++;
    if (request.mode === 'cors' &&
        (locationURL.username !== '' || locationURL.password !== '') &&
        !sameOrigin(current, locationURL)) {
      this.fail(new Error('cross origin not allowed for request mode "cors"'));
      return;
    }
    if (status !== 303 && request.body !== null &&
        request.body.source === null) {
      this.fail(new Error());
      return;
    }
    const list = getHeadersList(request.headers);
    if (((status === 301 || status === 302) && request.method === 'POST') ||
        (status === 303 && request.method !== 'GET' &&
         request.method !== 'HEAD')) {
      request.method = 'GET';
      request.body = null;
      list.delete('content-encoding');
      list.delete('content-language');
      list.delete('content-location');
      list.delete('content-type');
    }
    if (!sameOrigin(current, locationURL)) {
      list.delete('authorization');
      list.delete('proxy-authorization');
      list.delete('cookie');
      list.delete('host');
    }
    if (request.body !== null) {
      request.body = createBody(undefined, request.body.source,
                                request.body.length);
    }
    ArrayPrototypePush(this.urlList, locationURL);
    this.clientRequest = null;
    this.mainFetch();
  }

  deliver(res) {
    const request = this.request;
    const status = res.statusCode;
    const headerList = new HeaderList();
    const raw = res.rawHeaders;
    for (let i = 0; i < raw.length; i += 2) {
      headerList.append(StringPrototypeToLowerCase(raw[i]), raw[i + 1]);
    }
    const type = sameOrigin(this.urlList[0], this.currentURL()) ?
      'basic' : 'cors';
    const fields = {
      __proto__: null,
      type,
      status,
      statusText: res.statusMessage ?? '',
      headerList,
      body: null,
    };
    if (request.method === 'HEAD' || request.method === 'CONNECT' ||
        kNullBodyStatus.has(status)) {
      res.resume();
      this.respond(fields, true);
      return;
    }
    this.incoming = res;
    fields.body = createBody(this.responseStream(res, headerList), null, null);
    this.respond(fields, false);
  }

  responseStream(res, headerList) {
    let source = res;
    const contentEncoding = headerList.get('content-encoding');
    if (contentEncoding !== null) {
      const decoders = createDecoders(contentEncoding);
      if (decoders.length > 0) {
        pipeline ??= require('stream').pipeline;
        const streams = [res];
        for (let i = 0; i < decoders.length; i++) {
          ArrayPrototypePush(streams, decoders[i]);
        }
        ArrayPrototypePush(streams, () => {});
        source = ReflectApply(pipeline, undefined, streams);
      }
    }
    let controller;
    const stream = new ReadableStream({
      type: 'bytes',
      start(c) {
        controller = c;
      },
      pull() {
        source.resume();
      },
      cancel: (reason) => {
        if (this.finished) return;
        this.finished = true;
        this.cleanup();
        res.destroy();
        if (source !== res) source.destroy();
      },
    }, { highWaterMark: 65536 });
    this.bodyController = controller;
    source.on('data', (chunk) => {
      if (this.finished) return;
      controller.enqueue(new Uint8Array(chunk));
      if (controller.desiredSize <= 0) source.pause();
    });
    source.on('end', () => {
      if (this.finished) return;
      this.finished = true;
      this.cleanup();
      controller.close();
      controller.byobRequest?.respond(0);
    });
    source.on('error', (error) => this.fail(error));
    res.on('aborted', () => this.fail(new Error('other side closed')));
    source.on('close', () => {
      if (!this.finished) this.fail(new Error('other side closed'));
    });
    return stream;
  }
}

function fetch(input, init = undefined) {
  let request;
  try {
    request = new Request(input, init);
  } catch (error) {
    return PromiseReject(error);
  }
  const state = getRequestState(request);
  return new Promise((resolve, reject) => {
    new Fetch(state, resolve, reject).start();
  });
}

module.exports = {
  fetch,
};
