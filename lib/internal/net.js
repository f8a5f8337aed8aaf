'use strict';

// IP address checks shared by net, dns and url, and the host name lookup
// net uses while lode has no dns module.

const {
  ArrayPrototypeMap,
  RegExp,
  RegExpPrototypeExec,
  Symbol,
} = primordials;

const { bindRequest } = require('internal/async_hooks');

const v4Seg = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const v4Str = `(?:${v4Seg}\\.){3}${v4Seg}`;
const IPv4Reg = new RegExp(`^${v4Str}$`);

const v6Seg = '(?:[0-9a-fA-F]{1,4})';
const IPv6Reg = new RegExp('^(?:' +
  `(?:${v6Seg}:){7}(?:${v6Seg}|:)|` +
  `(?:${v6Seg}:){6}(?:${v4Str}|:${v6Seg}|:)|` +
  `(?:${v6Seg}:){5}(?::${v4Str}|(?::${v6Seg}){1,2}|:)|` +
  `(?:${v6Seg}:){4}(?:(?::${v6Seg}){0,1}:${v4Str}|(?::${v6Seg}){1,3}|:)|` +
  `(?:${v6Seg}:){3}(?:(?::${v6Seg}){0,2}:${v4Str}|(?::${v6Seg}){1,4}|:)|` +
  `(?:${v6Seg}:){2}(?:(?::${v6Seg}){0,3}:${v4Str}|(?::${v6Seg}){1,5}|:)|` +
  `(?:${v6Seg}:){1}(?:(?::${v6Seg}){0,4}:${v4Str}|(?::${v6Seg}){1,6}|:)|` +
  `(?::(?:(?::${v6Seg}){0,5}:${v4Str}|(?::${v6Seg}){1,7}|:))` +
')(?:%[0-9a-zA-Z-.:]{1,})?$');

function isIPv4(s) {
  return RegExpPrototypeExec(IPv4Reg, `${s}`) !== null;
}

function isIPv6(s) {
  return RegExpPrototypeExec(IPv6Reg, `${s}`) !== null;
}

function isIP(s) {
  if (isIPv4(s)) return 4;
  if (isIPv6(s)) return 6;
  return 0;
}

// Whether net.Socket is real; child stdio pipes are net.Sockets, so
// child_process asks.
const kHasSockets = true;

let tcpBinding;
// dns.lookup() for net until lode has a dns module: the same arguments
// (hostname, { family, hints, all }, callback(err, address, family) or
// callback(err, [{ address, family }]) with `all`), answered by the
// system's getaddrinfo() through internalBinding('tcp_wrap').getaddrinfo
// on the thread pool, in the order the system returns (Node's 'verbatim').
function lookup(hostname, options, callback) {
  const family = options?.family === 4 || options?.family === 6 ?
    options.family : 0;
  const all = options?.all === true;
  const literal = isIP(hostname);
  if (literal !== 0 || !hostname) {
    const address = literal !== 0 ? hostname :
      (family === 6 ? '::1' : '127.0.0.1');
    const addressFamily = literal !== 0 ? literal : (family === 6 ? 6 : 4);
    process.nextTick(() => {
      if (all) {
        callback(null, [{ address, family: addressFamily }]);
      } else {
        callback(null, address, addressFamily);
      }
    });
    return {};
  }
  tcpBinding ??= internalBinding('tcp_wrap');
  const req = new tcpBinding.GetAddrInfoReqWrap();
  req.hostname = hostname;
  req.oncomplete = bindRequest(req, 'GETADDRINFOREQWRAP',
                               function(err, addresses) {
    if (err) {
      const { DNSException } = require('internal/errors');
      callback(new DNSException(err, 'getaddrinfo', hostname));
      return;
    }
    if (all) {
      callback(null, ArrayPrototypeMap(addresses, (address) => {
        return { address, family: isIPv6(address) ? 6 : 4 };
      }));
    } else {
      callback(null, addresses[0], isIPv6(addresses[0]) ? 6 : 4);
    }
  });
  const err = tcpBinding.getaddrinfo(req, hostname, family,
                                     options?.hints | 0);
  if (err) {
    const { DNSException } = require('internal/errors');
    process.nextTick(callback, new DNSException(err, 'getaddrinfo', hostname));
  }
  return req;
}

// Marks the [options, callback] arrays net's normalizeArgs() returns.
const normalizedArgsSymbol = Symbol('normalizedArgs');

module.exports = {
  kHasSockets,
  normalizedArgsSymbol,
  isIP,
  isIPv4,
  isIPv6,
  lookup,
};
