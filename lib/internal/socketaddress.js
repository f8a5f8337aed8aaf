'use strict';

// net.SocketAddress: an IP address (kept in its canonical text form and as
// a 128-bit number, IPv4 as its IPv4-mapped IPv6 form) with a port and, for
// IPv6, a flow label. internal/blocklist compares the numbers.

const {
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ArrayPrototypeSlice,
  BigIntPrototypeToString,
  BigInt,
  NumberParseInt,
  ObjectPrototypeHasOwnProperty,
  StringPrototypeIndexOf,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeToLowerCase,
  Symbol,
} = primordials;

const {
  codes: {
    ERR_INVALID_ADDRESS,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  validateObject,
  validatePort,
  validateString,
  validateUint32,
} = require('internal/validators');
const { isIPv4, isIPv6 } = require('internal/net');
const {
  customInspectSymbol: kInspect,
  kEmptyObject,
} = require('internal/util');
const {
  kClone,
  makeCloneable,
} = require('internal/worker/js_transferable');

const kAddress = Symbol('kAddress');
const kValue = Symbol('kValue');
const kIsV4 = Symbol('kIsV4');
const kPort = Symbol('kPort');
const kFlowlabel = Symbol('kFlowlabel');

const kMappedPrefix = 0xffffn << 32n;

// 'ipv4' | 'ipv6' (any case) -> true for IPv4, false for IPv6; undefined
// for anything else.
function familyIsV4(family) {
  const lower = StringPrototypeToLowerCase(family);
  if (lower === 'ipv4') return true;
  if (lower === 'ipv6') return false;
  return undefined;
}

function parseV4(text) {
  const parts = StringPrototypeSplit(text, '.');
  let value = 0n;
  for (let i = 0; i < 4; i++) value = (value << 8n) | BigInt(parts[i] | 0);
  return value;
}

// A valid IPv6 text (isIPv6) as a 128-bit number.
function parseV6(text) {
  const zone = StringPrototypeIndexOf(text, '%');
  if (zone !== -1) text = StringPrototypeSlice(text, 0, zone);
  let tail = [];
  // An IPv4 dotted quad in the last 32 bits.
  const lastColon = StringPrototypeLastIndexOf(text, ':');
  let v4 = null;
  if (StringPrototypeIndexOf(text, '.', lastColon) !== -1) {
    v4 = parseV4(StringPrototypeSlice(text, lastColon + 1));
    text = StringPrototypeSlice(text, 0, lastColon + 1) + '0:0';
  }
  const gap = StringPrototypeIndexOf(text, '::');
  let head;
  if (gap === -1) {
    head = StringPrototypeSplit(text, ':');
  } else {
    const before = StringPrototypeSlice(text, 0, gap);
    const after = StringPrototypeSlice(text, gap + 2);
    head = before === '' ? [] : StringPrototypeSplit(before, ':');
    tail = after === '' ? [] : StringPrototypeSplit(after, ':');
  }
  const groups = [];
  for (let i = 0; i < head.length; i++) groups[groups.length] = head[i];
  for (let i = head.length + tail.length; i < 8; i++) {
    groups[groups.length] = '0';
  }
  for (let i = 0; i < tail.length; i++) groups[groups.length] = tail[i];
  let value = 0n;
  for (let i = 0; i < 8; i++) {
    value = (value << 16n) | BigInt(NumberParseInt(groups[i], 16));
  }
  if (v4 !== null) value = (value >> 32n << 32n) | v4;
  return value;
}

function formatV4(value) {
  return `${(value >> 24n) & 255n}.${(value >> 16n) & 255n}.` +
         `${(value >> 8n) & 255n}.${value & 255n}`;
}

// RFC 5952 text, with an IPv4-mapped address as ::ffff:a.b.c.d.
function formatV6(value) {
  if (value >> 32n === 0xffffn) {
    return `::ffff:${formatV4(value & 0xffffffffn)}`;
  }
  const groups = [];
  for (let i = 7; i >= 0; i--) {
    groups[groups.length] = (value >> BigInt(i * 16)) & 0xffffn;
  }
  // The longest run of two or more zero groups (the first on a tie).
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0n) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0n) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = ArrayPrototypeMap(groups, (g) => BigIntPrototypeToString(g, 16));
  if (bestStart === -1) return ArrayPrototypeJoin(hex, ':');
  const left = ArrayPrototypeJoin(ArrayPrototypeSlice(hex, 0, bestStart), ':');
  const right = ArrayPrototypeJoin(ArrayPrototypeSlice(hex, bestStart + bestLength),
                                  ':');
  return `${left}::${right}`;
}

// [number, canonical text] of `address` read as the family asked, or
// undefined when it is not such an address.
// The 128-bit value of an address given as text (an IPv4 one IPv4-mapped),
// or undefined when it is not an address of that family.
function addressValue(address, isV4) {
  if (isV4) {
    return isIPv4(address) ? kMappedPrefix | parseV4(address) : undefined;
  }
  return isIPv6(address) ? parseV6(address) : undefined;
}

function parseAddress(address, isV4) {
  if (isV4) {
    if (!isIPv4(address)) return undefined;
    const value = parseV4(address);
    return [kMappedPrefix | value, formatV4(value)];
  }
  if (!isIPv6(address)) return undefined;
  const value = parseV6(address);
  return [value, formatV6(value)];
}

class SocketAddress {
  static isSocketAddress(value) {
    return value != null && typeof value === 'object' &&
      ObjectPrototypeHasOwnProperty(value, kValue);
  }

  constructor(options = kEmptyObject) {
    validateObject(options, 'options');
    let { family = 'ipv4' } = options;
    validateString(family, 'options.family');
    const isV4 = familyIsV4(family);
    if (isV4 === undefined) {
      throw new ERR_INVALID_ARG_VALUE('options.family', options.family);
    }
    family = isV4 ? 'ipv4' : 'ipv6';
    const {
      address = isV4 ? '127.0.0.1' : '::',
      port = 0,
      flowlabel = 0,
    } = options;
    validateString(address, 'options.address');
    validatePort(port, 'options.port');
    validateUint32(flowlabel, 'options.flowlabel', false);
    const parsed = parseAddress(address, isV4);
    if (parsed === undefined) throw new ERR_INVALID_ADDRESS();
    // An object postMessage() and structuredClone() copy as a SocketAddress
    // (see [kClone]).
    const self = makeCloneable(new.target);
    self[kValue] = parsed[0];
    self[kAddress] = parsed[1];
    self[kIsV4] = isV4;
    self[kPort] = port | 0;
    // Only IPv6 addresses have a flow label.
    self[kFlowlabel] = isV4 ? 0 : flowlabel;
    return self;
  }

  // A copy is made from the address's description.
  [kClone]() {
    return {
      data: this.toJSON(),
      deserializeInfo: 'internal/socketaddress:socketAddressFromClone',
    };
  }

  get address() { return this[kAddress]; }
  get port() { return this[kPort]; }
  get family() { return this[kIsV4] ? 'ipv4' : 'ipv6'; }
  get flowlabel() { return this[kFlowlabel]; }

  toJSON() {
    return {
      address: this.address,
      port: this.port,
      family: this.family,
      flowlabel: this.flowlabel,
    };
  }

  [kInspect](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null :
      options.depth - 1 };
    return `SocketAddress ${inspect(this.toJSON(), opts)}`;
  }

  // 'host:port' or '[v6]:port' -> a SocketAddress, undefined if unparsable.
  static parse(input) {
    validateString(input, 'input');
    try {
      const { hostname: address, port } = new (require('internal/url').URL)(
        `http://${input}`);
      if (StringPrototypeIndexOf(address, '[') === 0 &&
          address[address.length - 1] === ']') {
        return new SocketAddress({
          address: StringPrototypeSlice(address, 1, -1),
          port: port | 0,
          family: 'ipv6',
        });
      }
      return new SocketAddress({ address, port: port | 0 });
    } catch {
      return undefined;
    }
  }
}

function socketAddressFromClone(data) {
  return new SocketAddress(data);
}

module.exports = {
  SocketAddress,
  addressValue,
  socketAddressFromClone,
  familyIsV4,
  parseAddress,
  kValue,
  kIsV4,
};
