'use strict';
const common = require('../common');
const assert = require('assert');

// Symbol.dispose, Symbol.asyncDispose, SuppressedError, DisposableStack,
// AsyncDisposableStack.

for (const name of ['dispose', 'asyncDispose']) {
  const desc = Object.getOwnPropertyDescriptor(Symbol, name);
  assert.strictEqual(typeof desc.value, 'symbol');
  assert.strictEqual(desc.value.description, `Symbol.${name}`);
  assert.strictEqual(Symbol.keyFor(desc.value), undefined);
  assert.strictEqual(desc.writable || desc.enumerable || desc.configurable,
                     false);
}

const e = new SuppressedError(1, 2, 'm');
assert.ok(e instanceof Error);
assert.deepStrictEqual(Reflect.ownKeys(e),
                       ['stack', 'message', 'error', 'suppressed']);
assert.strictEqual(String(e), 'SuppressedError: m');
assert.strictEqual(SuppressedError.length, 3);
assert.ok(SuppressedError(1, 2) instanceof SuppressedError);
assert.strictEqual(Error.isError(e), true);

const log = [];
const stack = new DisposableStack();
stack.use({ [Symbol.dispose]() { log.push('use'); } });
stack.use(null);
assert.strictEqual(stack.adopt('v', (v) => log.push(`adopt ${v}`)), 'v');
stack.defer(() => log.push('defer'));
const moved = stack.move();
assert.strictEqual(stack.disposed, true);
assert.throws(() => stack.use({}), ReferenceError);
moved.dispose();
assert.deepStrictEqual(log, ['defer', 'adopt v', 'use']);
assert.strictEqual(moved.disposed, true);
moved.dispose();
assert.strictEqual(DisposableStack.prototype[Symbol.dispose],
                   DisposableStack.prototype.dispose);
assert.throws(() => new DisposableStack().use({}), TypeError);
assert.throws(() => new DisposableStack().use(1), TypeError);
assert.throws(() => DisposableStack(), TypeError);

// Errors of later disposals wrap the earlier ones.
const failing = new DisposableStack();
failing.defer(() => { throw new EvalError('first'); });
failing.defer(() => { throw new RangeError('second'); });
assert.throws(() => failing.dispose(), (err) => {
  assert.ok(err instanceof SuppressedError);
  assert.ok(err.error instanceof EvalError);
  assert.ok(err.suppressed instanceof RangeError);
  return true;
});

// Iterators: %IteratorPrototype%[@@dispose] calls return().
let returned = false;
function* g() { try { yield 1; } finally { returned = true; } }
const it = g();
it.next();
it[Symbol.dispose]();
assert.strictEqual(returned, true);

(async () => {
  const order = [];
  const s = new AsyncDisposableStack();
  s.use({ [Symbol.dispose]() { order.push('sync'); } });
  s.use({ async [Symbol.asyncDispose]() { order.push('async'); } });
  s.defer(() => order.push('defer'));
  await s.disposeAsync();
  assert.deepStrictEqual(order, ['defer', 'async', 'sync']);
  assert.strictEqual(s.disposed, true);
  await assert.rejects(AsyncDisposableStack.prototype.disposeAsync.call({}),
                       TypeError);
  const bad = new AsyncDisposableStack();
  bad.defer(async () => { throw new URIError(); });
  await assert.rejects(bad.disposeAsync(), URIError);
  async function* ag() { try { yield 1; } finally { order.push('agen'); } }
  const ai = ag();
  await ai.next();
  await ai[Symbol.asyncDispose]();
  assert.strictEqual(order.at(-1), 'agen');
})().then(common.mustCall());
