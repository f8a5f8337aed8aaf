'use strict';

// util.inspect() and util.format().
//
// The printer walks a value recursively. Every object is turned into a list
// of entry strings (array items, "key: value" pairs, map entries...) plus a
// pair of braces and an optional "base" (what comes before the braces, e.g.
// the stack of an error or the text of a RegExp). `joinEntries()` then
// decides whether those entries fit on one line, are grouped into columns, or
// each get their own line.

const {
  AggregateError,
  Array,
  ArrayBuffer,
  ArrayIsArray,
  ArrayPrototype,
  ArrayPrototypeFilter,
  ArrayPrototypeIncludes,
  ArrayPrototypeIndexOf,
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ArrayPrototypePop,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSort,
  ArrayPrototypeSplice,
  BigIntPrototypeToString,
  BigIntPrototypeValueOf,
  Boolean,
  BooleanPrototypeValueOf,
  DataView,
  Date,
  DatePrototypeGetTime,
  DatePrototypeToISOString,
  DatePrototypeToString,
  Error,
  ErrorPrototypeToString,
  Function,
  FunctionPrototypeCall,
  FunctionPrototypeSymbolHasInstance,
  FunctionPrototypeToString,
  JSONStringify,
  Map,
  MapPrototypeEntries,
  MapPrototypeGetSize,
  MathFloor,
  MathMax,
  MathMin,
  MathRound,
  MathSqrt,
  MathTrunc,
  Number,
  NumberIsFinite,
  NumberIsNaN,
  NumberParseFloat,
  NumberParseInt,
  NumberPrototypeToString,
  NumberPrototypeValueOf,
  Object,
  ObjectAssign,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetOwnPropertyNames,
  ObjectGetOwnPropertySymbols,
  ObjectGetPrototypeOf,
  ObjectIs,
  ObjectKeys,
  ObjectPrototype,
  ObjectPrototypeHasOwnProperty,
  ObjectPrototypePropertyIsEnumerable,
  ObjectPrototypeToString,
  ObjectSeal,
  ObjectSetPrototypeOf,
  ReflectOwnKeys,
  Promise,
  RangeError,
  RegExp,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  RegExpPrototypeSymbolSplit,
  RegExpPrototypeToString,
  SafeMap,
  SafeSet,
  SafeStringIterator,
  Set,
  SetPrototypeGetSize,
  SetPrototypeValues,
  String,
  StringPrototypeCharCodeAt,
  StringPrototypeCodePointAt,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypeLastIndexOf,
  StringPrototypeNormalize,
  StringPrototypePadEnd,
  StringPrototypePadStart,
  StringPrototypeRepeat,
  StringPrototypeReplace,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
  StringPrototypeToLowerCase,
  StringPrototypeToUpperCase,
  StringPrototypeValueOf,
  SymbolFor,
  SymbolIterator,
  SymbolPrototypeToString,
  SymbolPrototypeValueOf,
  SymbolToPrimitive,
  SymbolToStringTag,
  TypeError,
  TypedArray,
  TypedArrayPrototypeGetLength,
  TypedArrayPrototypeGetSymbolToStringTag,
  Uint8Array,
  WeakMap,
  WeakSet,
  encodeURIComponent,
  globalThis,
} = primordials;

const {
  constants: {
    ALL_PROPERTIES,
    ONLY_ENUMERABLE,
    kPending,
    kRejected,
  },
  getArrayShape,
  getOwnNonIndexProperties,
  getPromiseDetails,
  getProxyDetails,
  previewEntries,
  getConstructorName: v8ConstructorName,
  getExternalValue,
} = internalBinding('util');
// 1: an ordinary object, no exotic behaviour nor internal slots.
const { plainKind } = internalBinding('messaging');
const kOrdinaryObject = 1;

const {
  isAsyncFunction,
  isGeneratorFunction,
  isAnyArrayBuffer,
  isArrayBuffer,
  isArgumentsObject,
  isBoxedPrimitive,
  isDataView,
  isExternal,
  isMap,
  isMapIterator,
  isModuleNamespaceObject,
  isNativeError,
  isPromise,
  isSet,
  isSetIterator,
  isWeakMap,
  isWeakSet,
  isRegExp,
  isDate,
  isTypedArray,
  isStringObject,
  isNumberObject,
  isBooleanObject,
  isBigIntObject,
} = require('internal/util/types');

// Lazily loaded: internal/errors itself uses inspect().
let errorCodes;
function lazyErrorCodes() {
  errorCodes ??= require('internal/errors').codes;
  return errorCodes;
}

const customInspectSymbol = SymbolFor('nodejs.util.inspect.custom');

// ---------------------------------------------------------------------------
// Options

// Kept in the same key order as the object handed to custom inspect
// functions (see optionsForCustomInspect()).
const inspectDefaultOptions = ObjectSeal({
  showHidden: false,
  depth: 2,
  colors: false,
  customInspect: true,
  showProxy: false,
  maxArrayLength: 100,
  maxStringLength: 10000,
  breakLength: 80,
  compact: 3,
  sorted: false,
  getters: false,
  numericSeparator: false,
});

// How the entries of an object are laid out.
const kObjectType = 0;      // "key: value" pairs
const kArrayType = 1;       // a bare array item (no key printed)
const kArrayExtrasType = 2; // array-like: items may be grouped in columns

// Which kind of preview list an iterator or weak collection produced.
const kWeak = 0;
const kIterator = 1;
const kMapEntries = 2;

// Strings shorter than this are never split over several lines.
const kMinLineLength = 16;

// `document.all`-like objects: typeof says undefined although they are not.
function isUndetectableObject(v) {
  return typeof v === 'undefined' && v !== undefined;
}

function isError(e) {
  // Native errors from other realms are not `instanceof Error`, and user
  // classes inheriting from Error need not be native errors.
  return isNativeError(e) || FunctionPrototypeSymbolHasInstance(Error, e);
}

// Names of the capitalised globals (Object, Map, Uint8Array...). Prototype
// chains that reach one of these are considered built in.
const builtInObjects = new SafeSet(
  ArrayPrototypeFilter(
    ObjectGetOwnPropertyNames(globalThis),
    (name) => RegExpPrototypeExec(/^[A-Z][a-zA-Z0-9]+$/, name) !== null,
  ),
);

// ---------------------------------------------------------------------------
// Colors

const kFgReset = 39;
const kBgReset = 49;

const colors = {
  __proto__: null,
  reset: [0, 0],
  bold: [1, 22],
  dim: [2, 22],
  italic: [3, 23],
  underline: [4, 24],
  blink: [5, 25],
  inverse: [7, 27],
  hidden: [8, 28],
  strikethrough: [9, 29],
  doubleunderline: [21, 24],
  black: [30, kFgReset],
  red: [31, kFgReset],
  green: [32, kFgReset],
  yellow: [33, kFgReset],
  blue: [34, kFgReset],
  magenta: [35, kFgReset],
  cyan: [36, kFgReset],
  white: [37, kFgReset],
  bgBlack: [40, kBgReset],
  bgRed: [41, kBgReset],
  bgGreen: [42, kBgReset],
  bgYellow: [43, kBgReset],
  bgBlue: [44, kBgReset],
  bgMagenta: [45, kBgReset],
  bgCyan: [46, kBgReset],
  bgWhite: [47, kBgReset],
  framed: [51, 54],
  overlined: [53, 55],
  gray: [90, kFgReset],
  redBright: [91, kFgReset],
  greenBright: [92, kFgReset],
  yellowBright: [93, kFgReset],
  blueBright: [94, kFgReset],
  magentaBright: [95, kFgReset],
  cyanBright: [96, kFgReset],
  whiteBright: [97, kFgReset],
  bgGray: [100, kBgReset],
  bgRedBright: [101, kBgReset],
  bgGreenBright: [102, kBgReset],
  bgYellowBright: [103, kBgReset],
  bgBlueBright: [104, kBgReset],
  bgMagentaBright: [105, kBgReset],
  bgCyanBright: [106, kBgReset],
  bgWhiteBright: [107, kBgReset],
};

// Alternative spellings: non-enumerable accessors forwarding to the main one.
const colorAliases = [
  ['grey', 'gray'], ['blackBright', 'gray'],
  ['bgGrey', 'bgGray'], ['bgBlackBright', 'bgGray'],
  ['faint', 'dim'],
  ['crossedout', 'strikethrough'], ['strikeThrough', 'strikethrough'],
  ['crossedOut', 'strikethrough'],
  ['conceal', 'hidden'],
  ['swapColors', 'inverse'], ['swapcolors', 'inverse'],
  ['doubleUnderline', 'doubleunderline'],
];
for (let i = 0; i < colorAliases.length; i++) {
  const { 0: alias, 1: target } = colorAliases[i];
  ObjectDefineProperty(colors, alias, {
    __proto__: null,
    get() { return this[target]; },
    set(value) { this[target] = value; },
    configurable: true,
    enumerable: false,
  });
}

// Style name -> color name. 'name' (plain keys) is deliberately unstyled.
const styles = ObjectAssign({ __proto__: null }, {
  special: 'cyan',
  number: 'yellow',
  bigint: 'yellow',
  boolean: 'yellow',
  undefined: 'grey',
  null: 'bold',
  string: 'green',
  symbol: 'green',
  date: 'magenta',
  regexp: 'red',
  module: 'underline',
});

function stylizeWithColor(str, styleType) {
  const colorName = inspect.styles[styleType];
  if (colorName !== undefined) {
    const codes = inspect.colors[colorName];
    if (codes !== undefined) {
      return `\u001b[${codes[0]}m${str}\u001b[${codes[1]}m`;
    }
  }
  return str;
}

function stylizeNoColor(str) {
  return str;
}

const sgrRegExp = /\u001b\[\d\d?m/g; // eslint-disable-line no-control-regex

function removeColors(str) {
  return StringPrototypeReplace(str, sgrRegExp, '');
}

// ---------------------------------------------------------------------------
// Entry point

function inspect(value, opts) {
  const ctx = {
    budget: [],
    indentationLvl: 0,
    seen: [],
    currentDepth: 0,
    stylize: stylizeNoColor,
    showHidden: inspectDefaultOptions.showHidden,
    depth: inspectDefaultOptions.depth,
    colors: inspectDefaultOptions.colors,
    customInspect: inspectDefaultOptions.customInspect,
    showProxy: inspectDefaultOptions.showProxy,
    maxArrayLength: inspectDefaultOptions.maxArrayLength,
    maxStringLength: inspectDefaultOptions.maxStringLength,
    breakLength: inspectDefaultOptions.breakLength,
    compact: inspectDefaultOptions.compact,
    sorted: inspectDefaultOptions.sorted,
    getters: inspectDefaultOptions.getters,
    numericSeparator: inspectDefaultOptions.numericSeparator,
  };
  const argc = arguments.length;
  if (argc > 1) {
    // The old signature: inspect(value, showHidden, depth, colors).
    if (argc > 2 && arguments[2] !== undefined) ctx.depth = arguments[2];
    if (argc > 3 && arguments[3] !== undefined) ctx.colors = arguments[3];
    if (typeof opts === 'boolean') {
      ctx.showHidden = opts;
    } else if (opts) {
      const names = ObjectKeys(opts);
      for (let i = 0; i < names.length; i++) {
        const name = names[i];
        if (name === 'stylize' ||
            ObjectPrototypeHasOwnProperty(inspectDefaultOptions, name)) {
          ctx[name] = opts[name];
        } else if (ctx.userOptions === undefined) {
          // Unknown keys are passed on untouched to custom inspect functions.
          ctx.userOptions = opts;
        }
      }
    }
  }
  if (ctx.colors) ctx.stylize = stylizeWithColor;
  if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
  if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  return formatValue(ctx, value, 0);
}

inspect.custom = customInspectSymbol;
inspect.colors = colors;
inspect.styles = styles;

ObjectDefineProperty(inspect, 'defaultOptions', {
  __proto__: null,
  get() {
    return inspectDefaultOptions;
  },
  set(options) {
    if (options === null || typeof options !== 'object' ||
        ArrayIsArray(options)) {
      throw new (lazyErrorCodes().ERR_INVALID_ARG_TYPE)(
        'options', 'object', options);
    }
    return ObjectAssign(inspectDefaultOptions, options);
  },
});

// The options object a custom [inspect.custom]() receives.
function optionsForCustomInspect(ctx, foreign) {
  const options = {
    stylize: ctx.stylize,
    showHidden: ctx.showHidden,
    depth: ctx.depth,
    colors: ctx.colors,
    customInspect: ctx.customInspect,
    showProxy: ctx.showProxy,
    maxArrayLength: ctx.maxArrayLength,
    maxStringLength: ctx.maxStringLength,
    breakLength: ctx.breakLength,
    compact: ctx.compact,
    sorted: ctx.sorted,
    getters: ctx.getters,
    numericSeparator: ctx.numericSeparator,
    ...ctx.userOptions,
  };
  if (foreign) {
    // The object may come from another context: give it nothing of ours
    // except primitives and a wrapped stylize().
    ObjectSetPrototypeOf(options, null);
    const names = ObjectKeys(options);
    for (let i = 0; i < names.length; i++) {
      const v = options[names[i]];
      if ((typeof v === 'object' || typeof v === 'function') && v !== null) {
        delete options[names[i]];
      }
    }
    options.stylize = ObjectSetPrototypeOf((text, styleType) => {
      let out;
      try {
        out = `${ctx.stylize(text, styleType)}`;
      } catch {
        // Fall through and return the text unstyled.
      }
      return typeof out === 'string' ? out : text;
    }, null);
  }
  return options;
}

// ---------------------------------------------------------------------------
// Strings

// Escapes for code units 0x00-0x9f; '' means "print as is".
const escapeTable = [];
for (let c = 0; c < 0xa0; c++) {
  let e = '';
  if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
    e = `\\x${StringPrototypePadStart(
      StringPrototypeToUpperCase(NumberPrototypeToString(c, 16)), 2, '0')}`;
  }
  ArrayPrototypePush(escapeTable, e);
}
escapeTable[0x08] = '\\b';
escapeTable[0x09] = '\\t';
escapeTable[0x0a] = '\\n';
escapeTable[0x0c] = '\\f';
escapeTable[0x0d] = '\\r';
escapeTable[0x27] = "\\'";
escapeTable[0x5c] = '\\\\';

/* eslint-disable no-control-regex, max-len */
// Anything needing an escape: controls, C1, the backslash, lone surrogates,
// and (in the first variant) the single quote.
const needsEscapeQ = /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const needsEscapeQAll = /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const needsEscape = /[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const needsEscapeAll = /[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex, max-len */

function escapeCodeUnit(ch) {
  const code = StringPrototypeCharCodeAt(ch);
  if (code < escapeTable.length) return escapeTable[code];
  return `\\u${NumberPrototypeToString(code, 16)}`;
}

const kQuoteSingle = 0x27;
const kQuoteDouble = -1;
const kQuoteBacktick = -2;

function quote(str, kind) {
  if (kind === kQuoteDouble) return `"${str}"`;
  if (kind === kQuoteBacktick) return `\`${str}\``;
  return `'${str}'`;
}

// Quotes a string: single quotes by default; double quotes when it contains
// a single quote but no double quote; backticks when it contains both but no
// backtick or "${". Only the chosen quote character is escaped.
function strEscape(str) {
  // Short printable ASCII without a quote or backslash, the common case, is
  // quoted as is (a charCode loop is cheaper than the regular expression).
  if (str.length < 64) {
    let i = 0;
    for (; i < str.length; i++) {
      const code = StringPrototypeCharCodeAt(str, i);
      if (code < 0x20 || code > 0x7e || code === 0x27 || code === 0x5c) break;
    }
    if (i === str.length) return `'${str}'`;
  }
  let kind = kQuoteSingle;
  let test = needsEscapeQ;
  let replacer = needsEscapeQAll;
  if (StringPrototypeIncludes(str, "'")) {
    if (!StringPrototypeIncludes(str, '"')) {
      kind = kQuoteDouble;
    } else if (!StringPrototypeIncludes(str, '`') &&
               !StringPrototypeIncludes(str, '${')) {
      kind = kQuoteBacktick;
    }
    if (kind !== kQuoteSingle) {
      test = needsEscape;
      replacer = needsEscapeAll;
    }
  }

  if (str.length < 5000 && RegExpPrototypeExec(test, str) === null) {
    return quote(str, kind);
  }
  if (str.length > 100) {
    return quote(RegExpPrototypeSymbolReplace(replacer, str, escapeCodeUnit),
                 kind);
  }

  let out = '';
  let from = 0;
  const len = str.length;
  for (let i = 0; i < len; i++) {
    const code = StringPrototypeCharCodeAt(str, i);
    if (code === kind || code === 0x5c || code < 0x20 ||
        (code > 0x7e && code < 0xa0)) {
      out += StringPrototypeSlice(str, from, i) + escapeTable[code];
      from = i + 1;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      if (code <= 0xdbff && i + 1 < len) {
        const next = StringPrototypeCharCodeAt(str, i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          i++;
          continue;
        }
      }
      out += `${StringPrototypeSlice(str, from, i)}\\u${
        NumberPrototypeToString(code, 16)}`;
      from = i + 1;
    }
  }
  if (from !== len) out += StringPrototypeSlice(str, from);
  return quote(out, kind);
}

function joinList(list, separator) {
  let out = '';
  const last = list.length - 1;
  for (let i = 0; i < last; i++) {
    out += list[i];
    out += separator;
  }
  if (last >= 0) out += list[last];
  return out;
}

function moreItems(count) {
  return `... ${count} more item${count > 1 ? 's' : ''}`;
}

// ---------------------------------------------------------------------------
// Primitives

// Inserts '_' every three digits from the right ("-1234567" -> "-1_234_567").
function groupDigitsFromRight(digits) {
  const stop = digits[0] === '-' ? 1 : 0;
  let i = digits.length;
  if (i < stop + 4) return digits;
  let tail = '';
  for (; i >= stop + 4; i -= 3) {
    tail = `_${StringPrototypeSlice(digits, i - 3, i)}${tail}`;
  }
  return `${StringPrototypeSlice(digits, 0, i)}${tail}`;
}

// Inserts '_' every three digits from the left, for fractions.
function groupDigitsFromLeft(digits) {
  let out = '';
  let i = 0;
  for (; i < digits.length - 3; i += 3) {
    out += `${StringPrototypeSlice(digits, i, i + 3)}_`;
  }
  return i === 0 ? digits : `${out}${StringPrototypeSlice(digits, i)}`;
}

function formatNumber(stylize, number, numericSeparator) {
  if (!numericSeparator) {
    if (ObjectIs(number, -0)) return stylize('-0', 'number');
    return stylize(`${number}`, 'number');
  }
  const text = String(number);
  if (MathTrunc(number) === number) {
    if (!NumberIsFinite(number) || StringPrototypeIncludes(text, 'e')) {
      return stylize(text, 'number');
    }
    return stylize(groupDigitsFromRight(text), 'number');
  }
  if (NumberIsNaN(number)) return stylize(text, 'number');
  const dot = StringPrototypeIndexOf(text, '.');
  const whole = groupDigitsFromRight(StringPrototypeSlice(text, 0, dot));
  const fraction = groupDigitsFromLeft(StringPrototypeSlice(text, dot + 1));
  return stylize(`${whole}.${fraction}`, 'number');
}

function formatBigInt(stylize, bigint, numericSeparator) {
  const text = String(bigint);
  return stylize(
    `${numericSeparator ? groupDigitsFromRight(text) : text}n`, 'bigint');
}

function formatPrimitive(stylize, value, ctx) {
  switch (typeof value) {
    case 'string': {
      let trailer = '';
      if (value.length > ctx.maxStringLength) {
        const rest = value.length - ctx.maxStringLength;
        value = StringPrototypeSlice(value, 0, ctx.maxStringLength);
        trailer = `... ${rest} more character${rest > 1 ? 's' : ''}`;
      }
      // Long strings are split after each newline into 'a\n' + 'b' pieces.
      if (ctx.compact !== true &&
          value.length > kMinLineLength &&
          value.length > ctx.breakLength - ctx.indentationLvl - 4) {
        const pieces = RegExpPrototypeSymbolSplit(/(?<=\n)/, value);
        const quoted = ArrayPrototypeMap(
          pieces, (piece) => stylize(strEscape(piece), 'string'));
        const pad = StringPrototypeRepeat(' ', ctx.indentationLvl + 2);
        const glue = ` +\n${pad}`;
        return ArrayPrototypeJoin(quoted, glue) + trailer;
      }
      return stylize(strEscape(value), 'string') + trailer;
    }
    case 'number':
      return formatNumber(stylize, value, ctx.numericSeparator);
    case 'bigint':
      return formatBigInt(stylize, value, ctx.numericSeparator);
    case 'boolean':
      return stylize(`${value}`, 'boolean');
    case 'undefined':
      return stylize('undefined', 'undefined');
    default:
      return stylize(SymbolPrototypeToString(value), 'symbol');
  }
}

// ---------------------------------------------------------------------------
// Constructor names and prefixes

function safeInstanceOf(object, ctor) {
  try {
    return object instanceof ctor;
  } catch {
    return false;
  }
}

// Built-in prototypes recognised even when their `constructor` property was
// replaced or deleted.
const knownPrototypes = new SafeMap();
{
  const list = [
    ['Array', Array], ['ArrayBuffer', ArrayBuffer], ['Function', Function],
    ['Map', Map], ['Set', Set], ['Object', Object], ['TypedArray', TypedArray],
    ['RegExp', RegExp], ['Date', Date], ['DataView', DataView],
    ['Error', Error], ['AggregateError', AggregateError],
    ['RangeError', RangeError], ['TypeError', TypeError],
    ['Boolean', Boolean], ['Number', Number], ['String', String],
    ['Promise', Promise], ['WeakMap', WeakMap], ['WeakSet', WeakSet],
  ];
  for (let i = 0; i < list.length; i++) {
    const { 0: name, 1: ctor } = list[i];
    knownPrototypes.set(ctor.prototype, { name, ctor });
  }
}

// getConstructorName()'s answer for the usual case, found without looking
// up a descriptor, the known-prototypes map or an instanceof walk: an object
// (not a proxy) without an own `constructor` whose prototype is
// Object.prototype or Array.prototype. Those two are never the object
// itself, and the object is trivially an instance of their constructor.
// '' otherwise, to take the general path.
function plainConstructorName(obj) {
  if (ObjectPrototypeHasOwnProperty(obj, 'constructor')) return '';
  const proto = ObjectGetPrototypeOf(obj);
  if (proto === ObjectPrototype) return 'Object';
  if (proto === ArrayPrototype) return 'Array';
  return '';
}

// Returns the name of the closest constructor in the prototype chain of
// `obj` (null for a null-prototype object). When `protoEntries` is an array,
// user-defined data properties of the prototypes are appended to it.
function getConstructorName(obj, ctx, recurseTimes, protoEntries) {
  let firstProto;
  const start = obj;
  while (obj || isUndetectableObject(obj)) {
    // `start` itself is skipped: a built-in prototype is never an instance
    // of its own constructor (C.prototype is fixed and not in its own
    // chain), so looking it up could only miss.
    const known = obj !== start ? knownPrototypes.get(obj) : undefined;
    if (known !== undefined &&
        FunctionPrototypeSymbolHasInstance(known.ctor, start)) {
      if (protoEntries !== undefined && firstProto !== obj) {
        addPrototypeEntries(
          ctx, start, firstProto || start, recurseTimes, protoEntries);
      }
      return known.name;
    }
    const desc = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
    if (desc !== undefined &&
        typeof desc.value === 'function' &&
        desc.value.name !== '' &&
        safeInstanceOf(start, desc.value)) {
      if (protoEntries !== undefined &&
          (firstProto !== obj || !builtInObjects.has(desc.value.name))) {
        addPrototypeEntries(
          ctx, start, firstProto || start, recurseTimes, protoEntries);
      }
      return String(desc.value.name);
    }
    obj = ObjectGetPrototypeOf(obj);
    if (firstProto === undefined) firstProto = obj;
  }

  if (firstProto === null) return null;

  // No usable constructor anywhere: describe the chain instead.
  const v8Name = v8ConstructorName(start);
  if (recurseTimes > ctx.depth && ctx.depth !== null) {
    return `${v8Name} <Complex prototype>`;
  }
  const protoName = getConstructorName(
    firstProto, ctx, recurseTimes + 1, protoEntries);
  if (protoName === null) {
    const shown = inspect(firstProto, {
      ...ctx,
      customInspect: false,
      depth: -1,
    });
    return `${v8Name} <${shown}>`;
  }
  return `${v8Name} <${protoName}>`;
}

// With showHidden, lists non-function properties found on up to three
// user-defined prototype levels, dimmed when colors are on.
function addPrototypeEntries(ctx, main, obj, recurseTimes, output) {
  let level = 0;
  let keys;
  let keysAbove;
  do {
    if (level !== 0 || main === obj) {
      obj = ObjectGetPrototypeOf(obj);
      if (obj === null) return;
      const desc = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
      if (desc !== undefined && typeof desc.value === 'function' &&
          builtInObjects.has(desc.value.name)) {
        return;
      }
    }
    if (level === 0) {
      keysAbove = new SafeSet();
    } else {
      for (let i = 0; i < keys.length; i++) keysAbove.add(keys[i]);
    }
    keys = ReflectOwnKeys(obj);
    ArrayPrototypePush(ctx.seen, main);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key === 'constructor' ||
          ObjectPrototypeHasOwnProperty(main, key) ||
          (level !== 0 && keysAbove.has(key))) {
        continue;
      }
      const desc = ObjectGetOwnPropertyDescriptor(obj, key);
      if (typeof desc.value === 'function') continue;
      const entry = formatProperty(
        ctx, obj, recurseTimes, key, kObjectType, desc, main);
      ArrayPrototypePush(output,
                         ctx.colors ? `\u001b[2m${entry}\u001b[22m` : entry);
    }
    ArrayPrototypePop(ctx.seen);
  } while (++level !== 3);
}

// "Foo [tag] " style prefix. `size` is e.g. "(3)" for a Map.
function getPrefix(constructor, tag, fallback, size = '') {
  if (constructor === null) {
    if (tag !== '' && fallback !== tag) {
      return `[${fallback}${size}: null prototype] [${tag}] `;
    }
    return `[${fallback}${size}: null prototype] `;
  }
  let prefix = `${constructor}${size} `;
  if (tag !== '') {
    // Leave the tag out when the constructor name already contains it as a
    // whole word-ish part ("FooMap" with tag "Map").
    const at = StringPrototypeIndexOf(constructor, tag);
    if (at === -1) {
      prefix += `[${tag}] `;
    } else {
      const after = at + tag.length;
      const next = constructor[after];
      if (after !== constructor.length &&
          next === StringPrototypeToLowerCase(next)) {
        prefix += `[${tag}] `;
      }
    }
  }
  return prefix;
}

function getPlainPrefix(value, constructor, tag) {
  let fallback = '';
  if (constructor === null) {
    fallback = v8ConstructorName(value);
    if (fallback === tag) fallback = 'Object';
  }
  return getPrefix(constructor, tag, fallback);
}

// One array per elements kind (packed and holey small integers, doubles,
// anything), never changed: getOwnNonIndexProperties() answers at once for
// an array that still has the same map as one of them (inspect and the
// deep comparisons list an array's other keys through arrayNonIndexKeys).
/* eslint-disable no-sparse-arrays */
const kRefSmi = [];
const kRefHoleySmi = [, 0];
const kRefDouble = [0.5];
const kRefHoleyDouble = [, 0.5];
const kRefAny = [''];
const kRefHoleyAny = [, ''];
/* eslint-enable no-sparse-arrays */

// What getArrayShape() answers: whether inspect may read an array's items
// directly (see formatArray()).
const kArrayShapeOther = 0;
const kArrayShapePacked = 1;
const kArrayShapeHoley = 2;

function arrayShape(array) {
  return getArrayShape(array, kRefSmi, kRefDouble, kRefAny, kRefHoleySmi,
                       kRefHoleyDouble, kRefHoleyAny);
}

function arrayNonIndexKeys(array, filter) {
  return getOwnNonIndexProperties(array, filter, kRefSmi, kRefHoleySmi,
                                  kRefDouble, kRefHoleyDouble, kRefAny,
                                  kRefHoleyAny);
}

function getKeys(value, showHidden) {
  let keys;
  const symbols = ObjectGetOwnPropertySymbols(value);
  if (showHidden) {
    keys = ObjectGetOwnPropertyNames(value);
    for (let i = 0; i < symbols.length; i++) {
      ArrayPrototypePush(keys, symbols[i]);
    }
    return keys;
  }
  try {
    keys = ObjectKeys(value);
  } catch (err) {
    // A namespace of a module that has not been evaluated yet throws a
    // ReferenceError on [[Get]]; its names are still listable.
    if (!isModuleNamespaceObject(value)) throw err;
    keys = ObjectGetOwnPropertyNames(value);
  }
  for (let i = 0; i < symbols.length; i++) {
    if (ObjectPrototypePropertyIsEnumerable(value, symbols[i])) {
      ArrayPrototypePush(keys, symbols[i]);
    }
  }
  return keys;
}

// ---------------------------------------------------------------------------
// The recursive core

function formatValue(ctx, value, recurseTimes, typedArray) {
  if (typeof value !== 'object' && typeof value !== 'function' &&
      !isUndetectableObject(value)) {
    return formatPrimitive(ctx.stylize, value, ctx);
  }
  if (value === null) return ctx.stylize('null', 'null');

  // Custom inspect functions are called on what the user passed, even if it
  // is a proxy.
  const original = value;

  // Proxies are looked through without running any of their traps.
  const proxy = getProxyDetails(value, !!ctx.showProxy);
  if (proxy !== undefined) {
    if (proxy === null || proxy[0] === null) {
      return ctx.stylize('<Revoked Proxy>', 'special');
    }
    if (ctx.showProxy) return formatProxy(ctx, proxy, recurseTimes);
    value = proxy;
  }

  if (ctx.customInspect) {
    const custom = value[customInspectSymbol];
    if (typeof custom === 'function' &&
        custom !== inspect &&
        // Prototype objects (Foo.prototype) are printed normally.
        ObjectGetOwnPropertyDescriptor(value, 'constructor')?.value
          ?.prototype !== value) {
      const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
      const foreign = proxy !== undefined ||
        !FunctionPrototypeSymbolHasInstance(Object, original);
      const result = FunctionPrototypeCall(
        custom, original, depth, optionsForCustomInspect(ctx, foreign),
        inspect);
      if (result !== original) {
        if (typeof result !== 'string') {
          return formatValue(ctx, result, recurseTimes);
        }
        return replaceNewlines(
          result, `\n${StringPrototypeRepeat(' ', ctx.indentationLvl)}`);
      }
    }
  }

  if (ArrayPrototypeIncludes(ctx.seen, value)) {
    let index = 1;
    if (ctx.circular === undefined) {
      ctx.circular = new SafeMap();
      ctx.circular.set(value, index);
    } else {
      index = ctx.circular.get(value);
      if (index === undefined) {
        index = ctx.circular.size + 1;
        ctx.circular.set(value, index);
      }
    }
    return ctx.stylize(`[Circular *${index}]`, 'special');
  }

  return formatRaw(ctx, value, recurseTimes, typedArray, proxy === undefined);
}

function replaceNewlines(str, replacement) {
  return ArrayPrototypeJoin(StringPrototypeSplit(str, '\n'), replacement);
}

function formatProxy(ctx, details, recurseTimes) {
  if (recurseTimes > ctx.depth && ctx.depth !== null) {
    return ctx.stylize('Proxy [Array]', 'special');
  }
  recurseTimes += 1;
  ctx.indentationLvl += 2;
  const parts = [
    formatValue(ctx, details[0], recurseTimes),
    formatValue(ctx, details[1], recurseTimes),
  ];
  ctx.indentationLvl -= 2;
  return joinEntries(
    ctx, parts, '', ['Proxy [', ']'], kArrayExtrasType, recurseTimes);
}

function emptyEntries() {
  return [];
}

function isAboveDepth(ctx, recurseTimes) {
  return recurseTimes > ctx.depth && ctx.depth !== null;
}

// Reads Symbol.toStringTag, keeping it only when it does not show up as a
// regular property anyway.
function getTag(ctx, value) {
  let tag = '';
  try {
    tag = value[SymbolToStringTag];
  } catch {
    // A throwing getter is treated as "no tag".
  }
  if (typeof tag !== 'string') return '';
  if (tag !== '') {
    const shownAsKey = ctx.showHidden ?
      ObjectPrototypeHasOwnProperty(value, SymbolToStringTag) :
      ObjectPrototypePropertyIsEnumerable(value, SymbolToStringTag);
    if (shownAsKey) return '';
  }
  return tag;
}

// `notProxy`: `value` is known not to be a proxy (it may be when it is the
// target of one).
function formatRaw(ctx, value, recurseTimes, typedArray, notProxy) {
  let protoEntries;
  if (ctx.showHidden && !isAboveDepth(ctx, recurseTimes)) protoEntries = [];
  const constructor =
    (notProxy && plainConstructorName(value)) ||
    getConstructorName(value, ctx, recurseTimes, protoEntries);
  if (protoEntries !== undefined && protoEntries.length === 0) {
    protoEntries = undefined;
  }
  const tag = getTag(ctx, value);
  const filter = ctx.showHidden ? ALL_PROPERTIES : ONLY_ENUMERABLE;

  let keys;
  let base = '';
  let braces;
  let formatter = emptyEntries;
  let layout = kObjectType;
  let extraKeys;
  let handled = false;
  let shape = kArrayShapeOther;

  // Iterable kinds are told apart first; a null constructor forces the full
  // check because nothing else identifies the value then.
  if (SymbolIterator in value || constructor === null) {
    handled = true;
    if (ArrayIsArray(value)) {
      const prefix = (constructor !== 'Array' || tag !== '') ?
        getPrefix(constructor, tag, 'Array', `(${value.length})`) : '';
      shape = arrayShape(value);
      // An array with a reference map has no other own keys but `length`.
      keys = shape !== kArrayShapeOther && filter === ONLY_ENUMERABLE ?
        [] : arrayNonIndexKeys(value, filter);
      braces = [`${prefix}[`, ']'];
      if (value.length === 0 && keys.length === 0 &&
          protoEntries === undefined) {
        return `${braces[0]}]`;
      }
      layout = kArrayExtrasType;
      formatter = formatArray;
    } else if (isSet(value)) {
      const size = SetPrototypeGetSize(value);
      const prefix = getPrefix(constructor, tag, 'Set', `(${size})`);
      keys = getKeys(value, ctx.showHidden);
      const source = constructor !== null ? value : SetPrototypeValues(value);
      formatter = (c, v, r) => formatSetEntries(source, c, r);
      if (size === 0 && keys.length === 0 && protoEntries === undefined) {
        return `${prefix}{}`;
      }
      braces = [`${prefix}{`, '}'];
    } else if (isMap(value)) {
      const size = MapPrototypeGetSize(value);
      const prefix = getPrefix(constructor, tag, 'Map', `(${size})`);
      keys = getKeys(value, ctx.showHidden);
      const source = constructor !== null ? value : MapPrototypeEntries(value);
      formatter = (c, v, r) => formatMapEntries(source, c, r);
      if (size === 0 && keys.length === 0 && protoEntries === undefined) {
        return `${prefix}{}`;
      }
      braces = [`${prefix}{`, '}'];
    } else if (isTypedArray(value)) {
      keys = getOwnNonIndexProperties(value, filter);
      let source = value;
      let fallback = '';
      if (constructor === null) {
        fallback = TypedArrayPrototypeGetSymbolToStringTag(value);
        // Rebuild a normal typed array so that indexing works.
        source = new primordials[fallback](value);
      }
      const length = TypedArrayPrototypeGetLength(value);
      const prefix = getPrefix(constructor, tag, fallback, `(${length})`);
      braces = [`${prefix}[`, ']'];
      if (value.length === 0 && keys.length === 0 && !ctx.showHidden) {
        return `${braces[0]}]`;
      }
      formatter = (c) => formatTypedArray(source, length, c);
      layout = kArrayExtrasType;
      if (ctx.showHidden) {
        extraKeys = ['BYTES_PER_ELEMENT', 'length', 'byteLength',
                     'byteOffset', 'buffer'];
        typedArray = true;
      }
    } else if (isMapIterator(value)) {
      keys = getKeys(value, ctx.showHidden);
      braces = iteratorBraces('Map', tag);
      const b = braces;
      formatter = (c, v, r) => formatIterator(b, c, v, r);
    } else if (isSetIterator(value)) {
      keys = getKeys(value, ctx.showHidden);
      braces = iteratorBraces('Set', tag);
      const b = braces;
      formatter = (c, v, r) => formatIterator(b, c, v, r);
    } else {
      handled = false;
    }
  }

  if (!handled) {
    keys = getKeys(value, ctx.showHidden);
    braces = ['{', '}'];
    const bare = keys.length === 0 && protoEntries === undefined;
    if (typeof value === 'function') {
      base = functionBase(ctx, value, constructor, tag);
      if (bare) return ctx.stylize(base, 'special');
    } else if (constructor === 'Object') {
      if (isArgumentsObject(value)) {
        braces[0] = '[Arguments] {';
      } else if (tag !== '') {
        braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
      }
      if (bare) return `${braces[0]}}`;
    } else if (isRegExp(value)) {
      base = RegExpPrototypeToString(
        constructor !== null ? value : new RegExp(value));
      const prefix = getPrefix(constructor, tag, 'RegExp');
      if (prefix !== 'RegExp ') base = `${prefix}${base}`;
      if (bare || isAboveDepth(ctx, recurseTimes)) {
        return ctx.stylize(base, 'regexp');
      }
    } else if (isDate(value)) {
      base = NumberIsNaN(DatePrototypeGetTime(value)) ?
        DatePrototypeToString(value) : DatePrototypeToISOString(value);
      const prefix = getPrefix(constructor, tag, 'Date');
      if (prefix !== 'Date ') base = `${prefix}${base}`;
      if (bare) return ctx.stylize(base, 'date');
    } else if (isError(value)) {
      base = formatError(value, constructor, tag, ctx, keys);
      if (keys.length === 0 && protoEntries === undefined) return base;
    } else if (isAnyArrayBuffer(value)) {
      const kind = isArrayBuffer(value) ? 'ArrayBuffer' : 'SharedArrayBuffer';
      const prefix = getPrefix(constructor, tag, kind);
      if (typedArray === undefined) {
        formatter = formatArrayBuffer;
      } else if (bare) {
        return `${prefix}{ [byteLength]: ${
          formatNumber(ctx.stylize, value.byteLength, false)} }`;
      }
      braces[0] = `${prefix}{`;
      extraKeys = ['byteLength'];
    } else if (isDataView(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'DataView')}{`;
      extraKeys = ['byteLength', 'byteOffset', 'buffer'];
    } else if (isPromise(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'Promise')}{`;
      formatter = formatPromise;
    } else if (isWeakSet(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'WeakSet')}{`;
      formatter = ctx.showHidden ? formatWeakSet : formatWeakUnknown;
    } else if (isWeakMap(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'WeakMap')}{`;
      formatter = ctx.showHidden ? formatWeakMap : formatWeakUnknown;
    } else if (isModuleNamespaceObject(value)) {
      braces[0] = `${getPrefix(constructor, tag, 'Module')}{`;
      const namespaceKeys = keys;
      formatter = (c, v, r) => formatNamespace(namespaceKeys, c, v, r);
    } else if (isBoxedPrimitive(value)) {
      base = boxedBase(value, ctx, keys, constructor, tag);
      if (keys.length === 0 && protoEntries === undefined) return base;
    } else if (isURL(value) && !isAboveDepth(ctx, recurseTimes)) {
      base = value.href;
      if (bare) return base;
    } else {
      if (bare) {
        if (isExternal(value)) {
          const address = BigIntPrototypeToString(getExternalValue(value), 16);
          return ctx.stylize(`[External: ${address}]`, 'special');
        }
        return `${getPlainPrefix(value, constructor, tag)}{}`;
      }
      braces[0] = `${getPlainPrefix(value, constructor, tag)}{`;
    }
  }

  if (isAboveDepth(ctx, recurseTimes)) {
    let name = StringPrototypeSlice(getPlainPrefix(value, constructor, tag),
                                    0, -1);
    if (constructor !== null) name = `[${name}]`;
    return ctx.stylize(name, 'special');
  }
  recurseTimes += 1;
  ArrayPrototypePush(ctx.seen, value);
  ctx.currentDepth = recurseTimes;

  let output;
  const savedIndentation = ctx.indentationLvl;
  try {
    output = formatter(ctx, value, recurseTimes, shape);
    if (extraKeys !== undefined) {
      for (let i = 0; i < extraKeys.length; i++) {
        let entry;
        try {
          entry = formatHiddenSlot(ctx, value, recurseTimes, extraKeys[i],
                                   typedArray);
        } catch {
          // e.g. a detached buffer: read the value from the buffer instead.
          const stand = { [extraKeys[i]]: value.buffer[extraKeys[i]] };
          entry = formatHiddenSlot(ctx, stand, recurseTimes, extraKeys[i],
                                   typedArray);
        }
        output[output.length] = entry;
      }
    }
    // `output` is a fresh array of the formatter's: stores by index do what
    // ArrayPrototypePush would, without a builtin call per entry.
    for (let i = 0; i < keys.length; i++) {
      output[output.length] =
        formatProperty(ctx, value, recurseTimes, keys[i], layout);
    }
    if (protoEntries !== undefined) {
      for (let i = 0; i < protoEntries.length; i++) {
        output[output.length] = protoEntries[i];
      }
    }
  } catch (err) {
    if (!isStackOverflowError(err)) throw err;
    ArrayPrototypePop(ctx.seen);
    ctx.indentationLvl = savedIndentation;
    const name = StringPrototypeSlice(getPlainPrefix(value, constructor, tag),
                                      0, -1);
    return ctx.stylize(
      `[${name}: Inspection interrupted prematurely. ` +
      'Maximum call stack size exceeded.]', 'special');
  }

  if (ctx.circular !== undefined) {
    const index = ctx.circular.get(value);
    if (index !== undefined) {
      const marker = ctx.stylize(`<ref *${index}>`, 'special');
      if (ctx.compact !== true) {
        base = base === '' ? marker : `${marker} ${base}`;
      } else {
        braces[0] = `${marker} ${braces[0]}`;
      }
    }
  }
  ArrayPrototypePop(ctx.seen);

  if (ctx.sorted) {
    const compare = ctx.sorted === true ? undefined : ctx.sorted;
    if (layout === kObjectType) {
      ArrayPrototypeSort(output, compare);
    } else if (keys.length > 1) {
      // Only the named properties after the items are sorted.
      const from = output.length - keys.length;
      const named = ArrayPrototypeSort(ArrayPrototypeSlice(output, from),
                                       compare);
      for (let i = 0; i < named.length; i++) output[from + i] = named[i];
    }
  }

  const result = joinEntries(
    ctx, output, base, braces, layout, recurseTimes, value);
  // Stop descending once the output for one indentation level grows huge.
  // An array grown by appending: a keyed store past the end of an empty
  // object went to the runtime each time.
  const budget = ctx.budget;
  const level = ctx.indentationLvl;
  while (budget.length <= level) budget[budget.length] = 0;
  const used = budget[level] + result.length;
  budget[level] = used;
  if (used > 2 ** 27) ctx.depth = -1;
  return result;
}

let maxStackName;
let maxStackMessage;
function isStackOverflowError(err) {
  if (maxStackMessage === undefined) {
    try {
      const recurse = () => recurse() + 1;
      recurse();
    } catch (e) {
      maxStackName = e.name;
      maxStackMessage = e.message;
    }
  }
  return err != null && err.name === maxStackName &&
    err.message === maxStackMessage;
}

let urlModule;
function isURL(value) {
  if (urlModule === undefined) {
    try {
      urlModule = require('internal/url');
    } catch {
      urlModule = null;
    }
  }
  if (urlModule === null || typeof urlModule.URL !== 'function') return false;
  return typeof value.href === 'string' &&
    safeInstanceOf(value, urlModule.URL);
}

function iteratorBraces(kind, tag) {
  const label = `${kind} Iterator`;
  if (tag !== label) {
    tag = tag === '' ? label : `${tag}] [${label}`;
  }
  return [`[${tag}] {`, '}'];
}

function boxedBase(value, ctx, keys, constructor, tag) {
  let unbox;
  let type;
  if (isNumberObject(value)) {
    unbox = NumberPrototypeValueOf;
    type = 'Number';
  } else if (isStringObject(value)) {
    unbox = StringPrototypeValueOf;
    type = 'String';
    // The index keys of a String object just repeat its characters.
    ArrayPrototypeSplice(keys, 0, value.length);
  } else if (isBooleanObject(value)) {
    unbox = BooleanPrototypeValueOf;
    type = 'Boolean';
  } else if (isBigIntObject(value)) {
    unbox = BigIntPrototypeValueOf;
    type = 'BigInt';
  } else {
    unbox = SymbolPrototypeValueOf;
    type = 'Symbol';
  }
  let base = `[${type}`;
  if (type !== constructor) {
    base += constructor === null ? ' (null prototype)' : ` (${constructor})`;
  }
  base += `: ${formatPrimitive(stylizeNoColor, unbox(value), ctx)}]`;
  if (tag !== '' && tag !== constructor) base += ` [${tag}]`;
  if (keys.length !== 0 || ctx.stylize === stylizeNoColor) return base;
  return ctx.stylize(base, StringPrototypeToLowerCase(type));
}

// ---------------------------------------------------------------------------
// Functions and classes

const classHeadRegExp = /^(\s+[^(]*?)\s*{/;
// eslint-disable-next-line node-core/no-unescaped-regexp-dot
const commentsRegExp = /(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g;

function looksLikeClass(source) {
  if (!StringPrototypeStartsWith(source, 'class') ||
      source[source.length - 1] !== '}') {
    return false;
  }
  const body = StringPrototypeSlice(source, 5, -1);
  const brace = StringPrototypeIndexOf(body, '{');
  if (brace === -1) return false;
  if (!StringPrototypeIncludes(StringPrototypeSlice(body, 0, brace), '(')) {
    return true;
  }
  // A '(' before the body can come from a computed heritage or a comment.
  const stripped = RegExpPrototypeSymbolReplace(commentsRegExp, body, '');
  return RegExpPrototypeExec(classHeadRegExp, stripped) !== null;
}

function classBase(value, constructor, tag) {
  const name = (ObjectPrototypeHasOwnProperty(value, 'name') && value.name) ||
    '(anonymous)';
  let text = `class ${name}`;
  if (constructor !== 'Function' && constructor !== null) {
    text += ` [${constructor}]`;
  }
  if (tag !== '' && constructor !== tag) text += ` [${tag}]`;
  if (constructor === null) {
    text += ' extends [null prototype]';
  } else {
    const parentName = ObjectGetPrototypeOf(value).name;
    if (parentName) text += ` extends ${parentName}`;
  }
  return `[${text}]`;
}

function functionBase(ctx, value, constructor, tag) {
  const source = FunctionPrototypeToString(value);
  if (looksLikeClass(source)) return classBase(value, constructor, tag);

  let kind = 'Function';
  if (isGeneratorFunction(value)) kind = `Generator${kind}`;
  if (isAsyncFunction(value)) kind = `Async${kind}`;
  let text = `[${kind}`;
  if (constructor === null) text += ' (null prototype)';
  const name = value.name;
  if (name === '') {
    text += ' (anonymous)';
  } else {
    text += `: ${typeof name === 'string' ? name : formatValue(ctx, name)}`;
  }
  text += ']';
  if (constructor !== kind && constructor !== null) text += ` ${constructor}`;
  if (tag !== '' && constructor !== tag) text += ` [${tag}]`;
  return text;
}

// ---------------------------------------------------------------------------
// Errors

// Looks for a run of more than three equal lines shared by `a` and `b`;
// returns [length, start index in a] or [0, 0].
function identicalSequenceRange(a, b) {
  for (let i = 0; i < a.length - 3; i++) {
    const at = ArrayPrototypeIndexOf(b, a[i]);
    if (at === -1) continue;
    const available = b.length - at;
    if (available <= 3) continue;
    const limit = MathMin(a.length - i, available);
    let run = 1;
    while (run < limit && a[i + run] === b[at + run]) run++;
    if (run > 3) return [run, i];
  }
  return [0, 0];
}

// Finds blocks of stack frames that repeat back to back (deep recursion).
// Returns a flat list of [start, blockLength, repetitions] triples, where
// `start` is the index of the first repeated copy.
function findRepeatedFrames(frames) {
  const found = [];
  const where = new SafeMap();
  for (let i = 0; i < frames.length; i++) {
    const list = where.get(frames[i]);
    if (list === undefined) {
      where.set(frames[i], [i]);
    } else {
      ArrayPrototypePush(list, i);
    }
  }
  const kMinRange = 3;
  if (frames.length - where.size <= kMinRange) return found;

  for (let i = 0; i < frames.length - kMinRange; i++) {
    const list = where.get(frames[i]);
    const last = list[list.length - 1];
    if (list.length === 1 || last === i) continue;
    const next = ArrayPrototypeIndexOf(list, i) + 1;
    if (next === list.length) continue;

    let step = last - i;
    if (step < kMinRange) continue;

    // Candidate block lengths: the distances to the later occurrences,
    // reduced Euclid-style; the final one is tried first, the intermediate
    // ones are kept as alternatives.
    let alternatives;
    if (next + 1 < list.length) {
      let g = 0;
      for (let j = next; j < list.length; j++) {
        let d = list[j] - i;
        while (d !== 0) {
          const r = g % d;
          if (g !== 0) {
            alternatives ??= new SafeSet();
            alternatives.add(g);
          }
          g = d;
          d = r;
        }
        if (g === 1) break;
      }
      step = g;
      if (alternatives !== undefined) {
        alternatives.delete(step);
        const arr = [];
        for (const v of alternatives) ArrayPrototypePush(arr, v);
        alternatives = arr;
      }
    }

    let bestStep = step;
    let bestCount = 0;
    let count = 0;
    for (let copy = i + step; ; copy += step) {
      let same = 0;
      while (same < step && frames[i + same] === frames[copy + same]) same++;
      if (same === step) {
        count++;
        continue;
      }
      if (alternatives === undefined || alternatives.length === 0) break;
      if (count !== 0 && bestStep * bestCount < step * count) {
        bestStep = step;
        bestCount = count;
      }
      step = ArrayPrototypePop(alternatives);
      copy = i;
      count = 0;
    }
    if (bestCount !== 0 && bestStep * bestCount >= step * count) {
      step = bestStep;
      count = bestCount;
    }
    if (count * step >= 3) {
      ArrayPrototypePush(found, i + step, step, count);
      i += step * (count + 1) - 1;
    }
  }
  return found;
}

function readStack(ctx, error) {
  let stack;
  try {
    stack = error.stack;
  } catch {
    // A throwing `stack` getter counts as no stack.
  }
  if (!stack) return ErrorPrototypeToString(error);
  if (typeof stack === 'string') return stack;
  ArrayPrototypePush(ctx.seen, error);
  ctx.indentationLvl += 4;
  const shown = formatValue(ctx, stack);
  ctx.indentationLvl -= 4;
  ArrayPrototypePop(ctx.seen);
  return `${ErrorPrototypeToString(error)}\n    ${shown}`;
}

function stackFrameLines(ctx, err, framesText) {
  const frames = StringPrototypeSplit(framesText, '\n');

  let cause;
  try {
    cause = err.cause;
  } catch {
    // Ignore a throwing `cause` getter.
  }
  // Frames the cause shares with this error are summarised.
  if (cause != null && isError(cause)) {
    const causeStack = readStack(ctx, cause);
    const at = StringPrototypeIndexOf(causeStack, '\n    at');
    if (at !== -1) {
      const causeFrames = StringPrototypeSplit(
        StringPrototypeSlice(causeStack, at + 1), '\n');
      const { 0: len, 1: offset } =
        identicalSequenceRange(frames, causeFrames);
      if (len > 0) {
        const hidden = len - 2;
        ArrayPrototypeSplice(
          frames, offset + 1, hidden,
          ctx.stylize(`    ... ${hidden} lines matching cause stack trace ...`,
                      'undefined'));
      }
    }
  }

  if (frames.length > 10) {
    const repeats = findRepeatedFrames(frames);
    // Back to front so that earlier indices stay valid.
    for (let i = repeats.length - 3; i >= 0; i -= 3) {
      const start = repeats[i];
      const size = repeats[i + 1];
      const times = repeats[i + 2];
      const text = `    ... collapsed ${size * times} duplicate lines ` +
        'matching above ' +
        (times > 1 ? `${size} lines ${times} times...` : 'lines ...');
      ArrayPrototypeSplice(frames, start, size * times,
                           ctx.stylize(text, 'undefined'));
    }
  }
  return frames;
}

const nullProtoErrorHeadRegExp =
  /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)/;

// Makes the first line of the stack name the real class (and tag) of the
// error when the stack looks ordinary but says something else.
function improveStack(stack, constructor, name, tag) {
  let len = name.length;
  if (typeof name !== 'string') {
    stack = StringPrototypeReplace(
      stack, `${name}`,
      `${name} [${StringPrototypeSlice(getPrefix(constructor, tag, 'Error'),
                                       0, -1)}]`);
  }
  if (constructor !== null &&
      !(StringPrototypeEndsWith(name, 'Error') &&
        StringPrototypeStartsWith(stack, name) &&
        (stack.length === len || stack[len] === ':' || stack[len] === '\n'))) {
    return stack;
  }
  let fallback = 'Error';
  if (constructor === null) {
    const match =
      RegExpPrototypeExec(nullProtoErrorHeadRegExp, stack) ||
      RegExpPrototypeExec(/^([a-z_A-Z0-9-]*Error)$/, stack);
    fallback = (match && match[1]) || '';
    len = fallback.length;
    fallback = fallback || 'Error';
  }
  const prefix = StringPrototypeSlice(getPrefix(constructor, tag, fallback),
                                      0, -1);
  if (name === prefix) return stack;
  if (StringPrototypeIncludes(prefix, name)) {
    return len === 0 ?
      `${prefix}: ${stack}` :
      `${prefix}${StringPrototypeSlice(stack, len)}`;
  }
  return `${prefix} [${name}]${StringPrototypeSlice(stack, len)}`;
}

// Underlines the package name after each node_modules/ path segment.
function highlightNodeModules(ctx, line) {
  let out = '';
  let copied = 0;
  let from = 0;
  for (;;) {
    const at = StringPrototypeIndexOf(line, 'node_modules', from);
    if (at === -1) break;
    const before = line[at - 1];
    const after = line[at + 12];
    if ((after !== '/' && after !== '\\') ||
        (before !== '/' && before !== '\\')) {
      from = at + 1;
      continue;
    }
    const nameStart = at + 13;
    out += StringPrototypeSlice(line, copied, nameStart);
    let nameEnd = StringPrototypeIndexOf(line, before, nameStart);
    if (line[nameStart] === '@') {
      nameEnd = StringPrototypeIndexOf(line, before, nameEnd + 1);
    }
    out += ctx.stylize(StringPrototypeSlice(line, nameStart, nameEnd),
                       'module');
    copied = nameEnd;
    from = nameEnd;
  }
  return copied === 0 ? line : out + StringPrototypeSlice(line, copied);
}

// Greys out the working-directory part of a frame's location.
function dimWorkingDirectory(ctx, line, cwd) {
  let at = StringPrototypeIndexOf(line, cwd);
  if (at === -1) return line;
  let cwdLen = cwd.length;
  if (StringPrototypeSlice(line, at - 7, at) === 'file://') {
    cwdLen += 7;
    at -= 7;
  }
  const start = line[at - 1] === '(' ? at - 1 : at;
  const end = start !== at && StringPrototypeEndsWith(line, ')') ?
    -1 : line.length;
  const cwdEnd = at + cwdLen + 1;
  let out = StringPrototypeSlice(line, 0, start);
  out += ctx.stylize(StringPrototypeSlice(line, start, cwdEnd), 'undefined');
  out += StringPrototypeSlice(line, cwdEnd, end);
  if (end === -1) out += ctx.stylize(')', 'undefined');
  return out;
}

const coreFrameRegExp = /^ {4}at (?:[^/\\(]+ \(|)node:(.+):\d+:\d+\)?$/;

// Public builtin ids, used when the loader cannot be asked directly.
const publicBuiltinIds = new SafeSet([
  'assert', 'assert/strict', 'async_hooks', 'buffer', 'child_process',
  'cluster', 'console', 'constants', 'crypto', 'dgram', 'diagnostics_channel',
  'dns', 'dns/promises', 'domain', 'events', 'fs', 'fs/promises', 'http',
  'http2', 'https', 'inspector', 'inspector/promises', 'module', 'net', 'os',
  'path', 'path/posix', 'path/win32', 'perf_hooks', 'process', 'punycode',
  'querystring', 'readline', 'readline/promises', 'repl', 'stream',
  'stream/consumers', 'stream/promises', 'stream/web', 'string_decoder',
  'sys', 'timers', 'timers/promises', 'tls', 'trace_events', 'tty', 'url',
  'util', 'util/types', 'v8', 'vm', 'wasi', 'worker_threads', 'zlib',
]);

let builtinLoader;
function isBuiltinId(id) {
  if (builtinLoader === undefined) {
    builtinLoader = null;
    try {
      const realm = require('internal/bootstrap/realm');
      if (realm && realm.BuiltinModule &&
          typeof realm.BuiltinModule.exists === 'function') {
        builtinLoader = realm.BuiltinModule;
      }
    } catch {
      // Not available: use the id list below.
    }
  }
  if (builtinLoader !== null) return builtinLoader.exists(id);
  return publicBuiltinIds.has(id) ||
    (StringPrototypeStartsWith(id, 'internal/') &&
     RegExpPrototypeExec(/^internal\/[a-z0-9_/]+$/, id) !== null);
}

function fileURLOf(path) {
  try {
    return require('internal/url').pathToFileURL(path).href;
  } catch {
    let out = 'file://';
    const parts = StringPrototypeSplit(path, '/');
    for (let i = 0; i < parts.length; i++) {
      if (i !== 0) out += '/';
      out += encodeURIComponent(parts[i]);
    }
    return out;
  }
}

function formatError(err, constructor, tag, ctx, keys) {
  let stack;
  try {
    stack = readStack(ctx, err);
  } catch {
    return ObjectPrototypeToString(err);
  }

  let message;
  let messageThrew = false;
  try {
    message = err.message;
  } catch {
    messageThrew = true;
  }
  let name;
  let nameThrew = false;
  try {
    name = err.name;
  } catch {
    nameThrew = true;
  }

  if (!ctx.showHidden && keys.length !== 0) {
    // `stack` is always shown as the base; `message` and `name` only need
    // their own entry when the stack does not already show them.
    removeKey(keys, 'stack');
    if (!messageThrew &&
        (typeof message !== 'string' ||
         StringPrototypeIncludes(stack, message))) {
      removeKey(keys, 'message');
    }
    if (!nameThrew &&
        (typeof name !== 'string' || StringPrototypeIncludes(stack, name))) {
      removeKey(keys, 'name');
    }
  }
  name ??= 'Error';

  if ('cause' in err &&
      (keys.length === 0 || !ArrayPrototypeIncludes(keys, 'cause'))) {
    ArrayPrototypePush(keys, 'cause');
  }
  try {
    const errors = err.errors;
    if (ArrayIsArray(errors) &&
        (keys.length === 0 || !ArrayPrototypeIncludes(keys, 'errors'))) {
      ArrayPrototypePush(keys, 'errors');
    }
  } catch {
    // Ignore a throwing `errors` getter.
  }

  stack = improveStack(stack, constructor, name, tag);

  // Frames start after the message (which may itself contain "\n    at").
  let searchFrom = (message && StringPrototypeIndexOf(stack, message)) || -1;
  if (searchFrom !== -1) searchFrom += message.length;
  const framesAt = StringPrototypeIndexOf(stack, '\n    at', searchFrom);
  if (framesAt === -1) {
    stack = `[${stack}]`;
  } else {
    let text = StringPrototypeSlice(stack, 0, framesAt);
    const lines = stackFrameLines(
      ctx, err, StringPrototypeSlice(stack, framesAt + 1));
    if (ctx.colors) {
      let cwd;
      try {
        cwd = process.cwd();
      } catch {
        // No working directory to highlight.
      }
      let cwdURL;
      for (let i = 0; i < lines.length; i++) {
        let line = lines[i];
        const core = RegExpPrototypeExec(coreFrameRegExp, line);
        if (core !== null && isBuiltinId(core[1])) {
          text += `\n${ctx.stylize(line, 'undefined')}`;
          continue;
        }
        line = highlightNodeModules(ctx, line);
        if (cwd !== undefined) {
          let marked = dimWorkingDirectory(ctx, line, cwd);
          if (marked === line) {
            cwdURL ??= fileURLOf(cwd);
            marked = dimWorkingDirectory(ctx, line, cwdURL);
          }
          line = marked;
        }
        text += `\n${line}`;
      }
    } else {
      text += `\n${joinList(lines, '\n')}`;
    }
    stack = text;
  }
  if (ctx.indentationLvl !== 0) {
    stack = replaceNewlines(
      stack, `\n${StringPrototypeRepeat(' ', ctx.indentationLvl)}`);
  }
  return stack;
}

function removeKey(keys, key) {
  const at = ArrayPrototypeIndexOf(keys, key);
  if (at !== -1) ArrayPrototypeSplice(keys, at, 1);
}

// ---------------------------------------------------------------------------
// Entry producers

// Whether formatting `item` (an array item) surely runs no user code: a
// primitive short enough for strEscape()'s plain loop and never split, with
// the built-in stylize without colors (colors read the user-editable
// inspect.styles).
function formatsInertly(ctx, item) {
  if (ctx.stylize !== stylizeNoColor) return false;
  switch (typeof item) {
    case 'number':
    case 'boolean':
    case 'undefined':
    case 'bigint':
    case 'symbol':
      return true;
    case 'string':
      return item.length <= kMinLineLength;
    default:
      return item === null;
  }
}

// `shape` is getArrayShape()'s answer for `value`. While it holds, an index
// below `length` (and present, for a holey array) is an own plain data
// property, so the item is read directly: what formatProperty() does with
// its descriptor, without a descriptor object per item (a runtime call). An
// item whose formatting may run user code (a custom inspect, a getter) may
// have changed the array: the shape is asked again after it.
function formatArray(ctx, value, recurseTimes, shape) {
  const length = value.length;
  const shown = MathMin(MathMax(0, ctx.maxArrayLength), length);
  const output = [];
  for (let i = 0; i < shown; i++) {
    if (shape !== kArrayShapeOther && i < value.length &&
        (shape === kArrayShapePacked ||
         ObjectPrototypeHasOwnProperty(value, i))) {
      const item = value[i];
      if (item === undefined) {
        output[i] = ctx.stylize('undefined', 'undefined');
      } else {
        ctx.indentationLvl += 2;
        output[i] = formatValue(ctx, item, recurseTimes);
        ctx.indentationLvl -= 2;
      }
      if (!formatsInertly(ctx, item)) shape = arrayShape(value);
      continue;
    }
    const desc = ObjectGetOwnPropertyDescriptor(value, i);
    if (desc === undefined) {
      return formatSparseArray(ctx, value, recurseTimes, shown, output, i);
    }
    output[i] = formatProperty(ctx, value, recurseTimes, i, kArrayType, desc);
  }
  if (length > shown) output[output.length] = moreItems(length - shown);
  return output;
}

const indexKeyRegExp = /^(0|[1-9][0-9]*)$/;

// Arrays with holes: runs of missing indices become "<n empty items>".
function formatSparseArray(ctx, value, recurseTimes, limit, output, start) {
  const keys = ObjectKeys(value);
  let expected = start;
  for (let k = start; k < keys.length && output.length < limit; k++) {
    const key = keys[k];
    const index = +key;
    if (index > 2 ** 32 - 2) break;
    if (`${expected}` !== key) {
      if (RegExpPrototypeExec(indexKeyRegExp, key) === null) break;
      const gap = index - expected;
      ArrayPrototypePush(output, ctx.stylize(
        `<${gap} empty item${gap > 1 ? 's' : ''}>`, 'undefined'));
      expected = index;
      if (output.length === limit) break;
    }
    ArrayPrototypePush(
      output, formatProperty(ctx, value, recurseTimes, key, kArrayType));
    expected++;
  }
  const rest = value.length - expected;
  if (output.length !== limit) {
    if (rest > 0) {
      ArrayPrototypePush(output, ctx.stylize(
        `<${rest} empty item${rest > 1 ? 's' : ''}>`, 'undefined'));
    }
  } else if (rest > 0) {
    ArrayPrototypePush(output, moreItems(rest));
  }
  return output;
}

const hexDigits = '0123456789abcdef';

function formatArrayBuffer(ctx, value) {
  let bytes;
  try {
    bytes = new Uint8Array(value);
  } catch {
    return [ctx.stylize('(detached)', 'special')];
  }
  const total = TypedArrayPrototypeGetLength(bytes);
  const shown = MathMin(ctx.maxArrayLength, total);
  let text = '';
  for (let i = 0; i < shown; i++) {
    const b = bytes[i];
    if (i !== 0) text += ' ';
    text += hexDigits[b >> 4] + hexDigits[b & 15];
  }
  const rest = total - ctx.maxArrayLength;
  if (rest > 0) text += ` ... ${rest} more byte${rest > 1 ? 's' : ''}`;
  return [`${ctx.stylize('[Uint8Contents]', 'special')}: <${text}>`];
}

function formatTypedArray(value, length, ctx) {
  const shown = MathMin(MathMax(0, ctx.maxArrayLength), length);
  const rest = value.length - shown;
  const output = new Array(shown);
  const isBig = !(value.length > 0 && typeof value[0] === 'number');
  for (let i = 0; i < shown; i++) {
    output[i] = isBig ?
      formatBigInt(ctx.stylize, value[i], ctx.numericSeparator) :
      formatNumber(ctx.stylize, value[i], ctx.numericSeparator);
  }
  if (rest > 0) output[shown] = moreItems(rest);
  return output;
}

function formatSetEntries(set, ctx, recurseTimes) {
  const size = set.size;
  const shown = MathMin(MathMax(0, ctx.maxArrayLength), size);
  const output = [];
  ctx.indentationLvl += 2;
  let n = 0;
  for (const v of set) {
    if (n >= shown) break;
    output[n] = formatValue(ctx, v, recurseTimes);
    n++;
  }
  if (size > shown) ArrayPrototypePush(output, moreItems(size - shown));
  ctx.indentationLvl -= 2;
  return output;
}

function formatMapEntries(map, ctx, recurseTimes) {
  const size = map.size;
  const shown = MathMin(MathMax(0, ctx.maxArrayLength), size);
  const output = [];
  ctx.indentationLvl += 2;
  let n = 0;
  for (const { 0: k, 1: v } of map) {
    if (n >= shown) break;
    output[n] = `${formatValue(ctx, k, recurseTimes)} => ${
      formatValue(ctx, v, recurseTimes)}`;
    n++;
  }
  if (size > shown) ArrayPrototypePush(output, moreItems(size - shown));
  ctx.indentationLvl -= 2;
  return output;
}

function formatListPreview(ctx, recurseTimes, entries, kind) {
  const shown = MathMin(MathMax(ctx.maxArrayLength, 0), entries.length);
  const output = new Array(shown);
  ctx.indentationLvl += 2;
  for (let i = 0; i < shown; i++) {
    output[i] = formatValue(ctx, entries[i], recurseTimes);
  }
  ctx.indentationLvl -= 2;
  // Weak collections have no stable order; sort for repeatable output.
  if (kind === kWeak && !ctx.sorted) ArrayPrototypeSort(output);
  const rest = entries.length - shown;
  if (rest > 0) ArrayPrototypePush(output, moreItems(rest));
  return output;
}

function formatPairPreview(ctx, recurseTimes, entries, kind) {
  const pairs = entries.length / 2;
  const limit = MathMax(ctx.maxArrayLength, 0);
  const shown = MathMin(limit, pairs);
  const output = new Array(shown);
  ctx.indentationLvl += 2;
  for (let i = 0; i < shown; i++) {
    const k = formatValue(ctx, entries[2 * i], recurseTimes);
    const v = formatValue(ctx, entries[2 * i + 1], recurseTimes);
    output[i] = kind === kWeak ?
      `${k} => ${v}` :
      joinEntries(ctx, [k, v], '', ['[', ']'], kArrayExtrasType,
                  recurseTimes);
  }
  if (kind === kWeak && !ctx.sorted) ArrayPrototypeSort(output);
  ctx.indentationLvl -= 2;
  if (pairs - limit > 0) ArrayPrototypePush(output, moreItems(pairs - limit));
  return output;
}

function formatWeakUnknown(ctx) {
  return [ctx.stylize('<items unknown>', 'special')];
}

function formatWeakSet(ctx, value, recurseTimes) {
  return formatListPreview(ctx, recurseTimes, previewEntries(value), kWeak);
}

function formatWeakMap(ctx, value, recurseTimes) {
  return formatPairPreview(ctx, recurseTimes, previewEntries(value), kWeak);
}

function formatIterator(braces, ctx, value, recurseTimes) {
  const { 0: entries, 1: isKeyValue } = previewEntries(value, true);
  if (isKeyValue) {
    braces[0] = RegExpPrototypeSymbolReplace(
      / Iterator] {$/, braces[0], ' Entries] {');
    return formatPairPreview(ctx, recurseTimes, entries, kMapEntries);
  }
  return formatListPreview(ctx, recurseTimes, entries, kIterator);
}

function formatPromise(ctx, value, recurseTimes) {
  const { 0: state, 1: result } = getPromiseDetails(value);
  if (state === kPending) return [ctx.stylize('<pending>', 'special')];
  ctx.indentationLvl += 2;
  const shown = formatValue(ctx, result, recurseTimes);
  ctx.indentationLvl -= 2;
  return [state === kRejected ?
    `${ctx.stylize('<rejected>', 'special')} ${shown}` : shown];
}

function formatNamespace(keys, ctx, value, recurseTimes) {
  const output = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    try {
      output[i] = formatProperty(ctx, value, recurseTimes, keys[i],
                                 kObjectType);
    } catch (err) {
      if (!isNativeError(err) || err.name !== 'ReferenceError') throw err;
      // A binding still in its temporal dead zone: format a placeholder
      // property to get the key right, then swap the value.
      const stand = { [keys[i]]: '' };
      const entry = formatProperty(ctx, stand, recurseTimes, keys[i],
                                   kObjectType);
      output[i] = StringPrototypeSlice(
        entry, 0, StringPrototypeLastIndexOf(entry, ' ') + 1) +
        ctx.stylize('<uninitialized>', 'special');
    }
  }
  // The keys were consumed here; formatRaw must not print them again.
  keys.length = 0;
  return output;
}

// Internal slots shown with showHidden, e.g. "[byteLength]: 4".
function formatHiddenSlot(ctx, value, recurseTimes, key, typedArray) {
  ctx.indentationLvl += 2;
  const shown = formatValue(ctx, value[key], recurseTimes, typedArray);
  ctx.indentationLvl -= 2;
  return `${ctx.stylize(`[${key}]`, 'string')}: ${shown}`;
}

// Whether `key` matches /^[a-zA-Z_][a-zA-Z_0-9]*$/ (printed unquoted).
function isIdentifierKey(key) {
  const len = key.length;
  if (len === 0) return false;
  for (let i = 0; i < len; i++) {
    const code = StringPrototypeCharCodeAt(key, i);
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) ||
        code === 95 || (i !== 0 && code >= 48 && code <= 57)) {
      continue;
    }
    return false;
  }
  return true;
}

function formatProperty(ctx, value, recurseTimes, key, type, desc,
                        receiver = value) {
  let shown;
  let separator = ' ';
  desc ??= ObjectGetOwnPropertyDescriptor(value, key);
  if (desc.value !== undefined) {
    const extra = (ctx.compact !== true || type !== kObjectType) ? 2 : 3;
    ctx.indentationLvl += extra;
    shown = formatValue(ctx, desc.value, recurseTimes);
    if (extra === 3 && ctx.breakLength < getStringWidth(shown, ctx.colors)) {
      separator = `\n${StringPrototypeRepeat(' ', ctx.indentationLvl)}`;
    }
    ctx.indentationLvl -= extra;
  } else if (desc.get !== undefined) {
    shown = formatAccessor(ctx, desc, receiver, recurseTimes);
  } else if (desc.set !== undefined) {
    shown = ctx.stylize('[Setter]', 'special');
  } else {
    shown = ctx.stylize('undefined', 'undefined');
  }
  if (type === kArrayType) return shown;

  let name;
  if (typeof key === 'symbol') {
    name = ctx.stylize(RegExpPrototypeSymbolReplace(
      needsEscapeQAll, SymbolPrototypeToString(key), escapeCodeUnit), 'symbol');
  } else if (isIdentifierKey(key)) {
    name = key === '__proto__' ? "['__proto__']" : ctx.stylize(key, 'name');
  } else {
    name = ctx.stylize(strEscape(key), 'string');
  }
  if (desc.enumerable === false) name = `[${name}]`;
  // One concatenation fewer in the usual case.
  if (separator === ' ') return `${name}: ${shown}`;
  return `${name}:${separator}${shown}`;
}

function formatAccessor(ctx, desc, receiver, recurseTimes) {
  const label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
  const s = ctx.stylize;
  const g = ctx.getters;
  const invoke = g && (g === true ||
    (g === 'get' && desc.set === undefined) ||
    (g === 'set' && desc.set !== undefined));
  if (!invoke) return s(`[${label}]`, 'special');
  try {
    const result = FunctionPrototypeCall(desc.get, receiver);
    ctx.indentationLvl += 2;
    let text;
    if (result === null) {
      text = `${s(`[${label}:`, 'special')} ${s('null', 'null')}${
        s(']', 'special')}`;
    } else if (typeof result === 'object') {
      text = `${s(`[${label}]`, 'special')} ${
        formatValue(ctx, result, recurseTimes)}`;
    } else {
      text = `${s(`[${label}:`, 'special')} ${
        formatPrimitive(s, result, ctx)}${s(']', 'special')}`;
    }
    ctx.indentationLvl -= 2;
    return text;
  } catch (err) {
    return `${s(`[${label}:`, 'special')} <Inspection threw (${
      err.message})>${s(']', 'special')}`;
  }
}

// ---------------------------------------------------------------------------
// Layout

// Arranges many short array items into aligned columns.
function groupArrayElements(ctx, output, value) {
  let count = output.length;
  // A trailing "... n more items" is kept out of the grid.
  if (ctx.maxArrayLength < output.length) count--;
  const kSep = 2; // ", "
  const widths = new Array(count);
  let total = 0;
  let widest = 0;
  for (let i = 0; i < count; i++) {
    const w = getStringWidth(output[i], ctx.colors);
    widths[i] = w;
    total += w + kSep;
    if (w > widest) widest = w;
  }
  const cell = widest + kSep;
  // Needs room for three columns, and items of similar size (no single item
  // over a fifth of the total), unless all items are tiny.
  if (cell * 3 + ctx.indentationLvl >= ctx.breakLength ||
      !(total / cell > 5 || widest <= 6)) {
    return output;
  }
  // Aim for a roughly square block, with characters ~2.5x taller than wide;
  // shorter-than-widest averages allow more columns.
  const bias = MathSqrt(cell - total / output.length);
  const adjusted = MathMax(cell - 3 - bias, 1);
  const columns = MathMin(
    MathRound(MathSqrt(2.5 * adjusted * count) / adjusted),
    MathFloor((ctx.breakLength - ctx.indentationLvl) / cell),
    ctx.compact * 4,
    15,
  );
  if (columns <= 1) return output;

  const columnWidth = [];
  for (let c = 0; c < columns; c++) {
    let w = 0;
    for (let j = c; j < output.length; j += columns) {
      if (widths[j] > w) w = widths[j];
    }
    columnWidth[c] = w + kSep;
  }
  // Numbers are right-aligned, anything else left-aligned.
  let alignRight = true;
  if (value !== undefined) {
    for (let i = 0; i < output.length; i++) {
      if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') {
        alignRight = false;
        break;
      }
    }
  }
  const rows = [];
  for (let i = 0; i < count; i += columns) {
    const end = MathMin(i + columns, count);
    let row = '';
    let j = i;
    for (; j < end - 1; j++) {
      // Escape sequences take no room on screen: widen by their length.
      const pad = columnWidth[j - i] + output[j].length - widths[j];
      row += alignRight ?
        StringPrototypePadStart(`${output[j]}, `, pad, ' ') :
        StringPrototypePadEnd(`${output[j]}, `, pad, ' ');
    }
    if (alignRight) {
      const pad = columnWidth[j - i] + output[j].length - widths[j] - kSep;
      row += StringPrototypePadStart(output[j], pad, ' ');
    } else {
      row += output[j];
    }
    ArrayPrototypePush(rows, row);
  }
  if (ctx.maxArrayLength < output.length) {
    ArrayPrototypePush(rows, output[count]);
  }
  return rows;
}

// Whether `output` fits on one line. `start` is what is already used.
function fitsOnOneLine(ctx, output, start, base) {
  let total = output.length + start;
  if (total + output.length > ctx.breakLength) return false;
  for (let i = 0; i < output.length; i++) {
    total += ctx.colors ? removeColors(output[i]).length : output[i].length;
    if (total > ctx.breakLength) return false;
  }
  return base === '' || !StringPrototypeIncludes(base, '\n');
}

function joinEntries(ctx, output, base, braces, layout, recurseTimes, value) {
  const head = base ? `${base} ` : '';
  if (ctx.compact !== true) {
    if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
      const entries = output.length;
      if (layout === kArrayExtrasType && entries > 6) {
        output = groupArrayElements(ctx, output, value);
      }
      // Single line only for the innermost `compact` levels, and never for
      // grouped arrays.
      if (ctx.currentDepth - recurseTimes < ctx.compact &&
          entries === output.length) {
        const start = output.length + ctx.indentationLvl +
          braces[0].length + base.length + 10;
        if (fitsOnOneLine(ctx, output, start, base)) {
          const line = joinList(output, ', ');
          if (!StringPrototypeIncludes(line, '\n')) {
            if (head === '') {
              // The usual braces as constant pieces: two concatenations
              // fewer than the general form.
              if (braces[0] === '{' && braces[1] === '}') return `{ ${line} }`;
              if (braces[0] === '[' && braces[1] === ']') return `[ ${line} ]`;
              return `${braces[0]} ${line} ${braces[1]}`;
            }
            return `${head}${braces[0]} ${line} ${braces[1]}`;
          }
        }
      }
    }
    const nl = `\n${StringPrototypeRepeat(' ', ctx.indentationLvl)}`;
    return `${head}${braces[0]}${nl}  ${joinList(output, `,${nl}  `)}${nl}${
      braces[1]}`;
  }
  // compact === true: the old style, entries continue on the brace's line.
  if (fitsOnOneLine(ctx, output, 0, base)) {
    return `${braces[0]}${base ? ` ${base}` : ''} ${joinList(output, ', ')} ` +
      braces[1];
  }
  const pad = StringPrototypeRepeat(' ', ctx.indentationLvl);
  const first = base === '' && braces[0].length === 1 ?
    ' ' : `${base ? ` ${base}` : ''}\n${pad}  `;
  return `${braces[0]}${first}${joinList(output, `,\n${pad}  `)} ${braces[1]}`;
}

// ---------------------------------------------------------------------------
// util.format

// Whether `%s` should inspect the value rather than call its toString():
// true when toString/Symbol.toPrimitive come from a built-in prototype.
function hasBuiltInToString(value) {
  const target = getProxyDetails(value, false);
  if (target !== undefined) {
    if (target === null) return true;
    value = target;
  }

  let checkToString = true;
  let checkToPrimitive = true;
  if (typeof value.toString !== 'function') {
    if (typeof value[SymbolToPrimitive] !== 'function') return true;
    if (ObjectPrototypeHasOwnProperty(value, SymbolToPrimitive)) return false;
    checkToString = false;
  } else if (ObjectPrototypeHasOwnProperty(value, 'toString')) {
    return false;
  } else if (typeof value[SymbolToPrimitive] !== 'function') {
    checkToPrimitive = false;
  } else if (ObjectPrototypeHasOwnProperty(value, SymbolToPrimitive)) {
    return false;
  }

  let holder = value;
  do {
    holder = ObjectGetPrototypeOf(holder);
  } while (!(checkToString &&
             ObjectPrototypeHasOwnProperty(holder, 'toString')) &&
           !(checkToPrimitive &&
             ObjectPrototypeHasOwnProperty(holder, SymbolToPrimitive)));

  const desc = ObjectGetOwnPropertyDescriptor(holder, 'constructor');
  return desc !== undefined && typeof desc.value === 'function' &&
    builtInObjects.has(desc.value.name);
}

let circularJSONMessage;
function firstLine(error) {
  return StringPrototypeSplit(error.message, '\n', 1)[0];
}

// Whether JSON writes `str` between quotes as it is (no character to escape:
// control characters, '"', '\\' and surrogates, paired or not).
function isPlainJSONString(str) {
  for (let i = 0; i < str.length; i++) {
    const code = StringPrototypeCharCodeAt(str, i);
    if (code < 0x20 || code === 0x22 || code === 0x5c ||
        (code >= 0xd800 && code <= 0xdfff)) {
      return false;
    }
  }
  return true;
}

// Thrown by plainObjectJSON on a cycle back to its object.
const kCycleFound = { __proto__: null };

// JSONStringify(obj) for %j's usual argument, an ordinary object whose
// prototype is Object.prototype, with no toJSON, written here: V8's
// serializer costs more to set up than the rest of util.format. The same
// text and the same reads, in the same order; undefined, before any user
// code ran, when obj is not such an object (then JSONStringify writes
// all).
function plainObjectJSON(obj) {
  // An ordinary object (not a proxy, an array, a boxed primitive...) whose
  // only prototype is Object.prototype: asking for toJSON runs no trap.
  if (plainKind(obj) !== kOrdinaryObject ||
      ObjectGetPrototypeOf(obj) !== ObjectPrototype || 'toJSON' in obj) {
    return undefined;
  }
  const keys = ObjectKeys(obj);
  let out; // '{' and the members written so far
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = obj[key];
    let member;
    switch (typeof value) {
      case 'number':
        member = NumberIsFinite(value) ? `${value}` : 'null';
        break;
      case 'string':
        member = value.length <= 256 && isPlainJSONString(value) ?
          `"${value}"` : JSONStringify(value);
        break;
      case 'boolean':
        member = value ? 'true' : 'false';
        break;
      case 'undefined':
      case 'symbol':
        continue;
      default: {
        if (value === null) {
          member = 'null';
          break;
        }
        // An object, a function or a BigInt: JSONStringify writes this
        // property alone (toJSON gets the same key; a holder without
        // prototype adds no lookup of its own), stopping where the whole
        // would have met obj again: a cycle. Starting over on the whole
        // object instead would read its properties twice (a getter that
        // replaces itself would show its second value).
        const one = JSONStringify({ __proto__: null, [key]: value },
                                  (k, v) => {
                                    if (v === obj) throw kCycleFound;
                                    return v;
                                  });
        if (one.length === 2) continue; // '{}': nothing to write
        const text = StringPrototypeSlice(one, 1, -1);
        out = out === undefined ? `{${text}` : `${out},${text}`;
        continue;
      }
    }
    out = out === undefined ?
      `{${jsonName(key)}${member}` : `${out},${jsonName(key)}${member}`;
  }
  return out === undefined ? '{}' : `${out}}`;
}

// '"key":' as JSON writes it, for the keys plainObjectJSON met last: the
// same few keys come back in a program's log lines.
const jsonNames = new SafeMap();
function jsonName(key) {
  let name = jsonNames.get(key);
  if (name === undefined) {
    name = key.length <= 256 && isPlainJSONString(key) ?
      `"${key}":` : `${JSONStringify(key)}:`;
    if (jsonNames.size >= 1024) jsonNames.clear();
    jsonNames.set(key, name);
  }
  return name;
}

function jsonForFormat(arg) {
  try {
    if (typeof arg === 'object' && arg !== null) {
      const text = plainObjectJSON(arg);
      if (text !== undefined) return text;
    }
    return JSONStringify(arg);
  } catch (err) {
    if (err === kCycleFound) return '[Circular]';
    if (circularJSONMessage === undefined) {
      try {
        const loop = {};
        loop.loop = loop;
        JSONStringify(loop);
      } catch (e) {
        circularJSONMessage = firstLine(e);
      }
    }
    if (err.name === 'TypeError' && firstLine(err) === circularJSONMessage) {
      return '[Circular]';
    }
    throw err;
  }
}

function numericSeparatorOf(options) {
  return options?.numericSeparator ?? inspectDefaultOptions.numericSeparator;
}

function format(...args) {
  return formatWithOptionsInternal(undefined, args);
}

function formatWithOptions(inspectOptions, ...args) {
  if (inspectOptions === null || typeof inspectOptions !== 'object') {
    throw new (lazyErrorCodes().ERR_INVALID_ARG_TYPE)(
      'inspectOptions', 'object', inspectOptions);
  }
  return formatWithOptionsInternal(inspectOptions, args);
}

// Expands one %-directive; returns undefined when `code` is not one (and
// only then).
function expandDirective(code, arg, options) {
  switch (code) {
    case 115: { // 's'
      if (typeof arg === 'string') return arg;
      if (typeof arg === 'number') {
        return formatNumber(stylizeNoColor, arg, numericSeparatorOf(options));
      }
      if (typeof arg === 'bigint') {
        return formatBigInt(stylizeNoColor, arg, numericSeparatorOf(options));
      }
      if (typeof arg !== 'object' || arg === null ||
          !hasBuiltInToString(arg)) {
        return String(arg);
      }
      return inspect(arg, {
        ...options,
        compact: 3,
        colors: false,
        depth: 0,
      });
    }
    case 106: // 'j'
      return jsonForFormat(arg);
    case 100: // 'd'
      if (typeof arg === 'bigint') {
        return formatBigInt(stylizeNoColor, arg, numericSeparatorOf(options));
      }
      if (typeof arg === 'symbol') return 'NaN';
      return formatNumber(stylizeNoColor, Number(arg),
                          numericSeparatorOf(options));
    case 79: // 'O'
      return inspect(arg, options);
    case 111: // 'o'
      return inspect(arg, {
        ...options,
        showHidden: true,
        showProxy: true,
        depth: 4,
      });
    case 105: // 'i'
      if (typeof arg === 'bigint') {
        return formatBigInt(stylizeNoColor, arg, numericSeparatorOf(options));
      }
      if (typeof arg === 'symbol') return 'NaN';
      return formatNumber(stylizeNoColor, NumberParseInt(arg),
                          numericSeparatorOf(options));
    case 102: // 'f'
      if (typeof arg === 'symbol') return 'NaN';
      return formatNumber(stylizeNoColor, NumberParseFloat(arg),
                          numericSeparatorOf(options));
    case 99: // 'c': CSS is accepted and dropped.
      return '';
    default:
      return undefined;
  }
}

function formatWithOptionsInternal(options, args) {
  const first = args[0];
  if (typeof first !== 'string') {
    return appendArguments('', '', args, 0, options);
  }
  if (args.length === 1) return first;
  let used = 0; // index of the last argument consumed
  let out = '';
  let copied = 0;
  for (let i = 0; i < first.length - 1; i++) {
    if (StringPrototypeCharCodeAt(first, i) !== 37) continue; // '%'
    const code = StringPrototypeCharCodeAt(first, ++i);
    if (code === 37) { // '%%' is '%', with or without arguments left
      out += StringPrototypeSlice(first, copied, i);
      copied = i + 1;
      continue;
    }
    if (used + 1 === args.length) continue;
    // The common cases are expanded here, the others out of line: this
    // function stays small enough for TurboFan to inline it into format().
    const arg = args[used + 1];
    let text;
    if (code === 115 && typeof arg === 'string') {
      text = arg;
    } else if (code === 106) {
      text = jsonForFormat(arg);
    } else if (code === 100 && typeof arg === 'number') {
      text = formatNumber(stylizeNoColor, arg, numericSeparatorOf(options));
    } else {
      text = expandDirective(code, arg, options);
      if (text === undefined) continue; // not a directive: kept as it is
    }
    used++;
    if (copied !== i - 1) out += StringPrototypeSlice(first, copied, i - 1);
    out += text;
    copied = i + 1;
  }
  if (copied === 0) return appendArguments('', '', args, 0, options);
  if (copied < first.length) out += StringPrototypeSlice(first, copied);
  return used + 1 < args.length ?
    appendArguments(out, ' ', args, used + 1, options) : out;
}

// The arguments from args[from] on, after `out` and `sep`, separated by
// spaces: strings as they are, other values inspected.
function appendArguments(out, sep, args, from, options) {
  for (let i = from; i < args.length; i++) {
    const value = args[i];
    out += sep;
    out += typeof value !== 'string' ? inspect(value, options) : value;
    sep = ' ';
  }
  return out;
}

// ---------------------------------------------------------------------------
// Terminal helpers

// Escape sequences (CSI, OSC and friends) as emitted by terminals and
// libraries like chalk.
const vtControlRegExp = new RegExp(
  '[\\u001B\\u009B][[\\]()#;?]*' +
  '(?:(?:(?:(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]+)*' +
  '|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]*)*)?' +
  '(?:\\u0007|\\u001B\\u005C|\\u009C))' +
  '|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?' +
  '[\\dA-PR-TZcf-nq-uy=><~]))', 'g');

function stripVTControlCharacters(str) {
  if (typeof str !== 'string') {
    throw new (lazyErrorCodes().ERR_INVALID_ARG_TYPE)('str', 'string', str);
  }
  return RegExpPrototypeSymbolReplace(vtControlRegExp, str, '');
}

function isZeroWidthCodePoint(code) {
  return code <= 0x1F ||
    (code >= 0x7F && code <= 0x9F) ||
    (code >= 0x300 && code <= 0x36F) ||
    (code >= 0x200B && code <= 0x200F) ||
    (code >= 0x20D0 && code <= 0x20FF) ||
    (code >= 0xFE00 && code <= 0xFE0F) ||
    (code >= 0xFE20 && code <= 0xFE2F) ||
    (code >= 0xE0100 && code <= 0xE01EF);
}

// East Asian wide and fullwidth ranges (a compact subset of
// EastAsianWidth.txt, plus the common emoji blocks).
const wideRanges = [
  0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC,
  0x23F0, 0x23F0, 0x23F3, 0x23F3, 0x25FD, 0x25FE, 0x2614, 0x2615,
  0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1,
  0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26CE,
  0x26D4, 0x26D4, 0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5,
  0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B,
  0x2728, 0x2728, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755,
  0x2757, 0x2757, 0x2795, 0x2797, 0x27B0, 0x27B0, 0x27BF, 0x27BF,
  0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55, 0x2E80, 0x303E,
  0x3041, 0x3247, 0x3250, 0x4DBF, 0x4E00, 0xA4CF, 0xA960, 0xA97F,
  0xAC00, 0xD7A3, 0xF900, 0xFAFF, 0xFE10, 0xFE19, 0xFE30, 0xFE6F,
  0xFF00, 0xFF60, 0xFFE0, 0xFFE6, 0x16FE0, 0x16FE4, 0x17000, 0x18CFF,
  0x1B000, 0x1B2FF, 0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E,
  0x1F191, 0x1F19A, 0x1F1E6, 0x1F1FF, 0x1F200, 0x1F251, 0x1F260, 0x1F265, 0x1F300, 0x1F320,
  0x1F32D, 0x1F335, 0x1F337, 0x1F37C, 0x1F37E, 0x1F393, 0x1F3A0, 0x1F3CA,
  0x1F3CF, 0x1F3D3, 0x1F3E0, 0x1F3F0, 0x1F3F4, 0x1F3F4, 0x1F3F8, 0x1F43E,
  0x1F440, 0x1F440, 0x1F442, 0x1F4FC, 0x1F4FF, 0x1F53D, 0x1F54B, 0x1F54E,
  0x1F550, 0x1F567, 0x1F57A, 0x1F57A, 0x1F595, 0x1F596, 0x1F5A4, 0x1F5A4,
  0x1F5FB, 0x1F64F, 0x1F680, 0x1F6C5, 0x1F6CC, 0x1F6CC, 0x1F6D0, 0x1F6D2,
  0x1F6D5, 0x1F6D7, 0x1F6DC, 0x1F6DF, 0x1F6EB, 0x1F6EC, 0x1F6F4, 0x1F6FC,
  0x1F7E0, 0x1F7EB, 0x1F7F0, 0x1F7F0, 0x1F90C, 0x1F93A, 0x1F93C, 0x1F945,
  0x1F947, 0x1F9FF, 0x1FA70, 0x1FAFF, 0x20000, 0x2FFFD, 0x30000, 0x3FFFD,
];

function isFullWidthCodePoint(code) {
  if (code < 0x1100) return false;
  let lo = 0;
  let hi = wideRanges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (code < wideRanges[2 * mid]) {
      hi = mid - 1;
    } else if (code > wideRanges[2 * mid + 1]) {
      lo = mid + 1;
    } else {
      return true;
    }
  }
  return false;
}

// Number of terminal columns `str` takes.
function getStringWidth(str, removeControlChars = true) {
  if (removeControlChars) str = stripVTControlCharacters(str);
  let width = 0;
  let i = 0;
  // Plain ASCII is counted directly.
  for (; i < str.length; i++) {
    const code = StringPrototypeCharCodeAt(str, i);
    if (code >= 127) break;
    if (code >= 32) width++;
  }
  if (i === str.length) return width;
  const rest = StringPrototypeNormalize(StringPrototypeSlice(str, i), 'NFC');
  for (const ch of new SafeStringIterator(rest)) {
    const code = StringPrototypeCodePointAt(ch, 0);
    if (isFullWidthCodePoint(code)) {
      width += 2;
    } else if (!isZeroWidthCodePoint(code) && code !== 0xFEFF) {
      width++;
    }
  }
  return width;
}

module.exports = {
  arrayNonIndexKeys,
  identicalSequenceRange,
  inspect,
  inspectDefaultOptions,
  format,
  formatWithOptions,
  getStringWidth,
  stripVTControlCharacters,
  isZeroWidthCodePoint,
  isError,
};
