'use strict';

// util.MIMEType and util.MIMEParams: a MIME type parsed and serialized as
// the MIME Sniffing standard says (https://mimesniff.spec.whatwg.org/),
// with setters that refuse what the parser could not have produced.
//
// Errors are ERR_INVALID_MIME_SYNTAX(production, input, index): `index` is
// the offset of the first offending code point in the part being checked
// (the type, the subtype, a parameter's name or value), -1 when the part is
// missing or empty.

const {
  ObjectDefineProperties,
  SafeMap,
  StringFromCharCode,
  TypeError,
  StringPrototypeCharCodeAt,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeToLowerCase,
  SymbolIterator,
} = primordials;

const {
  codes: { ERR_INVALID_MIME_SYNTAX },
} = require('internal/errors');

// HTTP token code points: !#$%&'*+-.^_`|~, digits and ASCII letters.
const kTokenCodePoints = (() => {
  const table = [];
  for (let code = 0; code < 128; code++) {
    table[code] = (code >= 0x30 && code <= 0x39) ||
      (code >= 0x41 && code <= 0x5A) || (code >= 0x61 && code <= 0x7A) ||
      StringPrototypeIndexOf("!#$%&'*+-.^_`|~", StringFromCharCode(code)) !==
        -1;
  }
  return table;
})();

function isTokenCodePoint(code) {
  return code < 128 && kTokenCodePoints[code];
}

// The offset of the first code point of `string` that is not an HTTP token
// code point, or -1.
function firstNonToken(string) {
  for (let i = 0; i < string.length; i++) {
    if (!isTokenCodePoint(StringPrototypeCharCodeAt(string, i))) return i;
  }
  return -1;
}

// HTTP quoted-string token code points: tab, 0x20-0x7E and 0x80-0xFF.
function firstNonQuotedStringCodePoint(string) {
  for (let i = 0; i < string.length; i++) {
    const code = StringPrototypeCharCodeAt(string, i);
    if (!(code === 0x09 || (code >= 0x20 && code <= 0x7E) ||
          (code >= 0x80 && code <= 0xFF))) {
      return i;
    }
  }
  return -1;
}

function isHTTPWhitespace(code) {
  return code === 0x20 || code === 0x09 || code === 0x0A || code === 0x0D;
}

// Reads a quoted-string starting at the '"' at `position`, unescaping
// backslashes; returns [value, position after it].
function collectQuotedString(input, position) {
  let value = '';
  position++;
  while (position < input.length) {
    const code = StringPrototypeCharCodeAt(input, position);
    if (code === 0x22) return [value, position + 1];
    if (code === 0x5C) {
      position++;
      if (position >= input.length) {
        value += '\\';
        break;
      }
    }
    value += input[position];
    position++;
  }
  return [value, position];
}

function trimTrailingWhitespace(string) {
  let end = string.length;
  while (end > 0 && isHTTPWhitespace(StringPrototypeCharCodeAt(string,
                                                               end - 1))) {
    end--;
  }
  return StringPrototypeSlice(string, 0, end);
}

// Throws unless `value` is a non-empty run of token code points.
function validateToken(production, value, input = value) {
  const index = value.length === 0 ? -1 : firstNonToken(value);
  if (value.length === 0 || index !== -1) {
    throw new ERR_INVALID_MIME_SYNTAX(production, input, index);
  }
}

// Parses the parameters of `input` from `position` (at a ';') into `map`;
// invalid and repeated parameters are skipped, as the standard says (fetch's
// Content-Type parsing uses it too).
function parseParameters(input, position, map) {
  const length = input.length;
  while (position < length) {
    position++;  // The ';'.
    while (position < length &&
           isHTTPWhitespace(StringPrototypeCharCodeAt(input, position))) {
      position++;
    }
    const nameStart = position;
    while (position < length) {
      const code = StringPrototypeCharCodeAt(input, position);
      if (code === 0x3B || code === 0x3D) break;  // ';' or '='
      position++;
    }
    const name = StringPrototypeToLowerCase(
      StringPrototypeSlice(input, nameStart, position));
    if (position < length) {
      if (StringPrototypeCharCodeAt(input, position) === 0x3B) continue;
      position++;  // The '='.
    }
    if (position >= length) break;
    let value;
    if (StringPrototypeCharCodeAt(input, position) === 0x22) {
      ({ 0: value, 1: position } = collectQuotedString(input, position));
      while (position < length &&
             StringPrototypeCharCodeAt(input, position) !== 0x3B) {
        position++;
      }
    } else {
      const valueStart = position;
      while (position < length &&
             StringPrototypeCharCodeAt(input, position) !== 0x3B) {
        position++;
      }
      value = trimTrailingWhitespace(
        StringPrototypeSlice(input, valueStart, position));
      if (value === '') continue;
    }
    if (name !== '' && firstNonToken(name) === -1 &&
        firstNonQuotedStringCodePoint(value) === -1 && !map.has(name)) {
      map.set(name, value);
    }
  }
}

function serializeValue(value) {
  if (value !== '' && firstNonToken(value) === -1) return value;
  let quoted = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    quoted += c === '"' || c === '\\' ? `\\${c}` : c;
  }
  return `${quoted}"`;
}

class MIMEParams {
  #data = new SafeMap();

  // Parameters given to the constructor are ignored, as in Node.
  constructor() {}  // eslint-disable-line no-useless-constructor

  static #check(params) {
    if (params === null || typeof params !== 'object' || !(#data in params)) {
      // Node's own error here has no code.
      throw new TypeError('Receiver must be an instance of class MIMEParams');
    }
    return params.#data;
  }

  delete(name) {
    MIMEParams.#check(this).delete(name);
  }

  get(name) {
    const data = MIMEParams.#check(this);
    return data.has(name) ? data.get(name) : null;
  }

  has(name) {
    return MIMEParams.#check(this).has(name);
  }

  set(name, value) {
    const data = MIMEParams.#check(this);
    name = `${name}`;
    value = `${value}`;
    validateToken('parameter name', name);
    const index = firstNonQuotedStringCodePoint(value);
    if (index !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('parameter value', value, index);
    }
    data.set(name, value);
  }

  *entries() {
    yield* MIMEParams.#check(this);
  }

  *keys() {
    for (const { 0: name } of MIMEParams.#check(this)) yield name;
  }

  *values() {
    for (const { 1: value } of MIMEParams.#check(this)) yield value;
  }

  toString() {
    let out = '';
    for (const { 0: name, 1: value } of MIMEParams.#check(this)) {
      if (out !== '') out += ';';
      out += `${name}=${serializeValue(value)}`;
    }
    return out;
  }

  // The map of a MIMEType's parameters, filled by its parser.
  static getData(params) {
    return params.#data;
  }
}

const { getData: getParamsData } = MIMEParams;
delete MIMEParams.getData;

ObjectDefineProperties(MIMEParams.prototype, {
  [SymbolIterator]: {
    __proto__: null,
    configurable: true,
    writable: true,
    value: MIMEParams.prototype.entries,
  },
  toJSON: {
    __proto__: null,
    configurable: true,
    writable: true,
    value: MIMEParams.prototype.toString,
  },
});

class MIMEType {
  #type;
  #subtype;
  #parameters;

  constructor(string) {
    string = `${string}`;
    const length = string.length;
    let start = 0;
    let end = length;
    while (start < end &&
           isHTTPWhitespace(StringPrototypeCharCodeAt(string, start))) start++;
    while (end > start &&
           isHTTPWhitespace(StringPrototypeCharCodeAt(string, end - 1))) end--;

    const slash = StringPrototypeIndexOf(string, '/', start);
    if (slash === -1 || slash >= end) {
      // No subtype: the type is what there is, or nothing.
      const type = StringPrototypeSlice(string, start, end);
      const index = firstNonToken(type);
      throw new ERR_INVALID_MIME_SYNTAX('type', string,
                                        type === '' ? -1 : index);
    }
    const type = StringPrototypeSlice(string, start, slash);
    validateToken('type', type, string);

    let semicolon = StringPrototypeIndexOf(string, ';', slash + 1);
    if (semicolon === -1 || semicolon > end) semicolon = end;
    const subtype = trimTrailingWhitespace(
      StringPrototypeSlice(string, slash + 1, semicolon));
    validateToken('subtype', subtype, string);

    this.#type = StringPrototypeToLowerCase(type);
    this.#subtype = StringPrototypeToLowerCase(subtype);
    this.#parameters = new MIMEParams();
    parseParameters(StringPrototypeSlice(string, 0, end), semicolon,
                    getParamsData(this.#parameters));
  }

  get type() {
    return this.#type;
  }

  set type(value) {
    value = `${value}`;
    validateToken('type', value);
    this.#type = StringPrototypeToLowerCase(value);
  }

  get subtype() {
    return this.#subtype;
  }

  set subtype(value) {
    value = `${value}`;
    validateToken('subtype', value);
    this.#subtype = StringPrototypeToLowerCase(value);
  }

  get essence() {
    return `${this.#type}/${this.#subtype}`;
  }

  get params() {
    return this.#parameters;
  }

  toString() {
    const essence = `${this.#type}/${this.#subtype}`;
    const params = `${this.#parameters}`;
    return params === '' ? essence : `${essence};${params}`;
  }
}

ObjectDefineProperties(MIMEType.prototype, {
  toJSON: {
    __proto__: null,
    configurable: true,
    writable: true,
    value: MIMEType.prototype.toString,
  },
});

module.exports = {
  MIMEParams,
  MIMEType,
  isHTTPWhitespace,
  parseParameters,
};
