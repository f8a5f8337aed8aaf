'use strict';

// node:url: the WHATWG API from internal/url, plus the legacy url.parse(),
// url.format() and url.resolve() that Node keeps for old code.

const {
  ArrayPrototypeJoin,
  ArrayPrototypePop,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeUnshift,
  Boolean,
  FunctionPrototypeCall,
  Int8Array,
  ObjectAssign,
  ObjectKeys,
  RegExpPrototypeExec,
  StringPrototypeCharCodeAt,
  StringPrototypeIndexOf,
  StringPrototypeReplaceAll,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeToLowerCase,
  decodeURIComponent,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_URL,
  },
} = require('internal/errors');
const { validateObject, validateString } = require('internal/validators');
const {
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  fileURLToPathBuffer,
  formatURL,
  hostlessProtocol,
  isInsideNodeModules,
  pathToFileURL: pathToFileURLInternal,
  slashedProtocol,
  unsafeProtocol,
  urlToHttpOptions,
} = require('internal/url');
const { toASCII } = require('internal/idna');
const { encodeStr, hexTable } = require('internal/querystring');

let querystring;
function lazyQuerystring() {
  querystring ??= require('querystring');
  return querystring;
}

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

const kProtocolRE = /^[a-z0-9.+-]+:/i;
const kPortRE = /:[0-9]*$/;
const kAuthHostRE = /^\/\/[^@/]+@[^@/]+/;
const kSimplePathRE = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
const kHostnameMaxLen = 255;
const kForbiddenHostRE = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
const kForbiddenHostIPv6RE = /[\0\t\n\r #%/<>?@\\^|]/;

// --- The DEP0169 warning: once, and not for calls from node_modules. -------

let parseWarned = false;
let invalidPortWarned = false;

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (!parseWarned && !isInsideNodeModules()) {
    parseWarned = true;
    process.emitWarning(
      '`url.parse()` behavior is not standardized and prone to ' +
      'errors that have security implications. Use the WHATWG URL API ' +
      'instead. CVEs are not issued for `url.parse()` vulnerabilities.',
      'DeprecationWarning', 'DEP0169');
  }
  if (url instanceof Url) return url;
  const result = new Url();
  result.parse(url, parseQueryString, slashesDenoteHost);
  return result;
}

function isIPv6Hostname(hostname) {
  return StringPrototypeCharCodeAt(hostname, 0) === 0x5B &&
    StringPrototypeCharCodeAt(hostname, hostname.length - 1) === 0x5D;
}

function isWhitespace(c) {
  return c < 33 || c === 0xA0 || c === 0xFEFF;
}

// Trims `url` (code points < 33, NBSP and BOM), turns '\' into '/' before
// the first '?' or '#', and notes whether '#' and '@' appear.
function prepare(url) {
  let start = 0;
  let end = url.length;
  while (start < end && isWhitespace(StringPrototypeCharCodeAt(url, start))) {
    start++;
  }
  while (end > start && isWhitespace(StringPrototypeCharCodeAt(url, end - 1))) {
    end--;
  }
  let rest = '';
  let last = start;
  let hasHash = false;
  let hasAt = false;
  let split = false;
  for (let i = start; i < end; i++) {
    const c = StringPrototypeCharCodeAt(url, i);
    if (split) {
      if (c === 0x23) {
        hasHash = true;
        break;
      }
      continue;
    }
    if (c === 0x40) {
      hasAt = true;
    } else if (c === 0x23) {
      hasHash = true;
      split = true;
    } else if (c === 0x3F) {
      split = true;
    } else if (c === 0x5C) {
      rest += `${StringPrototypeSlice(url, last, i)}/`;
      last = i + 1;
    }
  }
  rest += StringPrototypeSlice(url, last, end);
  return { rest, hasHash, hasAt };
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  validateString(url, 'url');
  const prepared = prepare(url);
  let rest = prepared.rest;
  const { hasHash, hasAt } = prepared;

  if (!slashesDenoteHost && !hasHash && !hasAt) {
    // A plain path with an optional query.
    const simple = RegExpPrototypeExec(kSimplePathRE, rest);
    if (simple !== null) {
      this.path = rest;
      this.href = rest;
      this.pathname = simple[1];
      if (simple[2]) {
        this.search = simple[2];
        this.query = parseQueryString ?
          lazyQuerystring().parse(StringPrototypeSlice(this.search, 1)) :
          StringPrototypeSlice(this.search, 1);
      } else if (parseQueryString) {
        this.search = null;
        this.query = { __proto__: null };
      }
      return this;
    }
  }

  let proto = RegExpPrototypeExec(kProtocolRE, rest);
  let lowerProto;
  if (proto !== null) {
    proto = proto[0];
    lowerProto = StringPrototypeToLowerCase(proto);
    this.protocol = lowerProto;
    rest = StringPrototypeSlice(rest, proto.length);
  }

  let slashes;
  if (slashesDenoteHost || proto || RegExpPrototypeExec(kAuthHostRE, rest) !== null) {
    slashes = StringPrototypeCharCodeAt(rest, 0) === 0x2F &&
      StringPrototypeCharCodeAt(rest, 1) === 0x2F;
    if (slashes && !(proto && hostlessProtocol.has(lowerProto))) {
      rest = StringPrototypeSlice(rest, 2);
      this.slashes = true;
    }
  }

  if (!hostlessProtocol.has(lowerProto) &&
      (slashes || (proto && !slashedProtocol.has(proto)))) {
    // The host runs to the first '/', '?' or '#'; an '@' before that ends
    // the auth part, and the last one wins.
    let hostEnd = -1;
    let atSign = -1;
    let nonHost = -1;
    for (let i = 0; i < rest.length && hostEnd === -1; i++) {
      switch (StringPrototypeCharCodeAt(rest, i)) {
        case 0x09: case 0x0A: case 0x0D:
          rest = StringPrototypeSlice(rest, 0, i) +
            StringPrototypeSlice(rest, i + 1);
          i--;
          break;
        case 0x20: case 0x22: case 0x25: case 0x27: case 0x3B: case 0x3C:
        case 0x3E: case 0x5C: case 0x5E: case 0x60: case 0x7B: case 0x7C:
        case 0x7D:
          if (nonHost === -1) nonHost = i;
          break;
        case 0x23: case 0x2F: case 0x3F:
          if (nonHost === -1) nonHost = i;
          hostEnd = i;
          break;
        case 0x40:
          atSign = i;
          nonHost = -1;
          break;
      }
    }
    let start = 0;
    if (atSign !== -1) {
      this.auth = decodeURIComponent(StringPrototypeSlice(rest, 0, atSign));
      start = atSign + 1;
    }
    if (nonHost === -1) {
      this.host = StringPrototypeSlice(rest, start);
      rest = '';
    } else {
      this.host = StringPrototypeSlice(rest, start, nonHost);
      rest = StringPrototypeSlice(rest, nonHost);
    }

    this.parseHost();
    if (typeof this.hostname !== 'string') this.hostname = '';
    const hostname = this.hostname;
    const ipv6 = isIPv6Hostname(hostname);
    if (!ipv6) rest = splitHostname(this, rest, hostname, url);

    if (this.hostname.length > kHostnameMaxLen) {
      this.hostname = '';
    } else {
      this.hostname = StringPrototypeToLowerCase(this.hostname);
    }

    if (this.hostname !== '') {
      if (ipv6) {
        if (RegExpPrototypeExec(kForbiddenHostIPv6RE, this.hostname) !== null) {
          throw new ERR_INVALID_URL(url);
        }
      } else {
        this.hostname = toASCII(this.hostname) ?? '';
        if (this.hostname === '' ||
            RegExpPrototypeExec(kForbiddenHostRE, this.hostname) !== null) {
          throw new ERR_INVALID_URL(url);
        }
      }
    }

    const p = this.port ? `:${this.port}` : '';
    this.host = (this.hostname || '') + p;

    if (ipv6) {
      this.hostname = StringPrototypeSlice(this.hostname, 1, -1);
      if (StringPrototypeCharCodeAt(rest, 0) !== 0x2F) rest = `/${rest}`;
    }
  }

  if (!unsafeProtocol.has(lowerProto)) rest = autoEscape(rest);

  let question = -1;
  let hash = -1;
  for (let i = 0; i < rest.length; i++) {
    const c = StringPrototypeCharCodeAt(rest, i);
    if (c === 0x23) {
      this.hash = StringPrototypeSlice(rest, i);
      hash = i;
      break;
    } else if (c === 0x3F && question === -1) {
      question = i;
    }
  }

  if (question !== -1) {
    const end = hash === -1 ? rest.length : hash;
    this.search = StringPrototypeSlice(rest, question, end);
    this.query = StringPrototypeSlice(rest, question + 1, end);
    if (parseQueryString) this.query = lazyQuerystring().parse(this.query);
  } else if (parseQueryString) {
    this.search = null;
    this.query = { __proto__: null };
  }

  const first = question !== -1 && (hash === -1 || question < hash) ?
    question : hash;
  if (first === -1) {
    if (rest.length > 0) this.pathname = rest;
  } else if (first > 0) {
    this.pathname = StringPrototypeSlice(rest, 0, first);
  }
  if (slashedProtocol.has(lowerProto) && this.hostname && !this.pathname) {
    this.pathname = '/';
  }

  if (this.pathname || this.search) {
    this.path = (this.pathname || '') + (this.search || '');
  }

  this.href = this.format();
  return this;
};

// Cuts the hostname at the first character a host cannot hold; what follows
// moves into the path. A ':' there is an invalid port (DEP0170).
function splitHostname(self, rest, hostname, url) {
  for (let i = 0; i < hostname.length; i++) {
    const c = StringPrototypeCharCodeAt(hostname, i);
    if (c === 0x2F || c === 0x5C || c === 0x23 || c === 0x3F || c === 0x3A) {
      if (c === 0x3A && !invalidPortWarned) {
        invalidPortWarned = true;
        process.emitWarning(
          `The URL ${url} is invalid. Future versions of Node.js will ` +
          'throw an error.', 'DeprecationWarning', 'DEP0170');
      }
      self.hostname = StringPrototypeSlice(hostname, 0, i);
      return `/${StringPrototypeSlice(hostname, i)}${rest}`;
    }
  }
  return rest;
}

// The characters url.parse() always escapes outside the host.
const kAutoEscape = {
  __proto__: null,
  0x09: '%09', 0x0A: '%0A', 0x0D: '%0D', 0x20: '%20', 0x22: '%22',
  0x27: '%27', 0x3C: '%3C', 0x3E: '%3E', 0x5C: '%5C', 0x5E: '%5E',
  0x60: '%60', 0x7B: '%7B', 0x7C: '%7C', 0x7D: '%7D',
};

function autoEscape(rest) {
  let out = '';
  let last = 0;
  for (let i = 0; i < rest.length; i++) {
    const esc = kAutoEscape[StringPrototypeCharCodeAt(rest, i)];
    if (esc === undefined) continue;
    out += StringPrototypeSlice(rest, last, i) + esc;
    last = i + 1;
  }
  if (last === 0) return rest;
  return out + StringPrototypeSlice(rest, last);
}

Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  const port = RegExpPrototypeExec(kPortRE, host);
  if (port !== null) {
    const p = port[0];
    if (p !== ':') this.port = StringPrototypeSlice(p, 1);
    host = StringPrototypeSlice(host, 0, host.length - p.length);
  }
  if (host) this.hostname = host;
};

function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (typeof urlObject !== 'object' || urlObject === null) {
    throw new ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'],
                                   urlObject);
  } else if (urlObject instanceof URL) {
    let fragment = true;
    let unicode = false;
    let search = true;
    let auth = true;
    if (options) {
      validateObject(options, 'options');
      if (options.fragment != null) fragment = Boolean(options.fragment);
      if (options.unicode != null) unicode = Boolean(options.unicode);
      if (options.search != null) search = Boolean(options.search);
      if (options.auth != null) auth = Boolean(options.auth);
    }
    return formatURL(urlObject, fragment, unicode, search, auth);
  }
  return FunctionPrototypeCall(Url.prototype.format, urlObject);
}

// Characters the auth part keeps as they are when formatting:
// ! ' ( ) * - . : _ ~, letters and digits.
const kNoEscapeAuth = new Int8Array(128);
{
  const keep = "!'()*-.:_~";
  for (let i = 0; i < keep.length; i++) {
    kNoEscapeAuth[StringPrototypeCharCodeAt(keep, i)] = 1;
  }
  for (let c = 0x30; c <= 0x39; c++) kNoEscapeAuth[c] = 1;
  for (let c = 0x41; c <= 0x5A; c++) kNoEscapeAuth[c] = 1;
  for (let c = 0x61; c <= 0x7A; c++) kNoEscapeAuth[c] = 1;
}

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) {
    auth = `${encodeStr(auth, kNoEscapeAuth, hexTable)}@`;
  }

  let protocol = this.protocol || '';
  if (protocol && StringPrototypeCharCodeAt(protocol, protocol.length - 1) !==
      0x3A) {
    protocol += ':';
  }

  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  let query = '';

  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    host = auth + (StringPrototypeIndexOf(this.hostname, ':') !== -1 &&
                   !isIPv6Hostname(this.hostname) ?
      `[${this.hostname}]` : this.hostname);
    if (this.port) host += `:${this.port}`;
  }

  if (this.query !== null && typeof this.query === 'object') {
    query = lazyQuerystring().stringify(this.query);
  }

  let search = this.search || (query && `?${query}`) || '';

  if (StringPrototypeIndexOf(pathname, '#') !== -1 ||
      StringPrototypeIndexOf(pathname, '?') !== -1) {
    pathname = StringPrototypeReplaceAll(
      StringPrototypeReplaceAll(pathname, '#', '%23'), '?', '%3F');
  }

  if (this.slashes || slashedProtocol.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && StringPrototypeCharCodeAt(pathname, 0) !== 0x2F) {
        pathname = `/${pathname}`;
      }
      host = `//${host}`;
    } else if (protocol.length >= 4 &&
               StringPrototypeSlice(protocol, 0, 4) === 'file') {
      host = '//';
    }
  }

  if (StringPrototypeIndexOf(search, '#') !== -1) {
    search = StringPrototypeReplaceAll(search, '#', '%23');
  }

  if (hash && StringPrototypeCharCodeAt(hash, 0) !== 0x23) hash = `#${hash}`;
  if (search && StringPrototypeCharCodeAt(search, 0) !== 0x3F) {
    search = `?${search}`;
  }

  return protocol + host + pathname + search + hash;
};

function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative);
}

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}

function joinPath(result) {
  if (result.pathname || result.search) {
    result.path = (result.pathname || '') + (result.search || '');
  }
}

// Moves a leading 'auth@host' path segment of a protocol without slashes
// back into auth and host.
function takeAuthFromHost(result) {
  const at = result.host ? StringPrototypeIndexOf(result.host, '@') : -1;
  if (at > 0) {
    const parts = StringPrototypeSplit(result.host, '@');
    result.auth = ArrayPrototypeShift(parts);
    result.host = result.hostname = ArrayPrototypeShift(parts);
  }
}

Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === 'string') {
    const rel = new Url();
    rel.parse(relative, false, true);
    relative = rel;
  }

  const result = new Url();
  ObjectAssign(result, this);

  // The hash always comes from the relative URL, even when it is empty.
  result.hash = relative.hash;

  if (relative.href === '') {
    result.href = result.format();
    return result;
  }

  // '//host/path': everything but the protocol comes from relative.
  if (relative.slashes && !relative.protocol) {
    const keys = ObjectKeys(relative);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== 'protocol') result[keys[i]] = relative[keys[i]];
    }
    if (slashedProtocol.has(result.protocol) && result.hostname &&
        !result.pathname) {
      result.path = result.pathname = '/';
    }
    result.href = result.format();
    return result;
  }

  if (relative.protocol && relative.protocol !== result.protocol) {
    // Another protocol: a non-slashed one is taken whole.
    if (!slashedProtocol.has(relative.protocol)) {
      ObjectAssign(result, relative);
      result.href = result.format();
      return result;
    }

    result.protocol = relative.protocol;
    if (!relative.host &&
        RegExpPrototypeExec(/^file:?$/, relative.protocol) === null &&
        !hostlessProtocol.has(relative.protocol)) {
      const relPath = StringPrototypeSplit(relative.pathname || '', '/');
      while (relPath.length > 0 &&
             !(relative.host = ArrayPrototypeShift(relPath)));
      relative.host ||= '';
      relative.hostname ||= '';
      if (relPath[0] !== '') ArrayPrototypeUnshift(relPath, '');
      if (relPath.length < 2) ArrayPrototypeUnshift(relPath, '');
      result.pathname = ArrayPrototypeJoin(relPath, '/');
    } else {
      result.pathname = relative.pathname;
    }
    result.search = relative.search;
    result.query = relative.query;
    result.host = relative.host || '';
    result.auth = relative.auth;
    result.hostname = relative.hostname || relative.host;
    result.port = relative.port;
    joinPath(result);
    result.slashes ||= relative.slashes;
    result.href = result.format();
    return result;
  }

  const isSourceAbs = result.pathname &&
    StringPrototypeCharCodeAt(result.pathname, 0) === 0x2F;
  const isRelAbs = relative.host || (relative.pathname &&
    StringPrototypeCharCodeAt(relative.pathname, 0) === 0x2F);
  let mustEndAbs = isRelAbs || isSourceAbs ||
    (result.host && relative.pathname);
  const removeAllDots = mustEndAbs;
  let srcPath = (result.pathname &&
                 StringPrototypeSplit(result.pathname, '/')) || [];
  const relPath = (relative.pathname &&
                   StringPrototypeSplit(relative.pathname, '/')) || [];
  const noLeadingSlashes = result.protocol &&
    !slashedProtocol.has(result.protocol);

  // Without slashes the host is kept as the first path segment while the
  // paths are merged.
  if (noLeadingSlashes) {
    result.hostname = '';
    result.port = null;
    if (result.host) {
      if (srcPath[0] === '') srcPath[0] = result.host;
      else ArrayPrototypeUnshift(srcPath, result.host);
    }
    result.host = '';
    if (relative.protocol) {
      relative.hostname = null;
      relative.port = null;
      result.auth = null;
      if (relative.host) {
        if (relPath[0] === '') relPath[0] = relative.host;
        else ArrayPrototypeUnshift(relPath, relative.host);
      }
      relative.host = null;
    }
    mustEndAbs &&= (relPath[0] === '' || srcPath[0] === '');
  }

  if (isRelAbs) {
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    srcPath = relPath;
  } else if (relPath.length > 0) {
    // A relative path: drop the last source segment, then append.
    srcPath ||= [];
    ArrayPrototypePop(srcPath);
    for (let i = 0; i < relPath.length; i++) {
      ArrayPrototypePush(srcPath, relPath[i]);
    }
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    // Only the query changes.
    if (noLeadingSlashes) {
      result.hostname = result.host = ArrayPrototypeShift(srcPath);
      takeAuthFromHost(result);
    }
    result.search = relative.search;
    result.query = relative.query;
    if (result.pathname !== null || result.search !== null) {
      result.path = (result.pathname ? result.pathname : '') +
        (result.search ? result.search : '');
    }
    result.href = result.format();
    return result;
  }

  if (srcPath.length === 0) {
    result.pathname = null;
    result.path = result.search ? `/${result.search}` : null;
    result.href = result.format();
    return result;
  }

  // Resolve '.' and '..' from the end; a trailing '.', '..' or '' keeps a
  // trailing slash.
  let last = srcPath[srcPath.length - 1];
  const hasTrailingSlash = (
    ((result.host || relative.host || srcPath.length > 1) &&
     (last === '.' || last === '..')) || last === '');
  let up = 0;
  for (let i = srcPath.length - 1; i >= 0; i--) {
    last = srcPath[i];
    if (last === '.') {
      spliceOne(srcPath, i);
    } else if (last === '..') {
      spliceOne(srcPath, i);
      up++;
    } else if (up) {
      spliceOne(srcPath, i);
      up--;
    }
  }

  if (!mustEndAbs && !removeAllDots) {
    while (up--) ArrayPrototypeUnshift(srcPath, '..');
  }

  if (mustEndAbs && srcPath[0] !== '' &&
      (!srcPath[0] || StringPrototypeCharCodeAt(srcPath[0], 0) !== 0x2F)) {
    ArrayPrototypeUnshift(srcPath, '');
  }

  if (hasTrailingSlash) {
    const joined = ArrayPrototypeJoin(srcPath, '/');
    if (StringPrototypeCharCodeAt(joined, joined.length - 1) !== 0x2F) {
      ArrayPrototypePush(srcPath, '');
    }
  }

  const isAbsolute = srcPath[0] === '' ||
    (srcPath[0] && StringPrototypeCharCodeAt(srcPath[0], 0) === 0x2F);

  if (noLeadingSlashes) {
    result.hostname = result.host = isAbsolute ? '' :
      (srcPath.length > 0 ? ArrayPrototypeShift(srcPath) : '');
    takeAuthFromHost(result);
  }

  mustEndAbs ||= (result.host && srcPath.length);

  if (mustEndAbs && !isAbsolute) ArrayPrototypeUnshift(srcPath, '');

  if (srcPath.length === 0) {
    result.pathname = null;
    result.path = null;
  } else {
    result.pathname = ArrayPrototypeJoin(srcPath, '/');
  }

  if (result.pathname !== null || result.search !== null) {
    result.path = (result.pathname ? result.pathname : '') +
      (result.search ? result.search : '');
  }
  result.auth = relative.auth || result.auth;
  result.slashes ||= relative.slashes;
  result.href = result.format();
  return result;
};

function spliceOne(list, index) {
  for (; index + 1 < list.length; index++) list[index] = list[index + 1];
  ArrayPrototypePop(list);
}

function pathToFileURL(path, options) {
  validateString(path, 'path');
  return pathToFileURLInternal(path, options);
}

module.exports = {
  // The legacy API.
  Url,
  parse: urlParse,
  resolve: urlResolve,
  resolveObject: urlResolveObject,
  format: urlFormat,

  // The WHATWG API.
  URL,
  URLPattern: undefined,  // below: loaded on first use
  URLSearchParams,
  domainToASCII,
  domainToUnicode,

  // Helpers.
  pathToFileURL,
  fileURLToPath,
  fileURLToPathBuffer,
  urlToHttpOptions,
};

// URLPattern is loaded on first use (it keeps to its place among the keys).
require('internal/util').defineLazyProperties(
  module.exports, 'internal/url_pattern', ['URLPattern']);
