'use strict';

// Response (https://fetch.spec.whatwg.org/#response-class). The internal
// response is a plain record: type, status, status text, URL list, header
// list (shared with the Headers object) and body.

const {
  JSONStringify,
  MathAbs,
  MathFloor,
  NumberIsFinite,
  ObjectDefineProperties,
  ObjectDefineProperty,
  RangeError,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
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
  illegalInvocation,
  isObjectLike,
  isReasonPhrase,
  kNullBodyStatus,
  kRedirectStatus,
  toByteString,
  toUSVString,
} = require('internal/fetch/util');
const {
  createHeaders,
  fillHeaders,
  getHeadersGuard,
  getHeadersList,
} = require('internal/fetch/headers');
const {
  bodyStream,
  cloneBody,
  defineBodyReaders,
  extractBody,
  isBodyUnusable,
  isBodyUsed,
} = require('internal/fetch/body');

let URL;
let inspect;

const kInternal = Symbol('kInternal');

// WebIDL's unsigned short.
function toUnsignedShort(value) {
  let number = +value;
  if (!NumberIsFinite(number)) return 0;
  number = (number < 0 ? -1 : 1) * MathFloor(MathAbs(number));
  number %= 65536;
  return number < 0 ? number + 65536 : number;
}

function newResponseState() {
  return {
    __proto__: null,
    type: 'default',
    status: 200,
    statusText: '',
    urlList: [],
    headers: null,
    body: null,
  };
}

// ResponseInit, converted.
function convertResponseInit(init) {
  const options = { __proto__: null, status: 200, statusText: '' };
  if (init === undefined || init === null) return options;
  if (!isObjectLike(init)) {
    throw new TypeError(`undefined: Expected ${init} to be one of: Null, ` +
                        'Undefined, Object.');
  }
  const { headers, status, statusText } = init;
  if (headers !== undefined) options.headers = headers;
  if (status !== undefined) options.status = toUnsignedShort(status);
  if (statusText !== undefined) options.statusText = toByteString(statusText);
  return options;
}

// "Initialize a response".
function initializeResponse(state, options, bodyWithType) {
  if (options.status < 200 || options.status > 599) {
    throw new RangeError(
      'init["status"] must be in the range of 200 to 599, inclusive.');
  }
  if (!isReasonPhrase(options.statusText)) {
    throw new TypeError('Invalid statusText');
  }
  state.status = options.status;
  state.statusText = options.statusText;
  if (options.headers !== undefined) {
    fillHeaders(state.headers, options.headers);
  }
  if (bodyWithType !== null) {
    if (kNullBodyStatus.has(state.status)) {
      throw new TypeError('Response constructor: Invalid response status ' +
                          `code ${state.status}`);
    }
    state.body = bodyWithType.body;
    const list = getHeadersList(state.headers);
    if (bodyWithType.type !== null && !list.contains('content-type')) {
      list.append('content-type', bodyWithType.type);
    }
  }
}

let getState;
let createResponse;

class Response {
  #state;

  constructor(body = null, init = undefined) {
    noteUncloneableCreated();
    if (body === kInternal) return;
    const options = convertResponseInit(init);
    const state = newResponseState();
    state.headers = createHeaders(undefined, 'response');
    const bodyWithType = body === null ? null : extractBody(body);
    initializeResponse(state, options, bodyWithType);
    this.#state = state;
  }

  static {
    getState = (object) =>
      (isObjectLike(object) && #state in object ? object.#state : undefined);
    createResponse = (state) => {
      const response = new Response(kInternal);
      response.#state = state;
      return response;
    };
  }

  static #checked(object) {
    const state = getState(object);
    if (state === undefined) throw illegalInvocation();
    return state;
  }

  static error() {
    const state = newResponseState();
    state.type = 'error';
    state.status = 0;
    state.headers = createHeaders(undefined, 'immutable');
    return createResponse(state);
  }

  static json(data, init = undefined) {
    const text = JSONStringify(data);
    if (text === undefined) {
      throw new TypeError('Value is not JSON serializable');
    }
    const bodyWithType = extractBody(text);
    bodyWithType.type = 'application/json';
    const options = convertResponseInit(init);
    const state = newResponseState();
    state.headers = createHeaders(undefined, 'response');
    initializeResponse(state, options, bodyWithType);
    return createResponse(state);
  }

  static redirect(url, status = 302) {
    URL ??= require('internal/url').URL;
    const string = toUSVString(url);
    let parsed;
    try {
      parsed = new URL(string);
    } catch (cause) {
      throw new TypeError(`Failed to parse URL from ${string}`, { cause });
    }
    status = toUnsignedShort(status);
    if (!kRedirectStatus.has(status)) {
      throw new RangeError(`Invalid status code ${status}`);
    }
    const state = newResponseState();
    state.status = status;
    state.headers = createHeaders(undefined, 'immutable');
    getHeadersList(state.headers).append('location', parsed.href);
    return createResponse(state);
  }

  get type() {
    return Response.#checked(this).type;
  }

  get url() {
    const { urlList } = Response.#checked(this);
    if (urlList.length === 0) return '';
    const href = urlList[urlList.length - 1].href;
    const hash = StringPrototypeIndexOf(href, '#');
    return hash === -1 ? href : StringPrototypeSlice(href, 0, hash);
  }

  get redirected() {
    return Response.#checked(this).urlList.length > 1;
  }

  get status() {
    return Response.#checked(this).status;
  }

  get ok() {
    const { status } = Response.#checked(this);
    return status >= 200 && status <= 299;
  }

  get statusText() {
    return Response.#checked(this).statusText;
  }

  get headers() {
    return Response.#checked(this).headers;
  }

  get body() {
    return bodyStream(Response.#checked(this).body);
  }

  get bodyUsed() {
    return isBodyUsed(Response.#checked(this).body);
  }

  clone() {
    const state = Response.#checked(this);
    if (isBodyUnusable(state.body)) {
      throw new TypeError('Response.clone: Body has already been consumed.');
    }
    return createResponse(cloneResponseState(state));
  }

  [kInspect](depth, options) {
    inspect ??= require('internal/util/inspect').inspect;
    // As in Node, the nesting depth does not shrink inside.
    const opts = { ...options };
    return `Response ${inspect({
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
      body: this.body,
      bodyUsed: this.bodyUsed,
      ok: this.ok,
      redirected: this.redirected,
      type: this.type,
      url: this.url,
    }, opts)}`;
  }
}

function cloneResponseState(state) {
  const copy = newResponseState();
  copy.type = state.type;
  copy.status = state.status;
  copy.statusText = state.statusText;
  copy.urlList = state.urlList;
  copy.headers = createHeaders(getHeadersList(state.headers).copy(),
                               getHeadersGuard(state.headers));
  copy.body = state.body === null ? null : cloneBody(state.body);
  return copy;
}

ObjectDefineProperties(Response.prototype, {
  type: kEnumerableProperty,
  url: kEnumerableProperty,
  redirected: kEnumerableProperty,
  status: kEnumerableProperty,
  ok: kEnumerableProperty,
  statusText: kEnumerableProperty,
  headers: kEnumerableProperty,
  body: kEnumerableProperty,
  bodyUsed: kEnumerableProperty,
  clone: kEnumerableProperty,
});
ObjectDefineProperties(Response, {
  error: kEnumerableProperty,
  json: kEnumerableProperty,
  redirect: kEnumerableProperty,
});
defineBodyReaders(Response.prototype, (object) => getState(object));
ObjectDefineProperty(Response.prototype, SymbolToStringTag, {
  __proto__: null, configurable: true, value: 'Response',
});
markUncloneable(Response.prototype);

// A Response over an internal response made by fetch.
function createNetworkResponse(fields) {
  const state = newResponseState();
  state.type = fields.type;
  state.status = fields.status;
  state.statusText = fields.statusText;
  state.urlList = fields.urlList;
  state.headers = createHeaders(fields.headerList, 'immutable');
  state.body = fields.body;
  return createResponse(state);
}

module.exports = {
  Response,
  createNetworkResponse,
  getResponseState: (object) => getState(object),
};
