'use strict';
require('../common');
const assert = require('assert');
const util = require('util');
const { Console } = require('console');

// The global console is a plain object whose prototype is an empty object,
// tagged 'console', holding bound copies of Console.prototype's methods.
assert.strictEqual(require('console'), console);
assert.strictEqual(console.Console, Console);
const proto = Object.getPrototypeOf(console);
assert.deepStrictEqual(Reflect.ownKeys(proto), []);
assert.strictEqual(Object.getPrototypeOf(proto), Object.prototype);
assert.strictEqual(console[Symbol.toStringTag], 'console');
assert.ok(console instanceof Console);

const methods = [
  'log', 'info', 'debug', 'warn', 'error', 'dir', 'time', 'timeEnd',
  'timeLog', 'trace', 'assert', 'clear', 'count', 'countReset', 'group',
  'groupEnd', 'table', 'dirxml', 'groupCollapsed',
];
assert.deepStrictEqual(Object.keys(console).slice(0, methods.length + 1),
                       [...methods, 'Console']);
for (const name of methods) {
  const desc = Object.getOwnPropertyDescriptor(console, name);
  assert.strictEqual(desc.enumerable, true);
  assert.strictEqual(desc.writable, true);
  assert.strictEqual(desc.value.name, name);
  assert.strictEqual(desc.value.length, 0);
}

// Streams are process.stdout/stderr, read on first use.
const stdoutDesc = Object.getOwnPropertyDescriptor(console, '_stdout');
assert.strictEqual(typeof stdoutDesc.get, 'function');
assert.strictEqual(stdoutDesc.enumerable, false);
assert.strictEqual(console._stdout, process.stdout);
assert.strictEqual(console._stderr, process.stderr);
assert.strictEqual(console._ignoreErrors, true);

assert.match(util.inspect(console), /^Object \[console\] \{\n {2}log: \[Function: log\],\n/);
assert.match(util.inspect(console), /\n {2}dirxml: \[Function: dirxml\],\n/);

// Writes go through process.stdout.write at call time.
const written = [];
const realWrite = process.stdout.write;
process.stdout.write = function(chunk) { written.push(chunk); return true; };
try {
  const { log, group, groupEnd } = console;
  group('G');
  log('%s:%d', 'x', 1, { a: [1] });
  groupEnd();
} finally {
  process.stdout.write = realWrite;
}
assert.deepStrictEqual(written, ['G\n', '  x:1 { a: [ 1 ] }\n']);
