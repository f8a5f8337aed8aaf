'use strict';

// Blob (https://w3c.github.io/FileAPI/#blob-section). A Blob is an immutable
// list of parts: bytes copied in when it was made, or a range of a file
// (fs.openAsBlob) that is read when asked for and must not have changed.
// Also the registry behind URL.createObjectURL and buffer.resolveObjectURL.

const {
  ArrayBuffer,
  ArrayBufferIsView,
  ArrayPrototypePush,
  MathMax,
  MathMin,
  MathTrunc,
  NumberIsNaN,
  ObjectDefineProperties,
  PromisePrototypeThen,
  PromiseReject,
  PromiseResolve,
  RegExpPrototypeSymbolReplace,
  SafeMap,
  StringPrototypeCharCodeAt,
  StringPrototypeSplit,
  StringPrototypeToLowerCase,
  Symbol,
  SymbolIterator,
  SymbolToStringTag,
  TypedArrayPrototypeSet,
  Uint8Array,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const {
  customInspectSymbol: kInspect,
  isWindows,
  kEnumerableProperty,
  lazyDOMException,
} = require('internal/util');
const { isAnyArrayBuffer } = require('internal/util/types');
const { validateDictionary } = require('internal/validators');

let TextEncoder;
let TextDecoder;
let ReadableStream;
let inspect;
let fsPromises;

const kBlob = Symbol('kBlob');
// Files are read into the stream in pieces of this size.
const kFileChunkSize = 65536;

let encoder;
function encodeString(string) {
  if (encoder === undefined) {
    TextEncoder ??= require('internal/encoding').TextEncoder;
    encoder = new TextEncoder();
  }
  return encoder.encode(string);
}

// A view of the bytes of an ArrayBuffer or an ArrayBufferView, copied so
// that later changes to the source do not reach the Blob.
function copyBytes(source) {
  if (ArrayBufferIsView(source)) {
    return new Uint8Array(new Uint8Array(source.buffer, source.byteOffset,
                                         source.byteLength));
  }
  return new Uint8Array(new Uint8Array(source));
}

function convertLineEndings(string) {
  // "native": every CRLF, CR and LF becomes the platform's line ending.
  return RegExpPrototypeSymbolReplace(/\r\n|\r|\n/g, string,
                                      isWindows ? '\r\n' : '\n');
}

// The type attribute: lowercased, or '' when it holds a character outside
// U+0020..U+007E.
function normalizeType(type) {
  type = `${type}`;
  for (let i = 0; i < type.length; i++) {
    const code = StringPrototypeCharCodeAt(type, i);
    if (code < 0x20 || code > 0x7E) return '';
  }
  return StringPrototypeToLowerCase(type);
}

// Whether any Blob exists yet: structuredClone checks for them only then.
let blobCreated = false;
function anyBlobCreated() {
  return blobCreated;
}
function noteBlobCreated() {
  blobCreated = true;
  require('internal/structured_clone').enablePortMessageCheck();
}

function isBlob(object) {
  return object?.[kBlob] !== undefined;
}

// The Blob fs.openAsBlob() returned (not one made from it): as in Node it
// cannot be cloned or posted, its file being opened by this thread.
function isOpenedFileBlob(object) {
  return object?.[kBlob]?.openedFile === true;
}

function partLength(part) {
  return part.bytes !== undefined ? part.bytes.byteLength : part.length;
}

// The parts covering bytes [start, end) of `parts`.
function sliceParts(parts, start, end) {
  const result = [];
  let position = 0;
  for (let i = 0; i < parts.length && position < end; i++) {
    const part = parts[i];
    const length = partLength(part);
    const partStart = position;
    position += length;
    if (position <= start) continue;
    const from = MathMax(start - partStart, 0);
    const to = MathMin(end - partStart, length);
    if (to <= from) continue;
    if (part.bytes !== undefined) {
      ArrayPrototypePush(result, {
        __proto__: null, bytes: part.bytes.subarray(from, to),
      });
    } else {
      ArrayPrototypePush(result, {
        __proto__: null,
        file: part.file,
        offset: part.offset + from,
        length: to - from,
      });
    }
  }
  return result;
}

class Blob {
  constructor(sources = [], options) {
    if (sources === null ||
        typeof sources[SymbolIterator] !== 'function' ||
        typeof sources === 'string') {
      throw new ERR_INVALID_ARG_TYPE('sources', 'a sequence', sources);
    }
    validateDictionary(options, 'options');
    let endings = options?.endings;
    let type = options?.type;
    endings = endings === undefined ? 'transparent' : `${endings}`;
    if (endings !== 'transparent' && endings !== 'native') {
      throw new ERR_INVALID_ARG_VALUE('options.endings', endings);
    }

    const parts = [];
    let size = 0;
    for (const source of sources) {
      if (isBlob(source)) {
        const blobParts = source[kBlob].parts;
        for (let i = 0; i < blobParts.length; i++) {
          ArrayPrototypePush(parts, blobParts[i]);
        }
        size += source[kBlob].size;
        continue;
      }
      let bytes;
      if (isAnyArrayBuffer(source) || ArrayBufferIsView(source)) {
        bytes = copyBytes(source);
      } else {
        let string = `${source}`;
        if (endings === 'native') string = convertLineEndings(string);
        bytes = encodeString(string);
      }
      ArrayPrototypePush(parts, { __proto__: null, bytes });
      size += bytes.byteLength;
    }

    type = type === undefined ? '' : normalizeType(type);
    this[kBlob] = { __proto__: null, parts, size, type };
    if (!blobCreated) noteBlobCreated();
  }

  get type() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    return this[kBlob].type;
  }

  get size() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    return this[kBlob].size;
  }

  slice(start = 0, end = undefined, contentType = '') {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    const { size, parts } = this[kBlob];
    const relativeStart = relativeIndex(start, size, 0);
    const relativeEnd = relativeIndex(end, size, size);
    const span = MathMax(relativeEnd - relativeStart, 0);
    return createBlob(
      sliceParts(parts, relativeStart, relativeStart + span),
      span,
      normalizeType(contentType));
  }

  arrayBuffer() {
    if (!isBlob(this)) {
      return PromiseReject(new ERR_INVALID_THIS('Blob'));
    }
    return readArrayBuffer(this);
  }

  text() {
    if (!isBlob(this)) {
      return PromiseReject(new ERR_INVALID_THIS('Blob'));
    }
    return PromisePrototypeThen(readArrayBuffer(this), (buffer) => {
      TextDecoder ??= require('internal/encoding').TextDecoder;
      return new TextDecoder().decode(buffer);
    });
  }

  bytes() {
    if (!isBlob(this)) {
      return PromiseReject(new ERR_INVALID_THIS('Blob'));
    }
    return PromisePrototypeThen(readArrayBuffer(this),
                                (buffer) => new Uint8Array(buffer));
  }

  stream() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    return createBlobReadableStream(this[kBlob].parts);
  }

  [kInspect](depth, options) {
    if (depth < 0) return '[Blob]';
    inspect ??= require('internal/util/inspect').inspect;
    const opts = {
      ...options,
      depth: options.depth == null ? null : options.depth - 1,
    };
    return `Blob ${inspect({
      size: this.size,
      type: this.type,
    }, opts)}`;
  }
}

ObjectDefineProperties(Blob.prototype, {
  size: kEnumerableProperty,
  type: kEnumerableProperty,
  slice: kEnumerableProperty,
  stream: kEnumerableProperty,
  text: kEnumerableProperty,
  arrayBuffer: kEnumerableProperty,
  bytes: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null, configurable: true, value: 'Blob',
  },
});

// slice()'s start and end: negative counts from the end, then clamped.
function relativeIndex(value, size, defaultValue) {
  if (value === undefined) return defaultValue;
  let number = MathTrunc(+value);
  if (NumberIsNaN(number)) number = 0;
  if (number < 0) return MathMax(size + number, 0);
  return MathMin(number, size);
}

// A Blob over parts the caller already owns.
function createBlob(parts, size, type = '') {
  const blob = new Blob();
  blob[kBlob] = { __proto__: null, parts, size, type };
  if (!blobCreated) noteBlobCreated();
  return blob;
}

// ---- Reading -----------------------------------------------------------

function notReadable() {
  return lazyDOMException('The blob could not be read', 'NotReadableError');
}

// Reads `length` bytes at `offset` of a file part's file, after checking
// the file is still the one the Blob was made from.
async function readFileRange(file, offset, length) {
  fsPromises ??= require('internal/fs/promises').exports;
  let handle;
  try {
    handle = await fsPromises.open(file.path, 'r');
  } catch {
    throw notReadable();
  }
  try {
    const stats = await handle.stat();
    if (stats.size !== file.size || stats.mtimeMs !== file.mtimeMs) {
      throw notReadable();
    }
    const bytes = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } =
        await handle.read(bytes, filled, length - filled, offset + filled);
      if (bytesRead === 0) throw notReadable();
      filled += bytesRead;
    }
    return bytes;
  } finally {
    await handle.close();
  }
}

async function checkFileUnchanged(file) {
  fsPromises ??= require('internal/fs/promises').exports;
  let stats;
  try {
    stats = await fsPromises.stat(file.path);
  } catch {
    throw notReadable();
  }
  if (stats.size !== file.size || stats.mtimeMs !== file.mtimeMs) {
    throw notReadable();
  }
}

// All the bytes of a Blob, in a Uint8Array over a fresh ArrayBuffer.
function readAll(blob) {
  const { parts, size } = blob[kBlob];
  let hasFile = false;
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].bytes === undefined) hasFile = true;
  }
  if (!hasFile) {
    return PromiseResolve(concatParts(parts, size));
  }
  return (async () => {
    const chunks = [];
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (part.bytes !== undefined) {
        ArrayPrototypePush(chunks, part);
      } else if (part.length === 0) {
        await checkFileUnchanged(part.file);
      } else {
        ArrayPrototypePush(chunks, {
          __proto__: null,
          bytes: await readFileRange(part.file, part.offset, part.length),
        });
      }
    }
    return concatParts(chunks, size);
  })();
}

function readArrayBuffer(blob) {
  return PromisePrototypeThen(readAll(blob), (bytes) => bytes.buffer);
}

function concatParts(parts, size) {
  const result = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (let i = 0; i < parts.length; i++) {
    const { bytes } = parts[i];
    TypedArrayPrototypeSet(result, bytes, offset);
    offset += bytes.byteLength;
  }
  return result;
}

// Blob.prototype.stream(): a byte stream that hands out one part per pull
// (a file part in pieces of kFileChunkSize).
function createBlobReadableStream(parts) {
  ReadableStream ??=
    require('internal/webstreams/readablestream').ReadableStream;
  let index = 0;
  let fileOffset = 0;
  return new ReadableStream({
    type: 'bytes',
    async pull(controller) {
      while (index < parts.length) {
        const part = parts[index];
        if (part.bytes !== undefined) {
          index++;
          if (part.bytes.byteLength === 0) continue;
          // enqueue() takes the buffer over: hand it a copy.
          controller.enqueue(new Uint8Array(part.bytes));
          return;
        }
        if (part.length === 0) {
          await checkFileUnchanged(part.file);
          index++;
          continue;
        }
        const length = MathMin(kFileChunkSize, part.length - fileOffset);
        const bytes =
          await readFileRange(part.file, part.offset + fileOffset, length);
        fileOffset += length;
        if (fileOffset >= part.length) {
          index++;
          fileOffset = 0;
        }
        controller.enqueue(bytes);
        return;
      }
      controller.close();
      // A BYOB read still waiting gets its empty answer.
      controller.byobRequest?.respond(0);
    },
  }, { highWaterMark: 0 });
}

// fs.openAsBlob(): a Blob whose bytes stay in the file.
function createBlobFromFile(path, stats, type) {
  const file = {
    __proto__: null, path, size: stats.size, mtimeMs: stats.mtimeMs,
  };
  const parts = stats.size === 0 ?
    [{ __proto__: null, file, offset: 0, length: 0 }] :
    [{ __proto__: null, file, offset: 0, length: stats.size }];
  const blob = createBlob(parts, stats.size, type);
  blob[kBlob].openedFile = true;
  return blob;
}

// ---- Object URLs ------------------------------------------------------

const objectURLs = new SafeMap();

// A version 4 UUID from OpenSSL's generator (loaded on first use).
function randomUUID() {
  return require('internal/crypto/random').randomUUID();
}

function createObjectURL(blob) {
  const id = randomUUID();
  const { parts, size, type } = blob[kBlob];
  objectURLs.set(id, { __proto__: null, parts, size, type });
  return `blob:nodedata:${id}`;
}

// The registry key of a blob:nodedata: URL, or undefined.
function objectURLKey(url) {
  let parsed;
  try {
    const { URL } = require('internal/url');
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'blob:') return undefined;
  const split = StringPrototypeSplit(parsed.pathname, ':');
  if (split.length !== 2 || split[0] !== 'nodedata') return undefined;
  return split[1];
}

function revokeObjectURL(url) {
  const key = objectURLKey(`${url}`);
  if (key !== undefined) objectURLs.delete(key);
}

function resolveObjectURL(url) {
  const key = objectURLKey(`${url}`);
  if (key === undefined) return undefined;
  const entry = objectURLs.get(key);
  if (entry === undefined) return undefined;
  return createBlob(entry.parts, entry.size, entry.type);
}

module.exports = {
  anyBlobCreated,
  Blob,
  createBlob,
  createBlobFromFile,
  createObjectURL,
  isBlob,
  isOpenedFileBlob,
  kBlob,
  resolveObjectURL,
  revokeObjectURL,
};
