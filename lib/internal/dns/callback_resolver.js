'use strict';

// dns.Resolver: the callback flavour of the resolve*() methods.

const {
  ArrayPrototypeMap,
  FunctionPrototypeCall,
  Symbol,
} = primordials;

const {
  DNSException,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const { bindRequest } = require('internal/async_hooks');
const {
  createResolverClass,
  toQueryName,
} = require('internal/dns/utils');
const {
  validateFunction,
  validateString,
} = require('internal/validators');
const {
  hasObserver,
  startPerf,
  stopPerf,
} = require('internal/perf/observer_counts');

// The timing of a query while 'dns' entries are observed.
const kPerfContext = Symbol('kPerfHooksDnsContext');

const { QueryReqWrap } = internalBinding('cares_wrap');

// req.oncomplete: `err` is a c-ares code string, or 0 with the records
// (and, for A/AAAA, their TTLs).
function onQueryDone(err, records, ttls) {
  if (err) {
    this.callback(new DNSException(err, this.bindingName, this.hostname));
    return;
  }
  if (this.ttl && ttls) {
    records = ArrayPrototypeMap(records,
                                (address, i) => ({ address, ttl: ttls[i] }));
  }
  this.callback(null, records);
  if (hasObserver('dns')) {
    stopPerf(this, kPerfContext, { detail: { result: records } });
  }
}

function makeQuery(bindingName) {
  // (name[, options], callback)
  return function(name, callback) {
    let options;
    if (arguments.length > 2) {
      options = callback;
      callback = arguments[2];
    }
    validateString(name, 'name');
    validateFunction(callback, 'callback');

    const req = new QueryReqWrap();
    req.bindingName = bindingName;
    req.callback = callback;
    req.hostname = name;
    req.ttl = !!options?.ttl;
    req.oncomplete = bindRequest(req, 'QUERYWRAP', onQueryDone);
    const err = this._handle[bindingName](req, toQueryName(name));
    if (err) throw new DNSException(err, bindingName, name);
    if (hasObserver('dns')) {
      startPerf(req, kPerfContext, {
        type: 'dns', name: bindingName, detail: { host: name, ttl: req.ttl },
      });
    }
    return req;
  };
}

const { Resolver, byType } = createResolverClass(makeQuery);

// resolve(hostname[, rrtype], callback)
Resolver.prototype.resolve = function resolve(hostname, rrtype, callback) {
  let query;
  if (typeof rrtype === 'string') {
    query = byType[rrtype];
  } else if (typeof rrtype === 'function') {
    callback = rrtype;
    query = byType.A;
  } else {
    throw new ERR_INVALID_ARG_TYPE('rrtype', 'string', rrtype);
  }
  if (typeof query !== 'function') {
    throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
  }
  return FunctionPrototypeCall(query, this, hostname, callback);
};

module.exports = { Resolver };
