'use strict';

// dns.promises (also require('dns/promises')): lookup(), lookupService()
// and a Resolver whose methods return promises.

const {
  ArrayPrototypeMap,
  FunctionPrototypeCall,
  ObjectAssign,
  Promise,
  Symbol,
} = primordials;

const {
  DNSException,
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { bindRequest } = require('internal/async_hooks');
const { isIP } = require('internal/net');
const {
  bindDefaultResolver,
  createResolverClass,
  emitInvalidHostnameWarning,
  errorCodes,
  getDefaultResultOrder,
  orderCode,
  parseLookupOptions,
  setDefaultResolver,
  setDefaultResultOrder,
  toQueryName,
} = require('internal/dns/utils');
const {
  validatePort,
  validateString,
} = require('internal/validators');
const {
  hasObserver,
  startPerf,
  stopPerf,
} = require('internal/perf/observer_counts');

// The timing of a request while 'dns' entries are observed.
const kPerfContext = Symbol('kPerfHooksDnsContext');

const cares = internalBinding('cares_wrap');
const { GetAddrInfoReqWrap, GetNameInfoReqWrap, QueryReqWrap } = cares;

// req.oncomplete of a lookup: settles with { address, family }, or with
// every address when `all`.
function onLookup(err, addresses) {
  if (err) {
    this.reject(new DNSException(err, 'getaddrinfo', this.hostname));
    return;
  }
  const family = this.family;
  if (this.all) {
    addresses = ArrayPrototypeMap(addresses, (address) => ({
      address, family: family || isIP(address),
    }));
    this.resolve(addresses);
  } else {
    this.resolve({
      address: addresses[0], family: family || isIP(addresses[0]),
    });
  }
  if (hasObserver('dns')) {
    stopPerf(this, kPerfContext, { detail: { addresses } });
  }
}

// lookup(hostname[, options]) -> Promise
function lookup(hostname, options) {
  const { hints, family, all, order } =
    parseLookupOptions(hostname, options, undefined, false);

  return new Promise((resolve, reject) => {
    if (!hostname) {
      emitInvalidHostnameWarning(hostname);
      resolve(all ? [] : { address: null, family: family === 6 ? 6 : 4 });
      return;
    }
    const literal = isIP(hostname);
    if (literal !== 0) {
      const entry = { address: hostname, family: literal };
      resolve(all ? [entry] : entry);
      return;
    }
    const req = new GetAddrInfoReqWrap();
    req.family = family;
    req.hostname = hostname;
    req.all = all;
    req.resolve = resolve;
    req.reject = reject;
    req.oncomplete = bindRequest(req, 'GETADDRINFOREQWRAP', onLookup);
    const err = cares.getaddrinfo(req, toQueryName(hostname), family, hints,
                                  orderCode(order));
    if (err) {
      reject(new DNSException(err, 'getaddrinfo', hostname));
    } else if (hasObserver('dns')) {
      startPerf(req, kPerfContext, {
        type: 'dns',
        name: 'lookup',
        detail: { hostname, family, hints, verbatim: order === 'verbatim',
                  order },
      });
    }
  });
}

function onLookupService(err, hostname, service) {
  if (err) {
    this.reject(new DNSException(err, 'getnameinfo', this.hostname));
    return;
  }
  this.resolve({ hostname, service });
  if (hasObserver('dns')) {
    stopPerf(this, kPerfContext, { detail: { hostname, service } });
  }
}

// lookupService(address, port) -> Promise of { hostname, service }
function lookupService(address, port) {
  if (arguments.length !== 2) throw new ERR_MISSING_ARGS('address', 'port');
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address);
  validatePort(port);
  port = +port;

  return new Promise((resolve, reject) => {
    const req = new GetNameInfoReqWrap();
    req.hostname = address;
    req.port = port;
    req.resolve = resolve;
    req.reject = reject;
    req.oncomplete = bindRequest(req, 'GETNAMEINFOREQWRAP', onLookupService);
    const err = cares.getnameinfo(req, address, port);
    if (err) {
      reject(new DNSException(err, 'getnameinfo', address));
    } else if (hasObserver('dns')) {
      startPerf(req, kPerfContext, {
        type: 'dns', name: 'lookupService', detail: { host: address, port },
      });
    }
  });
}

function onQueryDone(err, records, ttls) {
  if (err) {
    this.reject(new DNSException(err, this.bindingName, this.hostname));
    return;
  }
  if (this.ttl && ttls) {
    records = ArrayPrototypeMap(records,
                                (address, i) => ({ address, ttl: ttls[i] }));
  }
  this.resolve(records);
  if (hasObserver('dns')) {
    stopPerf(this, kPerfContext, { detail: { result: records } });
  }
}

function makeQuery(bindingName) {
  // (name[, options]) -> Promise
  return function(name, options) {
    validateString(name, 'name');
    const ttl = !!options?.ttl;
    return new Promise((resolve, reject) => {
      const req = new QueryReqWrap();
      req.bindingName = bindingName;
      req.hostname = name;
      req.ttl = ttl;
      req.resolve = resolve;
      req.reject = reject;
      req.oncomplete = bindRequest(req, 'QUERYWRAP', onQueryDone);
      const err = this._handle[bindingName](req, toQueryName(name));
      if (err) {
        reject(new DNSException(err, bindingName, name));
      } else if (hasObserver('dns')) {
        startPerf(req, kPerfContext, {
          type: 'dns', name: bindingName, detail: { host: name, ttl },
        });
      }
    });
  };
}

const { Resolver, byType } = createResolverClass(makeQuery);

// resolve(hostname[, rrtype]) -> Promise
Resolver.prototype.resolve = function resolve(hostname, rrtype) {
  let query = byType.A;
  if (rrtype !== undefined) {
    validateString(rrtype, 'rrtype');
    query = byType[rrtype];
    if (typeof query !== 'function') {
      throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
    }
  }
  return FunctionPrototypeCall(query, this, hostname);
};

// setServers() on the module replaces the default resolver.
function defaultResolverSetServers(servers) {
  const resolver = new Resolver();
  resolver.setServers(servers);
  setDefaultResolver(resolver);
  bindDefaultResolver(module.exports, Resolver.prototype);
}

module.exports = ObjectAssign({
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers: defaultResolverSetServers,
}, errorCodes);

bindDefaultResolver(module.exports, Resolver.prototype);
