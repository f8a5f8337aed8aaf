'use strict';
// Flags: --experimental-vm-modules --no-warnings
// The synchronous way: linkRequests(modules) in the order of
// moduleRequests, then instantiate(); hasTopLevelAwait() of the module's own
// code, hasAsyncGraph() of its graph once instantiated.
const common = require('../common');
const assert = require('assert');
const { SourceTextModule } = require('vm');

const leaf = new SourceTextModule('export const v = 1; await 0;');
const mid = new SourceTextModule('export { v } from "leaf";');
const root = new SourceTextModule(
  'import { v } from "mid"; import * as ns from "leaf"; export default v;',
  { identifier: 'root' });

assert.strictEqual(leaf.hasTopLevelAwait(), true);
assert.strictEqual(mid.hasTopLevelAwait(), false);
assert.strictEqual(root.hasTopLevelAwait(), false);
assert.throws(() => root.hasAsyncGraph(), {
  code: 'ERR_VM_MODULE_STATUS', message: 'Module status must be instantiated',
});
assert.throws(() => root.instantiate(), {
  code: 'ERR_VM_MODULE_LINK_FAILURE', message: 'module is not linked',
});
assert.throws(() => root.linkRequests([mid]), {
  code: 'ERR_MODULE_LINK_MISMATCH', message: 'Expected 2 modules, got 1',
});
assert.throws(() => root.linkRequests([mid, {}]),
              { code: 'ERR_VM_MODULE_NOT_MODULE' });

leaf.linkRequests([]);
mid.linkRequests([leaf]);
root.linkRequests(root.moduleRequests.map(({ specifier }) =>
  ({ mid, leaf })[specifier]));
root.instantiate();
assert.strictEqual(root.status, 'linked');
assert.strictEqual(leaf.status, 'linked');
assert.strictEqual(root.hasAsyncGraph(), true);
assert.throws(() => root.instantiate(), { code: 'ERR_VM_MODULE_STATUS' });

// A request of a module never linked: the failure names it.
const a = new SourceTextModule('import "b";', { identifier: 'a' });
const b = new SourceTextModule('import "c";', { identifier: 'b' });
a.linkRequests([b]);
assert.throws(() => a.instantiate(), {
  code: 'ERR_VM_MODULE_LINK_FAILURE',
  message: "request for 'c' can not be resolved on module 'b' that is not linked",
});

root.evaluate().then(common.mustCall(() => {
  assert.strictEqual(root.namespace.default, 1);
}));
