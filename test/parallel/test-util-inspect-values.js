'use strict';
require('../common');
const assert = require('assert');
const util = require('util');

const { inspect } = util;

// Primitives.
assert.strictEqual(inspect(42), '42');
assert.strictEqual(inspect(-0), '-0');
assert.strictEqual(inspect(NaN), 'NaN');
assert.strictEqual(inspect(12n), '12n');
assert.strictEqual(inspect(undefined), 'undefined');
assert.strictEqual(inspect(null), 'null');
assert.strictEqual(inspect(Symbol('a')), 'Symbol(a)');
assert.strictEqual(inspect(Symbol()), 'Symbol()');

// Strings choose ', then ", then ` as quote character.
assert.strictEqual(inspect('abc'), "'abc'");
assert.strictEqual(inspect("it's"), `"it's"`);
assert.strictEqual(inspect('it\'s "x"'), '`it\'s "x"`');
assert.strictEqual(inspect('it\'s "x" `y`'), "'it\\'s \"x\" `y`'");
assert.strictEqual(inspect('a\nb\t\x00\x7f\\'), "'a\\nb\\t\\x00\\x7F\\\\'");
assert.strictEqual(inspect('\ud800'), "'\\ud800'");

// Arrays.
assert.strictEqual(inspect([]), '[]');
assert.strictEqual(inspect([1, 2, 3]), '[ 1, 2, 3 ]');
assert.strictEqual(inspect([1, , 3, , , 6]),
                   '[ 1, <1 empty item>, 3, <2 empty items>, 6 ]');
assert.strictEqual(inspect(new Array(5)), '[ <5 empty items> ]');
assert.strictEqual(inspect([1, 2, 3], { maxArrayLength: 1 }),
                   '[ 1, ... 2 more items ]');
const withProps = [1];
withProps.foo = 'bar';
assert.strictEqual(inspect(withProps), "[ 1, foo: 'bar' ]");
assert.strictEqual(
  inspect(Array.from({ length: 26 }, (_, i) => i)),
  '[\n' +
  '   0,  1,  2,  3,  4,  5,  6,  7,\n' +
  '   8,  9, 10, 11, 12, 13, 14, 15,\n' +
  '  16, 17, 18, 19, 20, 21, 22, 23,\n' +
  '  24, 25\n' +
  ']');
assert.strictEqual(
  inspect(['a', 'bb', 'ccc', 'dddd', 'eeeee', 'ffffff', 'ggggggg']),
  "[\n  'a',       'bb',\n  'ccc',     'dddd',\n  'eeeee',   'ffffff',\n" +
  "  'ggggggg'\n]");

// Objects, nesting and keys.
assert.strictEqual(inspect({}), '{}');
assert.strictEqual(inspect({ a: { b: { c: { d: 1 } } } }),
                   '{ a: { b: { c: [Object] } } }');
assert.strictEqual(inspect({ a: [[[[1]]]] }), '{ a: [ [ [Array] ] ] }');
assert.strictEqual(inspect({ 'a-b': 1, [Symbol('s')]: 2, _ok: 3 }),
                   "{ 'a-b': 1, _ok: 3, Symbol(s): 2 }");
assert.strictEqual(inspect(Object.create(null)), '[Object: null prototype] {}');
assert.strictEqual(
  inspect({ alpha: 'aaaaaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbbbbbbbb',
            gamma: 'cccccccccccccccc', delta: 'dddddddd' }),
  "{\n  alpha: 'aaaaaaaaaaaaaaa',\n  beta: 'bbbbbbbbbbbbbbbbbbbb',\n" +
  "  gamma: 'cccccccccccccccc',\n  delta: 'dddddddd'\n}");

// Circular references.
const circ = { a: 1 };
circ.self = circ;
assert.strictEqual(inspect(circ), '<ref *1> { a: 1, self: [Circular *1] }');

// Class instances, tags and functions.
class Foo {}
assert.strictEqual(inspect(new Foo()), 'Foo {}');
class Tagged { get [Symbol.toStringTag]() { return 'Bar'; } }
assert.strictEqual(inspect(new Tagged()), 'Tagged [Bar] {}');
assert.strictEqual(inspect(function f() {}), '[Function: f]');
assert.strictEqual(inspect(() => {}), '[Function (anonymous)]');
assert.strictEqual(inspect(async function af() {}), '[AsyncFunction: af]');
assert.strictEqual(inspect(function* g() {}), '[GeneratorFunction: g]');
class A {}
class B extends A {}
assert.strictEqual(inspect(A), '[class A]');
assert.strictEqual(inspect(B), '[class B extends A]');
function withProp() {}
withProp.x = 1;
assert.strictEqual(inspect(withProp), '[Function: withProp] { x: 1 }');
assert.strictEqual(
  inspect({ get a() { return 1; }, set b(v) {}, get c() { return 2; },
            set c(v) {} }),
  '{ a: [Getter], b: [Setter], c: [Getter/Setter] }');
assert.strictEqual(inspect({ get a() { return 1; } }, { getters: true }),
                   '{ a: [Getter: 1] }');

// Builtin objects.
assert.strictEqual(inspect(new Date(0)), '1970-01-01T00:00:00.000Z');
assert.strictEqual(inspect(/ab+c/gi), '/ab+c/gi');
assert.strictEqual(inspect(new Number(3)), '[Number: 3]');
assert.strictEqual(inspect(new String('ab')), "[String: 'ab']");
assert.strictEqual(inspect(new Map([['a', 1]])), "Map(1) { 'a' => 1 }");
assert.strictEqual(inspect(new Set([1, 'x'])), "Set(2) { 1, 'x' }");
assert.strictEqual(inspect(new Map([[1, 'a']]).entries()),
                   "[Map Entries] { [ 1, 'a' ] }");
assert.strictEqual(inspect(new Set([1]).values()), '[Set Iterator] { 1 }');
assert.strictEqual(inspect(new WeakMap()), 'WeakMap { <items unknown> }');
assert.strictEqual(inspect(new Uint8Array([1, 2])), 'Uint8Array(2) [ 1, 2 ]');
assert.strictEqual(inspect(new Uint8Array([0, 1]).buffer),
                   'ArrayBuffer { [Uint8Contents]: <00 01>, [byteLength]: 2 }');
assert.strictEqual(
  inspect(new DataView(new ArrayBuffer(2))),
  'DataView {\n  [byteLength]: 2,\n  [byteOffset]: 0,\n' +
  '  [buffer]: ArrayBuffer { [Uint8Contents]: <00 00>, [byteLength]: 2 }\n}');
assert.strictEqual(inspect((function() { return arguments; })(1)),
                   "[Arguments] { '0': 1 }");
assert.strictEqual(inspect(Promise.resolve(1)), 'Promise { 1 }');
assert.strictEqual(inspect(new Promise(() => {})), 'Promise { <pending> }');
const rejected = Promise.reject(3);
rejected.catch(() => {});
assert.strictEqual(inspect(rejected), 'Promise { <rejected> 3 }');
assert.strictEqual(inspect(new Proxy({ a: 1 }, {})), '{ a: 1 }');
assert.strictEqual(inspect(new Proxy({ a: 1 }, {}), { showProxy: true }),
                   'Proxy [ { a: 1 }, {} ]');
