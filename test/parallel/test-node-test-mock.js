'use strict';
require('../common');
const assert = require('assert');
const { test, mock } = require('node:test');

// mock.fn records calls; mockImplementationOnce/times; mock.method,
// getter/setter and property put recording wrappers on objects; test-level
// mocks are restored when the test ends.

test('mock.fn', (t) => {
  const fn = t.mock.fn((a, b) => a + b);
  assert.strictEqual(fn.call(7, 1, 2), 3);
  assert.throws(() => fn(1n, 2), TypeError);
  assert.strictEqual(fn.mock.callCount(), 2);
  const [first, second] = fn.mock.calls;
  assert.deepStrictEqual(first.arguments, [1, 2]);
  assert.strictEqual(first.result, 3);
  assert.strictEqual(first.this, 7);
  assert.strictEqual(first.target, undefined);
  assert.ok(first.stack instanceof Error);
  assert.ok(second.error instanceof TypeError);

  fn.mock.mockImplementationOnce(() => 'once');
  fn.mock.mockImplementation(() => 'always');
  assert.strictEqual(fn(), 'once');
  assert.strictEqual(fn(), 'always');
  fn.mock.resetCalls();
  assert.strictEqual(fn.mock.callCount(), 0);
  fn.mock.restore();
  assert.strictEqual(fn(2, 3), 5);

  const limited = t.mock.fn(() => 'orig', () => 'mocked', { times: 1 });
  assert.strictEqual(limited(), 'mocked');
  assert.strictEqual(limited(), 'orig');
  assert.throws(() => t.mock.fn({ times: 0 }), { code: 'ERR_OUT_OF_RANGE' });

  class Point { constructor(x) { this.x = x; } }
  const Ctor = t.mock.fn(Point);
  const p = new Ctor(4);
  assert.strictEqual(p.x, 4);
  assert.strictEqual(Ctor.mock.calls[0].target, Point);
  assert.strictEqual(Ctor.mock.calls[0].this, p);
});

test('mock.method, getter, setter', (t) => {
  const obj = {
    value: 1,
    add(n) { return this.value + n; },
    get prop() { return 'real'; },
    set prop(v) { this.value = v; },
  };
  const add = t.mock.method(obj, 'add', function(n) { return n * 10; });
  assert.strictEqual(obj.add(2), 20);
  assert.strictEqual(add.mock.calls[0].this, obj);
  t.mock.getter(obj, 'prop', () => 'fake');
  assert.strictEqual(obj.prop, 'fake');
  assert.throws(() => t.mock.method(obj, 'value'), {
    code: 'ERR_INVALID_ARG_VALUE',
    message: /The argument 'methodName' must be a method/,
  });
  assert.throws(() => t.mock.method(null, 'x'), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => t.mock.method(obj, 'add', { getter: true, setter: true }), {
    message: /The property 'options\.setter' cannot be used with 'options\.getter'/,
  });
  add.mock.restore();
  assert.strictEqual(obj.add(2), 3);
  t.mock.restoreAll();
  assert.strictEqual(obj.prop, 'real');
});

const shared = { n: 1, get() { return this.n; } };
test('test mocks are restored at the end', (t) => {
  t.mock.method(shared, 'get', () => 99);
  t.mock.property(shared, 'n', 5);
  assert.strictEqual(shared.get(), 99);
  assert.strictEqual(shared.n, 5);
});

test('after the test', (t) => {
  assert.strictEqual(shared.get(), 1);
  const prop = mock.property(shared, 'n', 2);
  assert.strictEqual(shared.n, 2);
  shared.n = 3;
  assert.deepStrictEqual(prop.mock.accesses.map((a) => a.type), ['get', 'set']);
  mock.reset();
  assert.strictEqual(shared.n, 1);
  // Without --experimental-test-module-mocks there is no mock.module().
  assert.strictEqual(t.mock.module, undefined);
});
