'use strict';
// Keys printed bare or quoted, and string quoting/escaping, on both the short
// (charCode loop) and long (regular expression) paths.
require('../common');
const assert = require('assert');
const util = require('util');

assert.strictEqual(util.inspect({ a: 1, _b: 2, Z9: 3 }), '{ a: 1, _b: 2, Z9: 3 }');
assert.strictEqual(util.inspect({ '': 1, '1a': 2, 'a-b': 3, 'é': 4 }),
                   "{ '': 1, '1a': 2, 'a-b': 3, 'é': 4 }");
assert.strictEqual(util.inspect({ ['__proto__']: 1 }), "{ ['__proto__']: 1 }");
assert.strictEqual(util.inspect('two'), "'two'");
assert.strictEqual(util.inspect("it's"), '"it\'s"');
assert.strictEqual(util.inspect('a\\b'), "'a\\\\b'");
assert.strictEqual(util.inspect('x\ny'), "'x\\ny'");
assert.strictEqual(util.inspect('\x7f~ '), "'\\x7F~ '");
assert.strictEqual(util.inspect('\ud800'), "'\\ud800'");
assert.strictEqual(util.inspect('a'.repeat(70)), `'${'a'.repeat(70)}'`);
assert.strictEqual(util.inspect('\'"'), "`'\"`");
