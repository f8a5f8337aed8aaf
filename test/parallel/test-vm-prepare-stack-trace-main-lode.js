'use strict';
// An error made in a vm context without an Error.prepareStackTrace of its
// own goes through the main context's hook (as in Node; jest maps its
// stack traces through source maps this way); the context's own hook
// comes first.
require('../common');
const assert = require('assert');
const vm = require('vm');

const own = vm.createContext({});
vm.runInContext('Error.prepareStackTrace = (e, frames) => "own:" + ' +
                '(frames.length > 0); globalThis.s = new Error("x").stack;',
                own);
assert.strictEqual(own.s, 'own:true');

const other = vm.createContext({});
Error.prepareStackTrace = (error, frames) => `main:${error.message}:` +
  `${typeof frames[0].getFileName()}`;
vm.runInContext('globalThis.s = new Error("y").stack', other);
assert.strictEqual(other.s, 'main:y:string');
delete Error.prepareStackTrace;
vm.runInContext('globalThis.s = new Error("z").stack', other);
assert.match(other.s, /^Error: z\n {4}at /);
