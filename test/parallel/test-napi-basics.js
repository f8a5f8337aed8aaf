'use strict';
// Flags: --expose-gc
const common = require('../common');
const assert = require('assert');
const path = require('path');
const tmpdir = require('../common/tmpdir');
const { buildAddon } = require('../common/napi');

// A Node-API addon of lode's own: values, strings, errors, classes with
// napi_wrap and finalizers, type tags; and the functions it calls are
// lode's (not the napi_* libnode also exports).

tmpdir.refresh();
const file = buildAddon('basics');
const addon = require(file);

// Where the calls land: the lode executable, at lode's levels.
{
  const where = addon.whereIs();
  assert.strictEqual(where.napiFile, process.execPath);
  assert.doesNotMatch(where.napiFile, /libnode/);
  assert.strictEqual(where.napiVersion, 10);
  assert.strictEqual(String(where.napiVersion), process.versions.napi);
  assert.strictEqual(where.nodeMajor, 24);
  assert.strictEqual(where.moduleFile,
                     require('url').pathToFileURL(file).href);
}

// What a callback learns about its call: as many arguments as it has room
// for (the missing ones undefined), their real count, this, its data.
{
  const self = { name: 'self' };
  const o = {};
  assert.deepStrictEqual(addon.argsOf(),
                         [0, undefined, undefined, undefined, addon,
                          'argsOf data']);
  assert.deepStrictEqual(addon.argsOf.call(self, 1),
                         [1, 1, undefined, undefined, self, 'argsOf data']);
  const [count, a, b, c, that] = addon.argsOf.call(self, 'a', o, 3, 4, 5);
  assert.strictEqual(count, 5);
  assert.strictEqual(a, 'a');
  assert.strictEqual(b, o);
  assert.strictEqual(c, 3);
  assert.strictEqual(that, self);
  // Many calls: the arguments of each call, not of an earlier one.
  for (let i = 0; i < 20000; i++) {
    const r = addon.argsOf(i, i + 1);
    if (r[0] !== 2 || r[1] !== i || r[2] !== i + 1 || r[3] !== undefined) {
      assert.fail(`call ${i}: ${r}`);
    }
  }
}

// Values and statuses.
{
  assert.strictEqual(addon.add(2, 3.5), 5.5);
  assert.throws(() => addon.add(1, 'x'), {
    code: 'ERR_LODE_TEST',
    message: 'A number was expected',
  });
  assert.deepStrictEqual(addon.lastError('x'),
                         { status: 6, message: 'A number was expected' });
  assert.deepStrictEqual(addon.lastError(1), { status: 0, message: '' });
  // Bad arguments give napi_invalid_arg (1), napi_number_expected (6),
  // napi_boolean_expected (7)... as Node answers them, never a crash.
  assert.deepStrictEqual(addon.badArgs(),
                         [1, 1, 6, 7, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  assert.strictEqual(addon.answer, 42);
  assert.strictEqual(Object.getOwnPropertyDescriptor(addon, 'answer').writable,
                     false);
  assert.strictEqual(addon.negate(-(2n ** 100n) - 7n), 2n ** 100n + 7n);
  assert.strictEqual(addon.runScript('6 * 7'), 42);
}

// Strings.
{
  assert.deepStrictEqual(addon.strings('h\u00e9llo'), {
    utf8Length: 6, utf16Length: 5, cut: 'h\u00e9l',
    latin1: 'caf\u00e9', utf16: '\u{1f600}',
  });
  // A character that does not fit whole is left out.
  assert.strictEqual(addon.strings('abc\u20ac').cut, 'abc');
}

// Errors and exceptions.
{
  assert.throws(() => addon.throwKind('error'),
                { name: 'Error', code: 'ERR_E', message: 'error message' });
  assert.throws(() => addon.throwKind('type'),
                { name: 'TypeError', code: 'ERR_T' });
  assert.throws(() => addon.throwKind('range'),
                { name: 'RangeError', code: 'ERR_R' });
  assert.throws(() => addon.throwKind('syntax'),
                { name: 'SyntaxError', message: 'syntax message' });
  assert.throws(() => addon.throwKind('value'), (v) => v === 42);
  const boom = new Error('boom');
  const caught = addon.catchFrom(() => { throw boom; });
  assert.strictEqual(caught.caught, boom);
  assert.strictEqual(caught.status, 10);  // napi_pending_exception
  assert.strictEqual(addon.catchFrom(() => 7), 7);
}

// A class: constructor, method, accessor, static value, napi_wrap.
{
  const { Counter } = addon;
  assert.strictEqual(Counter.name, 'Counter');
  assert.strictEqual(Counter.kind, 'counter');
  const c = new Counter(5);
  assert.ok(c instanceof Counter);
  assert.strictEqual(c.increment().increment().value, 7);
  assert.throws(() => Counter(), { name: 'TypeError' });
  // A method checks its receiver (the class's signature).
  assert.throws(() => Counter.prototype.increment.call({}), TypeError);
}

// Type tags: once per object, compared by value.
{
  const obj = {};
  assert.strictEqual(addon.hasTag(obj), false);
  assert.strictEqual(addon.tag(obj), 0);
  assert.strictEqual(addon.hasTag(obj), true);
  assert.strictEqual(addon.tag(obj), 1);  // napi_invalid_arg
  assert.strictEqual(addon.hasTag({}), false);
}

// Promises and buffers.
addon.resolved('done').then(common.mustCall((v) => {
  assert.strictEqual(v, 'done');
}));
{
  const buffer = addon.bufferOf('bytes');
  assert.ok(Buffer.isBuffer(buffer));
  assert.strictEqual(buffer.toString(), 'bytes');
}

// Finalizers of wrapped objects run once the objects are collected.
{
  const before = addon.finalized();
  (() => {
    for (let i = 0; i < 10; i++) new addon.Counter(i);
  })();
  global.gc();
  setImmediate(common.mustCall(() => {
    global.gc();
    setImmediate(common.mustCall(() => {
      assert.ok(addon.finalized() >= before + 10,
                `${addon.finalized()} finalized`);
    }));
  }));
}

// The same file required again is the same module.
assert.strictEqual(require(path.resolve(file)), addon);
