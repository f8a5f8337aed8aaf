'use strict';
require('../common');
const assert = require('assert');
const { Console } = require('console');
const EventEmitter = require('events');

// new Console(stdout[, stderr][, ignoreErrors]) and new Console(options).
const s = new EventEmitter();
s.write = () => true;

for (const [make, which] of [
  [() => new Console(), 'stdout'],
  [() => new Console({}), 'stdout'],
  [() => new Console(null), 'stdout'],
  [() => Console(5), 'stdout'],
  [() => new Console({ stdout: { write: 5 } }), 'stdout'],
  [() => new Console({ stdout: s, stderr: {} }), 'stderr'],
  [() => new Console(s, 5), 'stderr'],
]) {
  assert.throws(make, {
    code: 'ERR_CONSOLE_WRITABLE_STREAM',
    name: 'TypeError',
    message: `Console expects a writable stream instance for ${which}`,
  });
}
assert.throws(() => new Console({ stdout: s, colorMode: 'x' }), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: 'The argument \'colorMode\' must be one of: \'auto\', true, ' +
    'false. Received \'x\'',
});
assert.throws(() => new Console({ stdout: s, inspectOptions: 5 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.inspectOptions" property must be of type object. ' +
    'Received type number (5)',
});
for (const colorMode of [true, 'auto', false]) {
  assert.throws(() => new Console({
    stdout: s, colorMode, inspectOptions: { colors: true },
  }), {
    code: 'ERR_INCOMPATIBLE_OPTION_PAIR',
    message: 'Option "options.inspectOptions.color" cannot be used in ' +
      'combination with option "colorMode"',
  });
}

// Without `new`, stderr defaulting to stdout, ignoreErrors coerced.
const a = Console(s);
assert.ok(a instanceof Console);
assert.strictEqual(a._stdout, s);
assert.strictEqual(a._stderr, s);
assert.strictEqual(a._ignoreErrors, true);
assert.strictEqual(new Console(s, s, 0)._ignoreErrors, false);
assert.strictEqual(new Console({ stdout: s, ignoreErrors: 'x' })._ignoreErrors,
                   true);

// Methods are own, enumerable, bound and named after their key.
const { log, dirxml, groupCollapsed } = a;
assert.strictEqual(log.name, 'log');
assert.strictEqual(dirxml.name, 'dirxml');
assert.strictEqual(groupCollapsed.name, 'groupCollapsed');
assert.strictEqual(a.dir.length, 2);
assert.strictEqual(Console.prototype.dirxml, Console.prototype.log);
assert.deepStrictEqual(Object.keys(a), Object.keys(Console.prototype));
assert.strictEqual(Object.prototype.toString.call(a), '[object console]');

// instanceof goes through a brand, so the global console passes too.
assert.ok(console instanceof Console);
assert.ok(Object.create(console) instanceof Console);
assert.ok(!({} instanceof Console));

// Subclasses get their overrides bound.
class Sub extends Console {
  constructor() { super(s); }
  log(...args) { this.logged = args; }
}
const sub = new Sub();
const { log: subLog } = sub;
subLog(1, 2);
assert.deepStrictEqual(sub.logged, [1, 2]);
sub.count();
assert.deepStrictEqual(sub.logged, ['default: 1']);
assert.ok(sub instanceof Sub);
