'use strict';

// node:v8: heap figures, V8 flags, heap snapshots, object queries, CPU and
// GC profiles and structured serialization, over internalBinding('v8'). The
// tools that need V8 features lode lacks (C++ heap statistics, promise
// hooks, coverage files) throw ERR_NOT_IMPLEMENTED naming the API.

const {
  ArrayBuffer,
  ArrayPrototypePush,
  BigInt64Array,
  BigUint64Array,
  DataView,
  Date,
  DataViewPrototypeGetBuffer,
  DataViewPrototypeGetByteLength,
  DataViewPrototypeGetByteOffset,
  ArrayPrototypeMap,
  Error,
  Float32Array,
  Float64Array,
  FunctionPrototypeCall,
  Int16Array,
  Int32Array,
  Int8Array,
  JSONParse,
  ObjectDefineProperty,
  ObjectPrototypeToString,
  SafeMap,
  SymbolDispose,
  TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteLength,
  TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeGetSymbolToStringTag,
  Uint16Array,
  Uint32Array,
  Uint8Array,
  Uint8ClampedArray,
} = primordials;

const binding = internalBinding('v8');
const { Serializer, Deserializer } = binding;
const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_NOT_IMPLEMENTED,
  },
} = require('internal/errors');
const {
  validateFunction,
  validateObject,
  validateString,
  validateUint32,
} = require('internal/validators');
const { emitExperimentalWarning, kEmptyObject } = require('internal/util');
const { FastBuffer } = require('internal/buffer');
const { Buffer } = require('buffer');

// ---- heap figures -------------------------------------------------------

const kHeapStatisticsFields = [
  'total_heap_size',
  'total_heap_size_executable',
  'total_physical_size',
  'total_available_size',
  'used_heap_size',
  'heap_size_limit',
  'malloced_memory',
  'peak_malloced_memory',
  'does_zap_garbage',
  'number_of_native_contexts',
  'number_of_detached_contexts',
  'total_global_handles_size',
  'used_global_handles_size',
  'external_memory',
];

const kHeapCodeStatisticsFields = [
  'code_and_metadata_size',
  'bytecode_and_metadata_size',
  'external_script_source_size',
  'cpu_profiler_metadata_size',
];

// Scratch arrays the binding fills, made on first use.
let heapStatisticsBuffer;
let heapSpaceBuffer;
let heapCodeBuffer;

function fill(fields, values) {
  const result = {};
  for (let i = 0; i < fields.length; i++) result[fields[i]] = values[i];
  return result;
}

function getHeapStatistics() {
  heapStatisticsBuffer ??= new Float64Array(kHeapStatisticsFields.length);
  binding.updateHeapStatistics(heapStatisticsBuffer);
  return fill(kHeapStatisticsFields, heapStatisticsBuffer);
}

function getHeapSpaceStatistics() {
  const count = binding.heapSpaceCount();
  if (heapSpaceBuffer === undefined || heapSpaceBuffer.length < count * 4) {
    heapSpaceBuffer = new Float64Array(count * 4);
  }
  const names = binding.updateHeapSpaceStatistics(heapSpaceBuffer);
  const result = [];
  for (let i = 0; i < names.length; i++) {
    ArrayPrototypePush(result, {
      space_name: names[i],
      space_size: heapSpaceBuffer[i * 4],
      space_used_size: heapSpaceBuffer[i * 4 + 1],
      space_available_size: heapSpaceBuffer[i * 4 + 2],
      physical_space_size: heapSpaceBuffer[i * 4 + 3],
    });
  }
  return result;
}

function getHeapCodeStatistics() {
  heapCodeBuffer ??= new Float64Array(kHeapCodeStatisticsFields.length);
  binding.updateHeapCodeStatistics(heapCodeBuffer);
  return fill(kHeapCodeStatisticsFields, heapCodeBuffer);
}

function cachedDataVersionTag() {
  return binding.cachedDataVersionTag();
}

function setFlagsFromString(flags) {
  validateString(flags, 'flags');
  binding.setFlagsFromString(flags);
}

function isStringOneByteRepresentation(content) {
  validateString(content, 'content');
  return binding.isStringOneByteRepresentation(content);
}

// ---- heap snapshots -----------------------------------------------------

function validateSnapshotOptions(options) {
  if (options === undefined) return;
  validateObject(options, 'options');
  // exposeInternals and exposeNumericValues change nothing V8 10.2 writes.
}

function getHeapSnapshot(options) {
  validateSnapshotOptions(options);
  const { Readable } = require('stream');
  const text = binding.buildHeapSnapshot();
  return Readable.from([Buffer.from(text)], { objectMode: false });
}

let snapshotSequence = 0;

function pad(n, width) {
  let s = `${n}`;
  while (s.length < width) s = `0${s}`;
  return s;
}

// Node's name: Heap.<yyyymmdd>.<hhmmss>.<pid>.<thread id>.<seq>.heapsnapshot
function defaultSnapshotName() {
  const now = new Date();
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1, 2)}` +
               `${pad(now.getDate(), 2)}`;
  const time = `${pad(now.getHours(), 2)}${pad(now.getMinutes(), 2)}` +
               `${pad(now.getSeconds(), 2)}`;
  const { threadId } = require('worker_threads');
  snapshotSequence++;
  return `Heap.${date}.${time}.${process.pid}.${threadId}.` +
         `${pad(snapshotSequence, 3)}.heapsnapshot`;
}

function writeHeapSnapshot(filename, options) {
  const fs = require('fs');
  if (filename !== undefined) {
    const { getValidatedPath } = require('internal/fs/utils');
    filename = getValidatedPath(filename);
  }
  validateSnapshotOptions(options);
  filename ??= defaultSnapshotName();
  fs.writeFileSync(filename, binding.buildHeapSnapshot());
  return filename;
}

function setHeapSnapshotNearHeapLimit(limit) {
  validateUint32(limit, 'limit', true);
  throw new ERR_NOT_IMPLEMENTED('v8.setHeapSnapshotNearHeapLimit');
}

// ---- APIs V8 10.2 gives lode no cheap way to provide ---------------------

function notImplemented(name) {
  return function() {
    throw new ERR_NOT_IMPLEMENTED(name);
  };
}

const getCppHeapStatistics = notImplemented('v8.getCppHeapStatistics');

// ---- profiles and object queries -------------------------------------------

const kSummaryInspectOptions = { __proto__: null, depth: 0 };

// The objects whose prototype chain holds ctor.prototype (what the
// console's queryObjects() finds): their count, or each one inspected.
function queryObjects(ctor, options = kEmptyObject) {
  validateFunction(ctor, 'constructor');
  if (options !== kEmptyObject) validateObject(options, 'options');
  const format = options.format || 'count';
  if (format !== 'count' && format !== 'summary') {
    throw new ERR_INVALID_ARG_VALUE('options.format', format);
  }
  emitExperimentalWarning('v8.queryObjects()');
  const objects = binding.queryObjects(ctor.prototype);
  if (format === 'count') return objects.length;
  const { inspect } = require('internal/util/inspect');
  return ArrayPrototypeMap(objects,
                           (object) => inspect(object, kSummaryInspectOptions));
}

class SyncCPUProfileHandle {
  #id;
  #stopped = false;

  constructor(id) {
    this.#id = id;
  }

  // The profile as .cpuprofile JSON text; undefined once stopped.
  stop() {
    if (this.#stopped) return undefined;
    this.#stopped = true;
    return binding.stopCpuProfile(this.#id);
  }

  [SymbolDispose]() {
    this.stop();
  }
}

function startCpuProfile() {
  return new SyncCPUProfileHandle(binding.startCpuProfile());
}

class GCProfiler {
  #profiler = null;

  start() {
    if (this.#profiler === null) {
      this.#profiler = new binding.GCProfiler();
      this.#profiler.start();
    }
  }

  stop() {
    if (this.#profiler === null) return undefined;
    const text = this.#profiler.stop();
    this.#profiler = null;
    return JSONParse(text);
  }
}

// Shared with async_hooks, which owns V8's promise hook slots (see
// lib/internal/promise_hooks.js).
const { promiseHooks } = require('internal/promise_hooks');

// NODE_V8_COVERAGE: write the coverage so far to its folder (V8 counts
// from zero again after), or stop collecting. Without it, they do nothing,
// as in Node.
function takeCoverage() {
  internalBinding('inspector').writeCoverage();
}
function stopCoverage() {
  internalBinding('inspector').stopCoverage();
}

// v8.startupSnapshot: usable while a builder script (--build-snapshot)
// runs.
const startupSnapshot = require('internal/v8/startup_snapshot').namespace;

// ---- serialization ------------------------------------------------------

// The native releaseBuffer hands over an ArrayBuffer; users get a Buffer.
const nativeReleaseBuffer = Serializer.prototype.releaseBuffer;
ObjectDefineProperty(Serializer.prototype, 'releaseBuffer', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  writable: true,
  value: function releaseBuffer() {
    const arrayBuffer = FunctionPrototypeCall(nativeReleaseBuffer, this);
    return new FastBuffer(arrayBuffer);
  },
});

Serializer.prototype._getDataCloneError = Error;

// The bytes come back as a Buffer over this.buffer's memory.
Deserializer.prototype.readRawBytes = function readRawBytes(length) {
  const offset = this._readRawBytes(length);
  const view = this.buffer;
  return new FastBuffer(viewBuffer(view), viewByteOffset(view) + offset,
                        length);
};

// A view is a DataView when it has no typed array tag.
function viewBuffer(view) {
  return TypedArrayPrototypeGetSymbolToStringTag(view) === undefined ?
    DataViewPrototypeGetBuffer(view) :
    TypedArrayPrototypeGetBuffer(view);
}

function viewByteOffset(view) {
  return TypedArrayPrototypeGetSymbolToStringTag(view) === undefined ?
    DataViewPrototypeGetByteOffset(view) :
    TypedArrayPrototypeGetByteOffset(view);
}

function viewByteLength(view) {
  return TypedArrayPrototypeGetSymbolToStringTag(view) === undefined ?
    DataViewPrototypeGetByteLength(view) :
    TypedArrayPrototypeGetByteLength(view);
}

// The type numbers of the wire format DefaultSerializer writes for host
// objects; they must match Node's for the bytes to be exchangeable.
const kBufferIndex = 10;
const kViewTypes = [
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array,
  Int32Array, Uint32Array, Float32Array, Float64Array, DataView,
  FastBuffer, BigInt64Array, BigUint64Array,
];
const kViewIndexByTag = new SafeMap();
for (let i = 0; i < kViewTypes.length; i++) {
  if (i !== kBufferIndex) {
    kViewIndexByTag.set(ObjectPrototypeToString(new kViewTypes[i](
      kViewTypes[i] === DataView ? new ArrayBuffer(0) : 0)), i);
  }
}

class DefaultSerializer extends Serializer {
  constructor() {
    super();
    this._setTreatArrayBufferViewsAsHostObjects(true);
  }

  // Views are written as their own bytes, not their whole ArrayBuffer (a
  // Buffer's may be a shared pool holding other data).
  _writeHostObject(view) {
    let index = kBufferIndex;
    if (view.constructor !== Buffer) {
      index = kViewIndexByTag.get(ObjectPrototypeToString(view));
      if (index === undefined) {
        const { inspect } = require('internal/util/inspect');
        throw new this._getDataCloneError(
          `Unserializable host object: ${inspect(view)}`);
      }
    }
    this.writeUint32(index);
    const length = viewByteLength(view);
    this.writeUint32(length);
    this.writeRawBytes(new Uint8Array(viewBuffer(view), viewByteOffset(view),
                                      length));
  }
}

class DefaultDeserializer extends Deserializer {
  _readHostObject() {
    const index = this.readUint32();
    const ctor = kViewTypes[index];
    const byteLength = this.readUint32();
    const offset = this._readRawBytes(byteLength);
    const elementSize = ctor.BYTES_PER_ELEMENT || 1;
    const source = this.buffer;
    const start = viewByteOffset(source) + offset;
    if (start % elementSize === 0) {
      return new ctor(viewBuffer(source), start, byteLength / elementSize);
    }
    // Misaligned for the element type: copy the bytes out first.
    const copy = new FastBuffer(byteLength);
    const bytes = new Uint8Array(viewBuffer(source), start, byteLength);
    for (let i = 0; i < byteLength; i++) copy[i] = bytes[i];
    return new ctor(TypedArrayPrototypeGetBuffer(copy), 0,
                    byteLength / elementSize);
  }
}

function serialize(value) {
  const serializer = new DefaultSerializer();
  serializer.writeHeader();
  serializer.writeValue(value);
  return serializer.releaseBuffer();
}

function deserialize(buffer) {
  const deserializer = new DefaultDeserializer(buffer);
  deserializer.readHeader();
  return deserializer.readValue();
}

module.exports = {
  cachedDataVersionTag,
  getHeapSnapshot,
  getHeapStatistics,
  getHeapSpaceStatistics,
  getHeapCodeStatistics,
  getCppHeapStatistics,
  setFlagsFromString,
  Serializer,
  Deserializer,
  DefaultSerializer,
  DefaultDeserializer,
  deserialize,
  takeCoverage,
  stopCoverage,
  serialize,
  writeHeapSnapshot,
  promiseHooks,
  queryObjects,
  startupSnapshot,
  setHeapSnapshotNearHeapLimit,
  GCProfiler,
  isStringOneByteRepresentation,
  startCpuProfile,
};
