'use strict';

// TextEncoder and TextDecoder (WHATWG Encoding). Labels resolve through the
// table of the Encoding standard; UTF-8, UTF-16LE and windows-1252 decode on
// fast paths in C++, everything else (and streamed UTF-8/UTF-16) through an
// ICU converter that keeps the state between calls.

const {
  Boolean,
  ObjectDefineProperties,
  ObjectDefineProperty,
  SafeMap,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
  StringPrototypeToLowerCase,
  Symbol,
  SymbolToStringTag,
  TypeError,
  Uint32Array,
  Uint8Array,
} = primordials;

const {
  codes: {
    ERR_ENCODING_INVALID_ENCODED_DATA,
    ERR_ENCODING_NOT_SUPPORTED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const {
  customInspectSymbol: inspect,
  kEmptyObject,
  kEnumerableProperty,
} = require('internal/util');
const {
  isAnyArrayBuffer,
  isArrayBufferView,
  isUint8Array,
} = require('internal/util/types');
const {
  kValidateObjectAllowObjectsAndNull,
  validateObject,
  validateString,
} = require('internal/validators');

let binding;
function lazyBinding() {
  binding ??= internalBinding('encoding_binding');
  return binding;
}

let utilInspect;
function lazyInspect(value, options) {
  utilInspect ??= require('internal/util/inspect').inspect;
  return utilInspect(value, options);
}

// Shown by util.inspect with showHidden, as Node does.
const kFlags = Symbol('flags');
const kHandle = Symbol('handle');
const kFlagFatal = 0x2;
const kFlagIgnoreBOM = 0x4;

// The Encoding standard's labels, grouped by the encoding they name.
const kEncodingLabels = [
  ['utf-8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf8',
   'x-unicode20utf8'],
  ['ibm866', '866', 'cp866', 'csibm866'],
  ['iso-8859-2', 'csisolatin2', 'iso-ir-101', 'iso8859-2', 'iso88592',
   'iso_8859-2', 'iso_8859-2:1987', 'l2', 'latin2'],
  ['iso-8859-3', 'csisolatin3', 'iso-ir-109', 'iso8859-3', 'iso88593',
   'iso_8859-3', 'iso_8859-3:1988', 'l3', 'latin3'],
  ['iso-8859-4', 'csisolatin4', 'iso-ir-110', 'iso8859-4', 'iso88594',
   'iso_8859-4', 'iso_8859-4:1988', 'l4', 'latin4'],
  ['iso-8859-5', 'csisolatincyrillic', 'cyrillic', 'iso-ir-144',
   'iso8859-5', 'iso88595', 'iso_8859-5', 'iso_8859-5:1988'],
  ['iso-8859-6', 'arabic', 'asmo-708', 'csiso88596e', 'csiso88596i',
   'csisolatinarabic', 'ecma-114', 'iso-8859-6-e', 'iso-8859-6-i',
   'iso-ir-127', 'iso8859-6', 'iso88596', 'iso_8859-6', 'iso_8859-6:1987'],
  ['iso-8859-7', 'csisolatingreek', 'ecma-118', 'elot_928', 'greek',
   'greek8', 'iso-ir-126', 'iso8859-7', 'iso88597', 'iso_8859-7',
   'iso_8859-7:1987', 'sun_eu_greek'],
  ['iso-8859-8', 'csiso88598e', 'csisolatinhebrew', 'hebrew',
   'iso-8859-8-e', 'iso-ir-138', 'iso8859-8', 'iso88598', 'iso_8859-8',
   'iso_8859-8:1988', 'visual'],
  ['iso-8859-8-i', 'csiso88598i', 'logical'],
  ['iso-8859-10', 'csisolatin6', 'iso-ir-157', 'iso8859-10', 'iso885910',
   'l6', 'latin6'],
  ['iso-8859-13', 'iso8859-13', 'iso885913'],
  ['iso-8859-14', 'iso8859-14', 'iso885914'],
  ['iso-8859-15', 'csisolatin9', 'iso8859-15', 'iso885915', 'iso_8859-15',
   'l9'],
  ['iso-8859-16'],
  ['koi8-r', 'cskoi8r', 'koi', 'koi8', 'koi8_r'],
  ['koi8-u', 'koi8-ru'],
  ['macintosh', 'csmacintosh', 'mac', 'x-mac-roman'],
  ['windows-874', 'dos-874', 'iso-8859-11', 'iso8859-11', 'iso885911',
   'tis-620'],
  ['windows-1250', 'cp1250', 'x-cp1250'],
  ['windows-1251', 'cp1251', 'x-cp1251'],
  ['windows-1252', 'ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819',
   'csisolatin1', 'ibm819', 'iso-8859-1', 'iso-ir-100', 'iso8859-1',
   'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1',
   'us-ascii', 'x-cp1252'],
  ['windows-1253', 'cp1253', 'x-cp1253'],
  ['windows-1254', 'cp1254', 'csisolatin5', 'iso-8859-9', 'iso-ir-148',
   'iso8859-9', 'iso88599', 'iso_8859-9', 'iso_8859-9:1989', 'l5',
   'latin5', 'x-cp1254'],
  ['windows-1255', 'cp1255', 'x-cp1255'],
  ['windows-1256', 'cp1256', 'x-cp1256'],
  ['windows-1257', 'cp1257', 'x-cp1257'],
  ['windows-1258', 'cp1258', 'x-cp1258'],
  ['x-mac-cyrillic', 'x-mac-ukrainian'],
  ['gbk', 'chinese', 'csgb2312', 'csiso58gb231280', 'gb2312', 'gb_2312',
   'gb_2312-80', 'iso-ir-58', 'x-gbk'],
  ['gb18030'],
  ['big5', 'big5-hkscs', 'cn-big5', 'csbig5', 'x-x-big5'],
  ['euc-jp', 'cseucpkdfmtjapanese', 'x-euc-jp'],
  ['iso-2022-jp', 'csiso2022jp'],
  ['shift_jis', 'csshiftjis', 'ms932', 'ms_kanji', 'shift-jis', 'sjis',
   'windows-31j', 'x-sjis'],
  ['euc-kr', 'cseuckr', 'csksc56011987', 'iso-ir-149', 'korean',
   'ks_c_5601-1987', 'ks_c_5601-1989', 'ksc5601', 'ksc_5601',
   'windows-949'],
  ['utf-16be', 'unicodefffe'],
  ['utf-16le', 'csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode',
   'unicodefeff', 'utf-16'],
  // Known to the standard, not supported (as in Node).
  ['replacement', 'csiso2022kr', 'hz-gb-2312', 'iso-2022-cn',
   'iso-2022-cn-ext', 'iso-2022-kr'],
  ['x-user-defined'],
];

let encodingByLabel;
function labelTable() {
  if (encodingByLabel === undefined) {
    encodingByLabel = new SafeMap();
    for (let i = 0; i < kEncodingLabels.length; i++) {
      const names = kEncodingLabels[i];
      for (let j = 0; j < names.length; j++) {
        encodingByLabel.set(names[j], names[0]);
      }
    }
  }
  return encodingByLabel;
}

// ASCII whitespace as the Encoding standard trims it.
function isAsciiWhitespace(code) {
  return code === 0x09 || code === 0x0A || code === 0x0C || code === 0x0D ||
    code === 0x20;
}

function trimAsciiWhitespace(label) {
  let start = 0;
  let end = label.length;
  while (start < end && isAsciiWhitespace(StringPrototypeCharCodeAt(label, start))) start++;
  while (end > start && isAsciiWhitespace(StringPrototypeCharCodeAt(label, end - 1))) end--;
  return start === 0 && end === label.length ? label :
    StringPrototypeSlice(label, start, end);
}

// The encoding's name for a label, or undefined.
function getEncodingFromLabel(label) {
  const table = labelTable();
  const direct = table.get(label);
  if (direct !== undefined) return direct;
  return table.get(StringPrototypeToLowerCase(trimAsciiWhitespace(label)));
}

// --- TextEncoder. ----------------------------------------------------------------

let encodeIntoResults;

class TextEncoder {
  #brand = true;

  get encoding() {
    if (!isTextEncoder(this)) throw new ERR_INVALID_THIS('TextEncoder');
    return 'utf-8';
  }

  encode(input = '') {
    if (!isTextEncoder(this)) throw new ERR_INVALID_THIS('TextEncoder');
    return lazyBinding().encodeUtf8String(`${input}`);
  }

  encodeInto(src, dest) {
    if (!isTextEncoder(this)) throw new ERR_INVALID_THIS('TextEncoder');
    validateString(src, 'src');
    if (!dest || !isUint8Array(dest)) {
      throw new ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest);
    }
    encodeIntoResults ??= new Uint32Array(2);
    lazyBinding().encodeInto(src, dest, encodeIntoResults);
    return { read: encodeIntoResults[0], written: encodeIntoResults[1] };
  }

  [inspect](depth, opts) {
    if (!isTextEncoder(this)) throw new ERR_INVALID_THIS('TextEncoder');
    if (typeof depth === 'number' && depth < 0) {
      return opts.stylize('[TextEncoder]', 'special');
    }
    return lazyInspect({ encoding: 'utf-8' }, opts);
  }

  static isTextEncoder(value) {
    return typeof value === 'object' && value !== null && #brand in value;
  }
}

const { isTextEncoder } = TextEncoder;
delete TextEncoder.isTextEncoder;

ObjectDefineProperties(TextEncoder.prototype, {
  encode: kEnumerableProperty,
  encodeInto: kEnumerableProperty,
  encoding: kEnumerableProperty,
});
ObjectDefineProperty(TextEncoder.prototype, SymbolToStringTag, {
  __proto__: null, configurable: true, value: 'TextEncoder',
});

// --- TextDecoder. ----------------------------------------------------------------

// Node's decoders word a bad input differently on each path.
function codedTypeError(message) {
  // eslint-disable-next-line no-restricted-syntax
  const err = new TypeError(message);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

function isBufferSource(input) {
  return isAnyArrayBuffer(input) || isArrayBufferView(input);
}

function invalidData(encoding) {
  const err = new ERR_ENCODING_INVALID_ENCODED_DATA(encoding, undefined);
  delete err.errno;
  return err;
}

let emptyInput;

class TextDecoder {
  #encoding;
  #fatal;
  #ignoreBOM;
  // The ICU converter, made by the first call that needs one; kept after.
  #converter = undefined;

  constructor(encoding = 'utf-8', options = kEmptyObject) {
    encoding = `${encoding}`;
    validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);
    const name = getEncodingFromLabel(encoding);
    if (name === undefined) throw new ERR_ENCODING_NOT_SUPPORTED(encoding);
    this.#fatal = Boolean(options?.fatal);
    this.#ignoreBOM = Boolean(options?.ignoreBOM);
    this.#encoding = name;
    // An encoding without a decoder fails now, not at the first decode().
    if (name === 'replacement' || name === 'x-user-defined' ||
        (name !== 'utf-8' && name !== 'utf-16le' &&
         name !== 'windows-1252' && !lazyBinding().hasConverter(name))) {
      throw new ERR_ENCODING_NOT_SUPPORTED(name);
    }
  }

  decode(input = emptyInput ??= new Uint8Array(0), options = kEmptyObject) {
    if (!isTextDecoder(this)) throw new ERR_INVALID_THIS('TextDecoder');
    const b = lazyBinding();
    const encoding = this.#encoding;
    // Node's fast paths: taken until a streamed call made a converter, and
    // they do not look at the options beyond `stream`.
    if (this.#converter === undefined && !options?.stream) {
      if (encoding === 'utf-8') {
        if (!isBufferSource(input)) {
          throw codedTypeError('The "list" argument must be an instance of ' +
                               'SharedArrayBuffer, ArrayBuffer or ' +
                               'ArrayBufferView.');
        }
        const result = b.decodeUTF8(input, this.#ignoreBOM, this.#fatal);
        if (result === undefined) throw invalidData(encoding);
        return result;
      }
      if (encoding === 'windows-1252') {
        if (!isBufferSource(input)) {
          throw codedTypeError('The "input" argument must be an instance of ' +
                               'ArrayBuffer, SharedArrayBuffer, or ' +
                               'ArrayBufferView.');
        }
        return b.decodeLatin1(input, this.#ignoreBOM, this.#fatal);
      }
    }
    validateObject(options, 'options', kValidateObjectAllowObjectsAndNull);
    if (!isBufferSource(input)) {
      throw codedTypeError('The "input" argument must be an instance of ' +
                           'SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
    }
    const stream = Boolean(options?.stream);
    if (encoding === 'utf-16le' && !stream && this.#converter === undefined) {
      const result = b.decodeUTF16LE(input, this.#ignoreBOM, this.#fatal);
      if (result === undefined) throw invalidData(encoding);
      return result;
    }
    this.#converter ??= b.getConverter(encoding, this.#fatal, this.#ignoreBOM);
    if (this.#converter === undefined) {
      throw new ERR_ENCODING_NOT_SUPPORTED(encoding);
    }
    const result = b.decode(this.#converter, input, !stream);
    if (result === undefined) throw invalidData(encoding);
    return result;
  }

  get encoding() {
    if (!isTextDecoder(this)) throw new ERR_INVALID_THIS('TextDecoder');
    return this.#encoding;
  }

  get fatal() {
    if (!isTextDecoder(this)) throw new ERR_INVALID_THIS('TextDecoder');
    return this.#fatal;
  }

  get ignoreBOM() {
    if (!isTextDecoder(this)) throw new ERR_INVALID_THIS('TextDecoder');
    return this.#ignoreBOM;
  }

  [inspect](depth, opts) {
    if (!isTextDecoder(this)) throw new ERR_INVALID_THIS('TextDecoder');
    const name = this.constructor?.name ?? 'TextDecoder';
    if (typeof depth === 'number' && depth < 0) {
      return opts.stylize(`[${name}]`, 'special');
    }
    const obj = {
      encoding: this.#encoding,
      fatal: this.#fatal,
      ignoreBOM: this.#ignoreBOM,
    };
    if (opts.showHidden) {
      obj[kFlags] = (this.#fatal ? kFlagFatal : 0) |
        (this.#ignoreBOM ? kFlagIgnoreBOM : 0);
      obj[kHandle] = this.#converter;
    }
    return `${name} ${lazyInspect(obj, opts)}`;
  }

  static isTextDecoder(value) {
    return typeof value === 'object' && value !== null && #encoding in value;
  }
}

const { isTextDecoder } = TextDecoder;
delete TextDecoder.isTextDecoder;

ObjectDefineProperties(TextDecoder.prototype, {
  decode: kEnumerableProperty,
  encoding: kEnumerableProperty,
  fatal: kEnumerableProperty,
  ignoreBOM: kEnumerableProperty,
});
ObjectDefineProperty(TextDecoder.prototype, SymbolToStringTag, {
  __proto__: null, configurable: true, value: 'TextDecoder',
});

module.exports = {
  getEncodingFromLabel,
  TextDecoder,
  TextEncoder,
};
