'use strict';
// vm.Script: options, code cache, and the displayErrors decoration.
require('../common');
const assert = require('assert');
const vm = require('vm');

const script = new vm.Script('1 + 1', { produceCachedData: true });
assert.strictEqual(script.cachedDataProduced, true);
assert.ok(Buffer.isBuffer(script.cachedData));
assert.ok(Buffer.isBuffer(script.createCachedData()));
assert.strictEqual(script.runInThisContext(), 2);

const again = new vm.Script('1 + 1', { cachedData: script.cachedData });
assert.strictEqual(again.cachedDataRejected, false);
assert.strictEqual(again.runInNewContext(), 2);
const other = new vm.Script('3 + 30', { cachedData: script.cachedData });
assert.strictEqual(other.cachedDataRejected, true);
assert.strictEqual(other.runInThisContext(), 33);

const mapped = new vm.Script('//# sourceMappingURL=a.map\n//# sourceURL=b.js');
assert.strictEqual(mapped.sourceMapURL, 'a.map');
assert.strictEqual(mapped.sourceURL, 'b.js');

assert.throws(() => new vm.Script('', { cachedData: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.cachedData" property must be an instance of ' +
           'Buffer, TypedArray, or DataView. Received type number (1)',
});
assert.throws(() => new vm.Script('', { lineOffset: 1.5 }),
              { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => script.runInThisContext({ timeout: 0 }), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "options.timeout" is out of range. ' +
           'It must be >= 1 && <= 4294967295. Received 0',
});
assert.throws(() => script.runInThisContext({ displayErrors: 1 }),
              { code: 'ERR_INVALID_ARG_TYPE' });

// Errors get the source line in front of their stack.
assert.throws(() => vm.runInThisContext('1;\n  throw new Error("x")',
                                        { filename: 'f.js' }), (err) => {
  assert.match(err.stack,
               /^f\.js:2\n {2}throw new Error\("x"\)\n {2}\^\n\nError: x\n/);
  assert.match(err.stack, /\n {4}at f\.js:2:9/);
  return true;
});
assert.throws(() => new vm.Script('1;\n  foo bar', { filename: 'g.js' }),
              (err) => {
                assert.match(err.stack,
                             /^g\.js:2\n {2}foo bar\n {6}\^\^\^\n\nSyntax/);
                return true;
              });
assert.throws(() => vm.runInThisContext('throw new Error("y")',
                                        { displayErrors: false }), (err) => {
  assert.match(err.stack, /^Error: y\n/);
  return true;
});
// The column offset of the first line is not part of the arrow.
assert.throws(() => vm.runInNewContext(' throw new Error()', {}, {
  filename: 'off.js', lineOffset: 32, columnOffset: 123,
}), (err) => /^ \^/m.test(err.stack) && /off\.js:33:131/.test(err.stack));
// Values that are not errors pass through untouched.
assert.throws(() => vm.runInThisContext('throw 1'), (v) => v === 1);

// ContextifyScript itself rejects bad arguments (Node 24 aborts here).
const ContextifyScript = Object.getPrototypeOf(vm.Script);
assert.throws(() => new ContextifyScript(1, 2), TypeError);
assert.throws(() => ContextifyScript.prototype.runInContext.call({}),
              TypeError);
