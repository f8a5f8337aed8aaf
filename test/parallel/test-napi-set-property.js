'use strict';
const common = require('../common');
const assert = require('assert');
const vm = require('vm');
const tmpdir = require('../common/tmpdir');
const { buildAddon } = require('../common/napi');

// napi_set_named_property and napi_set_property are [[Set]] with the object
// as receiver, as V8's Object::Set: setters and read-only properties along
// the prototype chain count, a failed assignment is ignored (napi_ok), and
// what JS throws comes back as napi_pending_exception. lode makes the store
// with a function of a V8 extension; these are the things that would show
// if it were done otherwise (with DefineOwnProperty, in strict mode, with a
// visible JS frame or in another context). Passes on node 24 too.

tmpdir.refresh();
const addon = require(buildAddon('store'));
const napi_ok = 0;

// Where the helper's frame would show: the lines of a stack without the
// error's own line.
function frames(stack) {
  return stack.split('\n').slice(1).map((line) => line.trim().split(' ')[1]);
}

function onPrototype(key, descriptor, fn) {
  Object.defineProperty(Object.prototype, key,
                        { configurable: true, ...descriptor });
  try {
    fn();
  } finally {
    delete Object.prototype[key];
  }
}

// A setter on Object.prototype runs, with the object as receiver; the
// object gets no own property. Its stack goes from the setter straight to
// the JS function that called the addon, with Error.stackTraceLimit
// counting only those, and the setter's caller is not a function of ours.
{
  let seen;
  onPrototype('viaProto', {
    set(value) { seen = { receiver: this, value, stack: new Error().stack }; },
  }, () => {
    const obj = {};
    function callsAddon() { return addon.setNamed(obj, 'viaProto', 7); }
    assert.strictEqual(callsAddon(), napi_ok);
    assert.strictEqual(seen.receiver, obj);
    assert.strictEqual(seen.value, 7);
    assert.deepStrictEqual(Object.keys(obj), []);
    assert.deepStrictEqual(frames(seen.stack).slice(0, 2),
                           ['Object.set', 'callsAddon']);

    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 2;
    try {
      callsAddon();
    } finally {
      Error.stackTraceLimit = limit;
    }
    assert.deepStrictEqual(frames(seen.stack), ['Object.set', 'callsAddon']);

    const key = { toString() { return 'viaProto'; } };
    function callsSetProperty() { return addon.setProperty(obj, key, 8); }
    assert.strictEqual(callsSetProperty(), napi_ok);
    assert.strictEqual(seen.value, 8);
    assert.deepStrictEqual(frames(seen.stack).slice(0, 2),
                           ['Object.set', 'callsSetProperty']);
  });

  let caller;
  // A sloppy-mode setter can ask for its caller.
  // eslint-disable-next-line no-new-func
  const sloppySetter = new Function('v', 'this.f(arguments.callee.caller);');
  // Its caller is the function that called the addon (sloppy too: a strict
  // caller would show as null).
  // eslint-disable-next-line no-new-func
  const outer = new Function('addon', 'f', `
    return function outer() { addon.setNamed({ f }, 'sloppy', 1); };
  `)(addon, (c) => { caller = c; });
  onPrototype('sloppy', { set: sloppySetter }, () => {
    outer();
    assert.strictEqual(caller, outer);
  });
}

// A read-only or getter-only property on the prototype, a frozen or
// non-extensible object, a proxy whose trap answers false: the assignment
// is ignored and the call succeeds.
onPrototype('readOnly', { value: 1, writable: false }, () => {
  const obj = {};
  assert.strictEqual(addon.setNamed(obj, 'readOnly', 5), napi_ok);
  assert.deepStrictEqual(Object.keys(obj), []);
  assert.strictEqual(obj.readOnly, 1);
  assert.strictEqual(addon.setProperty(obj, 'readOnly', 5), napi_ok);
  assert.strictEqual(obj.readOnly, 1);
});
onPrototype('getterOnly', { get() { return 2; } }, () => {
  const obj = {};
  assert.strictEqual(addon.setNamed(obj, 'getterOnly', 5), napi_ok);
  assert.deepStrictEqual(Object.keys(obj), []);
});
{
  const frozen = Object.freeze({ a: 1 });
  assert.strictEqual(addon.setNamed(frozen, 'a', 2), napi_ok);
  assert.strictEqual(addon.setNamed(frozen, 'b', 2), napi_ok);
  assert.deepStrictEqual(frozen, { a: 1 });
  const closed = Object.preventExtensions({});
  assert.strictEqual(addon.setNamed(closed, 'z', 1), napi_ok);
  assert.deepStrictEqual(Object.keys(closed), []);
  const refusing = new Proxy({}, { set() { return false; } });
  assert.strictEqual(addon.setNamed(refusing, 'q', 1), napi_ok);
}

// With --use-strict (V8 then compiles all code, lode's extension code
// included, as strict) a refused assignment is still ignored.
{
  const { spawnSync } = require('child_process');
  const child = spawnSync(process.execPath, ['--use-strict', '-e', `
    const addon = require(${JSON.stringify(buildAddon('store'))});
    const frozen = Object.freeze({ a: 1 });
    const closed = Object.preventExtensions({});
    Object.defineProperty(Object.prototype, 'readOnly', { value: 1 });
    const obj = {};
    console.log(JSON.stringify([
      addon.setNamed(frozen, 'a', 2), addon.setProperty(frozen, 'b', 2),
      addon.setNamed(closed, 'z', 1), addon.setNamed(obj, 'readOnly', 5),
      addon.setProperty(obj, 'readOnly', 5), frozen, Object.keys(closed),
      Object.keys(obj), addon.point(4),
    ]));
  `], { encoding: 'utf8' });
  assert.strictEqual(child.stderr, '');
  assert.deepStrictEqual(JSON.parse(child.stdout), [
    napi_ok, napi_ok, napi_ok, napi_ok, napi_ok, { a: 1 }, [], [],
    { x: 4, y: 1 },
  ]);
}

// Near the stack limit a store succeeds as long as it runs no JS of its
// own (V8 checks the stack only on entering a JS function): every level
// of a recursion that overflowed stores once on the way back.
{
  let stored = 0;
  let failed = 0;
  const recurse = (depth) => {
    try {
      recurse(depth + 1);
    } catch {
      // The stack overflowed further down.
    }
    let status;
    let obj;
    try {
      obj = {};
      status = addon.setNamed(obj, 'x', depth);
    } catch {
      failed++;
      return;
    }
    if (status === napi_ok && obj.x === depth) stored++;
  };
  // The first round may fail once where the call into the addon itself
  // meets the limit (V8's one-time work on the call site, on node 24 too).
  recurse(0);
  failed = 0;
  stored = 0;
  for (let round = 0; round < 3; round++) recurse(0);
  assert.strictEqual(failed, 0);
  assert.ok(stored > 0);

  // A setter that throws a RangeError of its own runs once per store: the
  // error is not mistaken for an overflow before the store began.
  let calls = 0;
  let stores = 0;
  let twice = 0;
  let setterThrew = 0;
  onPrototype('deep', {
    set(v) { calls++; throw new RangeError('own'); },
  }, () => {
    const deep = () => {
      try {
        deep();
      } catch {
        // The stack overflowed further down.
      }
      const before = calls;
      try {
        addon.setNamed({}, 'deep', 1);
      } catch {
        // The setter's own error, or an overflow on entering it.
      }
      stores++;
      if (calls - before > 1) twice++;
      if (calls - before === 1) setterThrew++;
    };
    deep();
  });
  assert.strictEqual(twice, 0);
  assert.ok(setterThrew > 0 && stores > 0);
}

// Exotic receivers keep their own rules.
{
  const array = [1, 2, 3];
  assert.strictEqual(addon.setNamed(array, 'length', 1), napi_ok);
  assert.deepStrictEqual(array, [1]);
  const bytes = new Uint8Array(2);
  assert.strictEqual(addon.setNamed(bytes, '5', 1), napi_ok);
  assert.strictEqual(addon.setNamed(bytes, '-0', 1), napi_ok);
  assert.strictEqual(addon.setProperty(bytes, 1, 9), napi_ok);
  assert.deepStrictEqual(Object.keys(bytes), ['0', '1']);
  assert.strictEqual(bytes[1], 9);
  assert.strictEqual(addon.setNamed(globalThis, 'napiSetGlobal', 42), napi_ok);
  assert.strictEqual(globalThis.napiSetGlobal, 42);
  delete globalThis.napiSetGlobal;
}

// napi_set_property converts its key once (ToPropertyKey), symbols stay
// symbols.
{
  let conversions = 0;
  const obj = {};
  const key = { toString() { conversions++; return 'fromKey'; } };
  assert.strictEqual(addon.setProperty(obj, key, 1), napi_ok);
  assert.strictEqual(conversions, 1);
  assert.deepStrictEqual(obj, { fromKey: 1 });
  const symbol = Symbol('s');
  assert.strictEqual(addon.setProperty(obj, symbol, 2), napi_ok);
  assert.strictEqual(obj[symbol], 2);
  assert.throws(() => addon.setProperty(obj, {
    toString() { throw new Error('no key'); },
  }, 1), { message: 'no key' });
}

// What JS throws during the store reaches the caller; V8's own errors are
// of this context's classes, for objects of another context too.
onPrototype('throws', {
  set(v) { throw new RangeError(`bad ${v}`); },
}, () => {
  function callsAddon() { addon.setNamed({}, 'throws', 3); }
  assert.throws(callsAddon, (e) => {
    assert.ok(e instanceof RangeError);
    assert.strictEqual(e.message, 'bad 3');
    assert.deepStrictEqual(frames(e.stack).slice(0, 2),
                           ['Object.set', 'callsAddon']);
    return true;
  });
});
{
  const target = {};
  Object.defineProperty(target, 'k', { value: 1, writable: false });
  const lying = new Proxy(target, { set() { return true; } });
  assert.throws(() => addon.setNamed(lying, 'k', 2), TypeError);
  const foreign = vm.runInNewContext(
    'new Proxy(Object.freeze({ k: 1 }), { set() { return true; } })');
  assert.throws(() => addon.setNamed(foreign, 'k', 2), TypeError);
  const plain = vm.runInNewContext('({})');
  assert.strictEqual(addon.setNamed(plain, 'v', 1), napi_ok);
  assert.strictEqual(plain.v, 1);
}

// Objects built by an addon have the shape the same JS would give them.
{
  const point = addon.point(3);
  assert.deepStrictEqual(point, { x: 3, y: 1 });
  assert.deepStrictEqual(Object.getOwnPropertyDescriptor(point, 'x'), {
    value: 3, writable: true, enumerable: true, configurable: true,
  });
  for (let i = 0; i < 100; i++) assert.strictEqual(addon.point(i).x, i);
}

// Many names, and a second addon (env) in the same context: lode's store
// functions are shared between keys and envs past the first few, with the
// same results.
{
  const second = require(buildAddon('store', 'store_second'));
  const names = [];
  for (let i = 0; i < 40; i++) names.push(`p${i}`);
  let setterCalls = 0;
  onPrototype('p39', { set(v) { setterCalls++; } }, () => {
    for (let round = 0; round < 3; round++) {
      for (const lib of [addon, second]) {
        const obj = {};
        names.forEach((name, i) => {
          assert.strictEqual(lib.setNamed(obj, name, i), napi_ok);
        });
        assert.deepStrictEqual(Object.keys(obj), names.slice(0, 39));
        assert.strictEqual(obj.p38, 38);
      }
    }
  });
  assert.strictEqual(setterCalls, 6);
}

// In a worker (a context of its own) too.
{
  const { Worker } = require('worker_threads');
  const worker = new Worker(`
    const { parentPort, workerData } = require('worker_threads');
    const addon = require(workerData);
    Object.defineProperty(Object.prototype, 'w', {
      set(v) { parentPort.postMessage(['setter', v]); },
    });
    addon.setNamed({}, 'w', 5);
    parentPort.postMessage(['point', addon.point(6)]);
  `, { eval: true, workerData: buildAddon('store', 'store_worker') });
  const messages = [];
  worker.on('message', (m) => messages.push(m));
  worker.on('exit', common.mustCall((code) => {
    assert.strictEqual(code, 0);
    assert.deepStrictEqual(messages,
                           [['setter', 5], ['point', { x: 6, y: 1 }]]);
  }));
}
