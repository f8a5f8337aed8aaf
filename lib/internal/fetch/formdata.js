'use strict';

// FormData (https://xhr.spec.whatwg.org/#interface-formdata): an ordered
// list of (name, value) entries, a value being a string or a File. Also
// the multipart/form-data encoding of a FormData body and the parsers
// Body.formData() uses (multipart/form-data and
// application/x-www-form-urlencoded).

const {
  ArrayPrototypePush,
  ArrayPrototypeSplice,
  FunctionPrototypeCall,
  MathFloor,
  MathRandom,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  SafeMap,
  RegExpPrototypeSymbolReplace,
  StringPrototypeIndexOf,
  StringPrototypePadStart,
  StringPrototypeSlice,
  StringPrototypeToLowerCase,
  StringPrototypeTrim,
  SymbolToStringTag,
  TypeError,
  TypedArrayPrototypeSlice,
  TypedArrayPrototypeSubarray,
} = primordials;

const {
  customInspectSymbol: kInspect,
  kEnumerableProperty,
} = require('internal/util');
const {
  markUncloneable,
  noteUncloneableCreated,
} = require('internal/structured_clone');
const { Blob, isBlob } = require('internal/blob');
const { File } = require('internal/file');
const {
  checkArgumentCount,
  decodeUTF8,
  defineIterable,
  describe,
  encodeUTF8,
  illegalInvocation,
  isObjectLike,
  percentDecode,
  toUSVString,
} = require('internal/fetch/util');

let inspect;
let URLSearchParams;

const fileNameGetter =
  ObjectGetOwnPropertyDescriptor(File.prototype, 'name').get;

function isFile(value) {
  try {
    FunctionPrototypeCall(fileNameGetter, value);
    return true;
  } catch {
    return false;
  }
}

// An entry's value: a string, or a File (a Blob becomes a File named "blob",
// or `filename` when given).
function entryValue(value, filename) {
  if (!isBlob(value)) return toUSVString(value);
  if (filename !== undefined) {
    const options = { type: value.type };
    if (isFile(value)) options.lastModified = value.lastModified;
    return new File([value], toUSVString(filename), options);
  }
  if (isFile(value)) return value;
  return new File([value], 'blob', { type: value.type });
}

let isFormData;
let getEntries;

class FormData {
  // [name, value, name, value, ...]
  #entries = [];

  constructor(form = undefined) {
    noteUncloneableCreated();
    if (form !== undefined) {
      throw new TypeError('FormData constructor: Argument 1 could not be ' +
                          'converted to: undefined.');
    }
  }

  static {
    isFormData = (value) => isObjectLike(value) && #entries in value;
    getEntries = (formData) => formData.#entries;
  }

  append(name, value, filename = undefined) {
    if (!isFormData(this)) throw illegalInvocation();
    checkArgumentCount(arguments.length, 2, 'FormData.append');
    if (arguments.length === 3 && !isBlob(value)) {
      throw new TypeError('FormData.append: Expected value ' +
                          `("${describe(value)}") to be an instance of Blob.`);
    }
    name = toUSVString(name);
    ArrayPrototypePush(this.#entries, name, entryValue(value, filename));
  }

  delete(name) {
    if (!isFormData(this)) throw illegalInvocation();
    checkArgumentCount(arguments.length, 1, 'FormData.delete');
    name = toUSVString(name);
    const entries = this.#entries;
    for (let i = entries.length - 2; i >= 0; i -= 2) {
      if (entries[i] === name) ArrayPrototypeSplice(entries, i, 2);
    }
  }

  get(name) {
    if (!isFormData(this)) throw illegalInvocation();
    checkArgumentCount(arguments.length, 1, 'FormData.get');
    name = toUSVString(name);
    const entries = this.#entries;
    for (let i = 0; i < entries.length; i += 2) {
      if (entries[i] === name) return entries[i + 1];
    }
    return null;
  }

  getAll(name) {
    if (!isFormData(this)) throw illegalInvocation();
    checkArgumentCount(arguments.length, 1, 'FormData.getAll');
    name = toUSVString(name);
    const entries = this.#entries;
    const values = [];
    for (let i = 0; i < entries.length; i += 2) {
      if (entries[i] === name) ArrayPrototypePush(values, entries[i + 1]);
    }
    return values;
  }

  has(name) {
    if (!isFormData(this)) throw illegalInvocation();
    checkArgumentCount(arguments.length, 1, 'FormData.has');
    name = toUSVString(name);
    const entries = this.#entries;
    for (let i = 0; i < entries.length; i += 2) {
      if (entries[i] === name) return true;
    }
    return false;
  }

  set(name, value, filename = undefined) {
    if (!isFormData(this)) throw illegalInvocation();
    checkArgumentCount(arguments.length, 2, 'FormData.set');
    if (arguments.length === 3 && !isBlob(value)) {
      throw new TypeError('FormData.set: Expected value ' +
                          `("${describe(value)}") to be an instance of Blob.`);
    }
    name = toUSVString(name);
    value = entryValue(value, filename);
    const entries = this.#entries;
    let found = false;
    for (let i = 0; i < entries.length; i += 2) {
      if (entries[i] !== name) continue;
      if (!found) {
        entries[i + 1] = value;
        found = true;
      } else {
        ArrayPrototypeSplice(entries, i, 2);
        i -= 2;
      }
    }
    if (!found) ArrayPrototypePush(entries, name, value);
  }

  [kInspect](depth, options) {
    inspect ??= require('internal/util/inspect').inspect;
    const grouped = new SafeMap();
    const entries = this.#entries;
    for (let i = 0; i < entries.length; i += 2) {
      const name = entries[i];
      const seen = grouped.get(name);
      if (seen === undefined) {
        grouped.set(name, { __proto__: null, list: [entries[i + 1]] });
      } else {
        ArrayPrototypePush(seen.list, entries[i + 1]);
      }
    }
    const shown = {};
    for (const { 0: name, 1: { list } } of grouped) {
      ObjectDefineProperty(shown, name, {
        __proto__: null, configurable: true, enumerable: true, writable: true,
        value: list.length === 1 ? list[0] : list,
      });
    }
    // As in Node, the nesting depth does not shrink inside.
    const opts = { ...options };
    return `FormData ${inspect(shown, opts)}`;
  }
}

ObjectDefineProperties(FormData.prototype, {
  append: kEnumerableProperty,
  delete: kEnumerableProperty,
  get: kEnumerableProperty,
  getAll: kEnumerableProperty,
  has: kEnumerableProperty,
  set: kEnumerableProperty,
});
defineIterable(FormData.prototype, 'FormData', (object) => {
  return isFormData(object) ? getEntries(object) : undefined;
});
ObjectDefineProperty(FormData.prototype, SymbolToStringTag, {
  __proto__: null, configurable: true, value: 'FormData',
});
markUncloneable(FormData.prototype);

// ---- multipart/form-data ---------------------------------------------------

function normalizeLineBreaks(string) {
  return RegExpPrototypeSymbolReplace(/\r\n|\r|\n/g, string, '\r\n');
}

function escapeName(string) {
  return RegExpPrototypeSymbolReplace(/[\n\r"]/g, string, (c) => {
    if (c === '\n') return '%0A';
    if (c === '\r') return '%0D';
    return '%22';
  });
}

function unescapeName(string) {
  return RegExpPrototypeSymbolReplace(/%(?:0A|0D|22)/gi, string, (match) => {
    const code = StringPrototypeToLowerCase(match);
    if (code === '%0a') return '\n';
    if (code === '%0d') return '\r';
    return '"';
  });
}

// The multipart/form-data encoding of `formData`: a Blob over the parts
// (Files stay references, nothing is copied) and its boundary.
function serializeFormData(formData) {
  const digits = StringPrototypePadStart(
    `${MathFloor(MathRandom() * 1e12)}`, 12, '0');
  const boundary = `----formdata-lode-${digits}`;
  const entries = getEntries(formData);
  const parts = [];
  for (let i = 0; i < entries.length; i += 2) {
    const name = escapeName(normalizeLineBreaks(entries[i]));
    const value = entries[i + 1];
    const head = `--${boundary}\r\nContent-Disposition: form-data; ` +
      `name="${name}"`;
    if (typeof value === 'string') {
      ArrayPrototypePush(parts,
                         `${head}\r\n\r\n${normalizeLineBreaks(value)}\r\n`);
    } else {
      ArrayPrototypePush(
        parts,
        `${head}; filename="${escapeName(value.name)}"\r\n` +
        `Content-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`,
        value,
        '\r\n');
    }
  }
  ArrayPrototypePush(parts, `--${boundary}--\r\n`);
  return { __proto__: null, blob: new Blob(parts), boundary };
}

function parseFailure() {
  return new TypeError('Failed to parse body as FormData.');
}

function indexOfBytes(haystack, needle, from) {
  const first = needle[0];
  const last = haystack.length - needle.length;
  outer:
  for (let i = from; i <= last; i++) {
    if (haystack[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) continue outer;
    }
    return i;
  }
  return -1;
}

// The parameters of a Content-Disposition value after its type.
function parseDisposition(value) {
  let position = StringPrototypeIndexOf(value, ';');
  const type = StringPrototypeToLowerCase(
    StringPrototypeSlice(value, 0, position === -1 ? value.length : position));
  if (StringPrototypeTrim(type) !== 'form-data') return null;
  const result = { __proto__: null, name: null, filename: null };
  while (position !== -1 && position < value.length) {
    position++;
    while (value[position] === ' ' || value[position] === '\t') position++;
    const equals = StringPrototypeIndexOf(value, '=', position);
    if (equals === -1) break;
    const key = StringPrototypeToLowerCase(
      StringPrototypeTrim(StringPrototypeSlice(value, position, equals)));
    position = equals + 1;
    let paramValue;
    if (value[position] === '"') {
      // Quoted, without backslash escapes (as browsers send it).
      const close = StringPrototypeIndexOf(value, '"', position + 1);
      if (close === -1) return null;
      paramValue = unescapeName(StringPrototypeSlice(value, position + 1,
                                                     close));
      position = StringPrototypeIndexOf(value, ';', close);
    } else {
      const end = StringPrototypeIndexOf(value, ';', position);
      paramValue = StringPrototypeTrim(
        StringPrototypeSlice(value, position, end === -1 ? value.length : end));
      position = end;
    }
    if (key === 'name') {
      result.name = paramValue;
    } else if (key === 'filename') {
      result.filename ??= paramValue;
    } else if (key === 'filename*') {
      // RFC 8187: charset'language'percent-encoded bytes.
      const quote = StringPrototypeIndexOf(paramValue, "'");
      const second = StringPrototypeIndexOf(paramValue, "'", quote + 1);
      if (quote !== -1 && second !== -1) {
        result.filename =
          decodeUTF8(percentDecode(StringPrototypeSlice(paramValue,
                                                        second + 1)));
      }
    }
  }
  return result;
}

function parseMultipart(bytes, boundary) {
  const delimiter = encodeUTF8(`--${boundary}`);
  const crlfDelimiter = encodeUTF8(`\r\n--${boundary}`);
  const formData = new FormData();
  const entries = getEntries(formData);
  if (indexOfBytes(bytes, delimiter, 0) !== 0) throw parseFailure();
  let position = delimiter.length;
  for (;;) {
    if (bytes[position] === 0x2D && bytes[position + 1] === 0x2D) {
      return formData;
    }
    if (bytes[position] !== 0x0D || bytes[position + 1] !== 0x0A) {
      throw parseFailure();
    }
    position += 2;
    let disposition = null;
    let contentType = null;
    for (;;) {
      let lineEnd = position;
      while (lineEnd + 1 < bytes.length &&
             (bytes[lineEnd] !== 0x0D || bytes[lineEnd + 1] !== 0x0A)) {
        lineEnd++;
      }
      if (lineEnd + 1 >= bytes.length) throw parseFailure();
      if (lineEnd === position) {
        position += 2;
        break;
      }
      const line = decodeUTF8(
        TypedArrayPrototypeSubarray(bytes, position, lineEnd));
      position = lineEnd + 2;
      const colon = StringPrototypeIndexOf(line, ':');
      if (colon === -1) throw parseFailure();
      const name = StringPrototypeToLowerCase(
        StringPrototypeTrim(StringPrototypeSlice(line, 0, colon)));
      const value = StringPrototypeTrim(StringPrototypeSlice(line, colon + 1));
      if (name === 'content-disposition') {
        disposition = parseDisposition(value);
      } else if (name === 'content-type') {
        contentType = value;
      }
    }
    if (disposition === null || disposition.name === null) {
      throw parseFailure();
    }
    const end = indexOfBytes(bytes, crlfDelimiter, position);
    if (end === -1) throw parseFailure();
    const content = TypedArrayPrototypeSlice(bytes, position, end);
    position = end + crlfDelimiter.length;
    let value;
    if (disposition.filename !== null) {
      value = new File([content], disposition.filename,
                       { type: contentType ?? 'text/plain' });
    } else {
      value = decodeUTF8(content);
    }
    ArrayPrototypePush(entries, disposition.name, value);
  }
}

function parseURLEncoded(bytes) {
  URLSearchParams ??= require('internal/url').URLSearchParams;
  const formData = new FormData();
  const entries = getEntries(formData);
  const text = decodeUTF8(bytes);
  for (const { 0: name, 1: value } of new URLSearchParams(text)) {
    ArrayPrototypePush(entries, name, value);
  }
  return formData;
}

// Whether a string starts a MIME essence we can parse into a FormData.
function isFormEssence(essence) {
  return essence === 'multipart/form-data' ||
    essence === 'application/x-www-form-urlencoded';
}

module.exports = {
  FormData,
  isFormData: (value) => isFormData(value),
  isFormEssence,
  parseFailure,
  parseMultipart,
  parseURLEncoded,
  serializeFormData,
};
