'use strict';

// Request (https://fetch.spec.whatwg.org/#request-class). The object's
// internal request is a plain record: method, URL, header list (shared
// with the Headers object), body, mode and friends, and the signal it
// follows. Its own AbortSignal is only made when someone asks for it.

const {
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectKeys,
  SafeSet,
  StringPrototypeToUpperCase,
  Symbol,
  SymbolToStringTag,
  TypeError,
} = primordials;

const {
  customInspectSymbol: kInspect,
  kEnumerableProperty,
} = require('internal/util');
const {
  markUncloneable,
  noteUncloneableCreated,
} = require('internal/structured_clone');
const {
  checkArgumentCount,
  describe,
  illegalInvocation,
  isObjectLike,
  isToken,
  toByteString,
  toEnum,
  toUSVString,
} = require('internal/fetch/util');
const {
  createHeaders,
  fillHeaders,
  getHeadersList,
  isHeaders,
  setHeadersGuard,
} = require('internal/fetch/headers');
const {
  bodyStream,
  cloneBody,
  createBody,
  defineBodyReaders,
  extractBody,
  isBodyUnusable,
  isBodyUsed,
} = require('internal/fetch/body');

let URL;
let AbortController;
let AbortSignal;
let kAborted;
let inspect;
let patchWarned = false;

const kInternal = Symbol('kInternal');

const kModes = ['navigate', 'same-origin', 'no-cors', 'cors'];
const kCredentials = ['omit', 'same-origin', 'include'];
const kCaches = [
  'default', 'no-store', 'reload', 'no-cache', 'force-cache',
  'only-if-cached',
];
const kRedirects = ['follow', 'manual', 'error'];
const kDuplex = ['half'];
const kReferrerPolicies = [
  '', 'no-referrer', 'no-referrer-when-downgrade', 'same-origin', 'origin',
  'strict-origin', 'origin-when-cross-origin',
  'strict-origin-when-cross-origin', 'unsafe-url',
];
const kNormalizedMethods = new SafeSet([
  'DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT',
]);
const kForbiddenMethods = new SafeSet(['CONNECT', 'TRACE', 'TRACK']);
const kNoCorsMethods = new SafeSet(['GET', 'HEAD', 'POST']);

function lazyURL() {
  URL ??= require('internal/url').URL;
  return URL;
}

function isAbortSignal(value) {
  kAborted ??= require('internal/abort_controller').kAborted;
  return isObjectLike(value) && value[kAborted] !== undefined;
}

function parseURL(input, message) {
  const URL = lazyURL();
  try {
    return new URL(input);
  } catch (cause) {
    throw new TypeError(message, { cause });
  }
}

// RequestInit, converted as WebIDL does (members in lexicographic order).
function convertRequestInit(init) {
  const options = { __proto__: null };
  if (init === undefined || init === null) return options;
  if (!isObjectLike(init)) {
    throw new TypeError(`undefined: Expected ${init} to be one of: Null, ` +
                        'Undefined, Object.');
  }
  let value = init.body;
  if (value !== undefined) options.body = value;
  value = init.cache;
  if (value !== undefined) options.cache = toEnum(value, kCaches);
  value = init.credentials;
  if (value !== undefined) options.credentials = toEnum(value, kCredentials);
  value = init.duplex;
  if (value !== undefined) options.duplex = toEnum(value, kDuplex);
  value = init.headers;
  if (value !== undefined) options.headers = value;
  value = init.integrity;
  if (value !== undefined) options.integrity = `${value}`;
  value = init.keepalive;
  if (value !== undefined) options.keepalive = !!value;
  value = init.method;
  if (value !== undefined) options.method = toByteString(value);
  value = init.mode;
  if (value !== undefined) options.mode = toEnum(value, kModes);
  value = init.redirect;
  if (value !== undefined) options.redirect = toEnum(value, kRedirects);
  value = init.referrer;
  if (value !== undefined) options.referrer = toUSVString(value);
  value = init.referrerPolicy;
  if (value !== undefined) {
    options.referrerPolicy = toEnum(value, kReferrerPolicies);
  }
  value = init.signal;
  if (value !== undefined) {
    if (value !== null && !isAbortSignal(value)) {
      throw new TypeError('RequestInit: Expected signal ' +
                          `("${describe(value)}") to be an instance of ` +
                          'AbortSignal.');
    }
    options.signal = value;
  }
  value = init.window;
  if (value !== undefined) options.window = value;
  return options;
}

function normalizeMethod(method) {
  if (!isToken(method)) {
    throw new TypeError(`'${method}' is not a valid HTTP method.`);
  }
  const upper = StringPrototypeToUpperCase(method);
  if (kForbiddenMethods.has(upper)) {
    throw new TypeError(`'${method}' HTTP method is unsupported.`);
  }
  if (kNormalizedMethods.has(upper)) return upper;
  if (method === 'patch' && !patchWarned) {
    patchWarned = true;
    process.emitWarning('Using `patch` is highly likely to result in a ' +
                        '`405 Method Not Allowed`. `PATCH` is much more ' +
                        'likely to succeed.', { code: 'UNDICI-FETCH-patch' });
  }
  return method;
}

function newRequestState(url) {
  return {
    __proto__: null,
    method: 'GET',
    urlList: [url],
    headers: null,
    body: null,
    signalParent: null,
    signal: undefined,
    referrer: 'client',
    referrerPolicy: '',
    mode: 'no-cors',
    credentials: 'same-origin',
    cache: 'default',
    redirect: 'follow',
    integrity: '',
    keepalive: false,
    reloadNavigation: false,
    historyNavigation: false,
  };
}

function copyRequestState(state) {
  const copy = newRequestState(state.urlList[state.urlList.length - 1]);
  copy.method = state.method;
  copy.body = state.body;
  copy.signalParent = state.signalParent;
  copy.referrer = state.referrer;
  copy.referrerPolicy = state.referrerPolicy;
  copy.mode = state.mode;
  copy.credentials = state.credentials;
  copy.cache = state.cache;
  copy.redirect = state.redirect;
  copy.integrity = state.integrity;
  copy.keepalive = state.keepalive;
  copy.reloadNavigation = state.reloadNavigation;
  copy.historyNavigation = state.historyNavigation;
  return copy;
}

// The signal a request's own signal follows, made on first use.
function requestSignal(state) {
  if (state.signal === undefined) {
    if (state.signalParent !== null) {
      AbortSignal ??= require('internal/abort_controller').AbortSignal;
      state.signal = AbortSignal.any([state.signalParent]);
    } else {
      AbortController ??= require('internal/abort_controller').AbortController;
      state.signal = new AbortController().signal;
    }
  }
  return state.signal;
}

let getState;
let createRequest;

class Request {
  #state;

  constructor(input, init = undefined) {
    noteUncloneableCreated();
    if (input === kInternal) return;
    checkArgumentCount(arguments.length, 1, 'Request constructor');
    const options = convertRequestInit(init);
    const inputState = isObjectLike(input) && #state in input ?
      input.#state : null;
    let state;
    let fallbackMode = null;
    if (inputState === null) {
      const string = toUSVString(input);
      const url = parseURL(string, `Failed to parse URL from ${string}`);
      if (url.username !== '' || url.password !== '') {
        throw new TypeError('Request cannot be constructed from a URL that ' +
                            `includes credentials: ${string}`);
      }
      state = newRequestState(url);
      fallbackMode = 'cors';
    } else {
      state = copyRequestState(inputState);
    }

    if (options.window != null) {
      throw new TypeError("'window' option 'client' must be null");
    }
    if (ObjectKeys(options).length > 0) {
      if (state.mode === 'navigate') state.mode = 'same-origin';
      state.reloadNavigation = false;
      state.historyNavigation = false;
      state.referrer = 'client';
      state.referrerPolicy = '';
    }
    if (options.referrer !== undefined) {
      const referrer = options.referrer;
      if (referrer === '') {
        state.referrer = 'no-referrer';
      } else {
        const parsed =
          parseURL(referrer, `Referrer "${referrer}" is not a valid URL.`);
        state.referrer =
          parsed.protocol === 'about:' && parsed.pathname === 'client' ?
            'client' : parsed;
      }
    }
    if (options.referrerPolicy !== undefined) {
      state.referrerPolicy = options.referrerPolicy;
    }
    const mode = options.mode ?? fallbackMode;
    if (mode === 'navigate') {
      throw new TypeError('Request constructor: invalid request mode ' +
                          'navigate.');
    }
    if (mode !== null) state.mode = mode;
    if (options.credentials !== undefined) {
      state.credentials = options.credentials;
    }
    if (options.cache !== undefined) state.cache = options.cache;
    if (state.cache === 'only-if-cached' && state.mode !== 'same-origin') {
      throw new TypeError(
        "'only-if-cached' can be set only with 'same-origin' mode");
    }
    if (options.redirect !== undefined) state.redirect = options.redirect;
    if (options.integrity !== undefined) state.integrity = options.integrity;
    if (options.keepalive !== undefined) state.keepalive = options.keepalive;
    if (options.method !== undefined) {
      state.method = normalizeMethod(options.method);
    }
    if (options.signal !== undefined) state.signalParent = options.signal;

    const list = inputState === null ?
      undefined : getHeadersList(inputState.headers).copy();
    state.headers = createHeaders(list, 'request');
    if (state.mode === 'no-cors') {
      if (!kNoCorsMethods.has(state.method)) {
        throw new TypeError(`'${state.method} is unsupported in no-cors ` +
                            'mode.');
      }
      setHeadersGuard(state.headers, 'request-no-cors');
    }
    if (options.headers !== undefined) {
      const headersInit = options.headers;
      getHeadersList(state.headers).clear();
      if (isHeaders(headersInit)) {
        const raw = getHeadersList(headersInit).raw();
        const target = getHeadersList(state.headers);
        for (let i = 0; i < raw.length; i += 2) {
          target.append(raw[i], raw[i + 1]);
        }
      } else {
        fillHeaders(state.headers, headersInit);
      }
    }

    const inputBody = inputState === null ? null : inputState.body;
    if ((options.body != null || inputBody !== null) &&
        (state.method === 'GET' || state.method === 'HEAD')) {
      throw new TypeError('Request with GET/HEAD method cannot have body.');
    }
    let initBody = null;
    if (options.body != null) {
      const { body, type } = extractBody(options.body, state.keepalive);
      initBody = body;
      const headerList = getHeadersList(state.headers);
      if (type !== null && !headerList.contains('content-type')) {
        headerList.append('content-type', type);
      }
    }
    const inputOrInitBody = initBody ?? inputBody;
    if (inputOrInitBody !== null && inputOrInitBody.source === null) {
      if (initBody !== null && options.duplex === undefined) {
        throw new TypeError(
          'RequestInit: duplex option is required when sending a body.');
      }
      if (state.mode !== 'same-origin' && state.mode !== 'cors') {
        throw new TypeError('If request is made from ReadableStream, mode ' +
                            'should be "same-origin" or "cors"');
      }
    }
    let finalBody = inputOrInitBody;
    if (initBody === null && inputBody !== null) {
      if (isBodyUnusable(inputBody)) {
        throw new TypeError('Cannot construct a Request with a Request ' +
                            'object that has already been used.');
      }
      // The new request takes the body over; the input's reads as used.
      finalBody = createBody(inputBody.stream, inputBody.source,
                             inputBody.length);
      inputBody.stream = undefined;
      inputBody.used = true;
    }
    state.body = finalBody;
    this.#state = state;
  }

  static {
    getState = (object) =>
      (isObjectLike(object) && #state in object ? object.#state : undefined);
  }

  static #checked(object) {
    const state = getState(object);
    if (state === undefined) throw illegalInvocation();
    return state;
  }

  get method() {
    return Request.#checked(this).method;
  }

  get url() {
    return Request.#checked(this).urlList[0].href;
  }

  get headers() {
    return Request.#checked(this).headers;
  }

  get destination() {
    Request.#checked(this);
    return '';
  }

  get referrer() {
    const { referrer } = Request.#checked(this);
    if (referrer === 'no-referrer') return '';
    if (referrer === 'client') return 'about:client';
    return referrer.href;
  }

  get referrerPolicy() {
    return Request.#checked(this).referrerPolicy;
  }

  get mode() {
    return Request.#checked(this).mode;
  }

  get credentials() {
    return Request.#checked(this).credentials;
  }

  get cache() {
    return Request.#checked(this).cache;
  }

  get redirect() {
    return Request.#checked(this).redirect;
  }

  get integrity() {
    return Request.#checked(this).integrity;
  }

  get keepalive() {
    return Request.#checked(this).keepalive;
  }

  get isReloadNavigation() {
    return Request.#checked(this).reloadNavigation;
  }

  get isHistoryNavigation() {
    return Request.#checked(this).historyNavigation;
  }

  get signal() {
    return requestSignal(Request.#checked(this));
  }

  get body() {
    return bodyStream(Request.#checked(this).body);
  }

  get bodyUsed() {
    return isBodyUsed(Request.#checked(this).body);
  }

  get duplex() {
    Request.#checked(this);
    return 'half';
  }

  clone() {
    const state = Request.#checked(this);
    if (isBodyUnusable(state.body)) throw new TypeError('unusable');
    const copy = copyRequestState(state);
    copy.urlList = [state.urlList[0]];
    copy.headers = createHeaders(getHeadersList(state.headers).copy(),
                                 'request');
    if (state.mode === 'no-cors') {
      setHeadersGuard(copy.headers, 'request-no-cors');
    }
    copy.body = state.body === null ? null : cloneBody(state.body);
    return createRequest(copy);
  }

  [kInspect](depth, options) {
    inspect ??= require('internal/util/inspect').inspect;
    // As in Node, the nesting depth does not shrink inside.
    const opts = { ...options };
    return `Request ${inspect({
      method: this.method,
      url: this.url,
      headers: this.headers,
      destination: this.destination,
      referrer: this.referrer,
      referrerPolicy: this.referrerPolicy,
      mode: this.mode,
      credentials: this.credentials,
      cache: this.cache,
      redirect: this.redirect,
      integrity: this.integrity,
      keepalive: this.keepalive,
      isReloadNavigation: this.isReloadNavigation,
      isHistoryNavigation: this.isHistoryNavigation,
      signal: this.signal,
    }, opts)}`;
  }

  static {
    createRequest = (state) => {
      const request = new Request(kInternal);
      request.#state = state;
      return request;
    };
  }
}

ObjectDefineProperties(Request.prototype, {
  method: kEnumerableProperty,
  url: kEnumerableProperty,
  headers: kEnumerableProperty,
  destination: kEnumerableProperty,
  referrer: kEnumerableProperty,
  referrerPolicy: kEnumerableProperty,
  mode: kEnumerableProperty,
  credentials: kEnumerableProperty,
  cache: kEnumerableProperty,
  redirect: kEnumerableProperty,
  integrity: kEnumerableProperty,
  keepalive: kEnumerableProperty,
  isReloadNavigation: kEnumerableProperty,
  isHistoryNavigation: kEnumerableProperty,
  signal: kEnumerableProperty,
  body: kEnumerableProperty,
  bodyUsed: kEnumerableProperty,
  duplex: kEnumerableProperty,
  clone: kEnumerableProperty,
});
defineBodyReaders(Request.prototype, (object) => getState(object));
ObjectDefineProperty(Request.prototype, SymbolToStringTag, {
  __proto__: null, configurable: true, value: 'Request',
});
markUncloneable(Request.prototype);

module.exports = {
  Request,
  getRequestState: (object) => getState(object),
  requestSignal,
};
