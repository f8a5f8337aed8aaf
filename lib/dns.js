'use strict';

// node:dns. lookup() and lookupService() ask the system resolver
// (getaddrinfo/getnameinfo on libuv's thread pool); the resolve*()
// functions are the methods of a default Resolver, a c-ares channel
// (lib/internal/dns/*, src/cares_wrap.cc).

const {
  ArrayPrototypeMap,
  ObjectAssign,
  ObjectDefineProperties,
  ObjectDefineProperty,
  Symbol,
} = primordials;

const cares = internalBinding('cares_wrap');
const { isIP } = require('internal/net');
const { customPromisifyArgs } = require('internal/util');
const { bindRequest } = require('internal/async_hooks');
const {
  DNSException,
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const {
  bindDefaultResolver,
  emitInvalidHostnameWarning,
  errorCodes,
  getDefaultResultOrder,
  orderCode,
  parseLookupOptions,
  setDefaultResolver,
  setDefaultResultOrder,
  toQueryName,
} = require('internal/dns/utils');
const { Resolver } = require('internal/dns/callback_resolver');
const {
  validateFunction,
  validatePort,
} = require('internal/validators');
const {
  hasObserver,
  startPerf,
  stopPerf,
} = require('internal/perf/observer_counts');

const { GetAddrInfoReqWrap, GetNameInfoReqWrap } = cares;

let promises = null;

// The timing of a request while 'dns' entries are observed.
const kPerfContext = Symbol('kPerfHooksDnsContext');

function onLookup(err, addresses) {
  if (err) {
    this.callback(new DNSException(err, 'getaddrinfo', this.hostname));
    return;
  }
  this.callback(null, addresses[0], this.family || isIP(addresses[0]));
  if (hasObserver('dns')) {
    stopPerf(this, kPerfContext, { detail: { addresses } });
  }
}

function onLookupAll(err, addresses) {
  if (err) {
    this.callback(new DNSException(err, 'getaddrinfo', this.hostname));
    return;
  }
  const family = this.family;
  const all = ArrayPrototypeMap(addresses, (address) => ({
    address, family: family || isIP(address),
  }));
  this.callback(null, all);
  if (hasObserver('dns')) {
    stopPerf(this, kPerfContext, { detail: { addresses: all } });
  }
}

// lookup(hostname[, options], callback)
function lookup(hostname, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const { hints, family, all, order } =
    parseLookupOptions(hostname, options, callback, true, arguments.length);

  if (!hostname) {
    emitInvalidHostnameWarning(hostname);
    if (all) {
      process.nextTick(callback, null, []);
    } else {
      process.nextTick(callback, null, null, family === 6 ? 6 : 4);
    }
    return {};
  }
  const literal = isIP(hostname);
  if (literal !== 0) {
    if (all) {
      process.nextTick(callback, null,
                       [{ address: hostname, family: literal }]);
    } else {
      process.nextTick(callback, null, hostname, literal);
    }
    return {};
  }

  const req = new GetAddrInfoReqWrap();
  req.callback = callback;
  req.family = family;
  req.hostname = hostname;
  req.oncomplete = bindRequest(req, 'GETADDRINFOREQWRAP',
                               all ? onLookupAll : onLookup);
  const err = cares.getaddrinfo(req, toQueryName(hostname), family, hints,
                                orderCode(order));
  if (err) {
    process.nextTick(callback, new DNSException(err, 'getaddrinfo', hostname));
    return {};
  }
  if (hasObserver('dns')) {
    startPerf(req, kPerfContext, {
      type: 'dns',
      name: 'lookup',
      detail: { hostname, family, hints, verbatim: order === 'verbatim',
                order },
    });
  }
  return req;
}

ObjectDefineProperty(lookup, customPromisifyArgs, {
  __proto__: null, value: ['address', 'family'], enumerable: false,
});

function onLookupService(err, hostname, service) {
  if (err) {
    this.callback(new DNSException(err, 'getnameinfo', this.hostname));
    return;
  }
  this.callback(null, hostname, service);
  if (hasObserver('dns')) {
    stopPerf(this, kPerfContext, { detail: { hostname, service } });
  }
}

// lookupService(address, port, callback)
function lookupService(address, port, callback) {
  if (arguments.length !== 3) {
    throw new ERR_MISSING_ARGS('address', 'port', 'callback');
  }
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address);
  validatePort(port);
  validateFunction(callback, 'callback');
  port = +port;

  const req = new GetNameInfoReqWrap();
  req.callback = callback;
  req.hostname = address;
  req.port = port;
  req.oncomplete = bindRequest(req, 'GETNAMEINFOREQWRAP', onLookupService);
  const err = cares.getnameinfo(req, address, port);
  if (err) throw new DNSException(err, 'getnameinfo', address);
  if (hasObserver('dns')) {
    startPerf(req, kPerfContext, {
      type: 'dns', name: 'lookupService', detail: { host: address, port },
    });
  }
  return req;
}

ObjectDefineProperty(lookupService, customPromisifyArgs, {
  __proto__: null, value: ['hostname', 'service'], enumerable: false,
});

// setServers() on the module replaces the default resolver (of both
// flavours).
function defaultResolverSetServers(servers) {
  const resolver = new Resolver();
  resolver.setServers(servers);
  setDefaultResolver(resolver);
  bindDefaultResolver(module.exports, Resolver.prototype);
  if (promises !== null) {
    bindDefaultResolver(promises, promises.Resolver.prototype);
  }
}

module.exports = ObjectAssign({
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers: defaultResolverSetServers,
  // getaddrinfo flags
  ADDRCONFIG: cares.AI_ADDRCONFIG,
  ALL: cares.AI_ALL,
  V4MAPPED: cares.AI_V4MAPPED,
}, errorCodes);

bindDefaultResolver(module.exports, Resolver.prototype);

ObjectDefineProperties(module.exports, {
  promises: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      promises ??= require('internal/dns/promises');
      return promises;
    },
  },
});
