'use strict';
// node:constants (deprecated): os, fs and crypto constants in one frozen
// object, as graceful-fs (npm's file system layer) reads them.
require('../common');
const assert = require('assert');
const constants = require('constants');
const os = require('os');
const fs = require('fs');

assert.ok(Object.isFrozen(constants));
assert.strictEqual(constants.ENOENT, os.constants.errno.ENOENT);
assert.strictEqual(constants.SIGTERM, os.constants.signals.SIGTERM);
assert.strictEqual(constants.O_RDONLY, fs.constants.O_RDONLY);
assert.strictEqual(constants.PRIORITY_LOW, os.constants.priority.PRIORITY_LOW);
assert.strictEqual(constants.RTLD_LAZY, os.constants.dlopen.RTLD_LAZY);
assert.strictEqual(constants.EXTENSIONLESS_FORMAT_WASM, undefined);
