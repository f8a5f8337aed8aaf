'use strict';
// serialization: 'advanced' carries what V8's serializer does: Buffers and
// typed arrays, Maps, Sets, Dates, BigInts, errors, undefined, cycles.
const common = require('../common');
const assert = require('assert');
const { fork } = require('child_process');

if (process.argv[2] === 'child') {
  process.on('message', common.mustCall((message) => {
    // Echo with the types as the child saw them.
    const types = {};
    for (const key of Object.keys(message)) {
      types[key] = Object.prototype.toString.call(message[key]);
    }
    process.send({ message, types, isBuffer: Buffer.isBuffer(message.buf) });
    process.disconnect();
  }));
} else {
  const cyclic = { name: 'cyclic' };
  cyclic.self = cyclic;
  const sent = {
    buf: Buffer.from('lode'),
    slice: Buffer.from('0123456789').subarray(2, 5),
    u16: new Uint16Array([1, 65535]),
    f64: new Float64Array([1.5, -0]),
    big64: new BigInt64Array([-5n]),
    ab: new Uint8Array([7, 8]).buffer,
    map: new Map([[1, { x: 2 }]]),
    set: new Set(['a']),
    date: new Date(1e12),
    re: /lode/gi,
    big: 12345678901234567890n,
    undef: undefined,
    err: new RangeError('far'),
    cyclic,
  };

  const child = fork(__filename, ['child'], { serialization: 'advanced' });

  assert.throws(() => child.send({ fn() {} }), {
    name: 'Error',
    message: 'fn() {} could not be cloned.',
  });
  assert.throws(() => child.send(Symbol('s')), {
    code: 'ERR_INVALID_ARG_TYPE',
  });

  child.send(sent);
  child.on('message', common.mustCall(({ message, types, isBuffer }) => {
    assert.strictEqual(isBuffer, true);
    assert.strictEqual(types.u16, '[object Uint16Array]');
    assert.strictEqual(types.big64, '[object BigInt64Array]');
    assert.strictEqual(types.ab, '[object ArrayBuffer]');
    assert.strictEqual(types.undef, '[object Undefined]');
    assert.ok(Buffer.isBuffer(message.buf));
    assert.deepStrictEqual(message.buf, sent.buf);
    // Only the bytes of the slice travel, not its whole pool.
    assert.strictEqual(message.slice.toString(), '234');
    assert.deepStrictEqual(message.u16, sent.u16);
    assert.ok(Object.is(message.f64[1], -0));
    assert.deepStrictEqual(message.big64, sent.big64);
    assert.deepStrictEqual(new Uint8Array(message.ab), new Uint8Array([7, 8]));
    assert.deepStrictEqual(message.map, sent.map);
    assert.deepStrictEqual(message.set, sent.set);
    assert.strictEqual(message.date.getTime(), 1e12);
    assert.strictEqual(message.re.flags, 'gi');
    assert.strictEqual(message.big, sent.big);
    assert.ok('undef' in message);
    assert.ok(message.err instanceof RangeError);
    assert.strictEqual(message.err.message, 'far');
    assert.strictEqual(message.cyclic.self, message.cyclic);
  }));
  child.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
}
