'use strict';

// net.BlockList: rules (single addresses, ranges, subnets) that check()
// matches an address against. Addresses compare as 128-bit numbers, IPv4
// ones in their IPv4-mapped IPv6 form, so an IPv4 rule matches ::ffff:a.b.c.d
// and an IPv4-mapped IPv6 rule matches the IPv4 address.

const {
  ArrayIsArray,
  ArrayPrototypeUnshift,
  BigInt,
  JSONParse,
  NumberParseInt,
  ObjectPrototypeHasOwnProperty,
  RegExpPrototypeExec,
  Symbol,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  validateInt32,
  validateString,
} = require('internal/validators');
const {
  SocketAddress,
  addressValue,
  familyIsV4,
  kIsV4,
  kValue,
} = require('internal/socketaddress');
const {
  kClone,
  makeCloneable,
} = require('internal/worker/js_transferable');

const kRules = Symbol('kRules');
const { customInspectSymbol: kInspect } = require('internal/util');

// A SocketAddress, or a SocketAddress made of (address, family) after the
// checks Node does (`name` names the address argument).
function toSocketAddress(address, family, name) {
  if (SocketAddress.isSocketAddress(address)) return address;
  validateString(address, name);
  validateString(family, 'family');
  if (familyIsV4(family) === undefined) {
    throw new ERR_INVALID_ARG_VALUE('family', family);
  }
  return new SocketAddress({ address, family });
}

function familyName(sa) {
  return sa[kIsV4] ? 'IPv4' : 'IPv6';
}

class BlockList {
  constructor() {
    // An object postMessage() and structuredClone() copy as a BlockList
    // (see [kClone]).
    const self = makeCloneable(new.target);
    self[kRules] = [];
    return self;
  }

  // A copy gets the rules (plain data: bigints and text).
  [kClone]() {
    return {
      data: this[kRules],
      deserializeInfo: 'internal/blocklist:blockListFromClone',
    };
  }

  static isBlockList(value) {
    return value != null && typeof value === 'object' &&
      ObjectPrototypeHasOwnProperty(value, kRules);
  }

  [kInspect](depth, options, inspect) {
    if (depth < 0) return '[BlockList]';
    const opts = { ...options, depth: options.depth == null ? null :
      options.depth - 1 };
    return `BlockList ${inspect({ rules: this.rules }, opts)}`;
  }

  addAddress(address, family = 'ipv4') {
    const sa = toSocketAddress(address, family, 'address');
    ArrayPrototypeUnshift(this[kRules], {
      low: sa[kValue], high: sa[kValue],
      text: `Address: ${familyName(sa)} ${sa.address}`,
    });
  }

  addRange(start, end, family = 'ipv4') {
    const first = toSocketAddress(start, family, 'start');
    const last = toSocketAddress(end, family, 'end');
    if (first[kValue] > last[kValue]) {
      throw new ERR_INVALID_ARG_VALUE('start', first, 'must come before end');
    }
    ArrayPrototypeUnshift(this[kRules], {
      low: first[kValue], high: last[kValue],
      text: `Range: ${familyName(first)} ${first.address}-${last.address}`,
    });
  }

  addSubnet(network, prefix, family = 'ipv4') {
    let sa;
    if (SocketAddress.isSocketAddress(network)) {
      sa = network;
      validateInt32(prefix, 'prefix', 0, sa[kIsV4] ? 32 : 128);
    } else {
      validateString(network, 'network');
      validateString(family, 'family');
      const isV4 = familyIsV4(family);
      if (isV4 === undefined) throw new ERR_INVALID_ARG_VALUE('family', family);
      validateInt32(prefix, 'prefix', 0, isV4 ? 32 : 128);
      sa = new SocketAddress({ address: network, family });
    }
    // In the 128-bit space an IPv4 prefix covers the 96 mapped bits too.
    const bits = BigInt(sa[kIsV4] ? prefix + 96 : prefix);
    const hostMask = (1n << (128n - bits)) - 1n;
    const low = sa[kValue] & ~hostMask;
    ArrayPrototypeUnshift(this[kRules], {
      low, high: low | hostMask,
      text: `Subnet: ${familyName(sa)} ${sa.address}/${prefix}`,
    });
  }

  // Asked for every connection and datagram a blocklist guards: a text
  // address is read for its value only, without making a SocketAddress.
  check(address, family = 'ipv4') {
    let value;
    if (SocketAddress.isSocketAddress(address)) {
      value = address[kValue];
    } else {
      validateString(address, 'address');
      validateString(family, 'family');
      const isV4 = familyIsV4(family);
      if (isV4 === undefined) return false;
      value = addressValue(address, isV4);
      // Not an address of that family: nothing to match.
      if (value === undefined) return false;
    }
    const rules = this[kRules];
    for (let i = 0; i < rules.length; i++) {
      if (value >= rules[i].low && value <= rules[i].high) return true;
    }
    return false;
  }

  get rules() {
    const rules = this[kRules];
    const texts = [];
    for (let i = 0; i < rules.length; i++) texts[i] = rules[i].text;
    return texts;
  }

  toJSON() {
    return this.rules;
  }

  // Rules as `rules` lists them (an array, or its JSON text); a rule that
  // does not parse is skipped.
  fromJSON(data) {
    const invalid = () =>
      new ERR_INVALID_ARG_TYPE('data', ['string', 'string[]'], data);
    if (typeof data === 'string') {
      try {
        data = JSONParse(data);
      } catch {
        throw invalid();
      }
    }
    if (!ArrayIsArray(data)) throw invalid();
    for (let i = 0; i < data.length; i++) {
      if (typeof data[i] !== 'string') throw invalid();
    }
    for (let i = 0; i < data.length; i++) addRuleText(this, data[i]);
  }
}

// Adds the rule one line of toJSON() describes; a line that is not one is
// ignored. (A function, not a private method: instances come from
// makeCloneable(), so they carry no private brand.)
function addRuleText(list, text) {
  const match = RegExpPrototypeExec(
    /^(Address|Range|Subnet): (IPv4|IPv6) (\S+)$/, text);
  if (match === null) return;
  const family = match[2] === 'IPv4' ? 'ipv4' : 'ipv6';
  const value = match[3];
  try {
    if (match[1] === 'Address') {
      list.addAddress(value, family);
    } else if (match[1] === 'Range') {
      const dash = RegExpPrototypeExec(/^([^-]+)-([^-]+)$/, value);
      if (dash !== null) list.addRange(dash[1], dash[2], family);
    } else {
      const slash = RegExpPrototypeExec(/^([^/]+)\/(\d+)$/, value);
      if (slash !== null) {
        list.addSubnet(slash[1], NumberParseInt(slash[2], 10), family);
      }
    }
  } catch {
    // An invalid rule is ignored.
  }
}

function blockListFromClone(rules) {
  const list = new BlockList();
  list[kRules] = rules;
  return list;
}

module.exports = { BlockList, blockListFromClone };
