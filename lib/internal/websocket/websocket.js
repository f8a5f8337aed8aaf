'use strict';

// The WHATWG WebSocket client (https://websockets.spec.whatwg.org/) and
// CloseEvent, on lode's http/https clients: the opening handshake is an
// http.request answered through its 'upgrade' event, after which frames
// (internal/websocket/frames) go over the upgraded socket. The handshake
// offers permessage-deflate as Node 24 does; compressed messages are
// inflated by zlib off the loop thread, so delivery goes through a queue
// that keeps messages, the close and the errors in arrival order. Messages
// are sent uncompressed, as Node's client sends them.
//
// Where Node's client (undici) has observable quirks the standard does not
// ask for, lode follows Node: close() codes are clamped with undici's
// rounding, the error event is an ErrorEvent whose `error` is an empty
// TypeError, a failed connection sends a close frame with undici's code and
// reason. Where Node has plain bugs (close() while connecting fires error
// and close twice; a subprotocol answered when none was asked throws an
// uncaught TypeError), lode fails the connection once.

const {
  ArrayBufferPrototypeSlice,
  ArrayPrototypeIncludes,
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  FunctionPrototypeCall,
  MathCeil,
  MathFloor,
  MathMax,
  MathMin,
  NumberIsNaN,
  ObjectDefineProperties,
  PromisePrototypeThen,
  SafeSet,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeToLowerCase,
  StringPrototypeTrim,
  Symbol,
  SymbolIterator,
  SymbolToStringTag,
  TypeError,
  TypedArrayPrototypeGetByteLength,
  TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeGetBuffer,
} = primordials;

const { stripBOM } = require('internal/modules/helpers');

const { Buffer, Blob } = require('buffer');
const { isUtf8 } = require('buffer');
const { Event, EventTarget, kTrustEvent } = require('internal/event_target');
const { DOMException } = require('internal/per_context/domexception');
const {
  isArrayBuffer,
  isArrayBufferView,
  isDataView,
} = require('internal/util/types');
const { isBlob } = require('internal/blob');
// fetch's WebIDL helpers, loaded on first use: this module is part of the
// startup snapshot, and they (with the MIME parser they load) need not be.
let fetchUtil;
function loadFetchUtil() {
  fetchUtil ??= require('internal/fetch/util');
  return fetchUtil;
}
function checkArgumentCount(found, required, prefix) {
  loadFetchUtil().checkArgumentCount(found, required, prefix);
}
function illegalInvocation() {
  return loadFetchUtil().illegalInvocation();
}
function isToken(string) {
  return loadFetchUtil().isToken(string);
}
function toUSVString(value) {
  return loadFetchUtil().toUSVString(value);
}
const {
  codes: { ERR_NOT_IMPLEMENTED },
} = require('internal/errors');
const { defineInterfaceConstants } = require('internal/util');
const {
  acceptKey,
  decodeHeader,
  encodeFrame,
  encodeTextFrame,
  kOpBinary,
  kOpClose,
  kOpContinuation,
  kOpPing,
  kOpPong,
  kOpText,
  payloadOffset,
} = require('internal/websocket/frames');

const kCONNECTING = 0;
const kOPEN = 1;
const kCLOSING = 2;
const kCLOSED = 3;

// Loaded on first use: most programs never open a WebSocket.
let http;
let https;
let crypto;
let zlib;
let MessageEvent;
let Headers;
let getHeadersList;

// ---- Events ---------------------------------------------------------------

const kCloseInit = Symbol('kCloseInit');

// WebIDL's unsigned short as undici converts it (the remainder keeps the
// sign, as Node's CloseEvent does).
function toUnsignedShort(value) {
  let x = +value;
  if (NumberIsNaN(x) || x === Infinity || x === -Infinity) return 0;
  x = x < 0 ? MathCeil(x) : MathFloor(x);
  return x % 65536;
}

function toEventInit(init) {
  if (init === undefined || init === null) return {};
  if (typeof init !== 'object' && typeof init !== 'function') {
    throw new TypeError(
      `undefined: Expected ${init} to be one of: Null, Undefined, Object.`);
  }
  return init;
}

class CloseEvent extends Event {
  constructor(type, eventInitDict = undefined) {
    checkArgumentCount(arguments.length, 1, 'CloseEvent constructor');
    const init = toEventInit(eventInitDict);
    super(type, init);
    const { wasClean = false, code = 0, reason = '' } = init;
    this[kCloseInit] = {
      wasClean: !!wasClean,
      code: toUnsignedShort(code),
      reason: `${reason}`,
    };
  }

  get wasClean() { return checkCloseEvent(this).wasClean; }
  get code() { return checkCloseEvent(this).code; }
  get reason() { return checkCloseEvent(this).reason; }
}

function checkCloseEvent(event) {
  const init = event?.[kCloseInit];
  if (init === undefined) throw illegalInvocation();
  return init;
}

ObjectDefineProperties(CloseEvent.prototype, {
  wasClean: { __proto__: null, enumerable: true },
  code: { __proto__: null, enumerable: true },
  reason: { __proto__: null, enumerable: true },
  [SymbolToStringTag]: {
    __proto__: null, configurable: true, value: 'CloseEvent',
  },
});

// The error event's class: Node has no global ErrorEvent, so neither does
// lode; the class is reachable only through the events it makes.
const kErrorInit = Symbol('kErrorInit');
class ErrorEvent extends Event {
  constructor(type, eventInitDict = undefined) {
    checkArgumentCount(arguments.length, 1, 'ErrorEvent constructor');
    const init = toEventInit(eventInitDict);
    super(type, init);
    const {
      message = '', filename = '', lineno = 0, colno = 0, error,
    } = init;
    this[kErrorInit] = {
      message: `${message}`,
      filename: `${filename}`,
      lineno: lineno >>> 0,
      colno: colno >>> 0,
      error,
    };
  }

  get message() { return checkErrorEvent(this).message; }
  get filename() { return checkErrorEvent(this).filename; }
  get lineno() { return checkErrorEvent(this).lineno; }
  get colno() { return checkErrorEvent(this).colno; }
  get error() { return checkErrorEvent(this).error; }
}

function checkErrorEvent(event) {
  const init = event?.[kErrorInit];
  if (init === undefined) throw illegalInvocation();
  return init;
}

// ---- Argument conversion ----------------------------------------------------

// undici's [Clamp] unsigned short: an odd integer part rounds up, an even
// one down (so 1000.7 is 1000 and 2999.9 is 3000), as Node's close() does.
function clampUnsignedShort(value) {
  let x = +value;
  if (NumberIsNaN(x)) return 0;
  x = MathMin(MathMax(x, 0), 65535);
  const floor = MathFloor(x);
  return floor % 2 === 0 ? floor : MathCeil(x);
}

function syntaxError(message) {
  return new DOMException(message, 'SyntaxError');
}

function toProtocolList(protocols) {
  if (protocols === undefined) return [];
  if (typeof protocols === 'object' && protocols !== null) {
    const list = [];
    for (const protocol of protocols) ArrayPrototypePush(list, `${protocol}`);
    return list;
  }
  return [`${protocols}`];
}

// ---- WebSocket ----------------------------------------------------------------

const kHandlers = Symbol('kHandlers');
// Throws Illegal invocation unless given a WebSocket (set by the class's
// static block, which can see the private fields).
let checkWebSocket;

class WebSocket extends EventTarget {
  #url;
  #origin;
  #readyState = kCONNECTING;
  #protocol = '';
  #extensions = '';
  #binaryType = 'blob';
  #bufferedAmount = 0;
  #protocols;

  #request = null;
  #socket = null;
  #inflate = null;
  // Received bytes not yet parsed: chunks kept apart until a frame's
  // length says they must be joined.
  #chunks = [];
  #chunkBytes = 0;
  // The message being reassembled from its frames.
  #messageOpcode = -1;
  #messageCompressed = false;
  #messageParts = [];
  // Work in arrival order, each { ready, run }: messages waiting for zlib
  // hold back what came after them.
  #queue = [];
  // Compressed messages waiting for zlib, first one in progress.
  #inflateJobs = [];
  // Sends waiting for a Blob's bytes (later sends wait behind them).
  #sendQueue = [];
  #closeSent = false;
  #closeReceived = false;
  #receivedCode = 1005;
  #receivedReason = '';
  #failed = false;
  #closed = false;
  // Parsing stops while a message waits for zlib (a later frame could fail
  // the connection or close it before that message is delivered), and the
  // socket is paused meanwhile so that unparsed data does not pile up.
  #paused = false;
  // The socket closed while parsing was held back: close once the bytes
  // received before it are through.
  #socketGone = false;

  constructor(url, protocols = undefined) {
    checkArgumentCount(arguments.length, 1, 'WebSocket constructor');
    super();
    this[kHandlers] = { open: null, error: null, close: null, message: null };

    let headers;
    if (typeof protocols === 'object' && protocols !== null &&
        !(SymbolIterator in protocols)) {
      // The options form: { protocols, dispatcher, headers }.
      const options = protocols;
      protocols = options.protocols;
      if (options.dispatcher !== undefined) {
        throw new ERR_NOT_IMPLEMENTED('WebSocket option "dispatcher"');
      }
      if (options.headers !== undefined) {
        const headersModule = require('internal/fetch/headers');
        Headers ??= headersModule.Headers;
        getHeadersList ??= headersModule.getHeadersList;
        headers = new Headers(options.headers);
      }
    }
    const protocolList = toProtocolList(protocols);

    let urlRecord;
    try {
      urlRecord = new URL(`${url}`);
    } catch (err) {
      throw syntaxError(`${err}`);
    }
    if (urlRecord.protocol === 'http:') {
      urlRecord.protocol = 'ws:';
    } else if (urlRecord.protocol === 'https:') {
      urlRecord.protocol = 'wss:';
    }
    if (urlRecord.protocol !== 'ws:' && urlRecord.protocol !== 'wss:') {
      throw syntaxError('expected a ws: or wss: url');
    }
    if (urlRecord.hash !== '' || StringPrototypeEndsWith(urlRecord.href, '#')) {
      throw syntaxError('hash');
    }
    const seen = new SafeSet();
    for (let i = 0; i < protocolList.length; i++) {
      const protocol = protocolList[i];
      // Duplicates are found regardless of case, as in Node.
      const lower = StringPrototypeToLowerCase(protocol);
      if (!isToken(protocol) || seen.has(lower)) {
        throw syntaxError('Invalid Sec-WebSocket-Protocol value');
      }
      seen.add(lower);
    }

    this.#url = urlRecord.href;
    this.#origin = urlRecord.origin;
    this.#protocols = protocolList;
    this.#connect(urlRecord, headers);
  }

  // ---- Methods ----------------------------------------------------------------

  close(code = undefined, reason = undefined) {
    checkWebSocket(this);
    if (code !== undefined) {
      code = clampUnsignedShort(code);
      if (code !== 1000 && (code < 3000 || code > 4999)) {
        throw new DOMException('invalid code', 'InvalidAccessError');
      }
    }
    let reasonBytes;
    if (reason !== undefined) {
      reasonBytes = Buffer.from(toUSVString(reason), 'utf8');
      if (reasonBytes.length > 123) {
        throw syntaxError('Reason must be less than 123 bytes; received ' +
                          `${reasonBytes.length}`);
      }
    }
    if (this.#readyState === kCLOSING || this.#readyState === kCLOSED) return;
    if (this.#readyState === kCONNECTING) {
      this.#readyState = kCLOSING;
      this.#fail();
      return;
    }
    this.#readyState = kCLOSING;
    this.#sendClose(code === undefined && reasonBytes === undefined ?
      Buffer.alloc(0) : closePayload(code ?? 1000, reasonBytes));
  }

  send(data) {
    checkWebSocket(this);
    checkArgumentCount(arguments.length, 1, 'WebSocket.send');
    if (this.#readyState === kCONNECTING) {
      throw new DOMException('Sent before connected.', 'InvalidStateError');
    }
    let opcode = kOpBinary;
    let payload;
    if (isBlob(data)) {
      payload = data;
    } else if (isArrayBuffer(data)) {
      // A SharedArrayBuffer is neither: it is sent as its string, as Node
      // does.
      payload = Buffer.from(data);
    } else if (isArrayBufferView(data)) {
      const length = isDataView(data) ? data.byteLength :
        TypedArrayPrototypeGetByteLength(data);
      const offset = isDataView(data) ? data.byteOffset :
        TypedArrayPrototypeGetByteOffset(data);
      const buffer = isDataView(data) ? data.buffer :
        TypedArrayPrototypeGetBuffer(data);
      payload = Buffer.from(buffer, offset, length);
    } else {
      // A string: encoded straight into its frame below when it can go
      // out at once (UTF-8 encoding makes lone surrogates U+FFFD, which
      // is what the USVString conversion does).
      const string = typeof data === 'string' ? data : `${data}`;
      if (this.#readyState !== kOPEN || this.#closeSent) return;
      if (this.#sendQueue.length === 0) {
        const frame = encodeTextFrame(kOpText, string);
        const size = frame.length - payloadOffset(frame);
        this.#bufferedAmount += size;
        this.#write(frame, () => { this.#bufferedAmount -= size; });
        return;
      }
      opcode = kOpText;
      payload = Buffer.from(string, 'utf8');
    }
    // Once closing, data is dropped (and, as in Node, not counted).
    if (this.#readyState !== kOPEN || this.#closeSent) return;
    const size = isBlob(payload) ? payload.size : payload.length;
    this.#bufferedAmount += size;
    if (isBlob(payload) || this.#sendQueue.length > 0) {
      const entry = { opcode, payload: null, size };
      ArrayPrototypePush(this.#sendQueue, entry);
      if (isBlob(payload)) {
        PromisePrototypeThen(payload.arrayBuffer(), (bytes) => {
          entry.payload = Buffer.from(bytes);
          this.#flushSendQueue();
        }, () => {
          entry.payload = Buffer.alloc(0);
          this.#flushSendQueue();
        });
      } else {
        // Binary data is a view of the program's own memory, which it may
        // change once send() returns: copied as it has to wait (a frame
        // sent now copies it); a text message's bytes are already ours.
        entry.payload = opcode === kOpBinary ? Buffer.from(payload) : payload;
      }
      return;
    }
    this.#writeMessage(opcode, payload, size);
  }

  // ---- Attributes (in Node's order: the prototype's keys follow it) ------

  get readyState() { return checkWebSocket(this).#readyState; }
  get bufferedAmount() { return checkWebSocket(this).#bufferedAmount; }
  get url() { return checkWebSocket(this).#url; }
  get extensions() { return checkWebSocket(this).#extensions; }
  get protocol() { return checkWebSocket(this).#protocol; }

  // The event handler attributes: a function or an object is kept (and
  // listened with), anything else is null; setting one replaces the old
  // listener, as Node's client does.
  get onopen() { return getHandler(this, 'open'); }
  set onopen(value) { setHandler(this, 'open', value); }
  get onerror() { return getHandler(this, 'error'); }
  set onerror(value) { setHandler(this, 'error', value); }
  get onclose() { return getHandler(this, 'close'); }
  set onclose(value) { setHandler(this, 'close', value); }
  get onmessage() { return getHandler(this, 'message'); }
  set onmessage(value) { setHandler(this, 'message', value); }

  get binaryType() { return checkWebSocket(this).#binaryType; }
  set binaryType(value) {
    checkWebSocket(this);
    // As Node does: anything but the string 'arraybuffer' (no conversion)
    // is 'blob'.
    this.#binaryType = value === 'arraybuffer' ? 'arraybuffer' : 'blob';
  }

  // ---- The opening handshake ------------------------------------------------

  #connect(urlRecord, extraHeaders) {
    crypto ??= require('crypto');
    const secure = urlRecord.protocol === 'wss:';
    let module;
    if (secure) {
      https ??= require('https');
      module = https;
    } else {
      http ??= require('http');
      module = http;
    }
    const key = crypto.randomBytes(16).toString('base64');
    // The header list Node's client sends, in its order: the program's
    // own headers (options.headers, names as given) follow Upgrade, and
    // replace the defaults at the end.
    const headers = {
      host: urlRecord.host,
      connection: 'upgrade',
      upgrade: 'websocket',
    };
    const given = new SafeSet();
    if (extraHeaders !== undefined) {
      const raw = getHeadersList(extraHeaders).raw();
      for (let i = 0; i < raw.length; i += 2) {
        const lower = StringPrototypeToLowerCase(raw[i]);
        if (lower === 'host' || lower === 'connection' ||
            lower === 'upgrade') continue;
        headers[raw[i]] = raw[i + 1];
        given.add(lower);
      }
    }
    headers['sec-websocket-key'] = key;
    headers['sec-websocket-version'] = '13';
    if (this.#protocols.length > 0) {
      headers['sec-websocket-protocol'] = ArrayPrototypeJoin(this.#protocols,
                                                            ', ');
    }
    headers['sec-websocket-extensions'] =
      'permessage-deflate; client_max_window_bits';
    const defaults = [
      'accept', '*/*',
      'accept-language', '*',
      'sec-fetch-mode', 'websocket',
      'user-agent', 'node',
      'pragma', 'no-cache',
      'cache-control', 'no-cache',
      'accept-encoding', 'gzip, deflate',
    ];
    for (let i = 0; i < defaults.length; i += 2) {
      if (!given.has(defaults[i])) headers[defaults[i]] = defaults[i + 1];
    }

    let hostname = urlRecord.hostname;
    if (hostname[0] === '[') hostname = StringPrototypeSlice(hostname, 1, -1);
    const request = module.request({
      hostname,
      port: urlRecord.port !== '' ? +urlRecord.port : (secure ? 443 : 80),
      path: urlRecord.pathname + urlRecord.search,
      method: 'GET',
      headers,
      // A connection of its own: it is handed over to the WebSocket.
      agent: false,
      servername: secure && !require('net').isIP(hostname) ?
        hostname : undefined,
    });
    this.#request = request;
    request.on('upgrade', (res, socket, head) => {
      this.#request = null;
      this.#onUpgrade(res, socket, head, key);
    });
    request.on('response', (res) => {
      // Anything but 101 fails the connection.
      res.resume();
      this.#request = null;
      request.destroy();
      this.#fail();
    });
    request.on('error', () => {
      this.#request = null;
      this.#fail();
    });
    request.end();
  }

  #onUpgrade(res, socket, head, key) {
    this.#socket = socket;
    socket.on('error', () => {});
    socket.on('close', () => {
      this.#socketGone = true;
      if (this.#queue.length === 0) this.#onSocketClose();
    });
    if (this.#readyState !== kCONNECTING) {
      // close() came first.
      this.#fail();
      return;
    }
    const headers = res.headers;
    const expected = acceptKey(key);
    const upgrade = headers.upgrade;
    const connection = headers.connection;
    if (res.statusCode !== 101 ||
        typeof upgrade !== 'string' ||
        StringPrototypeToLowerCase(upgrade) !== 'websocket' ||
        typeof connection !== 'string' ||
        !StringPrototypeIncludes(StringPrototypeToLowerCase(connection),
                                 'upgrade') ||
        headers['sec-websocket-accept'] !== expected) {
      this.#fail();
      return;
    }
    const extensions = headers['sec-websocket-extensions'];
    if (extensions !== undefined) {
      // Only the extension offered may come back.
      const names = StringPrototypeSplit(extensions, ',');
      for (let i = 0; i < names.length; i++) {
        const name = StringPrototypeTrim(
          StringPrototypeSplit(names[i], ';')[0]);
        if (StringPrototypeToLowerCase(name) !== 'permessage-deflate' ||
            names.length > 1) {
          this.#fail();
          return;
        }
      }
      zlib ??= require('zlib');
      this.#inflate = zlib.createInflateRaw();
      // Bad compressed data ends the stream: every waiting message gets
      // the error (a flush's callback would never come).
      this.#inflate.on('error', (err) => {
        const jobs = this.#inflateJobs;
        this.#inflateJobs = [];
        for (let i = 0; i < jobs.length; i++) jobs[i].callback(err);
      });
      this.#extensions = extensions;
    }
    const protocol = headers['sec-websocket-protocol'];
    if (protocol !== undefined) {
      if (!ArrayPrototypeIncludes(this.#protocols, protocol)) {
        this.#fail();
        return;
      }
      this.#protocol = protocol;
    }
    socket.on('data', (chunk) => this.#onData(chunk));
    this.#readyState = kOPEN;
    this.#fire(new Event('open', { [kTrustEvent]: true }));
    if (head !== undefined && head.length > 0) this.#onData(head);
  }

  // ---- Receiving --------------------------------------------------------------

  #onData(chunk) {
    if (this.#failed) return;
    ArrayPrototypePush(this.#chunks, chunk);
    this.#chunkBytes += chunk.length;
    this.#parse();
  }

  #parse() {
    while (this.#chunkBytes >= 2 && !this.#failed) {
      if (this.#queue.length > 0) {
        if (!this.#paused && this.#socket !== null) {
          this.#paused = true;
          this.#socket.pause();
        }
        return;
      }
      let buffer = this.#chunks[0];
      if (buffer.length < 14 && this.#chunks.length > 1) {
        buffer = this.#join();
      }
      let header = decodeHeader(buffer);
      if (header === null) {
        if (this.#chunks.length === 1) return;
        buffer = this.#join();
        header = decodeHeader(buffer);
        if (header === null) return;
      }
      if (header.length < 0) {
        // Node's reason (it checks the high 32 bits against 2^31).
        this.#protocolError(1009, 'Received payload length > 2^31 bytes.');
        return;
      }
      const size = header.offset + header.length;
      if (this.#chunkBytes < size) return;
      if (buffer.length < size) buffer = this.#join();
      const payload = buffer.subarray(header.offset, size);
      if (buffer.length === size) {
        ArrayPrototypeShift(this.#chunks);
      } else {
        this.#chunks[0] = buffer.subarray(size);
      }
      this.#chunkBytes -= size;
      this.#onFrame(header, payload);
    }
  }

  #join() {
    const buffer = Buffer.concat(this.#chunks, this.#chunkBytes);
    this.#chunks = [buffer];
    return buffer;
  }

  #onFrame(header, payload) {
    const { fin, rsv, opcode, masked } = header;
    if (masked) {
      this.#protocolError(1002, 'Frame cannot be masked');
      return;
    }
    if ((rsv & 0x3) !== 0) {
      this.#protocolError(1002, 'RSV1, RSV2, RSV3 must be clear');
      return;
    }
    const rsv1 = (rsv & 0x4) !== 0;
    if (opcode >= 0x8) {
      if (opcode > kOpPong) {
        this.#protocolError(1002, 'Invalid opcode received');
        return;
      }
      if (!fin) {
        this.#protocolError(1002, 'Invalid frame type was fragmented.');
        return;
      }
      if (payload.length > 125) {
        this.#protocolError(1002,
                            'Control frame either too large or fragmented');
        return;
      }
      if (rsv1) {
        this.#protocolError(1002, 'Expected RSV1 to be clear.');
        return;
      }
      if (opcode === kOpClose) {
        this.#onCloseFrame(payload);
      } else if (opcode === kOpPing) {
        // Answered until the server's closing frame came, even once ours
        // went out (as Node does).
        if (!this.#closeReceived) this.#write(encodeFrame(kOpPong, payload));
      }
      return;
    }
    if (opcode === kOpContinuation) {
      if (this.#messageOpcode === -1) {
        this.#protocolError(1002, 'Unexpected continuation frame');
        return;
      }
      if (rsv1) {
        this.#protocolError(1002, 'Expected RSV1 to be clear.');
        return;
      }
    } else if (opcode === kOpText || opcode === kOpBinary) {
      if (this.#messageOpcode !== -1) {
        this.#protocolError(1002, 'Expected continuation frame');
        return;
      }
      if (rsv1 && this.#inflate === null) {
        this.#protocolError(1002, 'Expected RSV1 to be clear.');
        return;
      }
      this.#messageOpcode = opcode;
      this.#messageCompressed = rsv1;
    } else {
      this.#protocolError(1002, 'Invalid opcode received');
      return;
    }
    // Once the closing frame came, data frames are discarded.
    if (this.#closeReceived) return;
    // An unfragmented message needs no copy: the payload is a view of a
    // socket chunk, which is not reused, and it is decoded or copied (into
    // a string, an ArrayBuffer or a Blob) when delivered.
    if (fin && this.#messageParts.length === 0 && !this.#messageCompressed) {
      this.#messageOpcode = -1;
      if (this.#queue.length === 0) {
        this.#onMessage(opcode, payload);
      } else {
        this.#enqueue(() => this.#onMessage(opcode, payload));
      }
      return;
    }
    ArrayPrototypePush(this.#messageParts, payload);
    if (!fin) return;
    const type = this.#messageOpcode;
    const parts = this.#messageParts;
    const compressed = this.#messageCompressed;
    this.#messageOpcode = -1;
    this.#messageParts = [];
    this.#messageCompressed = false;
    if (!compressed) {
      const data = parts.length === 1 ? parts[0] : Buffer.concat(parts);
      this.#enqueue(() => this.#onMessage(type, data));
      return;
    }
    // RFC 7692: the sender dropped the final empty block's 00 00 ff ff.
    ArrayPrototypePush(parts, Buffer.from([0x00, 0x00, 0xff, 0xff]));
    const entry = { ready: false, run: null };
    ArrayPrototypePush(this.#queue, entry);
    this.#inflateMessage(Buffer.concat(parts), (err, data) => {
      entry.ready = true;
      // Node's reason is zlib's message.
      entry.run = err ?
        () => this.#protocolError(1007, `${err.message}`) :
        () => this.#onMessage(type, data);
      this.#drain();
    });
  }

  // Inflates one message through the connection's stream, so that the
  // server's context takeover (back references into earlier messages)
  // works; zlib runs on the threadpool. One message at a time: each
  // flush's output must be told apart from the next one's.
  #inflateMessage(input, callback) {
    ArrayPrototypePush(this.#inflateJobs, { input, callback });
    if (this.#inflateJobs.length === 1) this.#runInflate();
  }

  #runInflate() {
    const inflate = this.#inflate;
    if (inflate === null) return;
    const job = this.#inflateJobs[0];
    const output = [];
    const onData = (chunk) => ArrayPrototypePush(output, chunk);
    inflate.on('data', onData);
    inflate.write(job.input);
    inflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
      inflate.removeListener('data', onData);
      // Already answered when the stream failed.
      if (this.#inflateJobs[0] !== job) return;
      ArrayPrototypeShift(this.#inflateJobs);
      // The next job starts first: the callback may queue (and start) one.
      if (this.#inflateJobs.length > 0) this.#runInflate();
      job.callback(null, Buffer.concat(output));
    });
  }

  #enqueue(run) {
    if (this.#queue.length === 0) {
      run();
      return;
    }
    ArrayPrototypePush(this.#queue, { ready: true, run });
    this.#drain();
  }

  #drain() {
    while (this.#queue.length > 0 && this.#queue[0].ready) {
      const { run } = ArrayPrototypeShift(this.#queue);
      run();
    }
    if (this.#queue.length > 0) return;
    // The frames held back behind the message can be parsed now.
    this.#parse();
    if (this.#queue.length > 0) return;
    if (this.#paused) {
      this.#paused = false;
      this.#socket?.resume();
    }
    if (this.#socketGone) this.#onSocketClose();
  }

  #onMessage(type, data) {
    if (this.#readyState !== kOPEN || this.#failed) return;
    let value;
    if (type === kOpText) {
      if (!isUtf8(data)) {
        this.#protocolError(1007, 'Received invalid UTF-8 in text frame.');
        return;
      }
      value = stripBOM(data.toString('utf8'));
    } else if (this.#binaryType === 'blob') {
      value = new Blob([data]);
    } else {
      value = ArrayBufferPrototypeSlice(
        data.buffer, data.byteOffset, data.byteOffset + data.length);
    }
    MessageEvent ??= require('internal/worker/io').MessageEvent;
    this.#fire(new MessageEvent('message', {
      data: value, origin: this.#origin, [kTrustEvent]: true,
    }));
  }

  #onCloseFrame(payload) {
    if (this.#closeReceived) return;
    let code = 1005;
    let reason = '';
    if (payload.length === 1) {
      this.#protocolError(1002, 'Received close frame with a 1-byte body.');
      return;
    }
    if (payload.length >= 2) {
      code = payload.readUInt16BE(0);
      if (!isValidReceivedCode(code)) {
        this.#protocolError(1002, 'Invalid status code');
        return;
      }
      const reasonBytes = payload.subarray(2);
      if (!isUtf8(reasonBytes)) {
        this.#protocolError(1007, 'Invalid UTF-8');
        return;
      }
      // Node drops a leading BOM, then decodes with a TextDecoder, which
      // drops one more.
      reason = stripBOM(stripBOM(reasonBytes.toString('utf8')));
    }
    // After the data before it was delivered.
    this.#enqueue(() => {
      this.#closeReceived = true;
      this.#receivedCode = code;
      this.#receivedReason = reason;
      if (this.#readyState === kOPEN) this.#readyState = kCLOSING;
      if (!this.#closeSent) {
        // The echo carries the code only, as Node's does.
        this.#sendClose(code === 1005 ? Buffer.alloc(0) : closePayload(code));
      }
      // Both closing frames are through: the TCP connection ends.
      if (this.#sendQueue.length === 0) this.#socket?.end();
    });
  }

  // ---- Sending ----------------------------------------------------------------

  #write(frame, callback) {
    const socket = this.#socket;
    if (socket === null || socket.destroyed || !socket.writable) {
      callback?.();
      return;
    }
    socket.write(frame, callback);
  }

  #writeMessage(opcode, payload, size) {
    this.#write(encodeFrame(opcode, payload), () => {
      this.#bufferedAmount -= size;
    });
  }

  #flushSendQueue() {
    while (this.#sendQueue.length > 0 &&
           this.#sendQueue[0].payload !== null) {
      const { opcode, payload, size } = ArrayPrototypeShift(this.#sendQueue);
      if (opcode === kOpClose) {
        this.#write(encodeFrame(kOpClose, payload));
        if (this.#closeReceived) this.#socket?.end();
      } else {
        this.#writeMessage(opcode, payload, size);
      }
    }
  }

  #sendClose(payload) {
    if (this.#closeSent) return;
    this.#closeSent = true;
    // Data still waiting for a Blob's bytes goes out first.
    if (this.#sendQueue.length > 0) {
      ArrayPrototypePush(this.#sendQueue, { opcode: kOpClose, payload, size: 0 });
      return;
    }
    this.#write(encodeFrame(kOpClose, payload));
  }

  // ---- Failing and closing ----------------------------------------------------

  // The server broke the protocol: send a closing frame saying why, then
  // fail the connection.
  #protocolError(code, reason) {
    if (this.#failed) return;
    if (!this.#closeSent && this.#socket !== null) {
      let reasonBytes = Buffer.from(reason, 'utf8');
      // A control frame carries 125 bytes at most.
      if (reasonBytes.length > 123) reasonBytes = reasonBytes.subarray(0, 123);
      this.#closeSent = true;
      this.#write(encodeFrame(kOpClose, closePayload(code, reasonBytes)));
    }
    this.#fail();
  }

  // Fails the connection: the socket (or the request) is torn down, and
  // its end fires error then close (1006).
  #fail() {
    if (this.#failed) return;
    this.#failed = true;
    if (this.#readyState === kOPEN) this.#readyState = kCLOSING;
    this.#chunks = [];
    this.#chunkBytes = 0;
    if (this.#request !== null) {
      const request = this.#request;
      this.#request = null;
      request.destroy();
      process.nextTick(() => this.#enqueue(() => this.#onSocketClose()));
      return;
    }
    if (this.#socket !== null) {
      const socket = this.#socket;
      if (this.#closeSent) {
        // Let the closing frame out before the connection ends.
        socket.once('finish', () => socket.destroy());
        socket.end();
      } else {
        socket.destroy();
      }
      return;
    }
    process.nextTick(() => this.#enqueue(() => this.#onSocketClose()));
  }

  #onSocketClose() {
    if (this.#closed) return;
    this.#closed = true;
    this.#socket = null;
    this.#request = null;
    this.#inflate?.close();
    this.#inflate = null;
    const wasClean = this.#closeSent && this.#closeReceived && !this.#failed;
    this.#readyState = kCLOSED;
    this.#bufferedAmount = 0;
    this.#sendQueue = [];
    if (!wasClean) {
      this.#fire(new ErrorEvent('error', {
        error: new TypeError(), [kTrustEvent]: true,
      }));
    }
    this.#fire(new CloseEvent('close', {
      wasClean,
      code: wasClean ? this.#receivedCode : 1006,
      reason: wasClean ? this.#receivedReason : '',
      [kTrustEvent]: true,
    }));
  }

  // Events go out with dispatchEvent: a listener's exception is reported
  // as uncaught, as for any EventTarget, and the connection goes on.
  #fire(event) {
    FunctionPrototypeCall(EventTarget.prototype.dispatchEvent, this, event);
  }

  static #isWebSocket(value) {
    return typeof value === 'object' && value !== null && #url in value;
  }

  static {
    checkWebSocket = (value) => {
      if (!WebSocket.#isWebSocket(value)) throw illegalInvocation();
      return value;
    };
  }
}



// A closing frame's payload: the code, then the reason's bytes if any.
function closePayload(code, reasonBytes) {
  const payload = Buffer.allocUnsafe(2 + (reasonBytes?.length ?? 0));
  payload.writeUInt16BE(code, 0);
  if (reasonBytes !== undefined) reasonBytes.copy(payload, 2);
  return payload;
}

// Codes a closing frame may carry (RFC 6455 7.4): 1000-1003, 1007-1014 and
// the registered/private 3000-4999.
function isValidReceivedCode(code) {
  return (code >= 1000 && code <= 1003) ||
    (code >= 1007 && code <= 1014) ||
    (code >= 3000 && code <= 4999);
}

function getHandler(webSocket, name) {
  return checkWebSocket(webSocket)[kHandlers][name];
}

function setHandler(webSocket, name, value) {
  const handlers = checkWebSocket(webSocket)[kHandlers];
  if (handlers[name] !== null) {
    webSocket.removeEventListener(name, handlers[name]);
  }
  if (typeof value === 'function' ||
      (typeof value === 'object' && value !== null)) {
    handlers[name] = value;
    webSocket.addEventListener(name, value);
  } else {
    handlers[name] = null;
  }
}

defineInterfaceConstants(WebSocket, {
  CONNECTING: kCONNECTING, OPEN: kOPEN, CLOSING: kCLOSING, CLOSED: kCLOSED,
});
ObjectDefineProperties(WebSocket.prototype, {
  url: { __proto__: null, enumerable: true },
  readyState: { __proto__: null, enumerable: true },
  bufferedAmount: { __proto__: null, enumerable: true },
  protocol: { __proto__: null, enumerable: true },
  extensions: { __proto__: null, enumerable: true },
  binaryType: { __proto__: null, enumerable: true },
  onopen: { __proto__: null, enumerable: true },
  onerror: { __proto__: null, enumerable: true },
  onclose: { __proto__: null, enumerable: true },
  onmessage: { __proto__: null, enumerable: true },
  send: { __proto__: null, enumerable: true },
  close: { __proto__: null, enumerable: true },
  [SymbolToStringTag]: {
    __proto__: null, configurable: true, value: 'WebSocket',
  },
});

module.exports = { CloseEvent, WebSocket };
