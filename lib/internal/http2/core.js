'use strict';

// HTTP/2 sessions, streams and servers. internalBinding('http2') holds an
// nghttp2 session; this file reads and writes the socket for it (net or
// tls), feeds it what arrives (receive) and writes what it produces
// (send), and turns the events it records (takeEvents) into the objects
// and events of Node's API.

const {
  ArrayFrom,
  ArrayIsArray,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  FunctionPrototypeBind,
  FunctionPrototypeCall,
  MathMax,
  MathMin,
  Number,
  NumberIsInteger,
  ObjectAssign,
  ObjectDefineProperty,
  ObjectKeys,
  Promise,
  ReflectApply,
  ReflectGetPrototypeOf,
  RegExpPrototypeExec,
  SafeMap,
  SafeSet,
  String,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
  StringPrototypeToLowerCase,
  StringPrototypeToUpperCase,
  Symbol,
  SymbolFor,
} = primordials;

const {
  Http2Session: Http2SessionHandle,
  Http2Stream: Http2StreamHandle,
} = internalBinding('http2');
const EventEmitter = require('events');
const { AsyncResource } = require('async_hooks');
const AsyncContextFrame = require('internal/async_context_frame');
const net = require('net');
const { Duplex } = require('stream');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const dc = require('diagnostics_channel');
const {
  AbortError,
  codes: {
    ERR_HTTP2_ALTSVC_INVALID_ORIGIN,
    ERR_HTTP2_ALTSVC_LENGTH,
    ERR_HTTP2_CONNECT_AUTHORITY,
    ERR_HTTP2_CONNECT_PATH,
    ERR_HTTP2_CONNECT_SCHEME,
    ERR_HTTP2_GOAWAY_SESSION,
    ERR_HTTP2_HEADERS_AFTER_RESPOND,
    ERR_HTTP2_HEADERS_SENT,
    ERR_HTTP2_INFO_STATUS_NOT_ALLOWED,
    ERR_HTTP2_INVALID_INFO_STATUS,
    ERR_HTTP2_INVALID_ORIGIN,
    ERR_HTTP2_INVALID_PSEUDOHEADER,
    ERR_HTTP2_INVALID_SESSION,
    ERR_HTTP2_INVALID_STREAM,
    ERR_HTTP2_MAX_PENDING_SETTINGS_ACK,
    ERR_HTTP2_NESTED_PUSH,
    ERR_HTTP2_NO_SOCKET_MANIPULATION,
    ERR_HTTP2_ORIGIN_LENGTH,
    ERR_HTTP2_OUT_OF_STREAMS,
    ERR_HTTP2_SOCKET_BOUND,
    ERR_HTTP2_SOCKET_UNBOUND,
    ERR_HTTP2_STREAM_SELF_DEPENDENCY,
    ERR_HTTP2_PING_CANCEL,
    ERR_HTTP2_PING_LENGTH,
    ERR_HTTP2_PAYLOAD_FORBIDDEN,
    ERR_HTTP2_PUSH_DISABLED,
    ERR_HTTP2_SEND_FILE,
    ERR_HTTP2_SEND_FILE_NOSEEK,
    ERR_HTTP2_SESSION_ERROR,
    ERR_HTTP2_STATUS_101,
    ERR_HTTP2_STATUS_INVALID,
    ERR_HTTP2_STREAM_CANCEL,
    ERR_HTTP2_STREAM_ERROR,
    ERR_HTTP2_TRAILERS_ALREADY_SENT,
    ERR_HTTP2_TRAILERS_NOT_READY,
    ERR_HTTP2_UNSUPPORTED_PROTOCOL,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_CHAR,
    ERR_OUT_OF_RANGE,
    ERR_STREAM_DESTROYED,
  },
} = require('internal/errors');

const kMaxUint32 = 2 ** 32 - 1;

const {
  validateAbortSignal,
  validateBuffer,
  validateFunction,
  validateInteger,
  validateNumber,
  validateObject,
  validateString,
  validateUint32,
} = require('internal/validators');
const {
  customInspectSymbol,
  getDeprecationWarningEmitter,
} = require('internal/util');
const { kTimeout } = require('internal/timers');
const {
  kUpdateTimer,
  setStreamTimeout,
} = require('internal/stream_base_commons');
const { constants } = require('internal/http2/constants');

const emitPriorityMethodWarning = getDeprecationWarningEmitter(
  'DEP0194',
  'http2Stream.priority is longer supported after priority signalling was ' +
  'deprecated in RFC 9113');
const emitPriorityOptionsWarning = getDeprecationWarningEmitter(
  'DEP0194', 'Priority signaling has been deprecated as of RFC 9113.');
const {
  customIdsFromOptions,
  getDefaultSettings,
  readSettingsEvent,
  settingsFromValues,
  settingsToArray,
} = require('internal/http2/settings');
const {
  NghttpError,
  assertNoPseudoHeader,
  assertValidPseudoHeaderResponse,
  assertValidPseudoHeader,
  kSensitiveHeaders,
  kSocket,
  mapToHeaders,
  nameForErrorCode,
  toHeaderObject,
} = require('internal/http2/util');
const { utcDate } = require('internal/http');
const { URL } = require('internal/url');
let debug = require('internal/util/debuglog').debuglog('http2', (fn) => {
  debug = fn;
});

const {
  NGHTTP2_CANCEL,
  NGHTTP2_ERR_CALLBACK_FAILURE,
  NGHTTP2_ERR_FATAL,
  NGHTTP2_ERR_FRAME_SIZE_ERROR,
  NGHTTP2_ERR_INVALID_ARGUMENT,
  NGHTTP2_ERR_PROTO,
  NGHTTP2_ERR_STREAM_CLOSED,
  NGHTTP2_ERR_STREAM_ID_NOT_AVAILABLE,
  NGHTTP2_FRAME_SIZE_ERROR,
  NGHTTP2_INTERNAL_ERROR,
  NGHTTP2_NO_ERROR,
  NGHTTP2_SESSION_CLIENT,
  NGHTTP2_SESSION_SERVER,
  NGHTTP2_FLAG_END_STREAM,
} = constants;

const onClientStreamCreatedChannel = dc.channel('http2.client.stream.created');
const onClientStreamStartChannel = dc.channel('http2.client.stream.start');
const onClientStreamErrorChannel = dc.channel('http2.client.stream.error');
const onClientStreamFinishChannel = dc.channel('http2.client.stream.finish');
const onClientStreamCloseChannel = dc.channel('http2.client.stream.close');
const onClientStreamBodyChunkSentChannel =
  dc.channel('http2.client.stream.bodyChunkSent');
const onClientStreamBodySentChannel = dc.channel('http2.client.stream.bodySent');
const onServerStreamCreatedChannel = dc.channel('http2.server.stream.created');
const onServerStreamStartChannel = dc.channel('http2.server.stream.start');
const onServerStreamErrorChannel = dc.channel('http2.server.stream.error');
const onServerStreamFinishChannel = dc.channel('http2.server.stream.finish');
const onServerStreamCloseChannel = dc.channel('http2.server.stream.close');

// The binding's event types (src/lode_http2.cc).
const kEvHeaders = 1;
const kEvPushPromise = 2;
const kEvData = 3;
const kEvDataEnd = 4;
const kEvStreamClose = 5;
const kEvRstStream = 6;
const kEvSettings = 7;
const kEvPing = 8;
const kEvGoaway = 9;
const kEvFrameError = 10;
const kEvWantTrailers = 11;
const kEvInvalidFrame = 13;
const kEvSessionError = 14;
const kEvAltsvc = 15;
// An ALTSVC field value: visible ASCII but the backslash, tab, space and
// obs-text (no DEL, no control characters, nothing above U+00FF).
const kAltsvcValue = /^[\t\x20-\x5b\x5d-\x7e\x80-\xff]*$/;
const kEvOrigin = 16;
// The most an ALTSVC frame's field value and origin may hold: a frame's
// 16384 bytes less the 2-byte length field (origin() checks its origins
// against it too, as Node does; the frame's per-origin lengths are
// nghttp2's to refuse).
const kMaxAltsvcLength = 16382;

// Headers categories of nghttp2.
const kCatRequest = 0;
const kCatResponse = 1;
const kCatPushResponse = 2;

const kOptionEndStream = 1;
const kOptionWantTrailers = 2;


const kAuthority = Symbol('authority');
const kEvents = Symbol('events');
const kFlush = Symbol('flush');
const kFlushAgain = Symbol('flushAgain');
const kAwaitingDrain = Symbol('awaitingDrain');
const kFlushing = Symbol('flushing');
const kSendPending = Symbol('sendPending');
const kHandle = Symbol('handle');
const kID = Symbol('id');
const kInit = Symbol('init');
const kMaybeDestroy = Symbol('maybeDestroy');
const kOnClose = Symbol('onClose');
const kOptions = Symbol('options');
const kPendingPings = Symbol('pendingPings');
const kPendingSettings = Symbol('pendingSettings');
const kProceed = Symbol('proceed');
const kProtocol = Symbol('protocol');
const kReceive = Symbol('receive');
const kRequestHeaders = Symbol('requestHeaders');
const kSentHeaders = Symbol('sentHeaders');
const kSentInfoHeaders = Symbol('sentInfoHeaders');
const kSentTrailers = Symbol('sentTrailers');
const kServer = Symbol('server');
const kSession = Symbol('session');
const kSessions = Symbol('sessions');
const kOriginSet = Symbol('kOriginSet');
const kAsyncFrame = Symbol('kAsyncFrame');
const kLocalSettings = Symbol('kLocalSettings');
const kRemoteSettings = Symbol('kRemoteSettings');
const kLocalCustomSettings = Symbol('kLocalCustomSettings');
const kSubmitSettings = Symbol('kSubmitSettings');
const kRemoteCustomSettings = Symbol('kRemoteCustomSettings');
const kBoundSession = Symbol('kBoundSession');
const kSessionListeners = Symbol('kSessionListeners');
const kState = Symbol('state');
const kType = Symbol('type');
const kWriteGeneric = Symbol('writeGeneric');
const kResumeWrites = Symbol('resumeWrites');
const kEndReadable = Symbol('endReadable');
const kTimer = Symbol('timer');
const kWriteCallback = Symbol('writeCallback');
const kWaitingWrites = Symbol('waitingWrites');
const kFinalCallback = Symbol('finalCallback');
const kWaitingFinals = Symbol('waitingFinals');
const kSentCallbacks = Symbol('sentCallbacks');
const kStreamHandle = Symbol('streamHandle');
const kProxySocket = Symbol('proxySocket');
const kPendingRequests = Symbol('pendingRequests');

// What session.socket hands to the session instead, and what it refuses.
const socketCallsOnSession = new SafeSet(['setTimeout', 'ref', 'unref']);
const socketCallsRefused = new SafeSet([
  'destroy', 'emit', 'end', 'pause', 'read', 'resume', 'write',
  'setEncoding', 'setKeepAlive', 'setNoDelay',
]);

// Once the session closed its proxy is unbound (kProxySocket undefined).
function boundSocket(session) {
  const socket = session[kSocket];
  if (socket === undefined || session[kProxySocket] === undefined) {
    throw new ERR_HTTP2_SOCKET_UNBOUND();
  }
  return socket;
}

const sessionSocketHandler = {
  __proto__: null,
  get(session, prop) {
    if (socketCallsOnSession.has(prop)) {
      return FunctionPrototypeBind(session[prop], session);
    }
    if (socketCallsRefused.has(prop)) {
      throw new ERR_HTTP2_NO_SOCKET_MANIPULATION();
    }
    const socket = boundSocket(session);
    const value = socket[prop];
    return typeof value === 'function' ?
      FunctionPrototypeBind(value, socket) : value;
  },
  set(session, prop, value) {
    if (socketCallsOnSession.has(prop)) {
      session[prop] = value;
      return true;
    }
    if (socketCallsRefused.has(prop)) {
      throw new ERR_HTTP2_NO_SOCKET_MANIPULATION();
    }
    boundSocket(session)[prop] = value;
    return true;
  },
  getPrototypeOf(session) {
    return ReflectGetPrototypeOf(boundSocket(session));
  },
};
const kReleaseSentCallbacks = Symbol('releaseSentCallbacks');

const kNoRstStream = 0;
const kSubmitRstStream = 1;
const kForceRstStream = 2;

const kNoPayloadMethods = new SafeSet(['DELETE', 'GET', 'HEAD']);

function emit(self, ...args) {
  ReflectApply(self.emit, self, args);
}

function sessionCodeError(code) {
  return new NghttpError(code);
}

// --- Sessions -------------------------------------------------------------

class Http2Session extends EventEmitter {
  constructor(type, options, socket) {
    if (socket[kBoundSession] !== undefined) {
      throw new ERR_HTTP2_SOCKET_BOUND();
    }
    super();
    options = options || {};
    this[kType] = type;
    this[kSocket] = socket;
    this[kOptions] = options;
    this[kState] = {
      closed: false,
      destroyed: false,
      destroyCode: NGHTTP2_NO_ERROR,
      goawayCode: null,
      goawayLastStreamID: null,
      connecting: false,
      streams: new SafeMap(),
      pendingStreams: new SafeSet(),
      pendingAck: 0,
      invalidFrames: 0,
      originSet: undefined,
    };
    this[kPendingPings] = [];
    this[kPendingSettings] = [];
    this[kAsyncFrame] = AsyncContextFrame.current();
    this[kLocalSettings] = undefined;
    this[kRemoteSettings] = undefined;
    // Custom settings ({ id: value }): ours as we sent them (as in Node,
    // they count from then, the others from the peer's acknowledgement),
    // the peer's for the ids options.remoteCustomSettings lists.
    this[kLocalCustomSettings] = undefined;
    this[kRemoteCustomSettings] = undefined;
    this[kEvents] = [];
    this[kWaitingWrites] = new SafeSet();
    this[kWaitingFinals] = new SafeSet();
    this[kSentCallbacks] = [];
    this[kFlushing] = false;
    this[kFlushAgain] = false;
    this[kAwaitingDrain] = false;
    this[kTimer] = null;
    this[kTimeout] = null;
    this[kProxySocket] = null;
    this[kAuthority] = undefined;
    this[kProtocol] = undefined;

    const maxHeaderListSize = options.maxHeaderListSize ??
      options.maxHeaderSize ?? options.settings?.maxHeaderListSize ??
      options.settings?.maxHeaderSize ?? 65535;
    // At least the pseudo-headers a request (4) or a response (1) needs,
    // as in Node.
    const maxHeaderListPairs = MathMax(options.maxHeaderListPairs ?? 128,
                                       type === NGHTTP2_SESSION_SERVER ? 4 : 1);
    this[kHandle] = new Http2SessionHandle(
      type,
      options.peerMaxConcurrentStreams ?? 100,
      options.maxReservedRemoteStreams ?? 200,
      maxHeaderListSize,
      options.strictFieldWhitespaceValidation !== false,
      options.maxSettings ?? 0,
      options.maxSendHeaderBlockLength ?? 0,
      maxHeaderListPairs,
      options.paddingStrategy ?? 0);

    // The socket's listeners find the session through kBoundSession, which
    // closeSession() clears: a socket that outlives its session (a user's
    // closure keeps it) must not keep the session alive. They go on once
    // per socket (a socket may carry a new session after one closed), and
    // before anything is queued, so that a socket that is not one fails
    // here and leaves nothing behind.
    socket[kBoundSession] = this;
    if (socket[kSessionListeners] !== true) {
      socket.on('data', socketOnData);
      socket.on('error', socketOnError);
      socket.on('close', socketOnClose);
      socket.on('timeout', socketOnTimeout);
      socket[kSessionListeners] = true;
    }

    if (socket.connecting || socket._tlsConnecting === true) {
      this[kState].connecting = true;
      const event = socket.encrypted !== undefined &&
        typeof socket.getPeerCertificate === 'function' ?
        'secureConnect' : 'connect';
      socket.once(event, () => this[kInit]());
    } else {
      // Our SETTINGS must be the first frame out, before anything the
      // peer's data makes nghttp2 queue.
      this[kInit](true);
    }
    // Frames go out as nghttp2 makes them, often a small one after another
    // (HEADERS, then DATA on a later tick): with Nagle's algorithm the
    // second would wait for the peer's delayed ACK (40 ms on Linux).
    if (typeof socket.setNoDelay === 'function') socket.setNoDelay(true);
  }

  [kInit](deferConnect) {
    if (this.destroyed) return;
    const state = this[kState];
    state.connecting = false;
    const settings = { ...this[kOptions].settings };
    if (this[kType] === NGHTTP2_SESSION_SERVER) delete settings.enablePush;
    state.pendingAck++;
    // The first SETTINGS is acknowledged like the others; it has no
    // callback.
    this[kSubmitSettings](settingsToArray(settings), settings.customSettings,
                          undefined);
    // A server's options.origins go out in an ORIGIN frame right after
    // its SETTINGS, as in Node.
    const origins = this[kOptions].origins;
    if (this[kType] === NGHTTP2_SESSION_SERVER && ArrayIsArray(origins)) {
      ReflectApply(this.origin, this, origins);
    }
    if (deferConnect === true) {
      process.nextTick(() => {
        this[kFlush]();
        if (!this.destroyed) this.emit('connect', this, this[kSocket]);
      });
      return;
    }
    if (state.closed) this.goaway();
    this[kFlush]();
    this.emit('connect', this, this[kSocket]);
  }

  get type() { return this[kType]; }
  // The socket through a Proxy that refuses what would break the HTTP/2
  // framing; undefined once the session closed.
  get socket() {
    const proxy = this[kProxySocket];
    if (proxy === null) {
      return this[kProxySocket] = new Proxy(this, sessionSocketHandler);
    }
    return proxy;
  }

  get connecting() { return this[kState].connecting; }
  get closed() { return this[kState].closed; }
  get destroyed() { return this[kState].destroyed; }
  get encrypted() {
    const socket = this[kSocket];
    return socket !== undefined && socket.encrypted === true;
  }

  get alpnProtocol() {
    const socket = this[kSocket];
    if (socket === undefined) return undefined;
    return socket.encrypted ? socket.alpnProtocol : 'h2c';
  }

  get originSet() {
    if (!this.encrypted || this.destroyed) return undefined;
    return ArrayFrom(this[kOriginSet]());
  }

  // The origins the session may serve (TLS only): the one it connected
  // for, then those ORIGIN frames added (a 421 answer takes one out).
  [kOriginSet]() {
    const state = this[kState];
    if (state.originSet !== undefined) return state.originSet;
    state.originSet = new SafeSet();
    const socket = this[kSocket];
    let host = socket.servername || socket.remoteAddress;
    if (this[kType] === NGHTTP2_SESSION_CLIENT || !host) {
      state.originSet.add(`https://${this[kAuthority]}`);
      return state.originSet;
    }
    if (net.isIPv6(host)) host = `[${host}]`;
    const port = socket.remotePort;
    // Serialized as a URL's origin, as Node does ([::ffff:7f00:1] for
    // ::ffff:127.0.0.1).
    state.originSet.add(new URL(port != null ? `https://${host}:${port}` :
      `https://${host}`).origin);
    return state.originSet;
  }

  get pendingSettingsAck() { return this[kState].pendingAck > 0; }

  // Both are kept until a SETTINGS frame changes them (local ones: when
  // the peer acknowledges ours), so that two reads give the same object.
  get localSettings() {
    const cached = this[kLocalSettings];
    if (cached !== undefined) return cached;
    const handle = this[kHandle];
    if (handle === undefined || this.connecting) return {};
    return (this[kLocalSettings] = settingsFromValues(
      handle.getSettings(false), this[kLocalCustomSettings]));
  }

  get remoteSettings() {
    const cached = this[kRemoteSettings];
    if (cached !== undefined) return cached;
    const handle = this[kHandle];
    if (handle === undefined || this.connecting) return {};
    return (this[kRemoteSettings] = settingsFromValues(
      handle.getSettings(true), this[kRemoteCustomSettings]));
  }

  get state() {
    const handle = this[kHandle];
    if (handle === undefined) return {};
    const s = handle.getState();
    if (typeof s === 'number') return {};
    return {
      effectiveLocalWindowSize: s[0],
      effectiveRecvDataLength: s[1],
      nextStreamID: s[2],
      localWindowSize: s[3],
      lastProcStreamID: s[4],
      remoteWindowSize: s[5],
      outboundQueueSize: s[6],
      deflateDynamicTableSize: s[7],
      inflateDynamicTableSize: s[8],
    };
  }

  // What Node shows of a session (below the depth limit, the default
  // [ClassName]).
  [customInspectSymbol](depth, options, inspect) {
    if (typeof depth === 'number' && depth < 0) return this;
    const shown = {
      type: this[kType],
      closed: this.closed,
      destroyed: this.destroyed,
      state: this.state,
      localSettings: this.localSettings,
      remoteSettings: this.remoteSettings,
    };
    return `Http2Session ${inspect(shown)}`;
  }

  ref() {
    const socket = this[kSocket];
    if (typeof socket?.ref === 'function') socket.ref();
  }

  unref() {
    const socket = this[kSocket];
    if (typeof socket?.unref === 'function') socket.unref();
  }

  // An idle timer of its own (this[kTimeout], as in Node), refreshed
  // whenever bytes come in or go out.
  setTimeout(msecs, callback) {
    return FunctionPrototypeCall(setStreamTimeout, this, msecs, callback);
  }

  _onTimeout() {
    if (!this.destroyed) this.emit('timeout');
  }

  [kUpdateTimer]() {
    if (!this.destroyed && this[kTimeout]) this[kTimeout].refresh();
  }

  setLocalWindowSize(windowSize) {
    if (this.destroyed) throw new ERR_HTTP2_INVALID_SESSION();
    validateInteger(windowSize, 'windowSize', 0, 2 ** 31 - 1);
    const rv = this[kHandle].setLocalWindowSize(windowSize);
    if (rv < 0) throw new NghttpError(rv);
    this[kFlush]();
  }

  setNextStreamID(id) {
    if (this.destroyed) throw new ERR_HTTP2_INVALID_SESSION();
    validateNumber(id, 'id');
    if (id <= 0 || id > kMaxUint32) {
      throw new ERR_OUT_OF_RANGE('id', `> 0 and <= ${kMaxUint32}`, id);
    }
    // nghttp2 refuses ids it cannot use (wrong parity, not above the last
    // one); Node ignores that too.
    this[kHandle].setNextStreamID(id);
  }

  ping(payload, callback) {
    if (this.destroyed) throw new ERR_HTTP2_INVALID_SESSION();
    if (typeof payload === 'function') {
      callback = payload;
      payload = undefined;
    }
    if (payload !== undefined) {
      validateBuffer(payload, 'payload');
      if (payload.byteLength !== 8) throw new ERR_HTTP2_PING_LENGTH();
    }
    validateFunction(callback, 'callback');
    // Each ping is an async resource of type HTTP2PING, as in Node: its
    // callback runs in it and it is destroyed once called.
    const resource = new AsyncResource('HTTP2PING');
    const maxPings = this[kOptions].maxOutstandingPings ?? 10;
    if (this[kPendingPings].length >= maxPings) {
      process.nextTick(finishPing, resource, callback,
                       new ERR_HTTP2_PING_CANCEL());
      return false;
    }
    const rv = this[kHandle].submitPing(payload);
    if (rv < 0) {
      resource.emitDestroy();
      return false;
    }
    ArrayPrototypePush(this[kPendingPings],
                       { callback, resource, start: process.hrtime.bigint() });
    this[kFlush]();
    return true;
  }

  settings(settings = {}, callback) {
    if (this.destroyed) throw new ERR_HTTP2_INVALID_SESSION();
    validateObject(settings, 'settings');
    const list = settingsToArray(settings);
    if (callback !== undefined) validateFunction(callback, 'callback');
    this[kState].pendingAck++;
    const submit = () => {
      if (this.destroyed) return;
      // As in Node, one SETTINGS too many (unacknowledged ones counted,
      // the first included) destroys the session.
      const max = this[kOptions].maxOutstandingSettings ?? 10;
      if (this[kPendingSettings].length >= max) {
        this.destroy(new ERR_HTTP2_MAX_PENDING_SETTINGS_ACK());
        return;
      }
      this[kSubmitSettings](list, settings.customSettings, callback);
      this[kFlush]();
    };
    if (this.connecting) {
      this.once('connect', submit);
    } else {
      submit();
    }
  }

  goaway(code = NGHTTP2_NO_ERROR, lastStreamID = 0, opaqueData) {
    if (this.destroyed) throw new ERR_HTTP2_INVALID_SESSION();
    if (opaqueData !== undefined) validateBuffer(opaqueData, 'opaqueData');
    validateNumber(code, 'code');
    validateNumber(lastStreamID, 'lastStreamID');
    this[kHandle].submitGoaway(code, lastStreamID > 0 ? lastStreamID : -1,
                               opaqueData);
    this[kFlush]();
  }

  close(callback) {
    if (this.closed || this.destroyed) return;
    this[kState].closed = true;
    if (typeof callback === 'function') this.once('close', callback);
    if (!this.connecting) this.goaway();
    this[kMaybeDestroy]();
  }

  destroy(error = NGHTTP2_NO_ERROR, code) {
    if (this.destroyed) return;
    if (typeof error === 'number') {
      code = error;
      error = code !== NGHTTP2_NO_ERROR ?
        new ERR_HTTP2_SESSION_ERROR(code) : undefined;
    }
    if (code === undefined && error != null) code = NGHTTP2_INTERNAL_ERROR;
    closeSession(this, code, error);
  }

  [kMaybeDestroy](error) {
    if (this.destroyed) return;
    const state = this[kState];
    if (error == null && state.closed && state.streams.size === 0 &&
        state.pendingStreams.size === 0) {
      this.destroy();
    }
  }

  // A SETTINGS frame goes to nghttp2 and waits for the peer's ACK (then
  // `callback`, when given); its custom settings count from now, as in
  // Node.
  [kSubmitSettings](list, custom, callback) {
    this[kHandle].submitSettings(list);
    ArrayPrototypePush(this[kPendingSettings],
                       { callback, start: process.hrtime.bigint() });
    if (custom !== undefined) {
      this[kLocalCustomSettings] = { ...this[kLocalCustomSettings], ...custom };
    }
  }

  [kReceive](chunk) {
    const handle = this[kHandle];
    if (handle === undefined) return;
    this[kUpdateTimer]();
    const rv = handle.receive(chunk);
    debug('Http2Session %s: received %d bytes: %d',
          this[kType] === NGHTTP2_SESSION_SERVER ? 'server' : 'client',
          chunk.length, rv);
    if (rv < 0) {
      this.destroy(new NghttpError(rv));
      return;
    }
    this[kFlush]();
  }

  // Writes what nghttp2 has to send and handles what it recorded, until
  // neither is left. Calls made while it runs are taken by the loop.
  [kFlush]() {
    if (this[kFlushing]) {
      this[kFlushAgain] = true;
      return;
    }
    this[kFlushing] = true;
    try {
      do {
        this[kFlushAgain] = false;
        const handle = this[kHandle];
        if (handle === undefined) break;
        // While the socket's buffer is full, nghttp2 keeps what it has to
        // send (bodies stay queued, their writers wait): 'drain' resumes.
        if (!this[kSendPending]()) break;
        const events = handle.takeEvents();
        if (events !== undefined) {
          const queue = this[kEvents];
          for (let i = 0; i < events.length; i++) {
            ArrayPrototypePush(queue, events[i]);
          }
        }
        const queue = this[kEvents];
        while (queue.length > 0) {
          const event = ArrayPrototypeShift(queue);
          this[kFlushAgain] = true;
          dispatch(this, event);
        }
      } while (this[kFlushAgain]);
    } finally {
      this[kFlushing] = false;
    }
    this[kReleaseSentCallbacks]();
    this[kResumeWrites]();
  }

  // Writes to the socket what nghttp2 has to send now. False when the
  // session was destroyed by an nghttp2 error.
  [kSendPending]() {
    const handle = this[kHandle];
    if (handle === undefined || this[kAwaitingDrain]) return true;
    const out = handle.send();
    if (typeof out === 'number') {
      this.destroy(sessionCodeError(out));
      return false;
    }
    if (out !== undefined) {
      const socket = this[kSocket];
      // Writes whose bytes this send carries complete once the socket wrote
      // them, as in Node.
      let written;
      const callbacks = this[kSentCallbacks];
      this[kUpdateTimer]();
      if (callbacks.length > 0) {
        this[kSentCallbacks] = [];
        written = () => {
          for (let i = 0; i < callbacks.length; i++) callbacks[i]();
        };
      }
      if (socket.destroyed || socket.writableEnded) {
        if (written !== undefined) process.nextTick(written);
      } else if (!socket.write(new FastBuffer(out.buffer, out.byteOffset,
                                              out.byteLength), written)) {
        this[kAwaitingDrain] = true;
        socket.once('drain', () => {
          this[kAwaitingDrain] = false;
          this[kFlush]();
        });
      } else if (out.byteLength >= 1 << 20) {
        this[kFlushAgain] = true;
      }
    }
    return true;
  }

  // Completes on the next tick the writes no send carried (their bytes
  // wait for the peer's window or for 'drain').
  [kReleaseSentCallbacks]() {
    const callbacks = this[kSentCallbacks];
    if (callbacks.length === 0) return;
    this[kSentCallbacks] = [];
    process.nextTick(() => {
      for (let i = 0; i < callbacks.length; i++) callbacks[i]();
    });
  }

  // Calls the write callbacks of streams whose queued body went below
  // their high water mark.
  [kResumeWrites]() {
    const handle = this[kHandle];
    // A stream's 'finish' waits until nghttp2 took all of its body.
    const finals = this[kWaitingFinals];
    for (const stream of finals) {
      const queued = handle === undefined || stream.destroyed ? -1 :
        handle.queuedBytes(stream[kID]);
      if (typeof queued !== 'number' || queued <= 0) {
        finals.delete(stream);
        const cb = stream[kFinalCallback];
        stream[kFinalCallback] = undefined;
        if (cb !== undefined) cb();
      }
    }
    const waiting = this[kWaitingWrites];
    if (waiting.size === 0) return;
    for (const stream of waiting) {
      const queued = handle === undefined || stream.destroyed ? -1 :
        handle.queuedBytes(stream[kID]);
      if (typeof queued !== 'number' || queued <= stream.writableHighWaterMark) {
        waiting.delete(stream);
        const cb = stream[kWriteCallback];
        stream[kWriteCallback] = undefined;
        if (cb !== undefined) cb();
      }
    }
  }
}

function finishPing(resource, callback, ...args) {
  try {
    ReflectApply(resource.runInAsyncScope, resource,
                 [callback, undefined, ...args]);
  } finally {
    resource.emitDestroy();
  }
}

function socketOnData(chunk) {
  this[kBoundSession]?.[kReceive](chunk);
}

function socketOnError(err) {
  this[kBoundSession]?.destroy(err);
}

function socketOnClose() {
  const session = this[kBoundSession];
  if (session !== undefined && !session.destroyed) session.destroy();
}

function socketOnTimeout() {
  this[kBoundSession]?.emit('timeout');
}

function closeSession(session, code, error) {
  const state = session[kState];
  state.destroyed = true;
  state.destroyCode = code;
  if (session[kTimer] !== null) clearTimeout(session[kTimer]);
  clearTimeout(session[kTimeout]);
  session[kTimeout] = null;

  // Pending streams never started: cancel them.
  for (const stream of state.pendingStreams) {
    stream.destroy(new ERR_HTTP2_STREAM_CANCEL(error));
  }
  state.pendingStreams.clear();
  for (const stream of state.streams.values()) {
    stream.destroy(error);
  }

  const pings = session[kPendingPings];
  session[kPendingPings] = [];
  for (let i = 0; i < pings.length; i++) {
    process.nextTick(finishPing, pings[i].resource, pings[i].callback,
                     new ERR_HTTP2_PING_CANCEL());
  }
  // Unacknowledged settings are dropped: as in Node, their callbacks are
  // not called once the session is gone.
  session[kPendingSettings] = [];

  const socket = session[kSocket];
  socket[kBoundSession] = undefined;
  const handle = session[kHandle];
  if (handle !== undefined) {
    if (!socket.destroyed && socket.writable) {
      handle.submitGoaway(code || NGHTTP2_NO_ERROR, -1, undefined);
      const out = handle.send();
      if (out !== undefined && typeof out !== 'number') {
        socket.write(new FastBuffer(out.buffer, out.byteOffset,
                                    out.byteLength));
      }
    }
    handle.destroy();
    session[kHandle] = undefined;
  }
  session[kEvents] = [];
  session[kResumeWrites]();
  session[kReleaseSentCallbacks]();

  if (!socket.destroyed) {
    if (socket.writable && !socket.writableEnded) {
      socket.end(() => {
        setImmediate(() => socket.destroy());
      });
    } else {
      setImmediate(() => socket.destroy());
    }
  }
  process.nextTick(emitSessionClose, session, error);
}

function emitSessionClose(session, error) {
  session[kProxySocket] = undefined;
  if (error) session.emit('error', error);
  session.emit('close');
}

// Events run in the async context Node gives them (its sessions and
// streams are async resources): a stream's in the context of the
// request() call that made it (a stream the peer opened: none), anything
// else in the session's (where it was made: a server's 'connection'
// listener, a connect() call). AsyncLocalStorage sees those stores, as in
// Node, rather than whatever the socket's read had.
function dispatch(session, event) {
  if (AsyncContextFrame.wanted) {
    const id = event[1];
    const stream = id !== 0 ? session[kState].streams.get(id) : undefined;
    const frame = stream !== undefined ? stream[kAsyncFrame] :
      session[kAsyncFrame];
    if (frame !== AsyncContextFrame.current()) {
      const prior = AsyncContextFrame.exchange(frame);
      try {
        dispatchEvent(session, event);
      } finally {
        AsyncContextFrame.set(prior);
      }
      return;
    }
  }
  dispatchEvent(session, event);
}

function dispatchEvent(session, event) {
  debug('Http2Session %s: event %j', session[kType] === NGHTTP2_SESSION_SERVER ?
    'server' : 'client', event);
  const type = event[0];
  const id = event[1];
  const state = session[kState];
  switch (type) {
    case kEvHeaders:
      onHeaders(session, id, event[2], event[3], event[4], event[5]);
      break;
    case kEvPushPromise:
      onPushPromise(session, id, event[2], event[3], event[4], event[5]);
      break;
    case kEvData: {
      const stream = state.streams.get(id);
      if (stream === undefined || stream.destroyed) break;
      const bytes = event[4];
      stream[kState].didRead = true;
      stream.push(new FastBuffer(bytes.buffer, bytes.byteOffset,
                                 bytes.byteLength));
      break;
    }
    case kEvDataEnd: {
      const stream = state.streams.get(id);
      if (stream !== undefined) stream[kEndReadable]();
      break;
    }
    case kEvStreamClose: {
      const stream = state.streams.get(id);
      if (stream !== undefined) stream[kOnClose](event[2]);
      break;
    }
    case kEvRstStream: {
      const stream = state.streams.get(id);
      if (stream !== undefined && !stream.closed) {
        stream[kState].rstCode = event[2];
      }
      break;
    }
    case kEvSettings:
      if (event[2] === 1) {
        state.pendingAck--;
        const pending = ArrayPrototypeShift(session[kPendingSettings]);
        // (An ACK read in the chunk that a listener closed the session in
        // keeps the last settings: there is no nghttp2 session to ask.)
        if (session[kHandle] !== undefined) {
          session[kLocalSettings] = undefined;
        }
        const settings = session.localSettings;
        if (pending !== undefined && pending.callback !== undefined) {
          const duration = Number(process.hrtime.bigint() - pending.start) /
            1e6;
          pending.callback(null, settings, duration);
        }
        session.emit('localSettings', settings);
      } else {
        const { values, custom } = readSettingsEvent(
          event[4], session[kOptions].remoteCustomSettings,
          session[kRemoteCustomSettings]);
        session[kRemoteCustomSettings] = custom;
        session[kRemoteSettings] = settingsFromValues(values, custom);
        session.emit('remoteSettings', session[kRemoteSettings]);
      }
      break;
    case kEvPing: {
      const bytes = event[4];
      const payload = new FastBuffer(bytes.buffer, bytes.byteOffset,
                                     bytes.byteLength);
      if (event[2] === 1) {
        const pending = ArrayPrototypeShift(session[kPendingPings]);
        if (pending === undefined) {
          // An ACK for no PING of ours: a broken or hostile peer, a
          // connection error as in Node.
          session.destroy(new NghttpError(NGHTTP2_ERR_PROTO));
          break;
        }
        const duration = Number(process.hrtime.bigint() - pending.start) /
          1e6;
        finishPing(pending.resource, pending.callback, null, duration,
                   payload);
      } else {
        session.emit('ping', payload);
      }
      break;
    }
    case kEvGoaway: {
      const code = event[2];
      const bytes = event[4];
      const opaque = bytes === undefined ? undefined :
        new FastBuffer(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      state.goawayCode = code;
      state.goawayLastStreamID = event[3];
      session.emit('goaway', code, event[3], opaque);
      if (code === NGHTTP2_NO_ERROR) {
        session.close();
      } else {
        session.destroy(new ERR_HTTP2_SESSION_ERROR(code), NGHTTP2_NO_ERROR);
      }
      break;
    }
    case kEvFrameError: {
      const stream = state.streams.get(id);
      // A frame over the size limits is reported with the HTTP/2 code,
      // its stream reset with it and the session closed, as in Node.
      if (event[3] === NGHTTP2_ERR_FRAME_SIZE_ERROR) {
        (stream ?? session).emit('frameError', event[2],
                                 NGHTTP2_FRAME_SIZE_ERROR, id);
        session.close();
        // Later, so that a stream nghttp2 closes itself (a request it
        // could not send is refused) keeps that code.
        if (stream !== undefined) {
          setImmediate(() => {
            if (!stream.destroyed && !stream.closed) {
              stream.close(NGHTTP2_FRAME_SIZE_ERROR);
            }
          });
        }
        break;
      }
      if (stream !== undefined) {
        stream.emit('frameError', event[2], event[3], id);
        if (!stream.destroyed) {
          stream.destroy(new ERR_HTTP2_STREAM_ERROR(
            nameForErrorCode[NGHTTP2_INTERNAL_ERROR]));
        }
      } else {
        session.emit('frameError', event[2], event[3], id);
      }
      break;
    }
    case kEvWantTrailers: {
      const stream = state.streams.get(id);
      if (stream === undefined) break;
      stream[kState].trailersReady = true;
      if (stream.listenerCount('wantTrailers') > 0) {
        stream.emit('wantTrailers');
      } else {
        stream.sendTrailers({});
      }
      break;
    }
    case kEvInvalidFrame: {
      // As in Node, a peer that keeps sending frames nghttp2 refuses has
      // its session torn down once maxSessionInvalidFrames is passed.
      const max = session[kOptions].maxSessionInvalidFrames ?? 1000;
      // Node compares the count before this frame: max + 1 are allowed.
      if (state.invalidFrames++ > max) {
        session.destroy(new NghttpError(NGHTTP2_ERR_CALLBACK_FAILURE,
                                        'ERR_HTTP2_TOO_MANY_INVALID_FRAMES'));
        break;
      }
      // A frame on a stream that is already closed, a protocol error (or
      // a fatal error) ends the session with that error, as in Node.
      const code = event[3];
      if (code === NGHTTP2_ERR_STREAM_CLOSED || code === NGHTTP2_ERR_PROTO ||
          code <= NGHTTP2_ERR_FATAL) {
        session.destroy(new NghttpError(code));
      }
      break;
    }
    case kEvSessionError:
      session.destroy(new NghttpError(event[2]));
      break;
    case kEvAltsvc: {
      const list = event[4];
      session[kUpdateTimer]();
      session.emit('altsvc', list[0], list[1], id);
      break;
    }
    case kEvOrigin: {
      const origins = event[4];
      session[kUpdateTimer]();
      // Only a TLS session has an origin set; ORIGIN frames on others are
      // ignored, as RFC 8336 says.
      if (!session.encrypted) break;
      const set = session[kOriginSet]();
      for (let i = 0; i < origins.length; i++) set.add(origins[i]);
      session.emit('origin', origins);
      break;
    }
    default:
      break;
  }
}

function onHeaders(session, id, cat, flags, list, sensitive) {
  const headers = toHeaderObject(list, sensitive);
  const state = session[kState];
  let stream = state.streams.get(id);
  const endOfStream = (flags & NGHTTP2_FLAG_END_STREAM) !== 0;
  if (session[kType] === NGHTTP2_SESSION_SERVER && cat === kCatRequest) {
    if (stream === undefined) {
      if (session.closed) return;
      stream = new ServerHttp2Stream(session, id, headers);
      // Opened by the peer, not by code of this process: its own events
      // run in no store, as Node's do.
      stream[kAsyncFrame] = undefined;
      if (endOfStream) stream[kState].endAfterHeaders = true;
      if (headers[':method'] === 'HEAD') stream[kState].headRequest = true;
      if (onServerStreamStartChannel.hasSubscribers) {
        onServerStreamStartChannel.publish({ stream, headers });
      }
      session.emit('stream', stream, headers, flags, list);
      if (endOfStream) stream[kEndReadable]();
      return;
    }
  }
  if (stream === undefined || stream.destroyed) return;
  const status = headers[':status'];
  if (session[kType] === NGHTTP2_SESSION_CLIENT && status !== undefined &&
      !stream[kState].gotResponse) {
    if (status >= 100 && status < 200) {
      if (status === 100) stream.emit('continue');
      stream.emit('headers', headers, flags, list);
    } else {
      stream[kState].gotResponse = true;
      if (endOfStream) stream[kState].endAfterHeaders = true;
      // 421 Misdirected Request: the session cannot serve the request's
      // origin after all (RFC 8336 §4).
      if (status === 421 && session.encrypted) {
        const sent = stream[kSentHeaders];
        session[kOriginSet]().delete(
          `${sent[':scheme']}://${sent[':authority']}`);
      }
      if (onClientStreamFinishChannel.hasSubscribers) {
        onClientStreamFinishChannel.publish({ stream, headers, flags });
      }
      stream.emit(cat === kCatPushResponse || stream[kState].pushed ?
        'push' : 'response', headers, flags, list);
    }
  } else if (endOfStream) {
    stream.emit('trailers', headers, flags, list);
  } else {
    stream.emit('headers', headers, flags, list);
  }
  if (endOfStream) stream[kEndReadable]();
}

function onPushPromise(session, parentId, id, flags, list, sensitive) {
  const headers = toHeaderObject(list, sensitive);
  const stream = new ClientHttp2Stream(session, id, headers);
  stream.end();
  if (onClientStreamStartChannel.hasSubscribers) {
    onClientStreamStartChannel.publish({ stream, headers });
  }
  session.emit('stream', stream, headers, flags, list);
}

class ServerHttp2Session extends Http2Session {
  constructor(options, socket, server) {
    super(NGHTTP2_SESSION_SERVER, options, socket);
    this[kServer] = server;
  }

  get server() { return this[kServer]; }

  // An ALTSVC frame (RFC 7838): `alt` for the origin given (a string or
  // URL, serialized as its origin, or an object's own `origin`, taken as
  // it is) on stream 0, or for the stream whose id is given.
  altsvc(alt, originOrStream) {
    if (this.destroyed) throw new ERR_HTTP2_INVALID_SESSION();
    let stream = 0;
    let origin = '';
    if (typeof originOrStream === 'number') {
      if (!NumberIsInteger(originOrStream) || originOrStream <= 0 ||
          originOrStream >= 2 ** 32) {
        throw new ERR_OUT_OF_RANGE('originOrStream', `> 0 && < ${2 ** 32}`,
                                   originOrStream);
      }
      stream = originOrStream;
    } else if (originOrStream !== undefined) {
      origin = originOf(originOrStream);
      if (typeof origin !== 'string') {
        throw new ERR_INVALID_ARG_TYPE('originOrStream',
                                       ['string', 'number', 'URL', 'object'],
                                       originOrStream);
      }
      if (origin === 'null' || origin === '') {
        throw new ERR_HTTP2_ALTSVC_INVALID_ORIGIN();
      }
    }
    validateString(alt, 'alt');
    if (RegExpPrototypeExec(kAltsvcValue, alt) === null) {
      throw new ERR_INVALID_CHAR('alt');
    }
    if (alt.length + origin.length > kMaxAltsvcLength) {
      throw new ERR_HTTP2_ALTSVC_LENGTH();
    }
    this[kHandle].submitAltsvc(stream, origin, alt);
    this[kFlush]();
  }

  // An ORIGIN frame (RFC 8336) listing the origins given (strings or URLs,
  // serialized as their origin, or objects' own `origin`).
  origin(...origins) {
    if (this.destroyed) throw new ERR_HTTP2_INVALID_SESSION();
    if (origins.length === 0) return;
    const list = [];
    let length = 0;
    for (let i = 0; i < origins.length; i++) {
      const origin = originOf(origins[i]);
      validateString(origin, 'origin');
      if (origin === 'null') throw new ERR_HTTP2_INVALID_ORIGIN();
      ArrayPrototypePush(list, origin);
      length += origin.length;
    }
    if (length > kMaxAltsvcLength) throw new ERR_HTTP2_ORIGIN_LENGTH();
    // Each origin also takes a 2-byte length in the frame: nghttp2 refuses
    // a list that does not fit, which says too long as well.
    if (this[kHandle].submitOrigin(list) !== 0) {
      throw new ERR_HTTP2_ORIGIN_LENGTH();
    }
    this[kFlush]();
  }
}

// The origin an altsvc()/origin() argument names: a string or URL
// serialized as a URL's origin ('null' when it has none), an object's own
// `origin` as it is (its caller's to get right, as in Node); anything else
// comes back as it was, for the caller's type error.
function originOf(value) {
  if (typeof value === 'string') return new URL(value).origin;
  if (value !== null && typeof value === 'object') return value.origin;
  return value;
}

class ClientHttp2Session extends Http2Session {
  constructor(options, socket) {
    super(NGHTTP2_SESSION_CLIENT, options, socket);
  }

  // A rejected async 'stream' listener destroys that (pushed) stream, any
  // other the session, as in Node.
  [EventEmitter.captureRejectionSymbol](err, event, ...args) {
    if (event === 'stream') {
      args[0].destroy(err);
    } else {
      this.destroy(err);
    }
  }

  request(headersParam, options) {
    if (this.destroyed) throw new ERR_HTTP2_INVALID_SESSION();
    if (this.closed) throw new ERR_HTTP2_GOAWAY_SESSION();

    let headers;
    if (headersParam === undefined || headersParam === null) {
      headers = { __proto__: null };
    } else if (ArrayIsArray(headersParam)) {
      headers = rawToObject(headersParam);
      if (headersParam[kSensitiveHeaders] !== undefined) {
        headers[kSensitiveHeaders] = headersParam[kSensitiveHeaders];
      }
    } else {
      validateObject(headersParam, 'headers');
      headers = ObjectAssign({ __proto__: null }, headersParam);
    }
    if (options === undefined) {
      options = {};
    } else {
      validateObject(options, 'options');
      options = { ...options };
    }

    if (headers[':method'] === undefined) headers[':method'] = 'GET';
    const method = StringPrototypeToUpperCase(String(headers[':method']));
    const connect = method === 'CONNECT';
    if (!connect || headers[':protocol'] !== undefined) {
      if (headers[':authority'] === undefined && headers.host === undefined) {
        headers[':authority'] = this[kAuthority];
      }
      if (headers[':scheme'] === undefined) {
        headers[':scheme'] = StringPrototypeStartsWith(this[kProtocol],
                                                       'https') ?
          'https' : 'http';
      }
      if (headers[':path'] === undefined) headers[':path'] = '/';
    } else {
      if (headers[':authority'] === undefined) {
        throw new ERR_HTTP2_CONNECT_AUTHORITY();
      }
      if (headers[':scheme'] !== undefined) {
        throw new ERR_HTTP2_CONNECT_SCHEME();
      }
      if (headers[':path'] !== undefined) throw new ERR_HTTP2_CONNECT_PATH();
    }

    const booleans = ['endStream', 'exclusive', 'silent', 'waitForTrailers'];
    for (let i = 0; i < booleans.length; i++) {
      const value = options[booleans[i]];
      if (value !== undefined && typeof value !== 'boolean') {
        throw new ERR_INVALID_ARG_TYPE(`options.${booleans[i]}`, 'boolean',
                                       value);
      }
    }
    if (options.parent !== undefined && typeof options.parent !== 'number') {
      throw new ERR_INVALID_ARG_TYPE('options.parent', 'number',
                                     options.parent);
    }
    if (options.weight !== undefined || options.parent !== undefined ||
        options.exclusive !== undefined) {
      emitPriorityOptionsWarning();
    }
    if (options.endStream === undefined) {
      options.endStream = kNoPayloadMethods.has(method);
    }
    if (options.signal !== undefined) {
      validateAbortSignal(options.signal, 'options.signal');
    }
    let source = headers;
    if (ArrayIsArray(headersParam)) {
      // Keep the order (and repeats) of a raw list.
      source = [];
      const pseudo = [':method', ':authority', ':scheme', ':path'];
      for (let i = 0; i < pseudo.length; i++) {
        const name = pseudo[i];
        let given = false;
        for (let j = 0; j < headersParam.length; j += 2) {
          if (headersParam[j] === name) given = true;
        }
        if (!given && headers[name] !== undefined) {
          ArrayPrototypePush(source, name, headers[name]);
        }
      }
      for (let i = 0; i < headersParam.length; i++) {
        ArrayPrototypePush(source, headersParam[i]);
      }
      source[kSensitiveHeaders] = headersParam[kSensitiveHeaders];
    }
    const list = mapToHeaders(source, assertValidPseudoHeader);

    const stream = new ClientHttp2Stream(this, undefined, undefined);
    stream[kSentHeaders] = headers;
    if (onClientStreamCreatedChannel.hasSubscribers) {
      onClientStreamCreatedChannel.publish({ stream, headers });
    }
    if (options.endStream) stream.end();
    if (options.waitForTrailers) stream[kState].wantTrailers = true;

    const { signal } = options;
    if (signal) {
      const onAbort = () => {
        stream.destroy(new AbortError(undefined, { cause: signal.reason }));
      };
      if (signal.aborted) {
        onAbort();
      } else {
        signal.addEventListener('abort', onAbort, { once: true });
        stream.once('close', () => {
          signal.removeEventListener('abort', onAbort);
        });
      }
    }

    const start = () => requestOnConnect(stream, list, options, headers);
    if (this.connecting) {
      this[kState].pendingStreams.add(stream);
      // One 'connect' listener for all the requests made meanwhile (no
      // MaxListenersExceededWarning), as in Node.
      const pending = this[kPendingRequests];
      if (pending !== undefined) {
        ArrayPrototypePush(pending, start);
      } else {
        const calls = this[kPendingRequests] = [start];
        this.once('connect', () => {
          this[kPendingRequests] = undefined;
          for (let i = 0; i < calls.length; i++) calls[i]();
        });
      }
    } else {
      start();
    }
    return stream;
  }
}

function requestOnConnect(stream, list, options, headers) {
  const session = stream[kSession];
  if (session === undefined || stream.destroyed) return;
  if (session.destroyed) return;
  const pendingStreams = session[kState].pendingStreams;
  if (session.closed) {
    pendingStreams.delete(stream);
    stream.destroy(new ERR_HTTP2_GOAWAY_SESSION());
    return;
  }
  let opts = 0;
  if (options.endStream) opts |= kOptionEndStream;
  if (options.waitForTrailers) opts |= kOptionWantTrailers;
  const ret = session[kHandle].request(list, opts);
  if (ret < 0) {
    // As in Node: running out of ids or a bad priority fails the stream,
    // any other nghttp2 error the session (which cancels the stream).
    if (ret === NGHTTP2_ERR_STREAM_ID_NOT_AVAILABLE) {
      pendingStreams.delete(stream);
      stream.destroy(new ERR_HTTP2_OUT_OF_STREAMS());
    } else if (ret === NGHTTP2_ERR_INVALID_ARGUMENT) {
      pendingStreams.delete(stream);
      stream.destroy(new ERR_HTTP2_STREAM_SELF_DEPENDENCY());
    } else {
      session.destroy(new NghttpError(ret));
    }
    return;
  }
  pendingStreams.delete(stream);
  stream[kInit](ret);
  if (onClientStreamStartChannel.hasSubscribers) {
    onClientStreamStartChannel.publish({ stream, headers });
  }
  session[kFlush]();
}

// --- Streams --------------------------------------------------------------

class Http2Stream extends Duplex {
  constructor(session, options) {
    options = { ...options };
    options.allowHalfOpen = true;
    options.decodeStrings = false;
    options.autoDestroy = false;
    super(options);
    this[kSession] = session;
    this[kID] = undefined;
    this[kAsyncFrame] = AsyncContextFrame.current();
    this[kState] = {
      closed: false,
      aborted: false,
      rstCode: NGHTTP2_NO_ERROR,
      didRead: false,
      readEnded: false,
      headersSent: false,
      trailersReady: false,
      wantTrailers: false,
      endAfterHeaders: false,
      headRequest: false,
    };
    this[kSentHeaders] = undefined;
    this[kSentInfoHeaders] = undefined;
    this[kSentTrailers] = undefined;
    this[kTimer] = null;
    this.on('pause', streamOnPause);
  }

  [kInit](id) {
    this[kID] = id;
    this[kSession][kState].streams.set(id, this);
    this.uncork();
    this.emit('ready');
  }

  get id() { return this[kID]; }
  get pending() { return this[kID] === undefined; }
  get session() { return this[kSession]; }
  get closed() { return this[kState].closed; }
  get aborted() { return this[kState].aborted; }
  get rstCode() { return this[kState].rstCode; }
  get bufferSize() { return this.writableLength; }
  get endAfterHeaders() { return this[kState].endAfterHeaders; }
  get sentHeaders() { return this[kSentHeaders]; }
  get sentInfoHeaders() { return this[kSentInfoHeaders]; }
  get sentTrailers() { return this[kSentTrailers]; }
  get headersSent() { return this[kState].headersSent; }
  get headRequest() { return this[kState].headRequest; }

  get state() {
    const session = this[kSession];
    if (this.destroyed || session === undefined ||
        session[kHandle] === undefined || this[kID] === undefined) {
      return {};
    }
    const s = session[kHandle].getStreamState(this[kID]);
    if (!ArrayIsArray(s)) return {};
    return {
      state: s[0],
      weight: s[3],
      sumDependencyWeight: s[4],
      localClose: s[0] === 5 || s[0] === 7 ? 1 : 0,
      remoteClose: s[0] === 6 || s[0] === 7 ? 1 : 0,
      localWindowSize: s[1],
    };
  }

  // What Node shows of a stream: its id, state and stream states (below
  // the depth limit, the default [ClassName]).
  [customInspectSymbol](depth, options, inspect) {
    if (typeof depth === 'number' && depth < 0) return this;
    const shown = {
      id: this[kID],
      closed: this.closed,
      destroyed: this.destroyed,
      state: this.state,
      readableState: this._readableState,
      writableState: this._writableState,
    };
    // As in Node, formatted with inspect()'s defaults whatever the caller
    // asked for.
    return `Http2Stream ${inspect(shown)}`;
  }

  // RFC 9113 deprecated priority signalling and nghttp2 ignores it: this
  // only warns (once, DEP0194).
  priority(options) {
    emitPriorityMethodWarning();
    if (this.destroyed) throw new ERR_HTTP2_INVALID_STREAM();
  }

  setTimeout(msecs, callback) {
    if (this.destroyed) return this;
    validateNumber(msecs, 'msecs');
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.once('timeout', callback);
    }
    if (this[kTimer] !== null) clearTimeout(this[kTimer]);
    this[kTimer] = null;
    if (msecs > 0) {
      this[kTimer] = setTimeout(() => {
        this[kTimer] = null;
        this.emit('timeout');
      }, msecs);
      this[kTimer].unref();
    }
    return this;
  }

  close(code = NGHTTP2_NO_ERROR, callback) {
    validateInteger(code, 'code', 0, 2 ** 32 - 1);
    if (callback !== undefined) validateFunction(callback, 'callback');
    if (this.closed) return;
    if (callback !== undefined) this.once('close', callback);
    closeStream(this, code, kSubmitRstStream);
  }

  sendTrailers(headers) {
    if (this.destroyed || this.closed) throw new ERR_HTTP2_INVALID_STREAM();
    if (this[kSentTrailers] !== undefined) {
      throw new ERR_HTTP2_TRAILERS_ALREADY_SENT();
    }
    if (!this[kState].trailersReady) throw new ERR_HTTP2_TRAILERS_NOT_READY();
    validateObject(headers, 'headers');
    const list = mapToHeaders(headers, assertNoPseudoHeader);
    this[kSentTrailers] = headers;
    const session = this[kSession];
    streamHandle(this).trailers(list);
    session[kFlush]();
  }

  [kEndReadable]() {
    const state = this[kState];
    if (state.readEnded) return;
    state.readEnded = true;
    this.push(null);
  }

  [kOnClose](code) {
    const state = this[kState];
    if (!state.closed) {
      state.rstCode = code;
      closeStream(this, code, kNoRstStream);
    }
    if (this.destroyed) return;
    // A clean close means nghttp2 sent the whole body: the writable side
    // finishes before the stream is destroyed, as in Node.
    const final = this[kFinalCallback];
    if (final !== undefined && code === NGHTTP2_NO_ERROR) {
      this[kFinalCallback] = undefined;
      this[kSession]?.[kWaitingFinals].delete(this);
      final();
    }
    if (!this.readable || code !== NGHTTP2_NO_ERROR || state.readEnded &&
        this.readableEnded) {
      this.destroy();
      return;
    }
    this.once('end', () => this.destroy());
    this[kEndReadable]();
    if (this[kSession]?.[kType] === NGHTTP2_SESSION_SERVER &&
        !state.didRead && this.readableFlowing === null) {
      this.resume();
    } else {
      this.read(0);
    }
  }

  _read() {}

  _write(data, encoding, cb) {
    this[kWriteGeneric](false, data, encoding, cb);
  }

  _writev(chunks, cb) {
    this[kWriteGeneric](true, chunks, '', cb);
  }

  [kWriteGeneric](writev, data, encoding, cb) {
    if (this.pending) {
      this.once('ready', () => {
        this[kWriteGeneric](writev, data, encoding, cb);
      });
      return;
    }
    if (this.destroyed) {
      // A write that waited for 'ready' on a stream destroyed meanwhile.
      cb(new ERR_STREAM_DESTROYED('write'));
      return;
    }
    if (!this.headersSent) this[kProceed]();
    const session = this[kSession];
    if (this instanceof ClientHttp2Stream &&
        onClientStreamBodyChunkSentChannel.hasSubscribers) {
      let published = data;
      if (writev) {
        published = [];
        for (let i = 0; i < data.length; i++) {
          ArrayPrototypePush(published, data.allBuffers ? data[i].chunk :
            { chunk: data[i].chunk, encoding: data[i].encoding });
        }
      }
      onClientStreamBodyChunkSentChannel.publish({
        stream: this, writev, data: published, encoding,
      });
    }
    const handle = session?.[kHandle];
    if (handle === undefined) {
      cb(new ERR_HTTP2_INVALID_STREAM());
      return;
    }
    let queued = 0;
    if (writev) {
      for (let i = 0; i < data.length; i++) {
        queued = handle.writeData(this[kID],
                                  toBuffer(data[i].chunk, data[i].encoding),
                                  false);
      }
    } else {
      queued = handle.writeData(this[kID], toBuffer(data, encoding), false);
    }
    if (queued > this.writableHighWaterMark) {
      // The callback waits until nghttp2 took the bytes (flow control).
      this[kWriteCallback] = cb;
      session[kWaitingWrites].add(this);
      session[kFlush]();
      return;
    }
    // As in Node the write completes later, so writes made meanwhile wait in
    // the Writable (writableLength, backpressure) and go out together.
    ArrayPrototypePush(session[kSentCallbacks], cb);
    session[kFlush]();
  }

  _final(cb) {
    if (this.pending) {
      this.once('ready', () => this._final(cb));
      return;
    }
    if (this instanceof ClientHttp2Stream &&
        onClientStreamBodySentChannel.hasSubscribers) {
      onClientStreamBodySentChannel.publish({ stream: this });
    }
    if (!this.headersSent && !this.destroyed && !this.closed) {
      // A server stream ended before respond() waits for it: the end of
      // its body goes out after the headers, as in Node.
      if (this[kSession]?.[kType] === NGHTTP2_SESSION_SERVER) {
        this[kState].finalBeforeRespond = cb;
        return;
      }
      this[kProceed]();
    }
    endWritable(this, cb);
  }

  _destroy(err, callback) {
    const session = this[kSession];
    const state = this[kState];
    if (this[kTimer] !== null) {
      clearTimeout(this[kTimer]);
      this[kTimer] = null;
    }
    const sessionState = session?.[kState];
    const sessionCode = sessionState ?
      (sessionState.goawayCode || sessionState.destroyCode) : 0;
    if (state.closed && state.rstCode === NGHTTP2_NO_ERROR) err = err ?? null;
    let code = state.closed ? state.rstCode : sessionCode;
    if (err != null) {
      if (sessionCode) {
        code = sessionCode;
      } else if (err instanceof AbortError || err?.name === 'AbortError') {
        code = NGHTTP2_CANCEL;
      } else {
        code = NGHTTP2_INTERNAL_ERROR;
      }
    }
    // A stream that goes with its session needs no RST_STREAM: the GOAWAY
    // that follows tells the peer.
    const hasHandle = session !== undefined && session[kHandle] !== undefined &&
      this[kID] !== undefined && !sessionState.destroyed;
    if (!state.closed) {
      closeStream(this, code, hasHandle ? kForceRstStream : kNoRstStream);
    }
    if (!state.readEnded) {
      state.readEnded = true;
      this.push(null);
    }
    if (err == null && code !== NGHTTP2_NO_ERROR && code !== NGHTTP2_CANCEL) {
      err = new ERR_HTTP2_STREAM_ERROR(nameForErrorCode[code] || code);
    }
    if (session !== undefined) {
      sessionState.streams.delete(this[kID]);
      sessionState.pendingStreams.delete(this);
    }
    this[kSession] = undefined;
    if (err != null) {
      const channel = this instanceof ClientHttp2Stream ?
        onClientStreamErrorChannel : onServerStreamErrorChannel;
      if (channel.hasSubscribers) channel.publish({ stream: this, error: err });
    }
    callback(err);
    if (session !== undefined) {
      process.nextTick(() => session[kMaybeDestroy]());
    }
  }
}

// Queues the end of `stream`'s body; `cb` runs once nghttp2 took it.
function endWritable(stream, cb) {
  const session = stream[kSession];
  const handle = session?.[kHandle];
  // Even once close() was called without an error, the body written so
  // far and its end go out before the RST_STREAM.
  const state = stream[kState];
  if (handle !== undefined && stream[kID] !== undefined &&
      (!state.closed || state.rstCode === NGHTTP2_NO_ERROR)) {
    handle.writeData(stream[kID], undefined, true);
    stream[kFinalCallback] = cb;
    session[kWaitingFinals].add(stream);
    session[kFlush]();
    return;
  }
  cb();
}

function streamOnPause() {}

// The binding's handle for the calls on one stream (made on first use).
function streamHandle(stream) {
  return stream[kStreamHandle] ??=
    new Http2StreamHandle(stream[kSession][kHandle], stream[kID]);
}

function toBuffer(chunk, encoding) {
  if (typeof chunk === 'string') return Buffer.from(chunk, encoding);
  return chunk;
}

function closeStream(stream, code, rstStreamStatus) {
  const state = stream[kState];
  state.closed = true;
  state.rstCode = code;
  if (stream[kTimer] !== null) {
    clearTimeout(stream[kTimer]);
    stream[kTimer] = null;
  }
  const ending = stream.writableEnded;
  if (!ending) {
    if (!state.aborted) {
      state.aborted = true;
      stream.emit('aborted');
    }
    // The writable side is over too: later writes fail with
    // ERR_STREAM_WRITE_AFTER_END.
    stream.end();
  }
  if (rstStreamStatus !== kNoRstStream) {
    const submit = () => {
      const session = stream[kSession];
      const handle = session?.[kHandle];
      if (handle === undefined) return;
      // What the stream already queued (its headers, its body so far) goes
      // out before the RST_STREAM, as in Node.
      if (!session[kSendPending]() || session[kHandle] === undefined) return;
      streamHandle(stream).rstStream(code);
      session[kFlush]();
    };
    if (stream.pending) {
      // Nothing can arrive on a stream closed before it started.
      stream[kEndReadable]();
      stream.once('ready', submit);
    } else if (ending && !stream.writableFinished &&
               code === NGHTTP2_NO_ERROR &&
               rstStreamStatus !== kForceRstStream) {
      // close() after end(): the body goes out first.
      stream.once('finish', submit);
    } else {
      submit();
    }
  }
  const channel = stream instanceof ClientHttp2Stream ?
    onClientStreamCloseChannel : onServerStreamCloseChannel;
  if (channel.hasSubscribers) channel.publish({ stream });
}

class ClientHttp2Stream extends Http2Stream {
  constructor(session, id, pushHeaders) {
    super(session, {});
    if (id === undefined) {
      // Writes wait, together, for the request to go out.
      this.cork();
    } else {
      // A pushed stream: it exists once the PUSH_PROMISE came.
      this[kRequestHeaders] = pushHeaders;
      if (onClientStreamCreatedChannel.hasSubscribers) {
        onClientStreamCreatedChannel.publish({ stream: this,
                                               headers: pushHeaders });
      }
      this[kID] = id;
      this[kState].pushed = true;
      session[kState].streams.set(id, this);
    }
    this[kState].headersSent = true;
  }

  [kProceed]() {}
}

class ServerHttp2Stream extends Http2Stream {
  constructor(session, id, headers) {
    super(session, {});
    this[kRequestHeaders] = headers;
    this[kID] = id;
    session[kState].streams.set(id, this);
    if (onServerStreamCreatedChannel.hasSubscribers) {
      onServerStreamCreatedChannel.publish({ stream: this, headers });
    }
  }

  get pushAllowed() {
    const session = this[kSession];
    return !this.destroyed && session !== undefined &&
      session.remoteSettings.enablePush && this[kID] % 2 === 1;
  }

  [kProceed]() {
    this.respond();
  }

  respond(headersParam, options) {
    if (this.destroyed || this.closed) throw new ERR_HTTP2_INVALID_STREAM();
    if (this.headersSent) throw new ERR_HTTP2_HEADERS_SENT();
    options = options === undefined ? {} : { ...options };
    validateObject(options, 'options');
    const headers = prepareResponseHeaders(this, headersParam);
    const status = headers[':status'] | 0;
    let endStream = !!options.endStream;
    if (status === 204 || status === 205 || status === 304 ||
        this[kState].headRequest) {
      endStream = true;
    }
    // Invalid headers throw before the response counts as started.
    const list = mapToHeaders(ArrayIsArray(headersParam) ?
      rawResponseSource(headersParam, headers) : headers,
                              assertValidPseudoHeaderResponse);
    const state = this[kState];
    state.headersSent = true;
    this[kSentHeaders] = headers;
    let opts = 0;
    if (endStream) opts |= kOptionEndStream;
    if (options.waitForTrailers) opts |= kOptionWantTrailers;
    const session = this[kSession];
    const rv = streamHandle(this).respond(list, opts);
    if (rv < 0) {
      this.destroy(new NghttpError(rv));
      return;
    }
    if (onServerStreamFinishChannel.hasSubscribers) {
      onServerStreamFinishChannel.publish({ stream: this, headers,
                                            flags: opts });
    }
    session[kFlush]();
    const final = state.finalBeforeRespond;
    if (final !== undefined) {
      state.finalBeforeRespond = undefined;
      if (endStream) final(); else endWritable(this, final);
    } else if (endStream) {
      this.end();
    }
  }

  additionalHeaders(headersParam) {
    if (this.destroyed || this.closed) throw new ERR_HTTP2_INVALID_STREAM();
    if (this.headersSent) throw new ERR_HTTP2_HEADERS_AFTER_RESPOND();
    validateObject(headersParam, 'headers');
    const headers = ObjectAssign({ __proto__: null }, headersParam);
    mapToHeaders(headers, assertStatusPseudoHeader);
    // Without :status the block goes out as it is (the peer refuses it),
    // as in Node.
    if (headers[':status'] != null) {
      const status = headers[':status'] |= 0;
      if (status === 101) throw new ERR_HTTP2_STATUS_101();
      if (status < 100 || status >= 200) {
        throw new ERR_HTTP2_INVALID_INFO_STATUS(status);
      }
    }
    const list = mapToHeaders(headers, assertValidPseudoHeader);
    ArrayPrototypePush(this[kSentInfoHeaders] ??= [], headers);
    const ret = streamHandle(this).info(list);
    if (ret < 0) {
      this.destroy(new NghttpError(ret));
      return;
    }
    this[kSession][kFlush]();
  }

  pushStream(headersParam, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    validateFunction(callback, 'callback');
    if (!this.pushAllowed) {
      const session = this[kSession];
      if (this.destroyed || session === undefined || session.destroyed ||
          !session.remoteSettings.enablePush) {
        throw new ERR_HTTP2_PUSH_DISABLED();
      }
      throw new ERR_HTTP2_NESTED_PUSH();
    }
    options = options === undefined ? {} : { ...options };
    validateObject(options, 'options');
    const session = this[kSession];
    const headers = headersParam === undefined || headersParam === null ?
      { __proto__: null } : ObjectAssign({ __proto__: null }, headersParam);
    const request = this[kRequestHeaders] || {};
    if (headers[':method'] === undefined) headers[':method'] = 'GET';
    if (headers[':authority'] === undefined) {
      headers[':authority'] = request[':authority'] ?? session[kAuthority];
    }
    if (headers[':scheme'] === undefined) {
      headers[':scheme'] = request[':scheme'] ?? 'http';
    }
    if (headers[':path'] === undefined) headers[':path'] = '/';
    const method = headers[':method'];
    const list = mapToHeaders(headers, assertValidPseudoHeader);
    const ret = streamHandle(this).pushPromise(list);
    if (ret < 0) {
      let err;
      if (ret === NGHTTP2_ERR_STREAM_ID_NOT_AVAILABLE) {
        err = new ERR_HTTP2_OUT_OF_STREAMS();
      } else if (ret === NGHTTP2_ERR_STREAM_CLOSED) {
        err = new ERR_HTTP2_INVALID_STREAM();
      } else {
        err = new NghttpError(ret);
      }
      process.nextTick(callback, err);
      return;
    }
    const stream = new ServerHttp2Stream(session, ret, headers);
    stream[kState].readEnded = true;
    stream.push(null);
    // A pushed HEAD response has no body: its writable side ends now.
    if (method === 'HEAD') stream[kState].headRequest = true;
    if (options.endStream || method === 'HEAD') stream.end();
    if (onServerStreamStartChannel.hasSubscribers) {
      onServerStreamStartChannel.publish({ stream, headers });
    }
    session[kFlush]();
    process.nextTick(callback, null, stream, headers, 0);
  }

  respondWithFD(fd, headers, options) {
    if (this.destroyed || this.closed) throw new ERR_HTTP2_INVALID_STREAM();
    if (this.headersSent) throw new ERR_HTTP2_HEADERS_SENT();
    options = validateFileOptions(options);
    let handle;
    if (fd !== null && typeof fd === 'object' && typeof fd.fd === 'number' &&
        typeof fd.close === 'function') {
      handle = fd;
      fd = fd.fd;
    } else if (typeof fd !== 'number') {
      throw new ERR_INVALID_ARG_TYPE('fd', ['number', 'FileHandle'], fd);
    }
    const prepared = prepareFileHeaders(this, headers);
    if (options.statCheck === undefined) {
      // Without a stat check, the response goes out at once; a file that
      // cannot be read resets the stream.
      this.respond(prepared, { waitForTrailers: options.waitForTrailers });
      if (!this.headRequest) {
        streamFileBody(this, fd, options.offset, options.length, () => {});
      }
      return;
    }
    startFileResponse(this, fd, prepared, options, false, handle);
  }

  respondWithFile(path, headers, options) {
    if (this.destroyed || this.closed) throw new ERR_HTTP2_INVALID_STREAM();
    if (this.headersSent) throw new ERR_HTTP2_HEADERS_SENT();
    options = validateFileOptions(options);
    const prepared = prepareFileHeaders(this, headers);
    const fs = require('fs');
    fs.open(path, 'r', (err, fd) => {
      if (err) {
        fileResponseError(this, options, err);
        return;
      }
      if (this.destroyed || this.closed) {
        fs.close(fd, () => {});
        return;
      }
      startFileResponse(this, fd, prepared, options, true);
    });
  }
}

function validateFileOptions(options) {
  if (options === undefined) options = {};
  validateObject(options, 'options');
  options = { ...options };
  if (options.offset !== undefined) {
    if (typeof options.offset !== 'number') {
      throw new ERR_INVALID_ARG_VALUE('options.offset', options.offset);
    }
  } else {
    options.offset = 0;
  }
  if (options.length !== undefined) {
    if (typeof options.length !== 'number') {
      throw new ERR_INVALID_ARG_VALUE('options.length', options.length);
    }
  } else {
    options.length = -1;
  }
  if (options.statCheck !== undefined &&
      typeof options.statCheck !== 'function') {
    throw new ERR_INVALID_ARG_VALUE('options.statCheck', options.statCheck);
  }
  if (options.onError !== undefined &&
      typeof options.onError !== 'function') {
    throw new ERR_INVALID_ARG_VALUE('options.onError', options.onError);
  }
  return options;
}

function prepareFileHeaders(stream, headersParam) {
  const headers = prepareResponseHeaders(stream, headersParam);
  const status = headers[':status'] | 0;
  if (status === 204 || status === 205 || status === 304) {
    throw new ERR_HTTP2_PAYLOAD_FORBIDDEN(status);
  }
  return headers;
}

function fileResponseError(stream, options, err) {
  if (typeof options.onError === 'function') {
    options.onError(err);
  } else {
    stream.destroy(err);
  }
}

function startFileResponse(stream, fd, headers, options, closeFd, handle) {
  const fs = require('fs');
  const done = () => {
    if (closeFd) fs.close(fd, () => {});
  };
  fs.fstat(fd, (err, stat) => {
    if (err) {
      done();
      fileResponseError(stream, options, err);
      return;
    }
    if (stream.destroyed || stream.closed) {
      done();
      return;
    }
    if (stat.isDirectory()) {
      done();
      fileResponseError(stream, options, new ERR_HTTP2_SEND_FILE());
      return;
    }
    const regular = stat.isFile();
    if (!regular && (options.offset !== 0 || options.length !== -1)) {
      done();
      fileResponseError(stream, options, new ERR_HTTP2_SEND_FILE_NOSEEK());
      return;
    }
    const range = { offset: options.offset, length: options.length };
    if (typeof options.statCheck === 'function' &&
        options.statCheck(stat, headers, range) === false) {
      done();
      return;
    }
    if (stream.destroyed || stream.closed || stream.headersSent) {
      done();
      return;
    }
    let length = range.length;
    if (regular) {
      const available = MathMax(0, stat.size - range.offset);
      length = length < 0 ? available : MathMin(length, available);
      headers['content-length'] = length;
    }
    stream.respond(headers, { waitForTrailers: options.waitForTrailers });
    if (stream.headRequest) {
      done();
      return;
    }
    streamFileBody(stream, fd, regular ? range.offset : -1, length, done);
  });
}

// Reads the file in pieces and writes them to the stream, waiting for
// 'drain' when the stream asks to.
function streamFileBody(stream, fd, position, remaining, done) {
  const fs = require('fs');
  const readMore = () => {
    if (stream.destroyed) {
      done();
      return;
    }
    const size = remaining < 0 ? 65536 : MathMin(65536, remaining);
    if (size === 0) {
      done();
      stream.end();
      return;
    }
    const buffer = Buffer.allocUnsafe(size);
    fs.read(fd, buffer, 0, size, position < 0 ? null : position,
            (err, bytesRead) => {
              if (err?.code === 'ESPIPE' && position >= 0) {
                // A pipe or socket: it reads from where it is.
                position = -1;
                readMore();
                return;
              }
              if (err) {
                done();
                if (!stream.destroyed) stream.close(NGHTTP2_INTERNAL_ERROR);
                return;
              }
              if (bytesRead === 0) {
                done();
                stream.end();
                return;
              }
              if (position >= 0) position += bytesRead;
              if (remaining >= 0) remaining -= bytesRead;
              if (stream.write(buffer.subarray(0, bytesRead))) {
                readMore();
              } else {
                stream.once('drain', readMore);
              }
            });
  };
  readMore();
}

// A flat [name, value, ...] list as an object; a repeated name gets an
// array of its values.
function rawToObject(list) {
  const headers = { __proto__: null };
  for (let i = 0; i + 1 < list.length; i += 2) {
    const name = list[i];
    const existing = headers[name];
    if (existing === undefined) {
      headers[name] = list[i + 1];
    } else if (ArrayIsArray(existing)) {
      ArrayPrototypePush(existing, list[i + 1]);
    } else {
      headers[name] = [existing, list[i + 1]];
    }
  }
  return headers;
}

function assertStatusPseudoHeader(name) {
  if (name !== ':status') throw new ERR_HTTP2_INVALID_PSEUDOHEADER(name);
}

function prepareResponseHeaders(stream, headersParam) {
  let headers;
  if (headersParam === undefined || headersParam === null) {
    headers = { __proto__: null };
  } else if (ArrayIsArray(headersParam)) {
    headers = rawToObject(headersParam);
  } else {
    validateObject(headersParam, 'headers');
    headers = ObjectAssign({ __proto__: null }, headersParam);
    if (headersParam[kSensitiveHeaders] !== undefined) {
      headers[kSensitiveHeaders] = headersParam[kSensitiveHeaders];
    }
  }
  if (headers[':status'] === undefined) headers[':status'] = 200;
  const status = headers[':status'] | 0;
  if (status === 101) throw new ERR_HTTP2_STATUS_101();
  if (status < 200 || status > 599) {
    if (status >= 100 && status < 200) {
      throw new ERR_HTTP2_INFO_STATUS_NOT_ALLOWED();
    }
    throw new ERR_HTTP2_STATUS_INVALID(headers[':status']);
  }
  let hasDate = false;
  const names = ObjectKeys(headers);
  for (let i = 0; i < names.length; i++) {
    if (StringPrototypeToLowerCase(names[i]) === 'date') hasDate = true;
  }
  if (!hasDate) headers.date = utcDate();
  return headers;
}

// The header list of a response given as a raw list: its order kept, the
// defaults (:status, date) added.
function rawResponseSource(raw, headers) {
  const source = [];
  let hasStatus = false;
  let hasDate = false;
  for (let i = 0; i < raw.length; i += 2) {
    const name = StringPrototypeToLowerCase(String(raw[i]));
    if (name === ':status') hasStatus = true;
    if (name === 'date') hasDate = true;
  }
  if (!hasStatus) ArrayPrototypePush(source, ':status', headers[':status']);
  for (let i = 0; i < raw.length; i++) ArrayPrototypePush(source, raw[i]);
  if (!hasDate) ArrayPrototypePush(source, 'date', headers.date);
  source[kSensitiveHeaders] = raw[kSensitiveHeaders];
  return source;
}

// --- Servers --------------------------------------------------------------

function sessionOnStream(stream, headers, flags, rawHeaders) {
  const server = this[kServer];
  if (server !== undefined) {
    server.emit('stream', stream, headers, flags, rawHeaders);
  }
}

function sessionOnError(error) {
  const server = this[kServer];
  if (server !== undefined && server.listenerCount('sessionError') > 0) {
    server.emit('sessionError', error, this);
  }
}

function connectionListener(socket) {
  const server = this;
  const options = server[kOptions];
  const session = new ServerHttp2Session(options, socket, server);
  server[kSessions].add(session);
  session.once('close', () => server[kSessions].delete(session));
  session.on('stream', sessionOnStream);
  session.on('error', sessionOnError);
  if (server.timeout) {
    session.setTimeout(server.timeout, () => {
      if (!server.emit('timeout', session)) session.destroy();
    });
  }
  server.emit('session', session);
}

function initializeOptions(options) {
  if (options === undefined) return {};
  validateObject(options, 'options');
  options = { ...options };
  if (options.settings !== undefined) {
    validateObject(options.settings, 'options.settings');
    options.settings = { ...options.settings };
    settingsToArray(options.settings);
  }
  if (options.remoteCustomSettings !== undefined) {
    options.remoteCustomSettings =
      customIdsFromOptions(options.remoteCustomSettings);
  }
  const counts = ['maxSessionInvalidFrames', 'maxSessionRejectedStreams',
                  'maxDeflateDynamicTableSize', 'maxSendHeaderBlockLength',
                  'maxReservedRemoteStreams', 'peerMaxConcurrentStreams',
                  'maxHeaderListPairs', 'maxOutstandingPings',
                  'maxOutstandingSettings', 'maxSessionMemory',
                  'paddingStrategy', 'unknownProtocolTimeout', 'maxSettings'];
  for (let i = 0; i < counts.length; i++) {
    if (options[counts[i]] !== undefined) {
      validateUint32(options[counts[i]], counts[i]);
    }
  }
  return options;
}

function setupServer(server, options, requestListener) {
  server[kOptions] = options;
  server[kSessions] = new SafeSet();
  server.timeout = 0;
  if (typeof requestListener === 'function') {
    server.on('request', requestListener);
  }
  server.on('newListener', function(event) {
    if (event === 'request' && !this[kCompatSetup]) {
      this[kCompatSetup] = true;
      this.on('stream', onCompatStream);
    }
  });
  if (typeof requestListener === 'function' && !server[kCompatSetup]) {
    server[kCompatSetup] = true;
    server.on('stream', onCompatStream);
  }
}

const kCompatSetup = Symbol('compatSetup');

function onCompatStream(stream, headers, flags, rawHeaders) {
  const { onServerStream } = require('internal/http2/compat');
  const options = this[kOptions];
  onServerStream(this, stream, headers, flags, rawHeaders,
                 options.Http2ServerRequest, options.Http2ServerResponse);
}

function closeServerSessions(server) {
  for (const session of server[kSessions]) {
    session.close();
  }
}

// What http2.Server and http2.SecureServer share (their bases differ).
function setServerTimeout(server, msecs, callback) {
  validateNumber(msecs, 'msecs');
  server.timeout = msecs;
  if (callback !== undefined) {
    validateFunction(callback, 'callback');
    server.on('timeout', callback);
  }
  return server;
}

function updateServerSettings(server, settings) {
  validateObject(settings, 'settings');
  settingsToArray(settings);
  server[kOptions].settings = { ...server[kOptions].settings, ...settings };
}

// With events.captureRejections, a rejected 'stream' or 'request'
// handler answers 500 (or destroys what was already answered), as in Node.
function serverCaptureRejection(err, event, ...args) {
  switch (event) {
    case 'stream': {
      const stream = args[0];
      if (stream.headersSent) {
        stream.destroy(err);
      } else {
        stream.respond({ ':status': 500 });
        stream.end();
      }
      break;
    }
    case 'request': {
      const res = args[1];
      if (!res.headersSent && !res.finished) {
        const names = res.getHeaderNames();
        for (let i = 0; i < names.length; i++) res.removeHeader(names[i]);
        res.statusCode = 500;
        res.end(require('http').STATUS_CODES[500]);
      } else {
        res.destroy();
      }
      break;
    }
    default:
      ReflectApply(net.Server.prototype[EventEmitter.captureRejectionSymbol],
                   this, [err, event, ...args]);
  }
}

class Http2Server extends net.Server {
  constructor(options, requestListener) {
    options = initializeOptions(options);
    // net.Server options (allowHalfOpen...) apply, as in Node.
    super(options, connectionListener);
    setupServer(this, options, requestListener);
  }

  setTimeout(msecs, callback) {
    return setServerTimeout(this, msecs, callback);
  }

  updateSettings(settings) {
    updateServerSettings(this, settings);
  }

  close(callback) {
    closeServerSessions(this);
    return super.close(callback);
  }

  [EventEmitter.captureRejectionSymbol](err, event, ...args) {
    ReflectApply(serverCaptureRejection, this, [err, event, ...args]);
  }
}

let tls;
let Http2SecureServer;
function getSecureServerClass() {
  if (Http2SecureServer !== undefined) return Http2SecureServer;
  tls = require('tls');
  Http2SecureServer = class Http2SecureServer extends tls.Server {
    constructor(options, requestListener) {
      options = initializeOptions(options);
      const tlsOptions = { ...options };
      if (tlsOptions.ALPNProtocols === undefined &&
          tlsOptions.ALPNCallback === undefined) {
        tlsOptions.ALPNProtocols = options.allowHTTP1 === true ?
          ['h2', 'http/1.1'] : ['h2'];
      }
      super(tlsOptions, onSecureConnection);
      setupServer(this, options, requestListener);
      if (options.allowHTTP1 === true) setupHttp1Fallback(this, options);
    }

    setTimeout(msecs, callback) {
      return setServerTimeout(this, msecs, callback);
    }

    updateSettings(settings) {
      updateServerSettings(this, settings);
    }

    [EventEmitter.captureRejectionSymbol](err, event, ...args) {
      ReflectApply(serverCaptureRejection, this, [err, event, ...args]);
    }

    close(callback) {
      closeServerSessions(this);
      if (this[kOptions].allowHTTP1 === true) {
        require('internal/http/server').httpServerPreClose(this);
      }
      return super.close(callback);
    }

    closeIdleConnections() {
      const { Server } = require('internal/http/server');
      FunctionPrototypeCall(Server.prototype.closeIdleConnections, this);
    }
  };
  return Http2SecureServer;
}

// With allowHTTP1, a TLS connection that did not pick h2 (ALPN
// http/1.1 or no ALPN at all) is served by the HTTP/1 server machinery,
// which emits 'request' with http.IncomingMessage/ServerResponse.
function setupHttp1Fallback(server, options) {
  server.headersTimeout = 60_000;
  server.requestTimeout = 300_000;
  server.connectionsCheckingInterval = 30_000;
  server.shouldUpgradeCallback = function() {
    return this.listenerCount('upgrade') > 0;
  };
  const { setupConnectionsTracking } = require('internal/http/server');
  server.on('listening', setupConnectionsTracking);
}

function onSecureConnection(socket) {
  if (socket.alpnProtocol !== 'h2') {
    if (this[kOptions].allowHTTP1 === true &&
        (socket.alpnProtocol === false ||
         socket.alpnProtocol === 'http/1.1')) {
      const {
        _connectionListener,
        kServerResponse,
        ServerResponse,
      } = require('internal/http/server');
      const { kIncomingMessage } = require('internal/http/common');
      const { IncomingMessage } = require('internal/http/incoming');
      const options = this[kOptions];
      this[kIncomingMessage] = options.Http1IncomingMessage || IncomingMessage;
      this[kServerResponse] = options.Http1ServerResponse || ServerResponse;
      FunctionPrototypeCall(_connectionListener, this, socket);
      return;
    }
    if (this.emit('unknownProtocol', socket)) return;
    // Nobody takes the connection: say why in a form an HTTP/1 client
    // can read, and make sure the socket goes away even if the peer
    // never closes its side.
    let wait = this[kOptions].unknownProtocolTimeout;
    if (wait === undefined) wait = 10_000;
    const timer = setTimeout(() => {
      if (!socket.destroyed) socket.destroy();
    }, wait);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
    socket.end('HTTP/1.0 403 Forbidden\r\n' +
               'Content-Type: text/plain\r\n\r\n' +
               'Missing ALPN Protocol, expected `h2` to be available.\n' +
               'If this is a HTTP request: The server was not configured ' +
               'with the `allowHTTP1` option or a listener for the ' +
               '`unknownProtocol` event.\n');
    return;
  }
  FunctionPrototypeCall(connectionListener, this, socket);
}

function createServer(options, handler) {
  if (typeof options === 'function') {
    handler = options;
    options = {};
  }
  return new Http2Server(options, handler);
}

function createSecureServer(options, handler) {
  // Unlike createServer(), the options (TLS key and certificate) come first
  // and are not optional in front of a handler.
  const Server = getSecureServerClass();
  return new Server(options, handler);
}

function connect(authority, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  if (options !== undefined) validateObject(options, 'options');
  options = initializeOptions(options);

  if (typeof authority === 'string') authority = new URL(authority);
  validateObject(authority, 'authority');
  const protocol = authority.protocol || options.protocol || 'https:';
  const port = '' + (authority.port !== '' && authority.port !== undefined ?
    authority.port : (authority.protocol === 'http:' ? 80 : 443));
  let host = 'localhost';
  if (authority.hostname) {
    host = authority.hostname;
    if (host[0] === '[') host = StringPrototypeSlice(host, 1, -1);
  } else if (authority.host) {
    host = authority.host;
  }

  let socket;
  if (typeof options.createConnection === 'function') {
    socket = options.createConnection(authority, options);
  } else {
    switch (protocol) {
      case 'http:':
        socket = net.connect({ port, host, ...options });
        break;
      case 'https:': {
        tls = tls || require('tls');
        const tlsOptions = { ...options, port, host };
        if (tlsOptions.ALPNProtocols === undefined) {
          tlsOptions.ALPNProtocols = ['h2'];
        }
        // As in Node, an empty servername is no servername: the host goes
        // as SNI unless it is an address.
        if (!tlsOptions.servername && !net.isIP(host)) {
          tlsOptions.servername = host;
        }
        socket = tls.connect(tlsOptions);
        break;
      }
      default:
        throw new ERR_HTTP2_UNSUPPORTED_PROTOCOL(protocol);
    }
  }
  const session = new ClientHttp2Session(options, socket);
  const authorityHost = options.servername ||
    (net.isIPv6(host) ? `[${host}]` : host);
  session[kAuthority] = `${authorityHost}:${port}`;
  session[kProtocol] = protocol;
  if (typeof listener === 'function') session.once('connect', listener);
  return session;
}

// util.promisify(http2.connect) resolves with the session once connected.
const connectSession = connect;
ObjectDefineProperty(connect, SymbolFor('nodejs.util.promisify.custom'), {
  __proto__: null,
  enumerable: false,
  // Named as Node's is (test-util-promisify-names-lode).
  value: function connect(authority, options) {
    return new Promise((resolve, reject) => {
      const session = connectSession(authority, options, () => {
        session.removeListener('error', reject);
        resolve(session);
      });
      session.once('error', reject);
    });
  },
});

// A server session on a socket the caller already has (a stream that
// carries HTTP/2, its handshake done elsewhere).
function performServerHandshake(socket, options) {
  return new ServerHttp2Session(initializeOptions(options), socket,
                                undefined);
}

module.exports = {
  ClientHttp2Session,
  ClientHttp2Stream,
  Http2Server,
  Http2Session,
  Http2Stream,
  ServerHttp2Session,
  ServerHttp2Stream,
  connect,
  createServer,
  createSecureServer,
  getDefaultSettings,
  performServerHandshake,
  kSensitiveHeaders,
  kSession,
  kState,
  kID,
  emit,
};
