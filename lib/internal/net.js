'use strict';

// IP address checks shared by net, dns and url.

const {
  RegExp,
  RegExpPrototypeExec,
  StringPrototypeStartsWith,
  StringPrototypeToLowerCase,
  Symbol,
} = primordials;

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

// Whether `host` (a host name, or an address as a URL writes it, IPv6 in
// brackets) names this machine: the inspector warns about the others.
function isLoopback(host) {
  const lower = StringPrototypeToLowerCase(host);
  return lower === 'localhost' ||
    StringPrototypeStartsWith(lower, '127.') ||
    lower === '[::1]' ||
    lower === '[0:0:0:0:0:0:0:1]';
}

// Whether net.Socket is real; child stdio pipes are net.Sockets, so
// child_process asks.
const kHasSockets = true;

// dns.lookup(), for callers written before lode had a dns module.
function lookup(hostname, options, callback) {
  return require('dns').lookup(hostname, options, callback);
}

// Marks the [options, callback] arrays net's normalizeArgs() returns.
const normalizedArgsSymbol = Symbol('normalizedArgs');

// socket[kReinitializeHandle](handle): a connecting socket takes a new
// handle (happy eyeballs tries another address); TLS sockets wrap it.
const kReinitializeHandle = Symbol('kReinitializeHandle');

module.exports = {
  kHasSockets,
  kReinitializeHandle,
  normalizedArgsSymbol,
  isIP,
  isIPv4,
  isIPv6,
  isLoopback,
  lookup,
};
