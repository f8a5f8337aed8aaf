// Flags: --no-deprecation
'use strict';
const common = require('../common');
const assert = require('assert');
const util = require('util');

// --no-deprecation sets process.noDeprecation: no warning is emitted.
assert.strictEqual(process.noDeprecation, true);
process.on('warning', common.mustNotCall());
const fn = util.deprecate(() => 42, 'never shown', 'DEP_LODE_3');
assert.strictEqual(fn(), 42);
setImmediate(common.mustCall());
