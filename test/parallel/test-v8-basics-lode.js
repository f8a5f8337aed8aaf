'use strict';
// node:v8 in lode: heap figures, flags, serialization round trips and the
// APIs that throw ERR_NOT_IMPLEMENTED.
require('../common');
const assert = require('assert');
const v8 = require('v8');

const heap = v8.getHeapStatistics();
assert.deepStrictEqual(Object.keys(heap), [
  'total_heap_size', 'total_heap_size_executable', 'total_physical_size',
  'total_available_size', 'used_heap_size', 'heap_size_limit',
  'malloced_memory', 'peak_malloced_memory', 'does_zap_garbage',
  'number_of_native_contexts', 'number_of_detached_contexts',
  'total_global_handles_size', 'used_global_handles_size', 'external_memory',
]);
assert(heap.used_heap_size > 0 && heap.heap_size_limit > heap.used_heap_size);
const spaces = v8.getHeapSpaceStatistics();
assert(spaces.some((s) => s.space_name === 'old_space'));
assert.deepStrictEqual(Object.keys(spaces[0]), [
  'space_name', 'space_size', 'space_used_size', 'space_available_size',
  'physical_space_size',
]);
assert.deepStrictEqual(Object.keys(v8.getHeapCodeStatistics()), [
  'code_and_metadata_size', 'bytecode_and_metadata_size',
  'external_script_source_size', 'cpu_profiler_metadata_size',
]);
assert.strictEqual(typeof v8.cachedDataVersionTag(), 'number');
assert.strictEqual(v8.cachedDataVersionTag(), v8.cachedDataVersionTag());

assert.throws(() => v8.setFlagsFromString(1), { code: 'ERR_INVALID_ARG_TYPE' });
v8.setFlagsFromString('--allow-natives-syntax');
assert.strictEqual(v8.isStringOneByteRepresentation('abc'), true);
assert.strictEqual(v8.isStringOneByteRepresentation('\u1234'), false);
assert.throws(() => v8.isStringOneByteRepresentation(1),
              { code: 'ERR_INVALID_ARG_TYPE' });

// Round trips, including the views DefaultSerializer writes as host objects.
const value = {
  a: [1, 'two', null, undefined, 2n ** 70n],
  m: new Map([[1, { x: true }]]),
  s: new Set(['y']),
  d: new Date(0),
  buf: Buffer.from('hi'),
  u16: new Uint16Array([1, 2, 3]),
  f64: new Float64Array([1.5]),
  dv: new DataView(new ArrayBuffer(4)),
  big: new BigInt64Array([-1n]),
};
assert.deepStrictEqual(v8.deserialize(v8.serialize(value)), value);
// Node's wire format for a Buffer and a Uint8Array.
assert.strictEqual(v8.serialize(Buffer.alloc(2)).toString('hex'),
                   'ff0f5c0a020000');
assert.strictEqual(v8.serialize(new Uint8Array(1)).toString('hex'),
                   'ff0f5c010100');
assert.throws(() => v8.serialize(() => {}),
              { name: 'Error', message: /could not be cloned/ });
assert.throws(() => v8.deserialize('x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'buffer must be a TypedArray or a DataView',
});
assert.throws(() => v8.Serializer(), { code: 'ERR_CONSTRUCT_CALL_REQUIRED' });

// The raw methods.
const ser = new v8.Serializer();
ser.writeHeader();
assert.strictEqual(ser.writeValue('x'), true);
ser.writeUint32(7);
ser.writeUint64(1, 2);
ser.writeDouble(2.5);
ser.writeRawBytes(Buffer.from([9, 8]));
const bytes = ser.releaseBuffer();
assert(Buffer.isBuffer(bytes));
const des = new v8.Deserializer(bytes);
assert.strictEqual(des.readHeader(), true);
assert.strictEqual(des.getWireFormatVersion(), 15);
assert.strictEqual(des.readValue(), 'x');
assert.strictEqual(des.readUint32(), 7);
assert.deepStrictEqual(des.readUint64(), [1, 2]);
assert.strictEqual(des.readDouble(), 2.5);
assert.deepStrictEqual(des.readRawBytes(2), Buffer.from([9, 8]));
assert.throws(() => des.readUint32(), { message: 'ReadUint32() failed' });

// A custom host object hook.
class MySerializer extends v8.DefaultSerializer {}
class MyDeserializer extends v8.DefaultDeserializer {
  _readHostObject() {
    return { host: super._readHostObject() };
  }
}
const ms = new MySerializer();
ms.writeHeader();
ms.writeValue(new Int32Array([5]));
const md = new MyDeserializer(ms.releaseBuffer());
md.readHeader();
assert.deepStrictEqual(md.readValue(), { host: new Int32Array([5]) });

// Transferred ArrayBuffers.
const ab = new ArrayBuffer(4);
const ts = new v8.Serializer();
ts.transferArrayBuffer(0, ab);
ts.writeHeader();
ts.writeValue(ab);
const td = new v8.Deserializer(ts.releaseBuffer());
const target = new ArrayBuffer(3);
td.transferArrayBuffer(0, target);
td.readHeader();
assert.strictEqual(td.readValue(), target);

assert(!v8.startupSnapshot.isBuildingSnapshot());
assert.throws(() => v8.startupSnapshot.addSerializeCallback(() => {}),
              { code: 'ERR_NOT_BUILDING_SNAPSHOT' });
assert.throws(() => v8.getCppHeapStatistics(),
              { code: 'ERR_NOT_IMPLEMENTED' });
assert.throws(() => v8.promiseHooks.onInit(),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.strictEqual(v8.takeCoverage(), undefined);
