'use strict';

// What the callback and the promise flavours of dns share: the resolver
// base class over a c-ares channel (internalBinding('cares_wrap')
// .ChannelWrap), the parsing of server strings, the default resolver the
// module-level functions are bound to, the default result order of
// lookup(), and the checks of lookup()'s options.

const {
  ArrayPrototypeForEach,
  ArrayPrototypeMap,
  ArrayPrototypePush,
  FunctionPrototypeBind,
  NumberParseInt,
  ObjectDefineProperty,
  RegExpPrototypeExec,
} = primordials;

const {
  codes: {
    ERR_DNS_SET_SERVERS_FAILED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_IP_ADDRESS,
  },
} = require('internal/errors');
const { isIP } = require('internal/net');
const {
  validateArray,
  validateBoolean,
  validateFunction,
  validateInt32,
  validateNumber,
  validateOneOf,
  validateString,
  validateUint32,
} = require('internal/validators');

let binding;
function cares() {
  binding ??= internalBinding('cares_wrap');
  return binding;
}

const kDefaultPort = 53;
// "[v6]" with anything after it; "host" with an optional ":port".
const kBracketedRE = /^\[([^[\]]*)\]/;
const kTrailingPortRE = /:(\d+)$/;
const kHostPortRE = /^(.+?)(?::(\d+))?$/;
const kNonAsciiRE = /[^\x00-\x7f]/;

const validDnsOrders = ['verbatim', 'ipv4first', 'ipv6first'];
const validFamilies = [0, 4, 6];

// The c-ares error codes, as dns.NODATA etc.
const errorCodes = {
  NODATA: 'ENODATA',
  FORMERR: 'EFORMERR',
  SERVFAIL: 'ESERVFAIL',
  NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP',
  REFUSED: 'EREFUSED',
  BADQUERY: 'EBADQUERY',
  BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY',
  BADRESP: 'EBADRESP',
  CONNREFUSED: 'ECONNREFUSED',
  TIMEOUT: 'ETIMEOUT',
  EOF: 'EOF',
  FILE: 'EFILE',
  NOMEM: 'ENOMEM',
  DESTRUCTION: 'EDESTRUCTION',
  BADSTR: 'EBADSTR',
  BADFLAGS: 'EBADFLAGS',
  NONAME: 'ENONAME',
  BADHINTS: 'EBADHINTS',
  NOTINITIALIZED: 'ENOTINITIALIZED',
  LOADIPHLPAPI: 'ELOADIPHLPAPI',
  ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS',
  CANCELLED: 'ECANCELLED',
};

// A host name as the resolvers send it: IDNA-encoded when it is not ASCII.
function toQueryName(name) {
  if (RegExpPrototypeExec(kNonAsciiRE, name) === null) return name;
  const { toASCII } = require('internal/idna');
  return toASCII(name) ?? '';
}

// "ip", "ip:port", "[ip6]" or "[ip6]:port" -> [family, ip, port].
function parseServer(server, index) {
  validateString(server, `servers[${index}]`);
  let family = isIP(server);
  if (family !== 0) return [family, server, kDefaultPort];

  const bracketed = RegExpPrototypeExec(kBracketedRE, server);
  if (bracketed !== null) {
    family = isIP(bracketed[1]);
    if (family !== 0) {
      const port = RegExpPrototypeExec(kTrailingPortRE, server);
      return [family, bracketed[1],
              (port !== null && NumberParseInt(port[1])) || kDefaultPort];
    }
  }

  const hostPort = RegExpPrototypeExec(kHostPortRE, server);
  if (hostPort !== null) {
    family = isIP(hostPort[1]);
    if (family !== 0) {
      return [family, hostPort[1],
              hostPort[2] !== undefined ?
                NumberParseInt(hostPort[2]) : kDefaultPort];
    }
  }
  throw new ERR_INVALID_IP_ADDRESS(server);
}

// Resolver instances and c-ares channels go one to one.
class ResolverBase {
  constructor(options = undefined) {
    const opts = { ...options };
    const { timeout = -1, tries = 4, maxTimeout = 0 } = opts;
    validateInt32(timeout, 'options.timeout', -1);
    validateInt32(tries, 'options.tries', 1);
    validateUint32(maxTimeout, 'options.maxTimeout');
    const { ChannelWrap } = cares();
    this._handle = new ChannelWrap(timeout, tries, maxTimeout);
  }

  cancel() {
    this._handle.cancel();
  }

  getServers() {
    const list = this._handle.getServers() || [];
    return ArrayPrototypeMap(list, ({ 0: ip, 1: port }) => {
      if (!port || port === kDefaultPort) return ip;
      return isIP(ip) === 6 ? `[${ip}]:${port}` : `${ip}:${port}`;
    });
  }

  setServers(servers) {
    validateArray(servers, 'servers');
    const parsed = [];
    ArrayPrototypeForEach(servers, (server, index) => {
      ArrayPrototypePush(parsed, parseServer(server, index));
    });

    // c-ares may have dropped the old servers when it refuses the new
    // ones: put them back.
    const previous = ArrayPrototypeMap(this._handle.getServers() || [],
                                       ({ 0: ip, 1: port }) =>
                                         [isIP(ip), ip, port]);
    const status = this._handle.setServers(parsed);
    if (status !== 0) {
      this._handle.setServers(previous);
      throw new ERR_DNS_SET_SERVERS_FAILED(cares().strerror(status), servers);
    }
  }

  setLocalAddress(ipv4, ipv6) {
    validateString(ipv4, 'ipv4');
    if (ipv6 !== undefined) validateString(ipv6, 'ipv6');
    this._handle.setLocalAddress(ipv4, ipv6);
  }
}

// `makeQuery(bindingName)` returns the method for one record type; both
// flavours get the same table of names.
function createResolverClass(makeQuery) {
  const byType = { __proto__: null };
  class Resolver extends ResolverBase {}
  const table = [
    ['resolveAny', 'ANY', 'queryAny'],
    ['resolve4', 'A', 'queryA'],
    ['resolve6', 'AAAA', 'queryAaaa'],
    ['resolveCaa', 'CAA', 'queryCaa'],
    ['resolveCname', 'CNAME', 'queryCname'],
    ['resolveMx', 'MX', 'queryMx'],
    ['resolveNs', 'NS', 'queryNs'],
    ['resolveTlsa', 'TLSA', 'queryTlsa'],
    ['resolveTxt', 'TXT', 'queryTxt'],
    ['resolveSrv', 'SRV', 'querySrv'],
    ['resolvePtr', 'PTR', 'queryPtr'],
    ['resolveNaptr', 'NAPTR', 'queryNaptr'],
    ['resolveSoa', 'SOA', 'querySoa'],
  ];
  ArrayPrototypeForEach(table, ({ 0: method, 1: type, 2: bindingName }) => {
    const fn = makeQuery(bindingName);
    ObjectDefineProperty(fn, 'name', { __proto__: null, value: bindingName });
    Resolver.prototype[method] = fn;
    byType[type] = fn;
  });
  const reverse = makeQuery('getHostByAddr');
  ObjectDefineProperty(reverse, 'name',
                       { __proto__: null, value: 'getHostByAddr' });
  Resolver.prototype.reverse = reverse;
  return { Resolver, byType };
}

// The module-level resolve*() functions are the default resolver's methods.
const resolverMethods = [
  'getServers', 'resolve', 'resolve4', 'resolve6', 'resolveAny',
  'resolveCaa', 'resolveCname', 'resolveMx', 'resolveNaptr', 'resolveNs',
  'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTlsa', 'resolveTxt',
  'reverse',
];

let defaultResolver;

function getDefaultResolver() {
  if (defaultResolver === undefined) {
    setDefaultResolver(new ResolverBase());
  }
  return defaultResolver;
}

function setDefaultResolver(resolver) {
  defaultResolver = resolver;
  // A default resolver made by a snapshot builder script gets a new c-ares
  // channel when the snapshot is deserialized (its own was closed).
  const {
    addDeserializeCallback,
    isBuildingSnapshot,
  } = require('internal/v8/startup_snapshot').namespace;
  if (isBuildingSnapshot()) {
    addDeserializeCallback(() => {
      if (defaultResolver !== resolver) return;
      const { ChannelWrap } = cares();
      resolver._handle = new ChannelWrap(-1, 4, 0);
    });
  }
}

function bindDefaultResolver(target, proto) {
  const resolver = getDefaultResolver();
  ArrayPrototypeForEach(resolverMethods, (key) => {
    target[key] = FunctionPrototypeBind(proto[key], resolver);
  });
}

// The order of lookup()'s results unless a call says otherwise:
// --dns-result-order, then setDefaultResultOrder().
let defaultOrder;

function initializeDns() {
  const { getOptionValue } = require('internal/options');
  const fromCLI = getOptionValue('--dns-result-order');
  if (fromCLI) {
    validateOneOf(fromCLI, '--dns-result-order', validDnsOrders);
    defaultOrder = fromCLI;
  } else {
    defaultOrder ??= 'verbatim';
  }
}

function getDefaultResultOrder() {
  if (defaultOrder === undefined) initializeDns();
  return defaultOrder;
}

function setDefaultResultOrder(order) {
  validateOneOf(order, 'dnsOrder', validDnsOrders);
  defaultOrder = order;
}

function validateHints(hints) {
  const { AI_ADDRCONFIG, AI_ALL, AI_V4MAPPED } = cares();
  if ((hints & ~(AI_ADDRCONFIG | AI_ALL | AI_V4MAPPED)) !== 0) {
    throw new ERR_INVALID_ARG_VALUE('hints', hints);
  }
}

// The binding's code for an order name.
function orderCode(order) {
  const {
    DNS_ORDER_IPV4_FIRST, DNS_ORDER_IPV6_FIRST, DNS_ORDER_VERBATIM,
  } = cares();
  if (order === 'ipv4first') return DNS_ORDER_IPV4_FIRST;
  if (order === 'ipv6first') return DNS_ORDER_IPV6_FIRST;
  return DNS_ORDER_VERBATIM;
}

// Checks lookup()'s arguments in Node's order and returns
// { hints, family, all, order }. `callback` is what the caller passed
// last (undefined for the promise flavour, which has none and does not
// take 'IPv4'/'IPv6' as a family).
function parseLookupOptions(hostname, options, callback, withCallback,
                            argCount) {
  if (hostname) validateString(hostname, 'hostname');
  const result = {
    hints: 0, family: 0, all: false, order: getDefaultResultOrder(),
  };
  if (typeof options === 'number') {
    if (withCallback) validateFunction(callback, 'callback');
    validateOneOf(options, 'family', validFamilies);
    result.family = options;
    return result;
  }
  if (options !== undefined && typeof options !== 'object') {
    if (withCallback) {
      validateFunction(argCount === 2 ? options : callback, 'callback');
    }
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  }
  if (withCallback) validateFunction(callback, 'callback');
  if (options == null) return result;

  if (options.hints != null) {
    validateNumber(options.hints, 'options.hints');
    result.hints = options.hints >>> 0;
    validateHints(result.hints);
  }
  if (options.family != null) {
    const family = options.family;
    if (withCallback && family === 'IPv4') {
      result.family = 4;
    } else if (withCallback && family === 'IPv6') {
      result.family = 6;
    } else {
      validateOneOf(family, 'options.family', validFamilies);
      result.family = family;
    }
  }
  if (options.all != null) {
    validateBoolean(options.all, 'options.all');
    result.all = options.all;
  }
  if (options.verbatim != null) {
    validateBoolean(options.verbatim, 'options.verbatim');
    result.order = options.verbatim ? 'verbatim' : 'ipv4first';
  }
  if (options.order != null) {
    validateOneOf(options.order, 'options.order', validDnsOrders);
    result.order = options.order;
  }
  return result;
}

let invalidHostnameWarned = false;
// DEP0118: lookup() of a falsy host name.
function emitInvalidHostnameWarning(hostname) {
  if (invalidHostnameWarned) return;
  invalidHostnameWarned = true;
  process.emitWarning(
    `The provided hostname "${hostname}" is not a valid hostname, and is ` +
    'supported in the dns module solely for compatibility.',
    'DeprecationWarning', 'DEP0118');
}

module.exports = {
  ResolverBase,
  bindDefaultResolver,
  createResolverClass,
  emitInvalidHostnameWarning,
  errorCodes,
  getDefaultResolver,
  getDefaultResultOrder,
  initializeDns,
  orderCode,
  parseLookupOptions,
  setDefaultResolver,
  setDefaultResultOrder,
  toQueryName,
  validDnsOrders,
  validFamilies,
  validateHints,
};
