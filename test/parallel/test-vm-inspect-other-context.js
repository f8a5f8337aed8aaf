'use strict';
// util.inspect and util.types work on values made in other contexts.
require('../common');
const assert = require('assert');
const util = require('util');
const vm = require('vm');

assert.strictEqual(util.inspect(vm.createContext({ a: 1 })), '{ a: 1 }');
assert.strictEqual(
  util.inspect(vm.runInNewContext(
    '[new Map([[1, { a: 1 }]]), new Uint8Array(2), /x/g, 10n, new Set([1])]')),
  '[\n  Map(1) { 1 => { a: 1 } },\n  Uint8Array(2) [ 0, 0 ],\n  /x/g,\n' +
  '  10n,\n  Set(1) { 1 }\n]');
assert.strictEqual(util.inspect(vm.runInNewContext('Object.create(null)')),
                   '[Object: null prototype] {}');
assert.strictEqual(
  util.inspect(vm.runInNewContext('new (class Bar {})()')), 'Bar {}');
assert.ok(util.types.isDate(vm.runInNewContext('new Date(0)')));
assert.ok(util.types.isPromise(vm.runInNewContext('Promise.resolve()')));
const err = vm.runInNewContext('new TypeError("in ctx")');
assert.ok(util.types.isNativeError(err));
assert.match(util.inspect(err), /^TypeError: in ctx\n/);
assert.ok(!(err instanceof TypeError));
