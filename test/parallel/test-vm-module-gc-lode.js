'use strict';
// Flags: --experimental-vm-modules --no-warnings --expose-gc --no-compilation-cache
// Modules nothing refers to are collected, graphs and import() callbacks
// included. (V8's compilation cache keeps a module's script, and so its
// callbacks, for a while: the test goes without it.)
const common = require('../common');
const assert = require('assert');
const { SourceTextModule, SyntheticModule } = require('vm');

let collected = 0;
const registry = new FinalizationRegistry(() => collected++);
const kCount = 50;

(async () => {
  for (let i = 0; i < kCount; i++) {
    const dep = new SyntheticModule(['x'], function() {
      dep.setExport('x', new Array(100).fill(i));
    });
    const m = new SourceTextModule(
      'import { x } from "dep"; export const f = () => import("dep");', {
        importModuleDynamically: () => m,
        initializeImportMeta: () => {},
      });
    await m.link(() => dep);
    await m.evaluate();
    registry.register(m, i);
    registry.register(dep, i);
  }
  for (let i = 0; i < 10 && collected < 2 * kCount; i++) {
    globalThis.gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.strictEqual(collected, 2 * kCount);
})().then(common.mustCall());
