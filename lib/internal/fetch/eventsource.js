'use strict';

// EventSource (https://html.spec.whatwg.org/multipage/server-sent-events.html)
// on lode's fetch: a GET with Accept: text/event-stream whose body is read
// as it arrives and cut into events. A response other than a 200
// text/event-stream fails the connection (CLOSED, one error event); a
// network error or the end of the body reconnects after the reconnection
// time (3 s unless the stream set `retry`), sending Last-Event-ID. The
// global exists only under --experimental-eventsource (as in Node 24),
// which also warns once, as Node does, on the first construction.

const {
  ObjectDefineProperties,
  PromisePrototypeThen,
  RegExpPrototypeExec,
  StringPrototypeCharCodeAt,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  TypeError,
} = primordials;

const { EventTarget, Event, kTrustEvent } = require('internal/event_target');
const { DOMException } = require('internal/per_context/domexception');
const { AbortController } = require('internal/abort_controller');
const { TextDecoder } = require('internal/encoding');
const { convertToInt } = require('internal/webidl');
const {
  checkArgumentCount,
  illegalInvocation,
  parseMimeType,
} = require('internal/fetch/util');
const {
  codes: { ERR_NOT_IMPLEMENTED },
} = require('internal/errors');
const { defineInterfaceConstants } = require('internal/util');

const kCONNECTING = 0;
const kOPEN = 1;
const kCLOSED = 2;
const kDefaultReconnectionTime = 3000;

let MessageEvent;
let fetchImpl;
let warned = false;

// A dictionary member of the constructor: undefined, null or an object.
function checkDictionary(value) {
  if (value !== undefined && value !== null &&
      typeof value !== 'object' && typeof value !== 'function') {
    throw new TypeError('EventSource constructor: Expected ' +
                        `${value} to be one of: Null, Undefined, Object.`);
  }
  return value;
}

class EventSource extends EventTarget {
  #url;
  #withCredentials = false;
  #readyState = kCONNECTING;
  #handlers = { open: null, message: null, error: null };
  #controller = null;
  #timer = null;
  #reconnectionTime = kDefaultReconnectionTime;
  #lastEventId = '';

  // The parser's state for the current response.
  #decoder = null;
  #pending = '';
  #skipLF = false;
  #data = '';
  #eventType = '';
  #lastEventIdBuffer = '';
  #origin = '';

  constructor(url, eventSourceInitDict = undefined) {
    checkArgumentCount(arguments.length, 1, 'EventSource constructor');
    super();
    if (!warned) {
      warned = true;
      process.emitWarning(
        'EventSource is experimental, expect them to change at any time.',
        { code: 'UNDICI-ES' });
    }
    const init = checkDictionary(eventSourceInitDict);
    if (init?.dispatcher !== undefined) {
      throw new ERR_NOT_IMPLEMENTED('EventSource option "dispatcher"');
    }
    let urlRecord;
    try {
      urlRecord = new URL(`${url}`);
    } catch (err) {
      throw new DOMException(`${err}`, 'SyntaxError');
    }
    this.#url = urlRecord.href;
    this.#withCredentials = !!init?.withCredentials;
    // Node's own member: { node: { reconnectionTime } } (an unsigned long,
    // in milliseconds) replaces the default wait before reconnecting.
    const nodeInit = checkDictionary(init?.node);
    const reconnectionTime = nodeInit?.reconnectionTime;
    if (reconnectionTime !== undefined) {
      this.#reconnectionTime =
        convertToInt('reconnectionTime', reconnectionTime, 32);
    }
    this.#connect();
  }

  get readyState() { return this.#readyState; }
  get url() { return this.#url; }
  get withCredentials() { return this.#withCredentials; }

  close() {
    if (!EventSource.#isEventSource(this)) throw illegalInvocation();
    if (this.#readyState === kCLOSED) return;
    this.#readyState = kCLOSED;
    this.#stop();
  }

  get onopen() { return this.#handlers.open; }
  set onopen(value) { this.#setHandler('open', value); }
  get onmessage() { return this.#handlers.message; }
  set onmessage(value) { this.#setHandler('message', value); }
  get onerror() { return this.#handlers.error; }
  set onerror(value) { this.#setHandler('error', value); }

  // A function is kept and listened with, anything else is null (as for
  // Node's client, setting one replaces the old listener).
  #setHandler(name, value) {
    if (this.#handlers[name] !== null) {
      this.removeEventListener(name, this.#handlers[name]);
    }
    if (typeof value === 'function') {
      this.#handlers[name] = value;
      this.addEventListener(name, value);
    } else {
      this.#handlers[name] = null;
    }
  }

  static #isEventSource(value) {
    return typeof value === 'object' && value !== null && #url in value;
  }

  // ---- The connection -------------------------------------------------------

  #stop() {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    if (this.#controller !== null) {
      const controller = this.#controller;
      this.#controller = null;
      controller.abort();
    }
  }

  #connect() {
    fetchImpl ??= require('internal/fetch/fetch').fetch;
    const headers = { accept: 'text/event-stream' };
    if (this.#lastEventId !== '') headers['last-event-id'] = this.#lastEventId;
    const controller = new AbortController();
    this.#controller = controller;
    PromisePrototypeThen(fetchImpl(this.#url, {
      headers,
      cache: 'no-store',
      mode: 'cors',
      credentials: this.#withCredentials ? 'include' : 'same-origin',
      signal: controller.signal,
    }), (response) => {
      if (this.#controller !== controller) return;
      this.#onResponse(response, controller);
    }, () => {
      if (this.#controller !== controller) return;
      this.#reestablish();
    });
  }

  #onResponse(response, controller) {
    const type = response.headers.get('content-type');
    const mime = type === null ? null : parseMimeType(type);
    if (response.status !== 200 || mime === null ||
        mime.type !== 'text' || mime.subtype !== 'event-stream') {
      this.#fail();
      return;
    }
    this.#readyState = kOPEN;
    this.#origin = new URL(response.url || this.#url).origin;
    this.#decoder = new TextDecoder('utf-8');
    this.#pending = '';
    this.#skipLF = false;
    this.#data = '';
    this.#eventType = '';
    this.#lastEventIdBuffer = this.#lastEventId;
    this.#fire(new Event('open', { [kTrustEvent]: true }));
    if (this.#controller !== controller) return;
    const reader = response.body.getReader();
    const pump = () => {
      PromisePrototypeThen(reader.read(), ({ done, value }) => {
        if (this.#controller !== controller) return;
        if (done) {
          this.#parse(this.#decoder.decode());
          if (this.#controller === controller) this.#reestablish();
          return;
        }
        this.#parse(this.#decoder.decode(value, { stream: true }));
        if (this.#controller === controller) pump();
      }, () => {
        if (this.#controller !== controller) return;
        this.#reestablish();
      });
    };
    pump();
  }

  // A response that is not an event stream: no reconnection.
  #fail() {
    this.#controller = null;
    this.#readyState = kCLOSED;
    this.#fire(new Event('error', { [kTrustEvent]: true }));
  }

  #reestablish() {
    this.#controller = null;
    if (this.#readyState === kCLOSED) return;
    this.#readyState = kCONNECTING;
    this.#fire(new Event('error', { [kTrustEvent]: true }));
    if (this.#readyState !== kCONNECTING) return;
    // Waiting to reconnect does not keep the process alive (as in Node).
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (this.#readyState === kCONNECTING) this.#connect();
    }, this.#reconnectionTime);
    this.#timer.unref();
  }

  // ---- The event stream -------------------------------------------------------

  // Cuts decoded text into lines (CRLF, LF or CR; a CR at the end of a
  // chunk may pair with the LF starting the next).
  #parse(text) {
    let start = 0;
    if (this.#skipLF && text.length > 0) {
      if (StringPrototypeCharCodeAt(text, 0) === 0x0A) start = 1;
      this.#skipLF = false;
    }
    for (let i = start; i < text.length; i++) {
      const code = StringPrototypeCharCodeAt(text, i);
      if (code !== 0x0A && code !== 0x0D) continue;
      const line = this.#pending + StringPrototypeSlice(text, start, i);
      this.#pending = '';
      if (code === 0x0D) {
        if (i + 1 < text.length) {
          if (StringPrototypeCharCodeAt(text, i + 1) === 0x0A) i++;
        } else {
          this.#skipLF = true;
        }
      }
      start = i + 1;
      this.#processLine(line);
      if (this.#readyState === kCLOSED) return;
    }
    this.#pending += StringPrototypeSlice(text, start);
  }

  #processLine(line) {
    if (line === '') {
      this.#dispatch();
      return;
    }
    if (StringPrototypeCharCodeAt(line, 0) === 0x3A) return;  // a comment
    let field = line;
    let value = '';
    const colon = StringPrototypeIndexOf(line, ':');
    if (colon !== -1) {
      field = StringPrototypeSlice(line, 0, colon);
      value = StringPrototypeSlice(line, colon + 1);
      if (StringPrototypeCharCodeAt(value, 0) === 0x20) {
        value = StringPrototypeSlice(value, 1);
      }
    }
    switch (field) {
      case 'event':
        this.#eventType = value;
        break;
      case 'data':
        this.#data += `${value}\n`;
        break;
      case 'id':
        if (!StringPrototypeIncludes(value, '\0')) {
          this.#lastEventIdBuffer = value;
        }
        break;
      case 'retry':
        if (RegExpPrototypeExec(/^[0-9]+$/, value) !== null) {
          this.#reconnectionTime = +value;
        }
        break;
      default:
        break;
    }
  }

  #dispatch() {
    this.#lastEventId = this.#lastEventIdBuffer;
    if (this.#data === '') {
      this.#eventType = '';
      return;
    }
    const data = StringPrototypeSlice(this.#data, 0, -1);
    const type = this.#eventType === '' ? 'message' : this.#eventType;
    this.#data = '';
    this.#eventType = '';
    MessageEvent ??= require('internal/worker/io').MessageEvent;
    this.#fire(new MessageEvent(type, {
      data,
      origin: this.#origin,
      lastEventId: this.#lastEventId,
      [kTrustEvent]: true,
    }));
  }

  #fire(event) {
    this.dispatchEvent(event);
  }
}

defineInterfaceConstants(EventSource, {
  CONNECTING: kCONNECTING, OPEN: kOPEN, CLOSED: kCLOSED,
});
ObjectDefineProperties(EventSource.prototype, {
  readyState: { __proto__: null, enumerable: true },
  url: { __proto__: null, enumerable: true },
  withCredentials: { __proto__: null, enumerable: true },
  close: { __proto__: null, enumerable: true },
  onopen: { __proto__: null, enumerable: true },
  onmessage: { __proto__: null, enumerable: true },
  onerror: { __proto__: null, enumerable: true },
});

module.exports = { EventSource };
