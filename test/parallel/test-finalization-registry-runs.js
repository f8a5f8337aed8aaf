'use strict';
// Flags: --expose-gc
// V8's foreground tasks (here: FinalizationRegistry cleanup after a GC) run
// from the event loop.
const common = require('../common');
const assert = require('assert');

let finalized = 0;
const registry = new FinalizationRegistry(() => finalized++);
for (let i = 0; i < 100; i++) registry.register({}, i);

let rounds = 0;
function collect() {
  globalThis.gc();
  if (++rounds < 200 && finalized === 0) {
    setImmediate(collect);
  } else {
    setTimeout(common.mustCall(() => assert.ok(finalized > 0)), 10);
  }
}
collect();
